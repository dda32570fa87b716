using Terminal.EmvKernel.Apdu;
using Xunit;
using static Terminal.Tests.Apdu.ApduTestSupport;

namespace Terminal.Tests.Apdu;

/// <summary>
/// The T=0 transport layer (EMV 4.4 Book 1, 9.3; the exchanges follow the examples of EMV Contact Interface
/// Specification Annex A) driven by a scripted card: a <see cref="ReplayChannel"/> over a hand-written script,
/// which also proves the transport sends exactly the expected commands.
/// </summary>
public class ApduTransportTests
{
    // "1PAY.SYS.DDF01" SELECT and a 38-byte FCI (6F 24 ...), written out by hand.
    private const string SelectPse = "00A404000E315041592E5359532E444446303100";
    private const string Fci = "6F24840E315041592E5359532E4444463031A5128801015F2D08656E6573667264659F110101";

    private static (ApduTransport, ReplayChannel) Card(params string[] script)
    {
        var channel = new ReplayChannel(Script(script));
        return (new ApduTransport(channel), channel);
    }

    [Fact]
    public void Fci_is_38_bytes()
    {
        Assert.Equal(0x26, H(Fci).Length);
    }

    [Fact]
    public void Plain_9000_is_returned_unchanged()
    {
        var (t, card) = Card(SelectPse, Fci + "9000");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(H(Fci), r.Data);
        Assert.Equal(0x9000, r.Sw);
        card.VerifyComplete();
        Assert.Equal(1, t.Trace.Count);
        Assert.Equal(TraceKind.Command, t.Trace[0].Kind);
    }

    [Fact]
    public void Case4_61xx_fetches_the_data_with_get_response()
    {
        // Annex A4: SELECT -> 61 26; GET RESPONSE Le 26 -> FCI 9000
        var (t, card) = Card(SelectPse, "6126", "00C0000026", Fci + "9000");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(H(Fci), r.Data);
        Assert.Equal(0x9000, r.Sw);
        card.VerifyComplete();
        Assert.Equal(2, t.Trace.Count);
        Assert.Equal(TraceKind.GetResponse, t.Trace[1].Kind);
        Assert.Equal(H("00C0000026"), t.Trace[1].Command);
        Assert.Equal(H(Fci + "9000"), t.Trace[1].Response);
    }

    [Fact]
    public void Chain_of_61xx_is_concatenated()
    {
        // Annex A6: the FCI comes in two pieces, 15 bytes then 23 bytes
        string first = Fci.Substring(0, 30);  // 15 bytes
        string rest = Fci.Substring(30);      // 23 bytes = 0x17
        var (t, card) = Card(SelectPse, "6126", "00C0000026", first + "6117", "00C0000017", rest + "9000");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(H(Fci), r.Data);
        Assert.Equal(0x9000, r.Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Wrong_le_6Cxx_resends_the_same_command_with_le_xx()
    {
        // Annex A2: READ RECORD Le 00 -> 6C 1C; READ RECORD Le 1C -> 28 bytes 9000
        string record = "701A61184F07A0000000031010500A56495341204445424954870101";
        Assert.Equal(0x1C, H(record).Length);
        var (t, card) = Card("00B2010C00", "6C1C", "00B2010C1C", record + "9000");
        var r = t.Exchange(EmvCommands.ReadRecord(1, 1));
        Assert.Equal(H(record), r.Data);
        Assert.Equal(0x9000, r.Sw);
        card.VerifyComplete();
        Assert.Equal(TraceKind.Resend, t.Trace[1].Kind);
    }

    [Fact]
    public void Wrong_le_then_61xx()
    {
        // Annex A5: 6C 1C, resend, 61 1C, GET RESPONSE in two pieces
        string record = "701A61184F07A0000000031010500A56495341204445424954870101";
        var (t, card) = Card(
            "00B2010C00", "6C1C",
            "00B2010C1C", "611C",
            "00C000001C", record.Substring(0, 26) + "610F",
            "00C000000F", record.Substring(26) + "9000");
        var r = t.Exchange(EmvCommands.ReadRecord(1, 1));
        Assert.Equal(H(record), r.Data);
        Assert.Equal(0x9000, r.Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Case4_warning_without_data_gets_the_data_and_keeps_the_warning()
    {
        // Annex A7, first example: SELECT -> 62 86; GET RESPONSE Le 00 -> 6C 26; GET RESPONSE Le 26 -> FCI 9000.
        // The kernel sees the FCI with the warning 6286, not 9000.
        var (t, card) = Card(SelectPse, "6286", "00C0000000", "6C26", "00C0000026", Fci + "9000");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(H(Fci), r.Data);
        Assert.Equal(0x6286, r.Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Blocked_application_6283_on_select_comes_back_with_its_fci()
    {
        var (t, card) = Card(SelectPse, "6283", "00C0000000", Fci + "9000");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(H(Fci), r.Data);
        Assert.Equal(StatusWord.SelectedFileInvalidated, r.Sw);
        Assert.True(r.IsWarning);
        card.VerifyComplete();
    }

    [Fact]
    public void Warning_after_61xx_with_data_is_final()
    {
        // Annex A7, second example: 61 26; GET RESPONSE -> FCI 62 86
        var (t, card) = Card(SelectPse, "6126", "00C0000026", Fci + "6286");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(H(Fci), r.Data);
        Assert.Equal(0x6286, r.Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Warning_with_data_needs_no_get_response()
    {
        var (t, card) = Card(SelectPse, Fci + "6283");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(H(Fci), r.Data);
        Assert.Equal(0x6283, r.Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Warning_kept_when_the_get_response_fails()
    {
        // The card has no data after all: the warning is what the command returned.
        var (t, card) = Card(SelectPse, "6283", "00C0000000", "6A86");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(0, r.DataLength);
        Assert.Equal(0x6283, r.Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Contactless_mode_returns_a_bare_warning_as_it_is()
    {
        var (t, card) = Card(SelectPse, "6283");
        t.GetResponseAfterWarning = false;
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(0x6283, r.Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Warnings_on_case_2_and_case_3_are_returned_as_they_are()
    {
        var (t, card) = Card("00B2010C00", "6282", "0020008008241234FFFFFFFFFF", "63C2");
        Assert.Equal(0x6282, t.Exchange(EmvCommands.ReadRecord(1, 1)).Sw);
        var verify = t.Exchange(EmvCommands.Verify(EmvCommands.VerifyPlaintextPin, H("241234FFFFFFFFFF")));
        Assert.Equal(2, StatusWord.RetryCounter(verify.Sw));
        card.VerifyComplete();
    }

    [Fact]
    public void Errors_are_returned_for_the_kernel_to_interpret()
    {
        var (t, card) = Card(SelectPse, "6A82", "00820000081122334455667788", "6700");
        Assert.Equal(StatusWord.FileNotFound, t.Exchange(CommandApdu.Parse(H(SelectPse))).Sw);
        Assert.Equal(StatusWord.WrongLength, t.Exchange(EmvCommands.ExternalAuthenticate(H("1122334455667788"))).Sw);
        card.VerifyComplete();
    }

    [Fact]
    public void Error_after_61xx_ends_the_exchange()
    {
        // Annex A4 error (late): 61 26, GET RESPONSE -> 65 81
        var (t, card) = Card(SelectPse, "6126", "00C0000026", "6581");
        var r = t.Exchange(CommandApdu.Parse(H(SelectPse)));
        Assert.Equal(StatusWord.MemoryFailure, r.Sw);
        Assert.Equal(0, r.DataLength);
        card.VerifyComplete();
    }

    [Theory]
    [InlineData("6110")]
    [InlineData("6C10")]
    [InlineData("01029000")]
    public void Case_3_command_answered_with_data_or_61_6C_is_a_typed_error(string response)
    {
        var (t, _) = Card("00820000081122334455667788", response);
        var e = Assert.Throws<ApduException>(() => t.Exchange(EmvCommands.ExternalAuthenticate(H("1122334455667788"))));
        Assert.Equal(ApduError.UnexpectedResponse, e.Reason);
    }

    [Fact]
    public void Data_with_6Cxx_is_a_typed_error()
    {
        var (t, _) = Card("00B2010C00", "01026C10");
        Assert.Equal(ApduError.UnexpectedResponse, Assert.Throws<ApduException>(() => t.Exchange(EmvCommands.ReadRecord(1, 1))).Reason);
    }

    [Fact]
    public void Card_removed_during_get_response_is_a_card_removed_error_not_an_apdu_error()
    {
        var (t, card) = Card(SelectPse, "6126", "00C0000026", Fci + "9000");
        card.RemoveCardBeforeStep(2);
        var e = Assert.Throws<CardRemovedException>(() => t.Exchange(CommandApdu.Parse(H(SelectPse))));
        Assert.Equal(CardRemovedReason.Removed, e.Reason);
        Assert.Equal(2, t.Trace.Count);
        Assert.Equal(H("00C0000026"), t.Trace[1].Command);
        Assert.Null(t.Trace[1].Response);
    }

    [Fact]
    public void No_card_before_the_first_command()
    {
        var t = new ApduTransport(new NoCardChannel());
        var e = Assert.Throws<CardRemovedException>(() => t.Exchange(EmvCommands.GetChallenge()));
        Assert.Equal(CardRemovedReason.NoCard, e.Reason);
        Assert.IsNotType<ApduException>(e);
    }

    [Theory]
    [InlineData("61", 10)] // endless 61 10: GET RESPONSE answered by 61 again, no data
    [InlineData("6C", 10)] // endless 6C 10
    public void Endless_61xx_or_6Cxx_stops_at_the_bound_with_a_typed_error(string sw1, int bound)
    {
        var card = new EndlessCard(H(sw1 + "10"));
        var t = new ApduTransport(card) { MaxExchanges = bound };
        var e = Assert.Throws<ApduException>(() => t.Exchange(EmvCommands.ReadRecord(1, 1)));
        Assert.Equal(ApduError.ExchangeLimitExceeded, e.Reason);
        Assert.Equal(bound, card.Commands);
    }

    [Fact]
    public void Default_bound_holds_for_an_endless_card()
    {
        var card = new EndlessCard(H("6101"));
        var t = new ApduTransport(card);
        Assert.Equal(ApduError.ExchangeLimitExceeded, Assert.Throws<ApduException>(() => t.Exchange(EmvCommands.GetChallenge())).Reason);
        Assert.Equal(ApduTransport.DefaultMaxExchanges, card.Commands);
    }

    [Fact]
    public void Endless_61xx_with_data_stops_when_256_bytes_are_exceeded()
    {
        // Each answer carries 100 bytes and 61 64: the third piece overflows the short R-APDU limit.
        var card = new EndlessCard(new byte[100].Concat(H("6164")).ToArray());
        var t = new ApduTransport(card);
        Assert.Equal(ApduError.ResponseTooLong, Assert.Throws<ApduException>(() => t.Exchange(EmvCommands.GetChallenge())).Reason);
        Assert.Equal(3, card.Commands);
    }

    [Theory]
    [InlineData("", ApduError.NoResponse)]
    [InlineData("90", ApduError.ResponseTooShort)]
    [InlineData("00000000", ApduError.InvalidStatusWord)]
    public void Broken_responses_are_typed_errors(string response, ApduError reason)
    {
        var (t, _) = Card("00B2010C00", response);
        Assert.Equal(reason, Assert.Throws<ApduException>(() => t.Exchange(EmvCommands.ReadRecord(1, 1))).Reason);
    }

    [Fact]
    public void Channel_returning_null_is_no_response()
    {
        var t = new ApduTransport(new NullChannel());
        Assert.Equal(ApduError.NoResponse, Assert.Throws<ApduException>(() => t.Exchange(EmvCommands.GetChallenge())).Reason);
    }

    [Fact]
    public void Trace_can_be_switched_off_and_is_bounded()
    {
        var t = new ApduTransport(new ReplayChannel(Script("0084000000", "01020304050607089000")), null);
        Assert.Null(t.Trace);
        Assert.Equal(8, t.Exchange(EmvCommands.GetChallenge()).DataLength);

        var trace = new ApduTrace(2);
        var t2 = new ApduTransport(new ReplayChannel(Script("0084000000", "9000", "0084000000", "9001", "0084000000", "9002")), trace);
        for (int i = 0; i < 3; i++) t2.Exchange(EmvCommands.GetChallenge());
        Assert.Equal(2, trace.Count);
        Assert.Equal(1, trace.Dropped);
        Assert.Equal(H("9001"), trace[0].Response);
        Assert.Equal(H("9002"), trace[1].Response);
        trace.Clear();
        Assert.Equal(0, trace.Count);
    }

    /// <summary>Answers every command with the same bytes and counts the commands.</summary>
    private sealed class EndlessCard(byte[] response) : ICardChannel
    {
        public int Commands { get; private set; }
        public byte[] Transmit(byte[] command)
        {
            Commands++;
            return (byte[])response.Clone();
        }
    }

    private sealed class NoCardChannel : ICardChannel
    {
        public byte[] Transmit(byte[] command) => throw new CardRemovedException(CardRemovedReason.NoCard);
    }

    private sealed class NullChannel : ICardChannel
    {
        public byte[] Transmit(byte[] command) => null;
    }
}
