#nullable enable
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Xunit;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// Online processing and completion (EMV 4.4 Book 3, 10.9 and 10.11; Book 4, 6.3.2 for CDA) through the whole
/// kernel. The visa-online-* cards are DDA with AIP 3C00 (B1b3 issuer authentication supported), always answer
/// ARQC to the first GENERATE AC (force-online) and take '91' in CDOL2 (910A 8A02 ...). With the TVR empty
/// the terminal asks a TC at the first GENERATE AC (P1 40) and gets the ARQC.
/// TSI after an online completion with issuer authentication: B1 b8 ODA (80) | b7 CV (40) | b6 card risk
/// management (20) | b5 issuer authentication (10) | b4 terminal risk management (08) = F800.
/// The Mastercard CDA cards: AIP 3900 (DDA, CV, TRM, CDA; no issuer authentication), CDOL2 without '91'.
/// </summary>
public sealed class CompletionScenarioTests
{
    [Fact]
    public void HostApprovesWithAValidArpc()
    {
        var s = Scenario.Run("visa-online-host-approves");
        Assert.True(s.Host.ArqcValid);
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.HostApproved, s.Outcome.Reason);
        Assert.Equal(new[] { "40", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("00", s.Arc);
        Assert.Equal("0000000000", s.Tvr);
        Assert.Equal("F800", s.Tsi);
        Assert.Equal(0x40, s.Outcome.Cid![0] & 0xC0);
        Assert.True(s.Outcome.WentOnline);
        Assert.False(s.Outcome.ReversalRequired);
    }

    [Fact]
    public void IssuerAuthenticationSendsThe91ValueInExternalAuthenticate()
    {
        // Book 3, 6.5.4: EXTERNAL AUTHENTICATE 00 82 00 00 Lc <'91'>; method 1 '91' = ARPC (8) || ARC (2) = ... 3030.
        var s = Scenario.Run("visa-online-host-approves");
        byte[] ext = Assert.Single(TerminalScenario.Commands(s.Outcome, 0x00, 0x82));
        byte[] iad = s.Outcome.Get(0x91)!;
        Assert.Equal(10, iad.Length);
        Assert.Equal("3030", Hex.Encode(iad, 8, 2));
        Assert.Equal("008200000A" + Hex.Encode(iad), Hex.Encode(ext, 0, 15));
    }

    [Fact]
    public void HostDeclinesSecondGenerateAcAsksAac()
    {
        // ARC 05, host declined: second GENERATE AC P1 00; the card AAC; issuer authentication still ran
        // (the ARPC is valid) -> TVR 0, TSI F800.
        var s = Scenario.Run("visa-online-host-declines");
        Assert.Equal(TransactionDecision.DeclinedOnline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.HostDeclined, s.Outcome.Reason);
        Assert.Equal(new[] { "40", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("05", s.Arc);
        Assert.Equal("0000000000", s.Tvr);
        Assert.Equal("F800", s.Tsi);
        Assert.False(s.Outcome.ReversalRequired);
        Assert.Equal(0x00, s.Outcome.Cid![0] & 0xC0);
    }

    [Fact]
    public void IssuerAuthenticationFailureAfterApprovalNeedsAReversal()
    {
        // bad-arpc: EXTERNAL AUTHENTICATE fails -> TVR B5b7 (40) = 0000000040, TSI F800. The host approved so
        // the terminal asks TC (P1 40); the card, having seen the failure, answers AAC -> declined online after
        // host approval: the approval must be reversed.
        var s = Scenario.Run("visa-issuer-auth-failure");
        Assert.Equal("0000000040", s.Tvr);
        Assert.Equal("F800", s.Tsi);
        Assert.Equal(new[] { "40", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(0x00, s.Outcome.Cid![0] & 0xC0);
        Assert.Equal(TransactionDecision.DeclinedOnline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.CardDeclinedAfterHostApproval, s.Outcome.Reason);
        Assert.True(s.Outcome.ReversalRequired);
        // The reversal's field 55 carries the final TVR and the AAC.
        Assert.Equal("0000000040", TerminalScenario.Field55(s.Outcome.AuthorisationData, 0x95));
        Assert.Equal("00", TerminalScenario.Field55(s.Outcome.AuthorisationData, 0x9F27));
    }

    [Fact]
    public void CardCheckingTheArpcInCdol2DeclinesAfterApproval()
    {
        // AIP 3800 (no B1b3): the terminal sends no EXTERNAL AUTHENTICATE, TVR and TSI stay without issuer
        // authentication bits (TVR 0, TSI E800); '91' reaches the card in CDOL2, the card finds the ARPC
        // wrong and answers AAC to the TC request.
        var s = Scenario.Run("visa-online-host-approves", host: "bad-arpc", edit: p => TerminalScenario.SetKey(p, "aip", "3800"));
        Assert.Empty(TerminalScenario.Commands(s.Outcome, 0x00, 0x82));
        Assert.Equal("0000000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal(new[] { "40", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOnline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.CardDeclinedAfterHostApproval, s.Outcome.Reason);
        Assert.True(s.Outcome.ReversalRequired);
    }

    [Fact]
    public void CardDecliningAtTheFirstGenerateAcIsACardDecline()
    {
        // visa-aac-first-gac: TVR 0 -> TC asked, card AAC -> declined offline by the card, ARC Z1, no online.
        var s = Scenario.Run("visa-aac-first-gac");
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.CardDeclinedOffline, s.Outcome.Reason);
        Assert.Equal("Z1", s.Arc);
        Assert.Equal("E800", s.Tsi);
        Assert.False(s.Outcome.WentOnline);
    }

    // ---- CDA ------------------------------------------------------------------------------------------------

    [Fact]
    public void CdaRequestedWithTcAtTheFirstGenerateAc()
    {
        // CDA selected (terminal C8 b4 and AIP b1): first GENERATE AC P1 = 40 | 10 = 50; valid signature, TC.
        // TVR 0, TSI E800 (ODA performed, CV, CRM, TRM).
        var s = Scenario.Run("mastercard-cda-pass");
        Assert.Equal(new[] { "50" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal("0000000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal("Y1", s.Arc);
    }

    [Fact]
    public void CdaRequestedWithArqcAndAgainWithTheSecondTc()
    {
        // Merchant forced online: TVR 0000000800 -> ARQC with CDA (80 | 10 = 90); host approves (it verifies the
        // ARQC taken from the signature) -> second GENERATE AC TC with CDA (40 | 10 = 50), signature valid.
        var s = Scenario.Run("mastercard-cda-pass", request: r => r.MerchantForcedOnline = true);
        Assert.Equal(new[] { "90", "50" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.True(s.Host.ArqcValid);
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal("0000000800", s.Tvr);
        Assert.Equal("E800", s.Tsi);
    }

    [Fact]
    public void NoCdaIsRequestedForAnAac()
    {
        // Host declines: the second GENERATE AC asks AAC without CDA (P1 00; an AAC is never signed).
        var s = Scenario.Run("mastercard-cda-pass", host: "decline", request: r => r.MerchantForcedOnline = true);
        Assert.Equal(new[] { "90", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOnline, s.Outcome.Decision);
        Assert.Equal("0000000800", s.Tvr);
    }

    [Fact]
    public void NoCdaIsRequestedForAFirstAac()
    {
        // TVR 0000000800 AND TAC-denial 0000000800 -> AAC, P1 00 (no CDA bit).
        var s = Scenario.Run("mastercard-cda-pass", request: r => r.MerchantForcedOnline = true,
            configuration: ReferenceTerminal.Configuration(aid: a => a.TacDenial = Hex.Decode("0000000800")));
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(OutcomeReason.TerminalDenied, s.Outcome.Reason);
    }

    [Fact]
    public void CdaCardUnableToGoOnlineDeclinesWithZ3WithoutCda()
    {
        // ARQC with CDA (90); no host; default: TVR 0000000800 AND IAC-default F8 -> AAC (P1 00), 'Z3'.
        var s = Scenario.Run("mastercard-cda-pass", request: r => r.MerchantForcedOnline = true, setup: k => k.Host = null);
        Assert.Equal(new[] { "90", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("Z3", s.Arc);
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineDeclined, s.Outcome.Reason);
    }

    [Fact]
    public void CdaSignatureFailureOnATcDeclines()
    {
        // Book 4, 6.3.2: CDA failed with the first GENERATE AC and the card gave a TC -> decline. TVR B1b3 (04)
        // = 0400000000, ARC Z1, no second GENERATE AC.
        var s = Scenario.Run("mastercard-cda-bad-signature");
        Assert.Equal(new[] { "50" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("0400000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.CdaFailed, s.Outcome.Reason);
        Assert.Equal("Z1", s.Arc);
        Assert.False(s.Outcome.WentOnline);
    }

    [Fact]
    public void CdaSignatureFailureOnAnArqcClosesTheCardWithAnAac()
    {
        // Book 4, 6.3.2: CDA failed on an ARQC -> no authorisation; the card is completed with a second
        // GENERATE AC asking AAC (P1 00, no CDA). TVR 0400000800 (CDA failed | merchant forced online).
        var s = Scenario.Run("mastercard-cda-bad-signature", request: r => r.MerchantForcedOnline = true);
        Assert.Equal(new[] { "90", "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("0400000800", s.Tvr);
        Assert.Empty(s.Host.Requests);
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.CdaFailed, s.Outcome.Reason);
        Assert.False(s.Outcome.ReversalRequired);
    }

    [Fact]
    public void CdaFailedBeforeGenerateAcGoesOnlineWithoutCda()
    {
        // Corrupted issuer certificate: the ICC key cannot be recovered, CDA failed before GENERATE AC ->
        // TVR B1b3 = 0400000000; IAC-online DC meets b3 -> ARQC without the CDA bit (80), host approves,
        // TC without CDA (40). TSI E800 (ODA was performed, it failed).
        var s = Scenario.Run("mastercard-cda-bad-certificate");
        Assert.Equal("0400000000", s.Tvr);
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("E800", s.Tsi);
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
    }

    [Fact]
    public void SecondGenerateAcCarriesTheIssuerDataAndArc()
    {
        // CDOL2 = 91 0A, 8A 02, ...: the second GENERATE AC data starts with the host's '91' (ARPC || "00") and
        // then the ARC "00" = 3030.
        var s = Scenario.Run("visa-online-host-approves");
        byte[] second = TerminalScenario.Commands(s.Outcome, 0x80, 0xAE)[1];
        Assert.Equal(Hex.Encode(s.Outcome.Get(0x91)), Hex.Encode(second, 5, 10));
        Assert.Equal("3030", Hex.Encode(second, 15, 2));
    }

    [Fact]
    public void CardRemovedAfterHostApprovalNeedsAReversal()
    {
        // The card leaves the reader at the second GENERATE AC (it answers every command before it): the
        // host approved, the card never completed -> terminated, reversal required.
        var normal = Scenario.Run("visa-online-host-approves");
        int secondGac = -1, seen = 0;
        for (int i = 0; i < normal.Outcome.Trace.Count; i++)
        {
            byte[] c = normal.Outcome.Trace[i].Command;
            if (c[0] == 0x80 && c[1] == 0xAE && ++seen == 2) secondGac = i;
        }
        Assert.True(secondGac > 0);
        var s = Scenario.Run("visa-online-host-approves",
            edit: p => p.Replace("[application ", "[behaviour]\nremove-after = " + secondGac + "\n\n[application "));
        Assert.Single(s.Host.Requests);
        Assert.Equal(TransactionDecision.Terminated, s.Outcome.Decision);
        Assert.True(s.Outcome.WentOnline);
        Assert.True(s.Outcome.ReversalRequired);
        Assert.NotNull(s.Outcome.AuthorisationData);
    }

    [Fact]
    public void CdaCardUnableToGoOnlineAsksTheTcWithCda()
    {
        // Online-only terminal 21: TVR 0 -> ARQC with CDA (90); no host; default: TVR 0 -> TC, and CDA is
        // still valid -> second GENERATE AC P1 40 | 10 = 50; the card signs its TC -> approved offline, 'Y3'.
        var s = Scenario.Run("mastercard-cda-pass", setup: k => k.Host = null,
            configuration: ReferenceTerminal.Configuration(t => t.TerminalType = 0x21));
        Assert.Equal(new[] { "90", "50" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal("Y3", s.Arc);
        Assert.Equal("0000000000", s.Tvr);
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.UnableToGoOnlineApproved, s.Outcome.Reason);
    }

    [Fact]
    public void CdaCardOnAnOnlineOnlyTerminal()
    {
        // Terminal 21: ARQC with CDA (90), host approves, TC with CDA (50); TVR 0, TSI E800.
        var s = Scenario.Run("mastercard-cda-pass", configuration: ReferenceTerminal.Configuration(t => t.TerminalType = 0x21));
        Assert.Equal(new[] { "90", "50" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
        Assert.Equal("0000000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
    }
}
