using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;
using QuickSupport = Terminal.Tests.Contactless.QuickKernel.QuickKernelTestSupport;

namespace Terminal.Tests.Contactless;

/// <summary>
/// Entry Point with the quick kernel plugged in through <see cref="QuickKernelActivation"/>: each quick-path
/// library card is tapped once and runs PPSE, final selection, pre-processing's Copy of TTQ, GPO and the deferred
/// phase to the outcome its statement gives (cards/README.md). Expected GPO bytes, TTQ and CVM are derived by
/// hand from the combination configuration below and the card profiles.
/// </summary>
public class EntryPointQuickKernelTests
{
    /// <summary>Reader CVM Required Limit of every combination here: 50.00 (the library's reference limit).</summary>
    private const long CvmRequiredLimit = 5000;

    /// <summary>
    /// Copy of TTQ under the limit: the combination's base 36 00 40 00 (B1 = 20 EMV mode | 10 contact chip | 04
    /// online PIN | 02 signature; B3 40 CDCVM) with B2b8 / B2b7 cleared (Book B 3.1.1.2) and nothing set again
    /// (no floor limit, no status check, amount not zero).
    /// </summary>
    private const string TtqUnderLimit = "36004000";

    /// <summary>At or over the CVM required limit Book B 3.1.1.8 / 3.1.1.12 set B2b7 "CVM required": 00 | 40 = 40.</summary>
    private const string TtqCvmRequired = "36404000";

    /// <summary>
    /// The Unpredictable Number of the first activation: EntryPointTestSupport's counting random source starts at
    /// 01 and Entry Point draws 4 bytes only when it activates the kernel.
    /// </summary>
    private const string FirstUn = "01020304";

    private static readonly string[] Covered =
    [
        "unionpay-pboc-debit", "unionpay-quics-online", "visa-qvsdc-cvm-required", "visa-qvsdc-offline-fdda",
        "visa-qvsdc-online", "visa-qvsdc-try-another-interface",
    ];

    private sealed record Run(EntryPointResult Result, QuickSupport.RecordingChannel Channel, QuickKernelActivation Kernel, RecordingUi Ui)
    {
        public OutcomeParameterSet Outcome => Result.Outcome;
        public string Gpo => Hex.Encode(Assert.Single(Channel.Commands, c => c[0] == 0x80 && c[1] == 0xA8));
    }

    private static Run Tap(string card, long amount) =>
        Tap(amount, new QuickSupport.RecordingChannel(new VirtualCard(CardLibrary.Image(card)), -1));

    /// <summary>One Entry Point run; the reader activates <paramref name="taps"/> in turn (the first is <see cref="Run.Channel"/>).</summary>
    private static Run Tap(long amount, params QuickSupport.RecordingChannel[] taps)
    {
        var channel = taps[0];
        var reader = new ScriptedReader();
        foreach (var t in taps) reader.Tap(t);
        var ui = new RecordingUi();
        var kernel = new QuickKernelActivation(QuickSupport.KernelConfiguration(), null, ui);
        var visa = Combination(VisaAid, KernelIdentifier.Kernel3);
        var unionPay = Combination(UnionPayAid, KernelIdentifier.Kernel7);
        visa.CvmRequiredLimit = CvmRequiredLimit;
        unionPay.CvmRequiredLimit = CvmRequiredLimit;
        var process = Process([visa, unionPay], reader, ui,
            (KernelIdentifier.Kernel3, kernel), (KernelIdentifier.Kernel7, kernel));
        return new Run(process.Start(Purchase(amount)), channel, kernel, ui);
    }

    /// <summary>
    /// GPO: 80 A8 00 00, Lc 23, '83' 21 then the PDOL data of the library cards' PDOL
    /// 9F66 04 | 9F02 06 | 9F03 06 | 9F1A 02 | 95 05 | 5F2A 02 | 9A 03 | 9C 01 | 9F37 04 (33 bytes): the Copy of
    /// TTQ, the amount (n 12), other amount 0, country 0156 and currency 0156 (TerminalParameters defaults), a zero
    /// TVR, 2026-06-15, purchase 00, the activation's UN; then Le 00.
    /// </summary>
    private static string ExpectedGpo(string ttq, string amount) =>
        "80A80000" + "23" + "8321" + ttq + amount + "000000000000" + "0156" + "0000000000" + "0156" + "260615" + "00" + FirstUn + "00";

    [Fact]
    public void Every_quick_path_contactless_card_of_the_library_is_covered_here()
    {
        string[] quick = CardLibrary.CardNames().Where(n =>
        {
            CardProfile p = CardLibrary.Profile(n);
            return Enumerable.Range(0, p.ApplicationCount).Any(i => p.ApplicationAt(i).Application.Text("personality") == "visa-qvsdc");
        }).ToArray();
        Assert.Equal(Covered, quick);
    }

    [Theory]
    [InlineData("visa-qvsdc-offline-fdda")]
    [InlineData("unionpay-pboc-debit")]
    public void Offline_fdda_card_is_approved_with_no_cvm(string card)
    {
        Run run = Tap(card, 1000);

        // 10.00 < 50.00: B2b7 stays clear.
        Assert.Equal(ExpectedGpo(TtqUnderLimit, "000000001000"), run.Gpo);
        // TC (9F27 40) and fDDA verified -> Approved; CTQ 00 00 and no CVM required -> No CVM.
        Assert.Equal(ContactlessOutcome.Approved, run.Outcome.Outcome);
        Assert.Equal(OutcomeCvm.NoCvm, run.Outcome.Cvm);
        Assert.Equal(StartPoint.NotApplicable, run.Outcome.Start);
        Assert.Equal(1, run.Result.KernelActivations);
        Assert.True(run.Kernel.LastResult.FddaPerformed);
        Assert.Equal(TransactionDecision.ApprovedOffline, run.Kernel.LastTransaction.Decision);
        Assert.Equal("1F0302", Hex.Encode(run.Kernel.LastTransaction.CvmResults));
        // The card phase ended first ('17' card read OK), then the outcome's '03' Approved.
        Assert.Equal(["17/CardReadSuccessfully", "03/CardReadSuccessfully"], run.Ui.Messages[^2..]);
        // The data record (field 55) carries the TTQ that was sent and the card's TC.
        TlvList record = TlvParser.Parse(run.Outcome.DataRecord);
        Assert.Equal(TtqUnderLimit, Hex.Encode(record.FindValue(0x9F66)));
        Assert.Equal("40", Hex.Encode(record.FindValue(0x9F27)));
    }

    [Theory]
    [InlineData("visa-qvsdc-online")]
    [InlineData("unionpay-quics-online")]
    public void Online_card_is_an_online_request_the_host_approves(string card)
    {
        Run run = Tap(card, 1000);

        Assert.Equal(ExpectedGpo(TtqUnderLimit, "000000001000"), run.Gpo);
        // ARQC (9F27 80) -> Online Request; no second tap for the quick kernel (Start N/A).
        Assert.Equal(ContactlessOutcome.OnlineRequest, run.Outcome.Outcome);
        Assert.Equal(OutcomeCvm.NoCvm, run.Outcome.Cvm);
        Assert.Equal(StartPoint.NotApplicable, run.Outcome.Start);
        Assert.Equal("80", Hex.Encode(TlvParser.Parse(run.Outcome.DataRecord).FindValue(0x9F27)));
        Assert.Equal(["17/CardReadSuccessfully", "1B/CardReadSuccessfully"], run.Ui.Messages[^2..]);
        // The transaction result waits for the host; the statement's host approves.
        Assert.Null(run.Kernel.LastTransaction);
        TransactionOutcome done = run.Kernel.LastResult.CompleteOnline(true, "00"u8.ToArray());
        Assert.Equal(TransactionDecision.ApprovedOnline, done.Decision);
        Assert.Same(done, run.Kernel.LastTransaction);
    }

    [Fact]
    public void Cvm_required_card_over_the_limit_goes_online_with_online_pin()
    {
        Run run = Tap("visa-qvsdc-cvm-required", 6000);

        // 60.00 >= 50.00: Book B 3.1.1.8 / 3.1.1.12 set TTQ B2b7.
        Assert.Equal(ExpectedGpo(TtqCvmRequired, "000000006000"), run.Gpo);
        Assert.Equal(ContactlessOutcome.OnlineRequest, run.Outcome.Outcome);
        // CTQ 80 00 (B1b8 online PIN required) and TTQ B1b3 (online PIN supported) -> online PIN.
        Assert.Equal(OutcomeCvm.OnlinePin, run.Outcome.Cvm);
        Assert.Equal("09/CardReadSuccessfully", run.Ui.Messages[^1]);
        // Statement: TVR 00 00 04 00 00 (B3b3 online PIN entered), CVM Results 42 03 00.
        Assert.Equal("0000040000", Hex.Encode(run.Kernel.LastResult.Tvr));
        Assert.Equal("420300", Hex.Encode(run.Kernel.LastResult.CvmResults));
        Assert.True(run.Kernel.LastResult.AuthorisationData.OnlinePinEntered);
        Assert.Equal(TransactionDecision.ApprovedOnline, run.Kernel.LastResult.CompleteOnline(true, null).Decision);
    }

    [Fact]
    public void Gpo_6984_is_try_another_interface_with_the_contact_chip()
    {
        Run run = Tap("visa-qvsdc-try-another-interface", 1000);

        Assert.Equal(ExpectedGpo(TtqUnderLimit, "000000001000"), run.Gpo);
        Assert.Equal(ContactlessOutcome.TryAnotherInterface, run.Outcome.Outcome);
        // TTQ B1b5: the reader has a contact chip interface.
        Assert.Equal(AlternateInterface.ContactChip, run.Outcome.AlternateInterface);
        // CVM processing was not reached (statement: CVM '-').
        Assert.Equal(OutcomeCvm.NotApplicable, run.Outcome.Cvm);
        Assert.Null(run.Outcome.DataRecord);
        Assert.Equal(TransactionDecision.Terminated, run.Kernel.LastTransaction.Decision);
        Assert.Equal(0x6984, run.Kernel.LastTransaction.TerminationStatusWord);
        // The card phase did not complete: no '17', the outcome asks to insert the card.
        Assert.DoesNotContain("17/CardReadSuccessfully", run.Ui.Messages);
        Assert.Equal("1D/ProcessingError", run.Ui.Messages[^1]);
        Assert.Equal(1, run.Result.KernelActivations);
    }

    [Theory]
    // Just under the limit: B2b7 clear; CTQ 00 00 asks nothing -> No CVM, the ARQC goes online.
    [InlineData(4999, "000000004999", TtqUnderLimit, ContactlessOutcome.OnlineRequest, OutcomeCvm.NoCvm)]
    // At the limit (Book B 3.1.1.8 "at or over"): B2b7 set; the card's CTQ 00 00 offers no CVM while one is
    // required -> no usable CVM, the reader has a contact chip (TTQ B1b5) -> Try Another Interface, CVM N/A.
    [InlineData(5000, "000000005000", TtqCvmRequired, ContactlessOutcome.TryAnotherInterface, OutcomeCvm.NotApplicable)]
    public void Cvm_required_limit_changes_the_ttq_and_the_cvm(long amount, string amountHex, string ttq, ContactlessOutcome outcome, OutcomeCvm cvm)
    {
        Run run = Tap("visa-qvsdc-online", amount);

        Assert.Equal(ExpectedGpo(ttq, amountHex), run.Gpo);
        Assert.Equal(outcome, run.Outcome.Outcome);
        Assert.Equal(cvm, run.Outcome.Cvm);
    }

    [Theory]
    // CTQ 80 00 asks online PIN whatever the limit (TTQ B1b3 set): only the TTQ differs.
    [InlineData(4999, "000000004999", TtqUnderLimit)]
    [InlineData(5000, "000000005000", TtqCvmRequired)]
    public void Online_pin_card_keeps_online_pin_on_both_sides_of_the_limit(long amount, string amountHex, string ttq)
    {
        Run run = Tap("visa-qvsdc-cvm-required", amount);

        Assert.Equal(ExpectedGpo(ttq, amountHex), run.Gpo);
        Assert.Equal(ContactlessOutcome.OnlineRequest, run.Outcome.Outcome);
        Assert.Equal(OutcomeCvm.OnlinePin, run.Outcome.Cvm);
    }

    private static QuickSupport.RecordingChannel Card(string name, Func<string, string> edit = null, int removeBefore = -1) =>
        new(new VirtualCard(QuickSupport.Image(name, edit)), removeBefore);

    [Fact]
    public void Gpo_6986_shows_see_phone_and_the_second_tap_is_approved()
    {
        // First tap: GPO '6986' -> Try Again, Start B, "see phone"; Entry Point polls again and shows "present card again".
        var first = Card("visa-qvsdc-offline-fdda", QuickSupport.Behaviour("gpo-status = 6986"));
        var second = Card("visa-qvsdc-offline-fdda");
        Run run = Tap(1000, first, second);

        Assert.Equal(ContactlessOutcome.Approved, run.Outcome.Outcome);
        Assert.Equal(2, run.Result.KernelActivations);
        Assert.Contains("20/NotReady", run.Ui.Messages);
        int seePhone = Array.IndexOf(run.Ui.Messages, "20/NotReady");
        Assert.Equal("21/ReadyToRead", run.Ui.Messages[seePhone + 1]);
        // The second activation draws the next 4 bytes of the counting source: UN 05 06 07 08.
        string gpo = Hex.Encode(Assert.Single(second.Commands, c => c[0] == 0x80 && c[1] == 0xA8));
        Assert.Equal(ExpectedGpo(TtqUnderLimit, "000000001000").Replace(FirstUn, "05060708"), gpo);
    }

    [Fact]
    public void Card_removed_during_read_record_is_read_again_on_the_next_tap()
    {
        // Commands: 0 SELECT PPSE, 1 SELECT ADF, 2 GPO, 3 first READ RECORD: the card leaves before it.
        var first = Card("visa-qvsdc-online", removeBefore: 3);
        var second = Card("visa-qvsdc-online");
        Run run = Tap(1000, first, second);

        Assert.Equal(ContactlessOutcome.OnlineRequest, run.Outcome.Outcome);
        Assert.Equal(2, run.Result.KernelActivations);
        // The lost card phase never said "card read OK"; Entry Point asked to present the card again.
        Assert.Equal(1, run.Ui.Messages.Count(m => m == "17/CardReadSuccessfully"));
        Assert.Contains("21/ReadyToRead", run.Ui.Messages);
    }

    [Fact]
    public void Gpo_6985_selects_next_and_ends_when_no_combination_is_left()
    {
        Run run = Tap(1000, Card("visa-qvsdc-online", QuickSupport.Behaviour("gpo-status = 6985")));

        // Book B 3.5.1.1: the combination is removed, Start C; the only candidate is gone -> End Application '1C'.
        Assert.Equal(ContactlessOutcome.EndApplication, run.Outcome.Outcome);
        Assert.Equal(1, run.Result.KernelActivations);
        Assert.Equal("1C/ReadyToRead", run.Ui.Messages[^1]);
        Assert.Equal(0x6985, run.Kernel.LastTransaction.TerminationStatusWord);
    }

    [Fact]
    public void Failed_fdda_on_a_tc_is_declined()
    {
        // Tampered signatures: fDDA fails; CTQ 00 00 sets neither "go online" nor "switch interface" -> Declined.
        Run run = Tap(1000, Card("visa-qvsdc-offline-fdda", QuickSupport.Behaviour("tamper-signatures = yes")));

        Assert.Equal(ContactlessOutcome.Declined, run.Outcome.Outcome);
        Assert.Equal(OutcomeCvm.NoCvm, run.Outcome.Cvm);
        Assert.Equal("07/CardReadSuccessfully", run.Ui.Messages[^1]);
        Assert.Equal(TransactionDecision.DeclinedOffline, run.Kernel.LastTransaction.Decision);
        // TVR B1b4 "DDA failed" (08) in the data record.
        Assert.Equal("0800000000", Hex.Encode(TlvParser.Parse(run.Outcome.DataRecord).FindValue(0x95)));
    }
}
