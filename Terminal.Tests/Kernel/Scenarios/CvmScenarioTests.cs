#nullable enable
using Terminal.EmvKernel.Kernel;
using Xunit;
using static Terminal.EmvKernel.Kernel.OutcomeReason;
using static Terminal.EmvKernel.Kernel.TransactionDecision;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// Cardholder verification through the whole kernel (EMV 4.4 Book 3, 10.5 and Annex C3; Book 4, 6.3.4): every
/// PIN branch and the CVM list amount conditions, on library cards in the reference transaction. TVR byte 3 bits
/// (Annex C5): b8 80 cardholder verification not successful, b7 40 unrecognised CVM, b6 20 PIN try limit exceeded,
/// b5 10 PIN pad not present or not working, b4 08 PIN not entered (bypass), b3 04 online PIN entered.
/// Library IAC-online DCE004F800 has only b3 (04) in byte 3, so the other byte-3 bits alone leave TAA at TC; a card
/// whose PIN try counter reached 0 goes online by itself (its CVR). Base TSI E800: ODA (80), CVM (40), card risk
/// management (20), TRM (08) performed.
/// </summary>
public class CvmScenarioTests
{
    private const string PlaintextCard = "visa-pin-offline-plaintext";   // CVM list 4103 1E03, PIN 1234, 3 tries
    private const string EncipheredCard = "visa-pin-offline-enciphered"; // CVM list 4403 1E03, PIN 1234, 3 tries
    private const string OnlinePinCard = "visa-cvm-online-pin";          // CVM list 4203
    private const string Signature = "1E0300";

    private static ScenarioPinPad Pad(params string[] pins) =>
        new(pins.Select(p => (PinEntryResult.Entered, p)).ToArray());

    private static ScenarioPinPad Pad(PinEntryResult result) => new((result, ""));

    // Correct plaintext PIN: GET DATA 9F17 = 3, one prompt showing 3 tries, VERIFY 9000 -> 410302, TVR 0, TC.
    [Fact]
    public void Plaintext_pin_correct()
    {
        Scenario s = Scenario.Run(PlaintextCard, pad: Pad("1234"));

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "410302", "Y1");
        Assert.Equal(new[] { 3 }, s.Pad.TriesShown);
        Assert.Equal(new[] { "9000" }, ScenarioExpect.VerifyStatusWords(s));
        ScenarioExpect.NoOnlineRequest(s);
    }

    // Wrong then correct: 63C2 (2 tries left, prompt again showing 2) then 9000. A wrong PIN followed by the right
    // one sets no TVR bit (Book 3 10.5.1); the card resets its counter to the limit.
    [Fact]
    public void Plaintext_pin_wrong_then_correct()
    {
        Scenario s = Scenario.Run(PlaintextCard, pad: Pad("1111", "1234"));

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "410302", "Y1");
        Assert.Equal(new[] { "63C2", "9000" }, ScenarioExpect.VerifyStatusWords(s));
        Assert.Equal(new[] { 3, 2 }, s.Pad.TriesShown);
        Assert.Equal(3, s.Application.PinTryCounter);
    }

    // Wrong until blocked: 63C2, 63C1, 63C0 -> TVR B3b6 PIN try limit exceeded (0000200000), 4103 fails, its b7 asks
    // for the next rule: signature 1E0300. TAA: 20 not in IAC-online byte 3 -> TC asked; the card (PIN try limit
    // exceeded in its CVR) answers ARQC; the host approves: approved online.
    [Fact]
    public void Plaintext_pin_wrong_until_blocked_falls_to_signature_and_the_card_goes_online()
    {
        Scenario s = Scenario.Run(PlaintextCard, pad: Pad("1111", "2222", "3333"));

        ScenarioExpect.Outcome(s, ApprovedOnline, HostApproved, "0000200000", "E800", Signature, "00");
        Assert.Equal(new[] { "63C2", "63C1", "63C0" }, ScenarioExpect.VerifyStatusWords(s));
        Assert.Equal(new[] { 3, 2, 1 }, s.Pad.TriesShown);
        Assert.Equal(0, s.Application.PinTryCounter);
        ScenarioExpect.OneOnlineRequest(s, "0000200000", Signature, 1000);
    }

    // visa-pin-last-try (9F17 = 01): the pad is told 1 try remains; the correct PIN gives 410302 and a TC.
    [Fact]
    public void Last_try_correct_pin()
    {
        Scenario s = Scenario.Run("visa-pin-last-try", pad: Pad("1234"));

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "410302", "Y1");
        Assert.Equal(new[] { 1 }, s.Pad.TriesShown);
        Assert.Equal(new[] { "9000" }, ScenarioExpect.VerifyStatusWords(s));
    }

    // visa-pin-last-try with a wrong PIN: 63C0 -> B3b6 (0000200000), next rule signature; the card is now blocked
    // and goes online; host approves.
    [Fact]
    public void Last_try_wrong_pin_blocks_it()
    {
        Scenario s = Scenario.Run("visa-pin-last-try", pad: Pad("9999"));

        ScenarioExpect.Outcome(s, ApprovedOnline, HostApproved, "0000200000", "E800", Signature, "00");
        Assert.Equal(new[] { "63C0" }, ScenarioExpect.VerifyStatusWords(s));
        Assert.Equal(new[] { 1 }, s.Pad.TriesShown);
        ScenarioExpect.OneOnlineRequest(s, "0000200000", Signature, 1000);
    }

    // visa-pin-blocked (9F17 = 00): no prompt and no VERIFY, B3b6 (0000200000), signature; card-initiated online.
    [Fact]
    public void Try_counter_already_zero_skips_the_pin()
    {
        Scenario s = Scenario.Run("visa-pin-blocked", pad: Pad("1234"));

        ScenarioExpect.Outcome(s, ApprovedOnline, HostApproved, "0000200000", "E800", Signature, "00");
        Assert.Empty(s.Pad.TriesShown);
        Assert.Empty(ScenarioExpect.VerifyStatusWords(s));
        ScenarioExpect.OneOnlineRequest(s, "0000200000", Signature, 1000);
    }

    // PIN pad not working: B3b5 (0000100000), 4103 fails, next rule signature. 10 is not in IAC-online byte 3 -> TC.
    [Fact]
    public void Pin_pad_not_working_falls_to_signature()
    {
        Scenario s = Scenario.Run(PlaintextCard, pad: Pad(PinEntryResult.PinPadNotWorking));

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000100000", "E800", Signature, "Y1");
        Assert.Empty(ScenarioExpect.VerifyStatusWords(s));
        ScenarioExpect.NoOnlineRequest(s);
    }

    // PIN bypass: B3b4 PIN entry required, pad present, PIN not entered (0000080000); next rule signature; TC.
    [Fact]
    public void Pin_bypass_falls_to_signature()
    {
        Scenario s = Scenario.Run(PlaintextCard, pad: Pad(PinEntryResult.Bypassed));

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000080000", "E800", Signature, "Y1");
        Assert.Empty(ScenarioExpect.VerifyStatusWords(s));
        ScenarioExpect.NoOnlineRequest(s);
    }

    // Cancelled at the PIN pad: the transaction ends, reason CardholderCancelled; no VERIFY, no GENERATE AC, no
    // host request, nothing to reverse. TVR still 0000000000 (no CVM outcome was recorded).
    [Fact]
    public void Offline_pin_cancelled_terminates()
    {
        Scenario s = Scenario.Run(PlaintextCard, pad: Pad(PinEntryResult.Cancelled));

        Assert.Equal((TransactionDecision.Terminated, OutcomeReason.Terminated), (s.Outcome.Decision, s.Outcome.Reason));
        Assert.Equal(KernelTerminationReason.CardholderCancelled, s.Outcome.TerminationReason);
        Assert.Equal("0000000000", s.Tvr);
        Assert.Equal(0, ScenarioExpect.Commands(s, 0xAE));
        Assert.Empty(ScenarioExpect.VerifyStatusWords(s));
        ScenarioExpect.NoOnlineRequest(s);
    }

    // Online PIN entered (4203): B3b3 (0000040000), CVM Results 420300 (unknown: the issuer checks it); IAC-online
    // byte 3 04 -> ARQC; the request says online PIN entered; host approves.
    [Fact]
    public void Online_pin_entered_goes_online()
    {
        Scenario s = Scenario.Run(OnlinePinCard, pad: new ScenarioPinPad { Online = PinEntryResult.Entered });

        ScenarioExpect.Outcome(s, ApprovedOnline, HostApproved, "0000040000", "E800", "420300", "00");
        Assert.Equal(1, s.Pad.OnlinePrompts);
        ScenarioExpect.OneOnlineRequest(s, "0000040000", "420300", 1000);
        Assert.True(s.Host.Requests[0].OnlinePinEntered);
    }

    // Online PIN bypassed: B3b4 (08); 4203 was the last rule, so cardholder verification fails: B3b8 (80) and CVM
    // Results = the failed rule 4203 with result 01 (Book 3 10.5.5; Book 4 A4 "last CVM performed").
    // TVR 0000880000: neither bit is in IAC-online byte 3 (04) -> TC; the card approves offline.
    [Fact]
    public void Online_pin_bypassed_fails_cardholder_verification()
    {
        Scenario s = Scenario.Run(OnlinePinCard, pad: new ScenarioPinPad { Online = PinEntryResult.Bypassed });

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000880000", "E800", "420301", "Y1");
        Assert.Equal(1, s.Pad.OnlinePrompts);
        ScenarioExpect.NoOnlineRequest(s);
    }

    // Online PIN with the PIN pad not working: B3b5 (10) + B3b8 (80) -> TVR 0000900000, CVM Results 420301; TC.
    [Fact]
    public void Online_pin_pad_not_working_fails_cardholder_verification()
    {
        Scenario s = Scenario.Run(OnlinePinCard, pad: new ScenarioPinPad { Online = PinEntryResult.PinPadNotWorking });

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000900000", "E800", "420301", "Y1");
        ScenarioExpect.NoOnlineRequest(s);
    }

    // Online PIN cancelled: terminated (CardholderCancelled), no GENERATE AC, no host request.
    [Fact]
    public void Online_pin_cancelled_terminates()
    {
        Scenario s = Scenario.Run(OnlinePinCard, pad: new ScenarioPinPad { Online = PinEntryResult.Cancelled });

        Assert.Equal(TransactionDecision.Terminated, s.Outcome.Decision);
        Assert.Equal(KernelTerminationReason.CardholderCancelled, s.Outcome.TerminationReason);
        Assert.Equal(0, ScenarioExpect.Commands(s, 0xAE));
        ScenarioExpect.NoOnlineRequest(s);
    }

    // Enciphered offline PIN (Book 2, 7): one GET CHALLENGE per VERIFY; correct PIN -> 440302, TC.
    [Fact]
    public void Enciphered_pin_correct()
    {
        Scenario s = Scenario.Run(EncipheredCard, pad: Pad("1234"));

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "440302", "Y1");
        Assert.Equal(new[] { "9000" }, ScenarioExpect.VerifyStatusWords(s));
        Assert.Equal(1, ScenarioExpect.Commands(s, 0x84));
    }

    // Enciphered PIN wrong then correct: 63C2, 9000, a fresh challenge for each try; 440302, TVR 0.
    [Fact]
    public void Enciphered_pin_wrong_then_correct()
    {
        Scenario s = Scenario.Run(EncipheredCard, pad: Pad("4321", "1234"));

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "440302", "Y1");
        Assert.Equal(new[] { "63C2", "9000" }, ScenarioExpect.VerifyStatusWords(s));
        Assert.Equal(2, ScenarioExpect.Commands(s, 0x84));
        Assert.Equal(new[] { 3, 2 }, s.Pad.TriesShown);
    }

    // Enciphered PIN wrong three times: 63C2 63C1 63C0 -> B3b6 (0000200000), signature; card goes online.
    [Fact]
    public void Enciphered_pin_wrong_until_blocked()
    {
        Scenario s = Scenario.Run(EncipheredCard, pad: Pad("1111", "2222", "3333"));

        ScenarioExpect.Outcome(s, ApprovedOnline, HostApproved, "0000200000", "E800", Signature, "00");
        Assert.Equal(new[] { "63C2", "63C1", "63C0" }, ScenarioExpect.VerifyStatusWords(s));
        ScenarioExpect.OneOnlineRequest(s, "0000200000", Signature, 1000);
    }

    // visa-cvm-amount-xy: X = 50.00 (1388), Y = 200.00 (4E20) in 0156 (= 5F2A), rules 4209 (online PIN if over Y),
    // 4107 (plaintext PIN if over X), 1F06 (no CVM if under X), 1E03 (signature if supported). Annex C3 conditions
    // 06-09 are "under"/"over" strictly, so an amount equal to X or Y meets neither. Floor limit 100.00: from 100.00
    // up TVR B4b8 (80) -> IAC-online byte 4 F8 -> ARQC, host approves.
    [Theory]
    // 49.99 < X: 1F06 no CVM, successful.
    [InlineData(4999, "0000000000", "1F0602", ApprovedOffline, "Y1")]
    // 50.00 = X: not over X, not under X -> 1E03 signature.
    [InlineData(5000, "0000000000", "1E0300", ApprovedOffline, "Y1")]
    // 50.01 > X: 4107 plaintext PIN 1234 -> 410702.
    [InlineData(5001, "0000000000", "410702", ApprovedOffline, "Y1")]
    // 100.00 (statement amount): over X, PIN; = floor limit -> B4b8 -> online.
    [InlineData(10000, "0000008000", "410702", ApprovedOnline, "00")]
    // 199.99 < Y: plaintext PIN; above the floor limit.
    [InlineData(19999, "0000008000", "410702", ApprovedOnline, "00")]
    // 200.00 = Y: not over Y -> 4107 plaintext PIN.
    [InlineData(20000, "0000008000", "410702", ApprovedOnline, "00")]
    // 200.01 > Y: 4209 online PIN entered -> B3b3 (04) + floor limit (80).
    [InlineData(20001, "0000048000", "420900", ApprovedOnline, "00")]
    // 300.00 (statement amount): as 200.01.
    [InlineData(30000, "0000048000", "420900", ApprovedOnline, "00")]
    public void Cvm_amount_conditions_around_x_and_y(long amount, string tvr, string cvm, TransactionDecision decision, string arc)
    {
        Scenario s = Scenario.Run("visa-cvm-amount-xy", amount: amount, pad: Pad("1234"));

        OutcomeReason reason = decision == ApprovedOnline ? HostApproved : CardApprovedOffline;
        ScenarioExpect.Outcome(s, decision, reason, tvr, "E800", cvm, arc);
        Assert.Equal(cvm.StartsWith("41") ? 1 : 0, s.Pad.TriesShown.Count);
        Assert.Equal(cvm.StartsWith("42") ? 1 : 0, s.Pad.OnlinePrompts);
        if (decision == ApprovedOnline) ScenarioExpect.OneOnlineRequest(s, tvr, cvm, amount);
        else ScenarioExpect.NoOnlineRequest(s);
    }
}
