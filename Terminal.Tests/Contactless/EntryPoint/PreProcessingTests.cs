using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;

namespace Terminal.Tests.Contactless.EntryPoint;

/// <summary>Book B 3.1.1 pre-processing, at the exact boundaries of each limit.</summary>
public class PreProcessingTests
{
    // Limits: transaction 100.00, reader floor 50.00, CVM required 30.00 (minor units, exponent 2).
    // Configured TTQ 36 C0 40 00: byte 2 has b8 (online cryptogram required) and b7 (CVM required) set on purpose;
    // Book B 3.1.1.2 clears both in the copy, so the copy starts from 36 00 40 00.
    private static ContactlessCombination Limited() => new(Hex.Decode(VisaAid), 3)
    {
        TransactionLimit = 10000,
        FloorLimit = 5000,
        CvmRequiredLimit = 3000,
        Ttq = Hex.Decode("36C04000"),
        ZeroAmountAllowed = true,
    };

    private static PreProcessingIndicators Run(ContactlessCombination c, long amount) => PreProcessing.Evaluate(c, amount, 100);

    [Theory]
    // below every limit: TTQ byte 2 = 00
    [InlineData(2999, false, false, false, "36004000")]
    // at the CVM required limit: "at or over" (3.1.1.8) -> B2b7 = 40
    [InlineData(3000, false, false, true, "36404000")]
    // at the floor limit: only "over" counts (3.1.1.6); CVM still required
    [InlineData(5000, false, false, true, "36404000")]
    // one over the floor limit: B2b8 = 80 (3.1.1.9) with B2b7 = 40 -> C0
    [InlineData(5001, false, true, true, "36C04000")]
    // one under the transaction limit: still allowed
    [InlineData(9999, false, true, true, "36C04000")]
    // at the transaction limit: "at or over" -> not allowed (3.1.1.5)
    [InlineData(10000, true, true, true, "36C04000")]
    [InlineData(10001, true, true, true, "36C04000")]
    public void Limits_at_their_boundaries(long amount, bool notAllowed, bool floorExceeded, bool cvmRequired, string ttq)
    {
        var p = Run(Limited(), amount);
        Assert.Equal(notAllowed, p.ContactlessApplicationNotAllowed);
        Assert.Equal(floorExceeded, p.ReaderFloorLimitExceeded);
        Assert.Equal(cvmRequired, p.CvmRequiredLimitExceeded);
        Assert.Equal(ttq, p.Ttq.ToString());
    }

    [Fact]
    public void Configured_ttq_is_not_changed_by_pre_processing()
    {
        var c = Limited();
        Run(c, 6000);
        Assert.Equal("36C04000", Hex.Encode(c.Ttq));
    }

    [Fact]
    public void Terminal_floor_limit_counts_only_without_a_reader_floor_limit()
    {
        // 3.1.1.7: RCFL absent, 9F1B = 20.00: 20.00 is not over it, 20.01 is.
        var c = new ContactlessCombination(Hex.Decode(VisaAid), 3) { TerminalFloorLimit = 2000, Ttq = Hex.Decode("36004000") };
        Assert.False(Run(c, 2000).TerminalFloorLimitExceeded);
        var over = Run(c, 2001);
        Assert.True(over.TerminalFloorLimitExceeded);
        Assert.Equal("36804000", over.Ttq.ToString());
        // With a reader floor limit of 50.00 present, 9F1B is not used.
        c.FloorLimit = 5000;
        var p = Run(c, 2001);
        Assert.False(p.TerminalFloorLimitExceeded);
        Assert.False(p.ReaderFloorLimitExceeded);
        Assert.Equal("36004000", p.Ttq.ToString());
    }

    [Fact]
    public void Status_check_is_requested_for_exactly_one_unit_of_currency()
    {
        // 3.1.1.3 and 3.1.1.10: amount 1.00 with status check support -> online cryptogram required (B2b8).
        var c = Limited();
        c.StatusCheckSupported = true;
        var p = Run(c, 100);
        Assert.True(p.StatusCheckRequested);
        Assert.Equal("36804000", p.Ttq.ToString());
        Assert.False(Run(c, 101).StatusCheckRequested);
        Assert.False(Run(c, 99).StatusCheckRequested);
        c.StatusCheckSupported = false;
        Assert.False(Run(c, 100).StatusCheckRequested);
        Assert.Equal("36004000", Run(c, 100).Ttq.ToString());
    }

    [Fact]
    public void Zero_amount_rules()
    {
        // 3.1.1.4: zero amount not allowed -> the combination is not allowed.
        var c = Limited();
        c.ZeroAmountAllowed = false;
        Assert.True(Run(c, 0).ContactlessApplicationNotAllowed);
        // 3.1.1.11: allowed, online-capable reader (TTQ B1b4 = 0) -> Zero Amount, online cryptogram required.
        c.ZeroAmountAllowed = true;
        var p = Run(c, 0);
        Assert.True(p.ZeroAmount);
        Assert.False(p.ContactlessApplicationNotAllowed);
        Assert.Equal("36804000", p.Ttq.ToString());
        // Offline-only reader (B1b4 = 08: 36 | 08 = 3E) -> not allowed.
        c.Ttq = Hex.Decode("3E004000");
        Assert.True(Run(c, 0).ContactlessApplicationNotAllowed);
    }

    [Fact]
    public void Combinations_serve_their_transaction_type_only()
    {
        var purchase = Limited();
        var refund = new ContactlessCombination(Hex.Decode(MastercardAid), 2) { TransactionType = 0x20 };
        var result = PreProcessing.Run([purchase, refund], 1000, 0x00, 100);
        Assert.Single(result);
        Assert.Same(purchase, result[0].Combination);
        Assert.Equal(2, PreProcessing.Run([purchase, refund], 1000, 0x20, 100).Length);
    }

    [Fact]
    public void None_allowed_when_every_combination_is_over_its_limit()
    {
        var a = Limited();
        var b = new ContactlessCombination(Hex.Decode(MastercardAid), 2) { TransactionLimit = 20000 };
        Assert.False(PreProcessing.NoneAllowed(PreProcessing.Run([a, b], 10000, 0, 100)));
        Assert.True(PreProcessing.NoneAllowed(PreProcessing.Run([a, b], 20000, 0, 100)));
        Assert.True(PreProcessing.NoneAllowed(PreProcessing.Run([], 1, 0, 100)));
    }

    [Fact]
    public void Every_combination_not_allowed_gives_try_another_interface_without_polling()
    {
        // 3.1.1.13: Try Another Interface, UI '18' "please insert or swipe card", status Processing Error.
        var reader = new ScriptedReader();
        var ui = new RecordingUi();
        var c = Limited();
        var process = Process([c], reader, ui, (3, new ScriptedKernel(Outcome(ContactlessOutcome.Approved))));
        var result = process.Start(Purchase(10000));
        Assert.Equal(ContactlessOutcome.TryAnotherInterface, result.Outcome.Outcome);
        Assert.Equal(0, reader.Activations);
        Assert.Equal(["18/ProcessingError"], ui.Messages);
    }
}
