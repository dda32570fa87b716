using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Kernel.KernelTestSupport;
using static Terminal.Tests.Contactless.QuickKernel.QuickKernelTestSupport;
using QK = Terminal.EmvKernel.Contactless.QuickKernel.QuickKernel;

namespace Terminal.Tests.Contactless.QuickKernel;

/// <summary>Hand-written card answers for the paths the library cards do not take.</summary>
public class QuickKernelScriptedCardTests
{
    // FCI with PDOL 9F66 04 | 9F02 06 | 9F37 04 (14 bytes of data).
    private static readonly string FciHex = Fci("A0000000031010", T("50", "56495341") + T("9F38", "9F66049F02069F3704"));

    // GPO: 80 A8 00 00, Lc 10 (83 0E + 14 bytes), TTQ 36004000, amount 10.00, UN 1A2B3C4D, Le 00.
    private const string Gpo = "80A80000" + "10" + "830E" + "36004000" + "000000001000" + Un + "00";

    [Fact]
    public void Without_cid_the_cryptogram_type_comes_from_the_iad_and_no_afl_means_no_record()
    {
        // IAD (Visa layout) 06 01 0A 03 20 00 00: byte 5 = CVR byte 2 = 20, b6-b5 = 10 -> ARQC.
        string response = T("77", T("82", "0000") + T("9F36", "0001") + T("9F26", "1122334455667788")
            + T("9F10", "06010A03200000") + T("57", "4761739000000400D3012201")) + "9000";
        var channel = Card(Gpo, response);
        QuickKernelResult r = QK.Run(new ApduTransport(channel), Hex.Decode(FciHex), ReferenceTerminal(ReaderTtq), KernelConfiguration());
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
        // The trace kept for the outcome masks the PAN (first 6, last 4 digits kept).
        // The trace kept for the outcome masks the PAN of '57' (no '5A' here): 476173 ****** 0400, masked nibbles F.
        string traced = Hex.Encode(r.CompleteOnline(true, null).Trace[0].Response);
        Assert.DoesNotContain("4761739000000400", traced);
        Assert.Contains("476173FFFFFF0400D3012201", traced);
    }

    [Fact]
    public void Gpo_response_without_track2_ends_the_application()
    {
        string response = T("77", T("82", "0000") + T("9F36", "0001") + T("9F26", "1122334455667788") + T("9F27", "80")) + "9000";
        QuickKernelResult r = QK.Run(new ApduTransport(Card(Gpo, response)), Hex.Decode(FciHex), ReferenceTerminal(ReaderTtq), KernelConfiguration());
        Assert.Equal(QuickKernelOutcome.EndApplication, r.Outcome);
    }

    [Fact]
    public void Format_1_gpo_response_ends_the_application()
    {
        QuickKernelResult r = QK.Run(new ApduTransport(Card(Gpo, T("80", "000008010100") + "9000")), Hex.Decode(FciHex),
            ReferenceTerminal(ReaderTtq), KernelConfiguration());
        Assert.Equal(QuickKernelOutcome.EndApplication, r.Outcome);
    }

    [Fact]
    public void Record_replacing_the_gpo_cryptogram_ends_the_application()
    {
        // AFL 08 01 01 00: SFI 1 record 1, no ODA record; the record carries another 9F26.
        string response = T("77", T("82", "0000") + T("94", "08010100") + T("9F36", "0001") + T("9F26", "1122334455667788")
            + T("9F27", "80")) + "9000";
        string record = T("70", T("57", "4761739000000400D3012201") + T("9F26", "0000000000000000")) + "9000";
        QuickKernelResult r = QK.Run(new ApduTransport(Card(Gpo, response, ReadRecord(1, 1), record)), Hex.Decode(FciHex),
            ReferenceTerminal(ReaderTtq), KernelConfiguration());
        Assert.Equal(QuickKernelOutcome.EndApplication, r.Outcome);
        Assert.Equal(Terminal.EmvKernel.Kernel.KernelTerminationReason.RedundantData, r.Transaction.TerminationReason);
    }
}
