#nullable enable
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Xunit;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// Terminal action analysis (EMV 4.4 Book 3, 10.7) through the whole contact kernel, on library cards and the
/// reference terminal of docs/card-profiles.md with changed TACs, terminal type or IACs. Every expected TVR and
/// TSI is derived by hand in the comment next to it. The library IACs are default/online DCE004F800, denial
/// 0010000000:
///   DC = B1 b8 ODA not performed, b7 SDA failed, b5 exception file, b4 DDA failed, b3 CDA failed (not b6, b2);
///   E0 = B2 b8 version, b7 expired, b6 not yet effective (not b5 service not allowed, b4 new card);
///   04 = B3 b3 online PIN; F8 = B4 b8-b4 (floor limit, velocity, random, merchant forced online); 00 = B5.
/// TSI of a DDA Visa card with AIP 3800 after an offline completion: B1 b8 ODA performed (80), b7 cardholder
/// verification performed (40, signature 1E03), b6 card risk management performed (20, first GENERATE AC), b4
/// terminal risk management performed (08, AIP B1b4) = E800.
/// </summary>
public sealed class TerminalActionScenarioTests
{
    private const string NoBits = "0000000000";

    private static Scenario Run(string card, byte terminalType = 0x22, string? tacDenial = null, string? tacOnline = null,
        string? tacDefault = null, long? amount = null, string? host = null, bool noHost = false, bool withoutIacs = false,
        bool forcedOnline = false) =>
        Scenario.Run(card, amount: amount, host: host,
            configuration: ReferenceTerminal.Configuration(t => t.TerminalType = terminalType, a =>
            {
                if (tacDenial != null) a.TacDenial = Hex.Decode(tacDenial);
                if (tacOnline != null) a.TacOnline = Hex.Decode(tacOnline);
                if (tacDefault != null) a.TacDefault = Hex.Decode(tacDefault);
            }),
            setup: noHost ? k => k.Host = null : null,
            request: forcedOnline ? r => r.MerchantForcedOnline = true : null,
            edit: withoutIacs ? TerminalScenario.WithoutIacs : null);

    // ---- Denial (step 1) -------------------------------------------------------------------------------------

    [Fact]
    public void TacDenialMatchRequestsAacAndDeclinesOfflineWithZ1()
    {
        // visa-expired-application: expiry 2025-06-30 < 2026-06-15 -> TVR B2b7 (40) = 0040000000.
        // TAC-denial 0040000000 AND TVR != 0 -> AAC (P1 00), ARC 'Z1' set before GENERATE AC, card answers AAC.
        var s = Run("visa-expired-application", tacDenial: "0040000000");
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.TerminalDenied, s.Outcome.Reason);
        Assert.Equal("Z1", s.Arc);
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(0x00, s.Outcome.Cid![0] & 0xC0);
        Assert.Equal("0040000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.False(s.Outcome.WentOnline);
        Assert.Empty(s.Host.Requests);
        Assert.False(s.Outcome.ReversalRequired);
    }

    [Fact]
    public void TacDenialNonMatchLeavesTheIacOnlineToGoOnline()
    {
        // TVR 0040000000; TAC-denial 0080000000 (version mismatch) and IAC-denial 0010000000 do not meet B2b7.
        // IAC-online E0 in byte 2 meets b7 -> ARQC (P1 80); host approves -> TC (P1 40) -> approved online.
        // TSI: E8 (AIP 3800 has no issuer authentication, '91' goes nowhere: no B1b5).
        var s = Run("visa-expired-application", tacDenial: "0080000000");
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("0040000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal("00", s.Arc);
    }

    [Fact]
    public void TacDenialOnABitTheTvrDoesNotHaveIsNoMatch()
    {
        // visa-offline-tc: TVR 0000000000. TAC-denial FFFFFFFFFF AND 0 = 0: no denial; TAC/IAC-online AND 0 = 0 -> TC.
        var s = Run("visa-offline-tc", tacDenial: "FFFFFFFFFF");
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.CardApprovedOffline, s.Outcome.Reason);
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(NoBits, s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal("Y1", s.Arc);
    }

    [Fact]
    public void TacDenialBeatsAnOnlineOnlyTerminal()
    {
        // Step 1 comes before the online-only rule: terminal 21, TVR 0040000000, TAC-denial 0040000000 -> AAC.
        var s = Run("visa-expired-application", terminalType: 0x21, tacDenial: "0040000000");
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.TerminalDenied, s.Outcome.Reason);
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("Z1", s.Arc);
    }

    // ---- Online (step 2, online-capable terminal 22) -----------------------------------------------------------

    [Fact]
    public void TacOnlineMatchOnABitTheIacOnlineLacksGoesOnline()
    {
        // visa-sda-pass: SDA succeeds -> TVR B1b2 "SDA selected" (02) = 0200000000. IAC-online DC lacks b2, so
        // alone it gives TC (the card's statement); TAC-online 0200000000 meets it -> ARQC; host approves -> TC.
        // TSI: SDA card AIP 5800 -> 80 | 40 | 20 | 08 = E800.
        var s = Run("visa-sda-pass", tacOnline: "0200000000");
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.HostApproved, s.Outcome.Reason);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("0200000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.True(s.Outcome.WentOnline);
        Assert.True(s.Host.ArqcValid);
    }

    [Fact]
    public void TacOnlineNonMatchRequestsTc()
    {
        // TVR 0200000000; TAC-online 0100000000 (XDA selected) and IAC-online DCE004F800 both miss B1b2 -> TC.
        var s = Run("visa-sda-pass", tacOnline: "0100000000");
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("0200000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Empty(s.Host.Requests);
    }

    [Fact]
    public void IacOnlineMatchGoesOnlineWithZeroTacs()
    {
        // visa-expired-application, TACs zero: TVR 0040000000 AND IAC-online (E0 in byte 2) != 0 -> ARQC.
        var s = Run("visa-expired-application");
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal("0040000000", s.Tvr);
    }

    [Fact]
    public void AbsentIacOnlineCountsAsAllOnes()
    {
        // Book 3, 10.7: no '9F0F' -> IAC-online FFFFFFFFFF. visa-sda-pass without IACs: TVR 0200000000 (SDA
        // selected; ODA still succeeds: the SSAD is signed over the edited records). Denial: absent = zeros, TAC
        // zero -> no match. Online: FF.. AND 02 != 0 -> ARQC (with IACs present the card gets a TC, see above).
        var s = Run("visa-sda-pass", withoutIacs: true);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal("0200000000", s.Tvr);
        Assert.Null(s.Outcome.Get(0x9F0F));
    }

    [Fact]
    public void AbsentIacDenialCountsAsZeros()
    {
        // visa-auc-domestic-only: AUC AB80, issuer country 0840 != terminal 0156, purchase -> international goods
        // not allowed -> TVR B2b5 (10) = 0010000000. With its IAC-denial 0010000000 the card is declined; without
        // IACs the denial code is zeros (TAC zero) -> no AAC; absent IAC-online = FF.. meets B2b5 -> ARQC -> online.
        var s = Run("visa-auc-domestic-only", withoutIacs: true);
        Assert.Equal("0010000000", s.Tvr);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
    }

    [Fact]
    public void IacDenialMatchDeclinesWithTheLibraryIacs()
    {
        // Same card with its IACs: TVR 0010000000 AND IAC-denial 0010000000 != 0 -> AAC, Z1, terminal denied.
        var s = Run("visa-auc-domestic-only");
        Assert.Equal("0010000000", s.Tvr);
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.TerminalDenied, s.Outcome.Reason);
        Assert.Equal("Z1", s.Arc);
        Assert.Equal("E800", s.Tsi);
    }

    [Fact]
    public void MerchantForcedOnlineSetsB4b4AndGoesOnline()
    {
        // visa-offline-tc, merchant forced online: TVR B4b4 (08) = 0000000800. IAC-online F8 in byte 4 meets b4
        // -> ARQC; host approves -> approved online. TSI E800 (AIP 3800: no issuer authentication).
        var s = Run("visa-offline-tc", forcedOnline: true);
        Assert.Equal("0000000800", s.Tvr);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal("0000000800", TerminalScenario.Field55(s.Host.Requests[0], 0x95));
    }

    [Fact]
    public void MerchantForcedOnlineWithTacDenialOnB4b4IsDeclined()
    {
        // TVR 0000000800 AND TAC-denial 0000000800 != 0 -> AAC before any online decision.
        var s = Run("visa-offline-tc", forcedOnline: true, tacDenial: "0000000800");
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal("0000000800", s.Tvr);
    }

    [Fact]
    public void TacDefaultIsNotUsedByAnOnlineCapableTerminalThatReachesTheHost()
    {
        // Terminal 22, visa-sda-pass TVR 0200000000, TAC-default FFFFFFFFFF: the default codes are only for an
        // offline-only terminal or one unable to go online; online codes miss B1b2 -> TC.
        var s = Run("visa-sda-pass", tacDefault: "FFFFFFFFFF");
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
    }

    [Fact]
    public void TacOnlineIsNotUsedByAnOfflineOnlyTerminal()
    {
        // Terminal 23, TVR 0200000000, TAC-online FFFFFFFFFF: no online step; IAC-default misses B1b2 -> TC.
        var s = Run("visa-sda-pass", terminalType: 0x23, tacOnline: "FFFFFFFFFF");
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
    }

    [Fact]
    public void OdaNotPerformedMeetsTheIacOnline()
    {
        // Terminal capabilities E0F800 (no SDA, DDA, CDA): no ODA method in common -> TVR B1b8 (80) =
        // 8000000000 and TSI B1b8 clear: 40 | 20 | 08 = 6800. IAC-online DC meets b8 -> ARQC -> online approved.
        var s = Scenario.Run("visa-offline-tc",
            configuration: ReferenceTerminal.Configuration(t => t.Capabilities = Hex.Decode("E0F800")));
        Assert.Equal("8000000000", s.Tvr);
        Assert.Equal("6800", s.Tsi);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
    }

    // ---- Online-only terminal (21) ----------------------------------------------------------------------------

    [Fact]
    public void OnlineOnlyTerminalRequestsArqcWithAnEmptyTvr()
    {
        // Terminal 21 (attended, online only), TVR 0000000000: no denial -> online-only -> ARQC; host approves.
        var s = Run("visa-offline-tc", terminalType: 0x21);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal(NoBits, s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Single(s.Host.Requests);
    }

    [Fact]
    public void OnlineOnlyTerminalIgnoresAnIacOnlineThatDoesNotMatch()
    {
        // visa-sda-pass on 21: TVR 0200000000 misses IAC-online, but an online-only terminal asks ARQC anyway.
        var s = Run("visa-sda-pass", terminalType: 0x21);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal("0200000000", s.Tvr);
    }

    [Fact]
    public void OnlineOnlyTerminalHostDeclineIsDeclinedOnline()
    {
        // ARQC on 21, host "decline" (ARC 05) -> second GENERATE AC asks AAC (P1 00).
        var s = Run("visa-offline-tc", terminalType: 0x21, host: "decline");
        Assert.Equal(new[] { "80", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOnline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.HostDeclined, s.Outcome.Reason);
        Assert.Equal("05", s.Arc);
    }

    // ---- Offline-only terminal (23): default codes ----------------------------------------------------------

    [Fact]
    public void OfflineOnlyTerminalApprovesWhenNoDefaultMatches()
    {
        // Terminal 23, TVR 0000000000: no denial, no online capability -> default: 0 -> TC.
        var s = Run("visa-offline-tc", terminalType: 0x23);
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal("Y1", s.Arc);
        Assert.Equal("E800", s.Tsi);
    }

    [Fact]
    public void OfflineOnlyTerminalDeclinesOnIacDefaultMatch()
    {
        // Terminal 23, TVR 0040000000 (expired) AND IAC-default (E0 in byte 2) != 0 -> AAC, Z1 (on a terminal
        // 22 the same TVR goes online through IAC-online).
        var s = Run("visa-expired-application", terminalType: 0x23);
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal("Z1", s.Arc);
        Assert.Equal("0040000000", s.Tvr);
        Assert.Empty(s.Host.Requests);
    }

    [Fact]
    public void OfflineOnlyTerminalDeclinesOnTacDefaultMatch()
    {
        // Terminal 23, visa-sda-pass TVR 0200000000: IAC-default misses B1b2, TAC-default 0200000000 meets it -> AAC.
        var s = Run("visa-sda-pass", terminalType: 0x23, tacDefault: "0200000000");
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal("Z1", s.Arc);
    }

    [Fact]
    public void OfflineOnlyTerminalTacDefaultNonMatchApproves()
    {
        // Terminal 23, TVR 0200000000, TAC-default 0000000080 (default TDOL used) misses -> TC.
        var s = Run("visa-sda-pass", terminalType: 0x23, tacDefault: "0000000080");
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
    }

    [Fact]
    public void OfflineOnlyTerminalAbsentIacDefaultCountsAsAllOnes()
    {
        // Terminal 23, visa-sda-pass without IACs: TVR 0200000000 AND absent IAC-default (FF..) != 0 -> AAC.
        var s = Run("visa-sda-pass", terminalType: 0x23, withoutIacs: true);
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal("0200000000", s.Tvr);
    }

    // Book 3 10.7/10.8 and Book 4 Annex A1: an offline-only terminal cannot go online and completes with the default
    // action (Y3/Z3) even when the card answers ARQC.
    [Fact]
    public void OfflineOnlyTerminalDoesNotGoOnlineForACardArqc()
    {
        // visa-online-host-approves always answers ARQC (force-online). Terminal 23 has no online capability
        // (Book 4 Annex A1, '9F35' x3 = offline only): it asks a TC (TVR 0), gets an ARQC, and must complete as
        // "unable to go online" (Book 3, 10.7 default action): TVR 0 AND IAC-default = 0 -> TC with ARC 'Y3'.
        // No authorisation request may be sent.
        var s = Run("visa-online-host-approves", terminalType: 0x23);
        Assert.Empty(s.Host.Requests);
        Assert.False(s.Outcome.WentOnline);
        Assert.Equal(new[] { "40", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("Y3", s.Arc);
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineApproved, s.Outcome.Reason);
    }

    // ---- Unable to go online (default codes) -----------------------------------------------------------------

    [Fact]
    public void HostUnreachableWithNoDefaultMatchApprovesWithY3()
    {
        // visa-online-host-unreachable: TVR 0 -> TC asked, card ARQC; host gives no answer -> default action:
        // 0 AND (IAC-default DCE004F800 | TAC-default 0) = 0 -> TC, ARC 'Y3' (5933) in CDOL2; card TC.
        // TSI: no issuer authentication (no answer) -> E800.
        var s = Run("visa-online-host-unreachable");
        Assert.Equal(new[] { "40", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineApproved, s.Outcome.Reason);
        Assert.Equal("Y3", s.Arc);
        Assert.Equal(NoBits, s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.True(s.Outcome.WentOnline);
        Assert.False(s.Outcome.ReversalRequired);
        // CDOL2 = 91 0A, 8A 02, ...: no Issuer Authentication Data (10 zero bytes), then ARC 'Y3' = 5933.
        byte[] second = TerminalScenario.Commands(s.Outcome, 0x80, 0xAE)[1];
        Assert.Equal("00000000000000000000", Hex.Encode(second, 5, 10));
        Assert.Equal("5933", Hex.Encode(second, 15, 2));
    }

    [Fact]
    public void NoHostIsUnableToGoOnline()
    {
        // Host = null: the same default action (TC, Y3), and no authorisation request was handed over.
        var s = Run("visa-online-host-approves", noHost: true);
        Assert.Equal(new[] { "40", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineApproved, s.Outcome.Reason);
        Assert.Equal("Y3", s.Arc);
        Assert.False(s.Outcome.WentOnline);
    }

    [Fact]
    public void UnableToGoOnlineWithIacDefaultMatchDeclinesWithZ3()
    {
        // visa-expired-application, no host: TVR 0040000000 -> ARQC (IAC-online); unable to go online ->
        // default: IAC-default E0 meets B2b7 -> AAC, ARC 'Z3'.
        var s = Run("visa-expired-application", noHost: true);
        Assert.Equal(new[] { "80", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineDeclined, s.Outcome.Reason);
        Assert.Equal("Z3", s.Arc);
        Assert.Equal("0040000000", s.Tvr);
    }

    [Fact]
    public void UnableToGoOnlineWithTacDefaultMatchDeclinesWithZ3()
    {
        // visa-sda-pass, TVR 0200000000, TAC-online 0200000000 -> ARQC; host unreachable; TAC-default
        // 0200000000 meets B1b2 (IAC-default does not) -> AAC, 'Z3'.
        var s = Run("visa-sda-pass", tacOnline: "0200000000", tacDefault: "0200000000", host: "unreachable");
        Assert.Equal(new[] { "80", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineDeclined, s.Outcome.Reason);
        Assert.Equal("Z3", s.Arc);
    }

    [Fact]
    public void UnableToGoOnlineWithTacDefaultNonMatchApprovesWithY3()
    {
        // As above without TAC-default: IAC-default DCE004F800 misses B1b2 -> TC, 'Y3'.
        var s = Run("visa-sda-pass", tacOnline: "0200000000", host: "unreachable");
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineApproved, s.Outcome.Reason);
        Assert.Equal("Y3", s.Arc);
    }

    [Fact]
    public void UnableToGoOnlineWithAbsentIacDefaultDeclines()
    {
        // visa-sda-pass without IACs, no host: ARQC (absent IAC-online = FF.. meets 02); default: absent
        // IAC-default = FF.. meets 02 -> AAC, 'Z3'.
        var s = Run("visa-sda-pass", withoutIacs: true, noHost: true);
        Assert.Equal(new[] { "80", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal("Z3", s.Arc);
    }

    [Fact]
    public void OnlineOnlyTerminalUnableToGoOnlineUsesTheDefaultCodes()
    {
        // Terminal 21, visa-offline-tc, no host: ARQC; unable to go online -> default: TVR 0 -> TC, 'Y3'.
        var s = Run("visa-offline-tc", terminalType: 0x21, noHost: true);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("Y3", s.Arc);
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
    }

    [Fact]
    public void HostThrowingIsUnableToGoOnline()
    {
        // A host link that throws gives no answer: unable to go online, default TC 'Y3' (TVR 0).
        var s = Scenario.Run("visa-online-host-approves", setup: k => k.Host = new ThrowingHost());
        Assert.Equal("Y3", s.Arc);
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineApproved, s.Outcome.Reason);
        Assert.False(s.Outcome.ReversalRequired);
    }

    private sealed class ThrowingHost : IOnlineAuthoriser
    {
        public OnlineResponse Authorise(OnlineRequest request) => throw new IOException("link down");
    }
}
