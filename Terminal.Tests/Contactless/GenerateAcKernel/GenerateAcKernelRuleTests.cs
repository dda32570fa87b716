using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using static Terminal.Tests.Contactless.GenerateAcKernel.GenerateAcKernelTestSupport;

namespace Terminal.Tests.Contactless.GenerateAcKernel;

/// <summary>
/// The kernel's rules one by one: relay resistance arithmetic and its branches on a card, the limits on their exact
/// boundaries, a card removed at each command, the torn transaction log.
/// </summary>
public class GenerateAcKernelRuleTests
{
    private static readonly RelayResistanceParameters Defaults = new();

    // ----- Relay resistance (Book C-2; notes section 6 step 3), C-2 defaults: grace 20 / 50, expected C 18 / R 24,
    // accuracy 300, mismatch 50 %; all in 100 µs units.

    [Theory]
    [InlineData(60, 20, 22)]   // 60 - 18 - min(20, 24)
    [InlineData(60, 30, 18)]   // 60 - 18 - min(30, 24)
    [InlineData(30, 20, 0)]    // 30 - 18 - 20 < 0 -> 0
    public void Measured_time_removes_the_expected_transmission_times(int roundTrip, int deviceEstimated, int expected) =>
        Assert.Equal(expected, RelayResistance.MeasuredProcessingTime(roundTrip, deviceEstimated, Defaults));

    [Theory]
    [InlineData(79, 100, true)]    // 79 < 100 - 20
    [InlineData(80, 100, false)]   // at the floor
    [InlineData(0, 10, false)]     // max(0, 10 - 20) = 0
    public void Too_fast_is_under_the_minimum_time_less_the_minimum_grace(int measured, int minTime, bool expected) =>
        Assert.Equal(expected, RelayResistance.TooFast(measured, minTime, Defaults));

    [Theory]
    [InlineData(100, 50, false)]   // 50 + 50 = 100: at the limit
    [InlineData(101, 50, true)]
    public void Too_slow_is_over_the_maximum_time_plus_the_maximum_grace(int measured, int maxTime, bool expected) =>
        Assert.Equal(expected, RelayResistance.TooSlow(measured, maxTime, Defaults));

    [Theory]
    [InlineData(22, 10, 20, false)]
    [InlineData(310, 10, 20, false)]  // 310 - 10 = 300: at the accuracy threshold
    [InlineData(311, 10, 20, true)]   // 301 > 300
    [InlineData(22, 10, 12, false)]   // 12 * 100 = 1200 = 50 * 24: at the mismatch threshold
    [InlineData(22, 10, 11, true)]    // 1100 < 1200
    [InlineData(22, 10, 48, false)]   // 24 * 100 = 2400 = 50 * 48
    [InlineData(22, 10, 49, true)]    // 2400 < 2450
    public void Threshold_exceeded_by_accuracy_or_transmission_time_mismatch(int measured, int minTime, int deviceEstimated, bool expected) =>
        Assert.Equal(expected, RelayResistance.ThresholdExceeded(measured, minTime, deviceEstimated, Defaults));

    [Fact]
    public void Slow_card_is_retried_twice_with_new_numbers_then_time_limits_exceeded()
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-relay-resistance")));
        tap.Channel.RelayMicroseconds = 20000; // 200 units: measured 200 - 18 - 20 = 162 > 50 + 50
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(), Indicators(1000), ReaderConfiguration());
        // Three exchanges: the UN, then two new numbers from the random source (51 52 53 54, 55 56 57 58).
        Assert.Equal(["80EA000004" + Un + "00", "80EA00000451525354" + "00", "80EA00000455565758" + "00"],
            tap.Commands.Where(c => c.StartsWith("80EA", StringComparison.Ordinal)));
        // TVR byte 5 = 04 (time limits exceeded) | 02 (performed); 162 - 10 = 152 <= 300: no threshold bit.
        Assert.Equal("0000000006", Hex.Encode(r.Tvr));
        Assert.Equal("02", Hex.Encode(r.CardRead.Terminal.Get(RelayResistance.CounterTag)));
        // GENERATE AC carries the last number; TAC zero and IAC-Denial 0010000000 do not match byte 5: TC asked.
        Assert.Contains("55565758", tap.Commands[^1]);
        Assert.Equal(GenerateAcKernelOutcome.Approved, r.Outcome);
    }

    [Fact]
    public void Card_faster_than_its_minimum_time_ends_the_application()
    {
        var tap = new Tap(NewCard(Image("mastercard-mchip-relay-resistance", Set("relay-min-time", "100"))));
        tap.Channel.RelayMicroseconds = 6000; // measured 22 < 100 - 20
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(), Indicators(1000), ReaderConfiguration());
        Assert.Equal(GenerateAcKernelOutcome.EndApplication, r.Outcome);
        Assert.False(r.Restart);
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, r.Transaction.TerminationReason);
        Assert.Equal(2, tap.Commands.Length); // GPO, EXCHANGE RELAY RESISTANCE DATA, nothing more
    }

    [Fact]
    public void Accuracy_threshold_exceeded_sets_tvr_byte_5_b4()
    {
        var tap = new Tap(NewCard(Image("mastercard-mchip-relay-resistance", Set("relay-max-time", "500"))));
        tap.Channel.RelayMicroseconds = 40000; // measured 400 - 18 - 20 = 362 <= 550; 362 - 10 = 352 > 300
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(), Indicators(1000), ReaderConfiguration());
        Assert.Equal("000000000A", Hex.Encode(r.Tvr)); // 08 threshold exceeded | 02 performed
    }

    [Fact]
    public void Reader_without_relay_resistance_marks_it_not_performed()
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-relay-resistance")));
        var c = ReaderConfiguration();
        c.RelayResistanceSupported = false;
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(), Indicators(1000), c);
        Assert.DoesNotContain(tap.Commands, x => x.StartsWith("80EA", StringComparison.Ordinal));
        Assert.Equal("0000000001", Hex.Encode(r.Tvr)); // B5b2-b1 = 01 not performed
    }

    // ----- Limits on their boundaries (Entry Point pre-processing; the kernel's transaction limits).

    [Theory]
    [InlineData(4999, "1F0302", OutcomeCvm.NoCvm)]            // under: '9F33' byte 2 = 08, 1E03 fails, 1F03 no CVM
    [InlineData(5000, "1E0300", OutcomeCvm.ObtainSignature)]  // at: CVM required, '9F33' byte 2 = 60, signature
    [InlineData(5001, "1E0300", OutcomeCvm.ObtainSignature)]
    public void Cvm_required_limit_at_or_over(long amount, string cvmResults, OutcomeCvm cvm)
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-offline-cda")));
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(amount), Indicators(amount), ReaderConfiguration());
        Assert.Equal(cvmResults, Hex.Encode(r.CvmResults));
        Assert.Equal(cvm, r.Cvm);
        Assert.Equal(GenerateAcKernelOutcome.Approved, r.Outcome);
        Assert.Equal(cvm == OutcomeCvm.ObtainSignature, GenerateAcKernelActivation.Map(r).Receipt);
    }

    [Fact]
    public void Floor_limit_at_is_offline_and_over_goes_online()
    {
        var at = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-offline-cda")));
        GenerateAcKernelResult r1 = at.Run(ReferenceTerminal(10000), Indicators(10000), ReaderConfiguration());
        Assert.Equal("0000000000", Hex.Encode(r1.Tvr));
        Assert.Equal(GenerateAcKernelOutcome.Approved, r1.Outcome);

        var over = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-offline-cda")));
        GenerateAcKernelResult r2 = over.Run(ReferenceTerminal(10001), Indicators(10001), ReaderConfiguration());
        // TVR B4b8 "exceeds floor limit"; IAC-Online DCE004F800 has byte 4 b8 -> ARQC asked: P1 90 (80 | CDA 10).
        Assert.Equal("0000008000", Hex.Encode(r2.Tvr));
        Assert.StartsWith("80AE9000", over.Commands[^1]);
        Assert.Equal(GenerateAcKernelOutcome.OnlineRequest, r2.Outcome);
    }

    [Theory]
    [InlineData(9999, GenerateAcKernelOutcome.Approved)]
    [InlineData(10000, GenerateAcKernelOutcome.TryAnotherInterface)]
    [InlineData(10001, GenerateAcKernelOutcome.TryAnotherInterface)]
    public void Contactless_transaction_limit_at_or_over_goes_to_another_interface(long amount, GenerateAcKernelOutcome expected)
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-offline-cda")));
        var c = ReaderConfiguration();
        c.TransactionLimitNoOnDeviceCvm = 10000;
        c.TransactionLimitOnDeviceCvm = 50000;
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(amount), Indicators(amount, floorLimit: 20000), c);
        Assert.Equal(expected, r.Outcome);
        if (expected == GenerateAcKernelOutcome.TryAnotherInterface)
        {
            Assert.Single(tap.Commands); // decided after GPO
            OutcomeParameterSet o = GenerateAcKernelActivation.Map(r);
            Assert.Equal(AlternateInterface.ContactChip, o.AlternateInterface);
            Assert.Equal(UiMessage.InsertCard, o.UiRequestOnOutcome.MessageId);
        }
    }

    [Fact]
    public void Phone_uses_the_on_device_cvm_transaction_limit()
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-phone-cdcvm")));
        var c = ReaderConfiguration();
        c.TransactionLimitNoOnDeviceCvm = 5000;   // would refuse 60.00
        c.TransactionLimitOnDeviceCvm = 50000;    // the phone's limit applies (AIP B1b2 and 'DF811B' b6)
        Assert.Equal(GenerateAcKernelOutcome.Approved, tap.Run(ReferenceTerminal(6000), Indicators(6000), c).Outcome);
    }

    // ----- Card removed at each command.

    [Theory]
    [InlineData(0)] // GPO
    [InlineData(1)] // EXCHANGE RELAY RESISTANCE DATA
    [InlineData(2)] // READ RECORD
    [InlineData(5)] // last READ RECORD
    public void Card_removed_before_generate_ac_is_try_again_without_a_torn_record(int command)
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-relay-resistance")));
        tap.Channel.RemoveBefore = command;
        var c = ReaderConfiguration();
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(), Indicators(1000), c);
        Assert.Equal(GenerateAcKernelOutcome.TryAgain, r.Outcome);
        Assert.Equal(KernelTerminationReason.CardRemoved, r.Transaction.TerminationReason);
        Assert.Equal(0, c.TornLog.Count);
        OutcomeParameterSet o = GenerateAcKernelActivation.Map(r);
        Assert.Equal(ContactlessOutcome.TryAgain, o.Outcome);
        Assert.Equal(StartPoint.B, o.Start);
    }

    [Fact]
    public void Card_removed_before_generate_ac_is_processed_leaves_a_torn_record_the_card_cannot_recover()
    {
        var card = NewCard(CardLibrary.Image("mastercard-mchip-torn-recovery"));
        var c = ReaderConfiguration();
        var first = new Tap(card);
        first.Channel.RemoveBefore = 5; // GENERATE AC never reached the card
        GenerateAcKernelResult r1 = first.Run(ReferenceTerminal(), Indicators(1000), c);
        // The kernel cannot tell a lost command from a lost answer: torn record, End Application, restart at B.
        Assert.Equal(GenerateAcKernelOutcome.EndApplication, r1.Outcome);
        Assert.True(r1.Restart);
        Assert.NotNull(r1.CardRead.TornRecordCreated);

        var second = new Tap(card);
        GenerateAcKernelResult r2 = second.Run(ReferenceTerminal(1000, "0A0B0C0D"), Indicators(1000), c);
        // RECOVER AC names the torn UN; the card has no answer for it ('6985'): the record is released to the POS
        // and a new GENERATE AC follows with this tap's data.
        Assert.Equal("80D0000004" + Un + "00", second.Commands[5]);
        Assert.Equal(GenerateAcTc("0A0B0C0D"), second.Commands[6][..10] + second.Commands[6][10..]);
        Assert.Same(r1.CardRead.TornRecordCreated, Assert.Single(r2.CardRead.TornRecordsReleased));
        Assert.Equal(0, c.TornLog.Count);
        Assert.False(r2.CardRead.Recovered);
        Assert.Equal(GenerateAcKernelOutcome.Approved, r2.Outcome);
    }

    private static string GenerateAcTc(string un) => "80AE50002B" + Cdol1(1000, "0000000000", "1F0302", un) + "00";

    [Fact]
    public void Expired_torn_record_is_released_not_recovered()
    {
        var card = NewCard(CardLibrary.Image("mastercard-mchip-torn-recovery"));
        var clock = new ScriptedClock();
        var c = ReaderConfiguration(clock);
        var first = new Tap(card, clock);
        first.Channel.TearAt = 5;
        first.Run(ReferenceTerminal(), Indicators(1000), c);
        Assert.Equal(1, c.TornLog.Count);
        clock.Advance(300_000_001); // 'DF811C' 300 s passed
        var second = new Tap(card, clock);
        GenerateAcKernelResult r2 = second.Run(ReferenceTerminal(1000, "0A0B0C0D"), Indicators(1000), c);
        Assert.DoesNotContain(second.Commands, x => x.StartsWith("80D0", StringComparison.Ordinal));
        Assert.Single(r2.CardRead.TornRecordsReleased);
        Assert.Equal(0, c.TornLog.Count);
        Assert.Equal(GenerateAcKernelOutcome.Approved, r2.Outcome);
    }

    [Fact]
    public void Torn_log_is_bounded_and_evicts_the_oldest()
    {
        var log = new TornTransactionLog(2, 300);
        var a = Record("5413339000000499", 1);
        var b = Record("5413339000000481", 2);
        var d = Record("5413339000000473", 3);
        Assert.Null(log.Add(a));
        Assert.Null(log.Add(b));
        Assert.Same(a, log.Add(d));
        Assert.Equal(2, log.Count);
        Assert.Null(log.Find(Hex.Decode("5413339000000499"), new byte[] { 0x01 }, 10));
        Assert.Same(b, log.Find(Hex.Decode("5413339000000481"), new byte[] { 0x01 }, 10));
        Assert.Null(log.Find(Hex.Decode("5413339000000481"), new byte[] { 0x02 }, 10)); // another PSN
        Assert.Same(d, new TornTransactionLog(0, 300).Add(d)); // capacity 0: nothing kept
        Assert.Throws<ArgumentOutOfRangeException>(() => new TornTransactionLog(256, 300));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TornTransactionLog(1, 0));
    }

    private static TornTransactionRecord Record(string pan, long at)
    {
        // Records are made by the kernel; a torn tap on a card with this PAN gives one.
        var card = NewCard(Image("mastercard-mchip-torn-recovery", All(Set("pan", pan), Set("track2", pan + "D30122010000000000"))));
        var clock = new ScriptedClock();
        clock.Advance(at - clock.Microseconds);
        var c = ReaderConfiguration(clock);
        var tap = new Tap(card, clock);
        tap.Channel.TearAt = 5;
        return tap.Run(ReferenceTerminal(), Indicators(1000), c).CardRead.TornRecordCreated;
    }

    private static Func<string, string> All(params Func<string, string>[] edits) => text => edits.Aggregate(text, (t, e) => e(t));
}
