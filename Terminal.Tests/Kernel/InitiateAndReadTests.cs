using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>Book 3, 10.1 (GET PROCESSING OPTIONS) and 10.2 (READ RECORD) against scripted cards.</summary>
public class InitiateAndReadTests
{
    private const string Ok = "9000";
    // PDOL 9F38: 9F02 (amount, 6 bytes) and 9F1A (terminal country code, 2 bytes).
    private static readonly string VisaFciWithPdol = Fci(Visa, T("50", "56495341") + T("9F38", "9F02069F1A02"));
    // GPO with the PDOL data written out: 83 08, amount 000000001000, country 0826 (Book 3, 6.5.8.3).
    private const string GpoWithPdol = "80A800000A8308000000001000082600";
    private const string GpoNoPdol = "80A80000028300" + "00";
    // Format 1: AIP 1800, AFL SFI 1 record 1 (1 for ODA) and SFI 11 record 1 (1 for ODA).
    private const string Format1 = "800A1800080101015801010190" + "00";
    // SFI 1 record 1: 70 { 5A PAN, 5F24 expiry 31-12-2030 }.
    private const string Record1 = "70105A0847617390000003505F2403301231";
    // SFI 11 record 1: 70 { 8C CDOL1 9F0206, 8D CDOL2 8A0200 }.
    private const string Record11 = "700A8C039F02068D038A0200";

    private static string[] Selected(string fci) => new[] { SelectPse, "6A82", Select(Visa), fci + Ok };

    private static Flow NewFlow(ReplayChannel card, int count = 1)
    {
        var flow = new Flow(card, count == 1 ? Aids(false, Visa) : VisaAndMastercard());
        flow.Terminal.Set(0x9F02, Hex.Decode("000000001000"));
        flow.Terminal.Set(0x9F1A, Hex.Decode("0826"));
        return flow;
    }

    private static ReplayChannel Script(params string[][] parts) => Card(parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Format1_with_pdol_then_records_build_the_static_data()
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, "800A18000801010158010101" + Ok, ReadRecord(1, 1), Record1 + Ok, ReadRecord(11, 1), Record11 + Ok });
        Flow flow = NewFlow(card).Run();

        Assert.False(flow.Options.IsFormat2);
        Assert.Equal("1800", Hex.Encode(flow.Options.Aip));
        Assert.Equal(2, flow.Options.Afl.Count);
        // Book 3, 10.3: SFI 1 adds the '70' value, SFI 11 the whole record.
        Assert.Equal("5A0847617390000003505F2403301231" + "700A8C039F02068D038A0200", Hex.Encode(flow.Data.StaticDataToBeAuthenticated));
        Assert.False(flow.Data.OdaRecordNotTemplate);
        Assert.Equal(2, flow.Data.RecordsRead);
        Assert.Equal("4761739000000350", Hex.Encode(flow.CardData.Get(0x5A)));
        Assert.Equal("1800", Hex.Encode(flow.CardData.Get(0x82)));
        Assert.Equal(Visa, Hex.Encode(flow.Terminal.Get(0x9F06)));
        Assert.Equal("9F02069F1A02", Hex.Encode(flow.CardData.Get(0x9F38)));
        card.VerifyComplete();
    }

    [Fact]
    public void Format2_response_is_parsed_and_other_objects_kept()
    {
        // 77 { 82 1980, 94 SFI 1 rec 1-1 no ODA + SFI 11 rec 1-1 no ODA, 9F36 ATC 0001 }.
        string format2 = "7713" + "82021980" + "94080801010058010100" + "9F36020001";
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, format2 + Ok, ReadRecord(1, 1), Record1 + Ok, ReadRecord(11, 1), Record11 + Ok });
        Flow flow = NewFlow(card).Run();
        Assert.True(flow.Options.IsFormat2);
        Assert.Equal("1980", Hex.Encode(flow.Options.Aip));
        Assert.Equal("0001", Hex.Encode(flow.CardData.Get(0x9F36)));
        Assert.Empty(flow.Data.StaticDataToBeAuthenticated);
        card.VerifyComplete();
    }

    [Fact]
    public void Gpo_6985_removes_the_application_and_selects_the_next()
    {
        // Book 3, 10.1: '6985' - back to final selection with the candidate list minus Visa.
        string mcFci = Fci(Mastercard, T("87", "02"));
        var card = Card(
            SelectPse, "6A82",
            Select(Visa), Fci(Visa, T("87", "01")) + Ok,
            Select(Mastercard), mcFci + Ok,
            Select(Visa), Fci(Visa, T("87", "01")) + Ok,
            GpoNoPdol, "6985",
            Select(Mastercard), mcFci + Ok,
            GpoNoPdol, "800A18000801010158010101" + Ok,
            ReadRecord(1, 1), Record1 + Ok,
            ReadRecord(11, 1), Record11 + Ok);
        Flow flow = NewFlow(card, 2).Run();
        Assert.Equal(Mastercard, Hex.Encode(flow.Options.Application.DfName));
        Assert.Equal(Mastercard, Hex.Encode(flow.Terminal.Get(0x9F06)));
        Assert.Equal(1, flow.Selection.Candidates.Count);
        card.VerifyComplete();
    }

    [Fact]
    public void Gpo_6985_on_the_last_application_gives_no_mutual_application()
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, "6985" });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.NoMutualApplication, e.Reason);
        card.VerifyComplete();
    }

    [Fact]
    public void Gpo_other_status_terminates()
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, "6A88" });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.UnexpectedStatusWord, e.Reason);
        Assert.Equal(0x6A88, e.StatusWord);
    }

    [Theory]
    [InlineData("8003180008", KernelTerminationReason.InvalidCardResponse)]            // format 1, L = 3
    [InlineData("8004180008010100", KernelTerminationReason.InvalidCardResponse)]      // L = 4: AIP only, half an AFL
    [InlineData("80021800", KernelTerminationReason.InvalidCardResponse)]              // AIP without AFL
    [InlineData("9F1006180008010100", KernelTerminationReason.InvalidCardResponse)]    // neither 80 nor 77
    [InlineData("800A1800", KernelTerminationReason.InvalidCardResponse)]              // length overruns
    [InlineData("", KernelTerminationReason.InvalidCardResponse)]                      // no data
    [InlineData("7706940408010100", KernelTerminationReason.MissingMandatoryData)]     // format 2 without 82
    [InlineData("770482021800", KernelTerminationReason.MissingMandatoryData)]         // format 2 without 94
    [InlineData("770B8203180000940408010100", KernelTerminationReason.InvalidCardResponse)] // AIP of 3 bytes
    [InlineData("80061800" + "00010100", KernelTerminationReason.InvalidApplicationFileLocator)] // SFI 0
    [InlineData("80061800" + "F8010100", KernelTerminationReason.InvalidApplicationFileLocator)] // SFI 31
    [InlineData("80061800" + "08000100", KernelTerminationReason.InvalidApplicationFileLocator)] // first record 0
    [InlineData("80061800" + "08020100", KernelTerminationReason.InvalidApplicationFileLocator)] // last < first
    [InlineData("80061800" + "08010203", KernelTerminationReason.InvalidApplicationFileLocator)] // 3 ODA records of 2
    [InlineData("80061800" + "09010100", KernelTerminationReason.InvalidApplicationFileLocator)] // b3-b1 not 000
    [InlineData("7708820218009402" + "0801", KernelTerminationReason.InvalidApplicationFileLocator)] // AFL not 4n
    public void Malformed_gpo_response_terminates_with_a_typed_reason(string response, KernelTerminationReason reason)
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, response + Ok });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Record_of_sfi_1_to_10_that_is_not_a_70_template_terminates()
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, Format1, ReadRecord(1, 1), "61105A0847617390000003505F2403301231" + Ok });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.InvalidRecord, e.Reason);
    }

    [Theory]
    [InlineData("")]                      // no data at all
    [InlineData("7012" + "5A08476173900000")] // template length overruns
    [InlineData("7003" + "5A0147" + "9F")]  // trailing bytes after the template
    public void Broken_record_of_sfi_1_to_10_terminates(string record)
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, Format1, ReadRecord(1, 1), record + Ok });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.InvalidRecord, e.Reason);
    }

    [Fact]
    public void Proprietary_record_of_sfi_11_flagged_for_oda_is_added_whole_and_marks_oda_failure()
    {
        // SFI 11 record 1 is proprietary (not '70'); it is allowed (Book 3, 10.2) but ODA will fail (Book 3, 10.3).
        string r11 = "DF01020102";
        string r2 = "700A8C039F02068D038A0200";
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, "800E1800" + "08010101" + "58010101" + "10010100" + Ok,
            ReadRecord(1, 1), Record1 + Ok, ReadRecord(11, 1), r11 + Ok, ReadRecord(2, 1), r2 + Ok });
        Flow flow = NewFlow(card).Run();
        Assert.True(flow.Data.OdaRecordNotTemplate);
        Assert.Equal("5A0847617390000003505F2403301231" + "DF01020102", Hex.Encode(flow.Data.StaticDataToBeAuthenticated));
        card.VerifyComplete();
    }

    [Theory]
    [InlineData(0x5A, "70065F2403301231")]
    [InlineData(0x5F24, "700A5A084761739000000350")]
    public void Missing_mandatory_data_terminates_naming_the_tag(int tag, string record1)
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, Format1, ReadRecord(1, 1), record1 + Ok, ReadRecord(11, 1), Record11 + Ok });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.MissingMandatoryData, e.Reason);
        Assert.Equal(tag, e.Tag);
    }

    [Theory]
    [InlineData(0x8D, "70058C039F0206")]
    [InlineData(0x8C, "70058D038A0200")]
    public void Missing_cdol_terminates(int missing, string record11)
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, Format1, ReadRecord(1, 1), Record1 + Ok, ReadRecord(11, 1), record11 + Ok });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.MissingMandatoryData, e.Reason);
        Assert.Equal(missing, e.Tag);
    }

    [Fact]
    public void Duplicate_primitive_tag_in_two_records_terminates_as_redundant_data()
    {
        string record11WithPan = "70148C039F02068D038A02005A084761739000000350";
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, Format1, ReadRecord(1, 1), Record1 + Ok, ReadRecord(11, 1), record11WithPan + Ok });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.RedundantData, e.Reason);
        Assert.Equal(0x5A, e.Tag);
    }

    [Fact]
    public void Read_record_status_other_than_9000_terminates()
    {
        var card = Script(Selected(VisaFciWithPdol), new[] { GpoWithPdol, Format1, ReadRecord(1, 1), "6A83" });
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.UnexpectedStatusWord, e.Reason);
        Assert.Equal(0x6A83, e.StatusWord);
    }

    [Fact]
    public void Malformed_pdol_terminates()
    {
        string fci = Fci(Visa, T("9F38", "9F02"));
        var card = Script(Selected(fci));
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, e.Reason);
        Assert.Equal(0x9F38, e.Tag);
    }

    // The PSE flow of a whole run: PSE, directory record, end of directory, final SELECT, GPO, two records.
    private static readonly string[] FullRun =
    {
        SelectPse, PseFci(1) + Ok,
        ReadRecord(1, 1), T("70", Entry(Visa, "01")) + Ok,
        ReadRecord(1, 2), "6A83",
        Select(Visa), VisaFciWithPdol + Ok,
        GpoWithPdol, Format1,
        ReadRecord(1, 1), Record1 + Ok,
        ReadRecord(11, 1), Record11 + Ok,
    };

    [Fact]
    public void Full_pse_run_succeeds()
    {
        var card = Card(FullRun);
        NewFlow(card).Run();
        card.VerifyComplete();
    }

    public static IEnumerable<object[]> Steps() => Enumerable.Range(1, FullRun.Length / 2).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Steps))]
    public void Card_removed_at_any_command_ends_with_card_removed(int step)
    {
        var card = Card(FullRun);
        card.RemoveCardBeforeStep(step);
        var e = Terminated(() => NewFlow(card).Run());
        Assert.Equal(KernelTerminationReason.CardRemoved, e.Reason);
        Assert.Equal(step - 1, card.Position);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Link_failure_at_any_command_ends_with_transport_failure(int step)
    {
        var channel = new FailingChannel(Card(FullRun), step);
        var e = Terminated(() => NewFlow(null!, channel).Run());
        Assert.Equal(KernelTerminationReason.TransportFailure, e.Reason);
    }

    [Theory]
    [InlineData("00000000")]
    [InlineData("6F00")]
    public void Directory_end_fault_falls_back_to_the_list_of_aids_and_the_run_goes_on(string response)
    {
        // Step 3 (READ RECORD expecting 6A83) fails: the PSE result is dropped (Book 1, 12.3.2) and the list of
        // AIDs SELECTs Visa, which is exactly the script's next step; GPO and records follow.
        var flow = NewFlow(null!, new FaultyCard(FullRun, 3, response)).Run();
        Assert.False(flow.Selection.CandidatesFromPse);
        Assert.Equal(2, flow.Data.RecordsRead);
    }

    // Expected outcome when the response of step N is replaced: PSE steps (1-2) fall back to the list of AIDs,
    // whose SELECT this card does not know (6A82), so nothing is accepted; a final SELECT answered 6F00 removes
    // the only candidate (Book 1, 12.4); afterwards a broken R-APDU is an invalid card response and 6F00 an
    // unexpected status word (Book 3, 10.1 and 10.2).
    [Theory]
    [InlineData(1, "00000000", KernelTerminationReason.NoMutualApplication)]
    [InlineData(2, "00000000", KernelTerminationReason.NoMutualApplication)]
    [InlineData(4, "00000000", KernelTerminationReason.InvalidCardResponse)]
    [InlineData(5, "00000000", KernelTerminationReason.InvalidCardResponse)]
    [InlineData(6, "00000000", KernelTerminationReason.InvalidCardResponse)]
    [InlineData(7, "00000000", KernelTerminationReason.InvalidCardResponse)]
    [InlineData(1, "6F00", KernelTerminationReason.NoMutualApplication)]
    [InlineData(2, "6F00", KernelTerminationReason.NoMutualApplication)]
    [InlineData(4, "6F00", KernelTerminationReason.NoMutualApplication)]
    [InlineData(5, "6F00", KernelTerminationReason.UnexpectedStatusWord)]
    [InlineData(6, "6F00", KernelTerminationReason.UnexpectedStatusWord)]
    [InlineData(7, "6F00", KernelTerminationReason.UnexpectedStatusWord)]
    public void Fault_at_any_command_gives_a_typed_outcome(int step, string response, KernelTerminationReason reason)
    {
        var e = Terminated(() => NewFlow(null!, new FaultyCard(FullRun, step, response)).Run());
        Assert.Equal(reason, e.Reason);
    }

    /// <summary>Plays the script in order, answers step N with a substitute, and 6A82 to any unscripted command.</summary>
    private sealed class FaultyCard(string[] script, int faultStep, string faultResponse) : ICardChannel
    {
        private int _next;

        public byte[] Transmit(byte[] command)
        {
            if (_next * 2 >= script.Length || Hex.Encode(command) != script[_next * 2]) return Hex.Decode("6A82");
            _next++;
            return Hex.Decode(_next == faultStep ? faultResponse : script[_next * 2 - 1]);
        }
    }

    private static Flow NewFlow(ReplayChannel unused, ICardChannel channel)
    {
        var flow = new Flow(channel, Aids(false, Visa));
        flow.Terminal.Set(0x9F02, Hex.Decode("000000001000"));
        flow.Terminal.Set(0x9F1A, Hex.Decode("0826"));
        return flow;
    }

    private sealed class FailingChannel(ICardChannel inner, int failAt) : ICardChannel
    {
        private int _count;

        public byte[] Transmit(byte[] command)
        {
            if (++_count == failAt) throw new ApduException(ApduError.TransportFailure, "reader timeout");
            return inner.Transmit(command);
        }
    }
}
