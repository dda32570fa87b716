using Xunit;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Personalisation;
using static Terminal.Tests.Contactless.QuickKernel.QuickKernelTestSupport;

namespace Terminal.Tests.Contactless.QuickKernel;

/// <summary>
/// Every quick-path (visa-qvsdc personality) card of the library runs to the outcome its statement gives
/// (cards/README.md), with the TTQ sent, the TVR, the CVM and the decision derived by hand.
/// </summary>
public class QuickKernelLibraryCardTests
{
    private static readonly string[] Covered =
    [
        "unionpay-pboc-debit", "unionpay-quics-online", "visa-qvsdc-cvm-required", "visa-qvsdc-offline-fdda",
        "visa-qvsdc-online", "visa-qvsdc-try-another-interface",
    ];

    [Fact]
    public void Every_quick_path_card_of_the_library_is_covered_here()
    {
        string[] quick = CardLibrary.CardNames().Where(n =>
        {
            CardProfile p = CardLibrary.Profile(n);
            return Enumerable.Range(0, p.ApplicationCount).Any(i => p.ApplicationAt(i).Application.Text("personality") == "visa-qvsdc");
        }).ToArray();
        Assert.Equal(Covered, quick);
    }

    /// <summary>
    /// GPO: CLA 80 INS A8 P1P2 0000, Lc 23 (35 = '83' tag, length 21, 33 bytes of PDOL data for the PDOL
    /// 9F66 04 | 9F02 06 | 9F03 06 | 9F1A 02 | 95 05 | 5F2A 02 | 9A 03 | 9C 01 | 9F37 04 = 4+6+6+2+5+2+3+1+4 = 33),
    /// the TTQ first, then Le 00.
    /// </summary>
    private static void AssertGpoSent(Tap tap, string ttq, string amount)
    {
        byte[] gpo = tap.Channel.Commands[0];
        string expected = "80A80000" + "23" + "8321" + ttq + amount + "000000000000" + "0156" + "0000000000" + "0156" + "260615" + "00" + Un + "00";
        Assert.Equal(expected, Hex.Encode(gpo));
    }

    [Fact]
    public void Visa_offline_fdda_approves_offline_after_fdda()
    {
        var tap = new Tap(CardLibrary.Image("visa-qvsdc-offline-fdda"));
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));

        // TTQ 36 00 40 00 sent: 10.00 is under the CVM required limit 50.00, so B2b7 stays clear.
        AssertGpoSent(tap, ReaderTtq, "000000001000");
        // The card answered TC (9F27 40); fDDA over 9F37 | 9F02 | 5F2A | 9F69 verifies.
        Assert.Equal(QuickKernelOutcome.Approved, r.Outcome);
        Assert.True(r.FddaPerformed);
        Assert.Equal(OdaFailure.None, r.FddaFailure);
        // TVR: nothing failed -> 00 00 00 00 00 (statement 0000000000).
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
        // CTQ 00 00: no CVM asked, TTQ B2b7 clear -> No CVM, '1F 03 02' (statement 1F0302).
        Assert.Equal(QuickKernelCvm.NoCvm, r.Cvm);
        Assert.Equal("1F0302", Hex.Encode(r.CvmResults));
        Assert.Equal(TransactionDecision.ApprovedOffline, r.Transaction.Decision);
        Assert.Equal("Y1", System.Text.Encoding.ASCII.GetString(r.Transaction.Arc));
        // GPO + the AFL's four records (SFI 1 records 1-2: P2 0C; SFI 2 records 1-2: P2 14), nothing else.
        Assert.Equal(["00B2010C00", "00B2020C00", "00B2011400", "00B2021400"], tap.Channel.Commands.Skip(1).Select(Hex.Encode));
    }

    [Fact]
    public void Visa_online_is_an_online_request_the_host_approves()
    {
        var tap = new Tap(CardLibrary.Image("visa-qvsdc-online"));
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));

        AssertGpoSent(tap, ReaderTtq, "000000001000");
        // ARQC (9F27 80) -> Online Request; no fDDA for an online cryptogram (TTQ B1b1 clear).
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
        Assert.False(r.FddaPerformed);
        Assert.Null(r.Transaction);
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
        Assert.Equal(QuickKernelCvm.NoCvm, r.Cvm);
        Assert.Equal("1F0302", Hex.Encode(r.CvmResults));
        AssertFieldHoldsCryptogram(r, 0x80);
        // Statement: host approves -> approved-online.
        TransactionOutcome done = r.CompleteOnline(true, "00"u8.ToArray());
        Assert.Equal(TransactionDecision.ApprovedOnline, done.Decision);
        Assert.True(done.WentOnline);
    }

    [Fact]
    public void Visa_cvm_required_asks_for_online_pin()
    {
        var tap = new Tap(CardLibrary.Image("visa-qvsdc-cvm-required"));
        // 60.00 >= CVM required limit 50.00: pre-processing sets TTQ B2b7 -> 36 40 40 00.
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtqCvmRequired, "000000006000"));

        AssertGpoSent(tap, ReaderTtqCvmRequired, "000000006000");
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
        // CTQ 80 00: B1b8 online PIN required, TTQ B1b3 online PIN supported -> online PIN.
        Assert.Equal(QuickKernelCvm.OnlinePin, r.Cvm);
        // CVM Results 42 03 00: enciphered PIN online (02) + b7 apply next, condition 03, result unknown.
        Assert.Equal("420300", Hex.Encode(r.CvmResults));
        // TVR B3b3 "online PIN entered" -> 00 00 04 00 00 (statement 0000040000).
        Assert.Equal("0000040000", Hex.Encode(r.Tvr));
        Assert.True(r.AuthorisationData.OnlinePinEntered);
        Assert.Equal(TransactionDecision.ApprovedOnline, r.CompleteOnline(true, null).Decision);
    }

    [Fact]
    public void Visa_6984_is_try_another_interface()
    {
        var tap = new Tap(CardLibrary.Image("visa-qvsdc-try-another-interface"));
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));

        AssertGpoSent(tap, ReaderTtq, "000000001000");
        Assert.Equal(QuickKernelOutcome.TryAnotherInterface, r.Outcome);
        Assert.Single(tap.Channel.Commands);
        // Statement: TVR and CVM '-': CVM processing was not reached.
        Assert.Null(r.CvmResults);
        Assert.Equal(TransactionDecision.Terminated, r.Transaction.Decision);
        Assert.Equal(0x6984, r.Transaction.TerminationStatusWord);
    }

    [Fact]
    public void UnionPay_pboc_debit_contactless_approves_offline_with_fdda()
    {
        var tap = new Tap(CardLibrary.Image("unionpay-pboc-debit"));
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));

        AssertGpoSent(tap, ReaderTtq, "000000001000");
        // TC with fDDA under the UnionPay test CA A000000333 50 (issuer 1408 bits, ICC 1152 bits).
        Assert.Equal(QuickKernelOutcome.Approved, r.Outcome);
        Assert.True(r.FddaPerformed);
        Assert.Equal(OdaFailure.None, r.FddaFailure);
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
        Assert.Equal("1F0302", Hex.Encode(r.CvmResults));
        Assert.Equal(TransactionDecision.ApprovedOffline, r.Transaction.Decision);
    }

    [Fact]
    public void UnionPay_quics_online_is_an_online_request_the_host_approves()
    {
        var tap = new Tap(CardLibrary.Image("unionpay-quics-online"));
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));

        AssertGpoSent(tap, ReaderTtq, "000000001000");
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
        Assert.Equal("1F0302", Hex.Encode(r.CvmResults));
        AssertFieldHoldsCryptogram(r, 0x80);
        Assert.Equal(TransactionDecision.ApprovedOnline, r.CompleteOnline(true, null).Decision);
    }

    // Field 55 holds the GPO cryptogram and its CID, the TTQ and the TVR; the PAN only in its own field.
    private static void AssertFieldHoldsCryptogram(QuickKernelResult r, byte cid)
    {
        TlvList field55 = TlvParser.Parse(r.AuthorisationData.IccData);
        Assert.Equal(8, field55.FindValue(0x9F26).Length);
        Assert.Equal(new[] { cid }, field55.FindValue(0x9F27));
        Assert.NotNull(field55.FindValue(0x9F66));
        Assert.Null(field55.FindValue(0x5A));
        Assert.NotNull(r.AuthorisationData.Pan);
    }
}
