using Xunit;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Contactless.QuickKernel.QuickKernelTestSupport;
using QK = Terminal.EmvKernel.Contactless.QuickKernel.QuickKernel;

namespace Terminal.Tests.Contactless.QuickKernel;

/// <summary>
/// The CTQ rules (fDDA failure, CVM, expiry, cash), the GPO status words and the card leaving the field, on the
/// offline fDDA library card edited per case.
/// </summary>
public class QuickKernelRuleTests
{
    private const string OfflineCard = "visa-qvsdc-offline-fdda";

    private static QuickKernelResult Tap(Func<string, string> edit, string ttq = ReaderTtq, string amount = "000000001000",
        Action<TerminalData> terminal = null, QuickKernelConfiguration configuration = null)
    {
        var tap = new QuickKernelTestSupport.Tap(Image(OfflineCard, edit));
        TerminalData t = ReferenceTerminal(ttq, amount);
        terminal?.Invoke(t);
        return tap.Run(t, configuration);
    }

    private static Func<string, string> Tampered(string ctq) =>
        All(Set("ctq", ctq), Behaviour("tamper-signatures = yes"));

    // fDDA fails on every tampered card: TVR B1b4 "DDA failed" -> 08 00 00 00 00.
    private const string DdaFailedTvr = "0800000000";

    [Fact]
    public void Fdda_failure_without_a_ctq_rule_declines()
    {
        QuickKernelResult r = Tap(Tampered("0000"));
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
        Assert.True(r.FddaPerformed);
        Assert.NotEqual(OdaFailure.None, r.FddaFailure);
        Assert.Equal(DdaFailedTvr, Hex.Encode(r.Tvr));
        Assert.Equal(TransactionDecision.DeclinedOffline, r.Transaction.Decision);
        Assert.Equal(OutcomeReason.TerminalDenied, r.Transaction.Reason);
    }

    [Fact]
    public void Fdda_failure_with_ctq_go_online_goes_online_on_an_online_capable_reader()
    {
        // CTQ 20 00: B1b6 "go online if ODA fails"; TTQ B1b4 (offline-only) clear.
        QuickKernelResult r = Tap(Tampered("2000"));
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
        Assert.Equal(DdaFailedTvr, Hex.Encode(r.Tvr));
        Assert.Equal("1F0302", Hex.Encode(r.CvmResults));
    }

    [Fact]
    public void Fdda_failure_with_ctq_go_online_declines_on_an_offline_only_reader()
    {
        // TTQ 3E = 36 | 08 (B1b4 offline-only reader).
        QuickKernelResult r = Tap(Tampered("2000"), ttq: "3E004000");
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
        Assert.Equal(DdaFailedTvr, Hex.Encode(r.Tvr));
    }

    [Fact]
    public void Fdda_failure_with_ctq_switch_interface_asks_for_contact()
    {
        // CTQ 10 00: B1b5 "switch interface if ODA fails"; TTQ B1b5 contact chip supported.
        QuickKernelResult r = Tap(Tampered("1000"));
        Assert.Equal(QuickKernelOutcome.TryAnotherInterface, r.Outcome);
        Assert.Equal(DdaFailedTvr, Hex.Encode(r.Tvr));
    }

    [Fact]
    public void Fdda_failure_with_ctq_switch_interface_declines_on_a_contactless_only_reader()
    {
        // TTQ 26 = 36 without B1b5 (no contact chip).
        QuickKernelResult r = Tap(Tampered("1000"), ttq: "26004000");
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
    }

    [Fact]
    public void Fdda_failure_prefers_going_online_when_both_ctq_rules_are_set()
    {
        QuickKernelResult r = Tap(Tampered("3000"));
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
    }

    [Fact]
    public void Card_declining_with_aac_is_declined_without_fdda()
    {
        QuickKernelResult r = Tap(Set("contactless-decision", "aac"));
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
        Assert.False(r.FddaPerformed);
        Assert.Equal(OutcomeReason.CardDeclinedOffline, r.Transaction.Reason);
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
    }

    [Fact]
    public void Ctq_signature_required_selects_signature()
    {
        // CTQ 40 00: B1b7 signature required; TTQ B1b2 signature supported -> signature, '1E 03 00'.
        QuickKernelResult r = Tap(Set("ctq", "4000"));
        Assert.Equal(QuickKernelOutcome.Approved, r.Outcome);
        Assert.Equal(QuickKernelCvm.Signature, r.Cvm);
        Assert.Equal("1E0300", Hex.Encode(r.CvmResults));
    }

    [Fact]
    public void Ctq_online_pin_on_an_offline_approval_is_declined()
    {
        QuickKernelResult r = Tap(Set("ctq", "8000"));
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
    }

    [Fact]
    public void Consumer_device_cvm_with_a_matching_signed_ctq_copy_is_accepted()
    {
        // CTQ 00 80: B2b8 CDCVM performed; 9F69 = 01 | 00000000 | 0080 carries the same CTQ (bytes 6-7).
        QuickKernelResult r = Tap(All(Set("ctq", "0080"), Set("card-auth-data", "01000000000080")));
        Assert.Equal(QuickKernelOutcome.Approved, r.Outcome);
        Assert.Equal(QuickKernelCvm.ConsumerDeviceCvm, r.Cvm);
        Assert.Equal("010002", Hex.Encode(r.CvmResults));
    }

    [Fact]
    public void Consumer_device_cvm_whose_signed_ctq_copy_differs_is_declined()
    {
        // 9F69 still carries CTQ 00 00: "CDCVM performed" in the unsigned CTQ is not backed by the signed copy.
        QuickKernelResult r = Tap(Set("ctq", "0080"));
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
    }

    [Fact]
    public void Consumer_device_cvm_on_an_arqc_needs_no_copy_check()
    {
        QuickKernelResult r = Tap(All(Set("ctq", "0080"), Set("contactless-decision", "arqc")));
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
        Assert.Equal(QuickKernelCvm.ConsumerDeviceCvm, r.Cvm);
    }

    [Fact]
    public void Cvm_required_without_a_usable_cvm_switches_interface_or_declines()
    {
        // TTQ B2b7 CVM required, CTQ 00 00 asks for nothing the reader can do.
        QuickKernelResult contact = Tap(null, ttq: ReaderTtqCvmRequired, amount: "000000006000");
        Assert.Equal(QuickKernelOutcome.TryAnotherInterface, contact.Outcome);
        QuickKernelResult contactless = Tap(null, ttq: "26404000", amount: "000000006000");
        Assert.Equal(QuickKernelOutcome.Declined, contactless.Outcome);
    }

    [Fact]
    public void Expired_application_declines_or_goes_online_with_ctq_b1b4()
    {
        // Expiry 2026-06-01 is before the transaction date 2026-06-15: TVR B2b7 "expired application" -> 00 40 00 00 00.
        Func<string, string> expired = Set("expiry", "2026-06-01");
        QuickKernelResult declined = Tap(expired);
        Assert.Equal(QuickKernelOutcome.Declined, declined.Outcome);
        Assert.Equal("0040000000", Hex.Encode(declined.Tvr));
        // CTQ 08 00: B1b4 "go online if application expired".
        QuickKernelResult online = Tap(All(expired, Set("ctq", "0800")));
        Assert.Equal(QuickKernelOutcome.OnlineRequest, online.Outcome);
        Assert.Equal("0040000000", Hex.Encode(online.Tvr));
    }

    [Theory]
    [InlineData("01", "0400")] // cash, CTQ B1b3
    [InlineData("09", "0200")] // cashback, CTQ B1b2
    public void Cash_and_cashback_switch_interface_when_the_ctq_says_so(string type, string ctq)
    {
        QuickKernelResult r = Tap(Set("ctq", ctq), terminal: t => t.Set(0x9C, Hex.Decode(type)));
        Assert.Equal(QuickKernelOutcome.TryAnotherInterface, r.Outcome);
    }

    [Fact]
    public void Card_on_the_exception_file_is_declined_offline()
    {
        // PAN 4761739000000418 (card '5A'), PSN 01: listed -> TVR B1b5 -> 10 00 00 00 00, declined.
        var configuration = KernelConfiguration();
        var file = new HotList("4761739000000418");
        configuration.ExceptionFile = file;
        QuickKernelResult r = Tap(null, configuration: configuration);
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
        Assert.Equal("1000000000", Hex.Encode(r.Tvr));
        Assert.Equal("01", Hex.Encode(file.Psn));
    }

    private sealed class HotList(string pan) : IExceptionFile
    {
        public byte[] Psn { get; private set; }
        public bool Contains(byte[] p, byte[] psn)
        {
            Psn = psn;
            return Hex.Encode(p) == pan;
        }
    }

    [Fact]
    public void Arqc_on_an_offline_only_reader_is_declined()
    {
        // TTQ 3E = 36 | 08 (B1b4 offline-only reader): the ARQC cannot be sent.
        QuickKernelResult r = Tap(Set("contactless-decision", "arqc"), ttq: "3E004000");
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
    }

    [Fact]
    public void Tc_while_an_online_cryptogram_was_required_is_declined()
    {
        QuickKernelResult r = Tap(null, ttq: "36804000");
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
    }

    [Theory]
    [InlineData("6984", QuickKernelOutcome.TryAnotherInterface, false)]
    [InlineData("6985", QuickKernelOutcome.SelectNext, false)]
    [InlineData("6986", QuickKernelOutcome.TryAgain, true)]
    [InlineData("6A81", QuickKernelOutcome.EndApplication, false)]
    [InlineData("6F00", QuickKernelOutcome.EndApplication, false)]
    public void Gpo_status_words_map_to_outcomes(string sw, QuickKernelOutcome expected, bool seePhone)
    {
        var tap = new QuickKernelTestSupport.Tap(Image(OfflineCard, Behaviour("gpo-status = " + sw)));
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));
        Assert.Equal(expected, r.Outcome);
        Assert.Equal(seePhone, r.SeePhone);
        Assert.Equal(Convert.ToInt32(sw, 16), r.Transaction.TerminationStatusWord);
        Assert.Single(tap.Channel.Commands);
    }

    [Theory]
    [InlineData(0)] // before GPO
    [InlineData(1)] // before READ RECORD SFI 1 record 1
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)] // before the last READ RECORD
    public void Card_removed_before_a_command_is_try_again(int command)
    {
        var tap = new QuickKernelTestSupport.Tap(CardLibrary(OfflineCard), command);
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));
        Assert.Equal(QuickKernelOutcome.TryAgain, r.Outcome);
        Assert.False(r.CardRead.CardReadComplete);
        Assert.False(r.FddaPerformed);
        Assert.Equal(KernelTerminationReason.CardRemoved, r.Transaction.TerminationReason);
        Assert.Equal(command + 1, tap.Channel.Commands.Count);
    }

    [Fact]
    public void Card_removed_after_the_last_record_still_completes_with_fdda_after_removal()
    {
        // The channel refuses everything from command 5 on (GPO + 4 records = commands 0-4): the deferred phase
        // (fDDA RSA, CVM, outcome) must not need the card.
        var tap = new QuickKernelTestSupport.Tap(CardLibrary(OfflineCard), 5);
        QuickKernelCardRead read = QK.ReadCard(tap.Transport, tap.Fci, ReferenceTerminal(ReaderTtq));
        Assert.True(read.CardReadComplete);
        Assert.Equal(5, tap.Channel.Commands.Count);
        QuickKernelResult r = QK.Complete(read, KernelConfiguration());
        Assert.Equal(QuickKernelOutcome.Approved, r.Outcome);
        Assert.True(r.FddaPerformed);
        Assert.Equal(5, tap.Channel.Commands.Count);
    }

    [Fact]
    public void Pdol_without_ttq_ends_the_application()
    {
        QuickKernelResult r = Tap(Set("pdol", "9F02069F3704"));
        // The card never sees a TTQ so it would take the contact path; the kernel refuses before GPO.
        Assert.Equal(QuickKernelOutcome.EndApplication, r.Outcome);
    }

    private static Terminal.VirtualCards.Card.CardImage CardLibrary(string name) => Image(name);
}
