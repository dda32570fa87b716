#nullable enable
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Kernel;
using Xunit;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// Terminal risk management (EMV 4.4 Book 3, 10.6) through the whole kernel on visa-offline-tc (DDA, AIP 3800 with
/// B1b4 "terminal risk management is to be performed", IACs default/online DCE004F800, denial 0010000000, PAN
/// 4761739000000293, PSN 01, ATC 1 and Last Online ATC 1 before the transaction; GET PROCESSING OPTIONS raises
/// the ATC to 2). Reference terminal 22, floor limit 100.00. TSI after an offline approval: E800 (ODA 80,
/// cardholder verification 40, card risk management 20, terminal risk management 08).
/// Any TVR byte 4 bit b8-b4 meets IAC-online F8 -> ARQC; the ScenarioHost approves -> approved online.
/// </summary>
public sealed class TerminalRiskScenarioTests
{
    private const string Card = "visa-offline-tc";
    private const string Pan = "4761739000000293";

    private static KernelConfiguration RandomSelection(Action<AidParameters>? more = null) =>
        ReferenceTerminal.Configuration(aid: a =>
        {
            // Threshold 50.00, target 20 %, maximum target 60 %, floor limit 100.00.
            a.Threshold = 5000;
            a.TargetPercent = 20;
            a.MaxTargetPercent = 60;
            more?.Invoke(a);
        });

    private static Scenario RunRandom(long amount, int random, out FixedSelectionRandom source)
    {
        var r = new FixedSelectionRandom(random);
        source = r;
        return Scenario.Run(Card, amount: amount, configuration: RandomSelection(), setup: k => k.SelectionRandom = r);
    }

    private static void AssertWentOnlineApproved(Scenario s)
    {
        Assert.Equal(new[] { "80", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
    }

    private static void AssertApprovedOffline(Scenario s)
    {
        Assert.Equal(new[] { "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
    }

    // ---- Floor limit and split sales (10.6.1) ----------------------------------------------------------------

    [Fact]
    public void AmountAtTheFloorLimitSetsB4b8()
    {
        // 100.00 >= floor limit 100.00 -> TVR B4b8 (80) = 0000008000; IAC-online meets it -> online.
        var s = Scenario.Run(Card, amount: 10000);
        Assert.Equal("0000008000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        AssertWentOnlineApproved(s);
    }

    [Fact]
    public void AmountBelowTheFloorLimitSetsNothing()
    {
        // 99.99 < 100.00 -> TVR 0000000000, card TC.
        var s = Scenario.Run(Card, amount: 9999);
        Assert.Equal("0000000000", s.Tvr);
        AssertApprovedOffline(s);
    }

    [Fact]
    public void SplitSaleAddsTheLoggedAmountForTheSamePan()
    {
        // 10.00 + logged 95.00 = 105.00 >= 100.00 -> B4b8 = 0000008000.
        var log = new OneEntryTransactionLog(Pan, 9500);
        var s = Scenario.Run(Card, amount: 1000, setup: k => k.TransactionLog = log);
        Assert.Equal("0000008000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal(1, log.Queries);
        AssertWentOnlineApproved(s);
    }

    [Fact]
    public void SplitSaleReachingTheFloorLimitExactlyExceedsIt()
    {
        // 10.00 + 90.00 = 100.00 >= 100.00 (the rule is "greater than or equal") -> B4b8.
        var s = Scenario.Run(Card, amount: 1000, setup: k => k.TransactionLog = new OneEntryTransactionLog(Pan, 9000));
        Assert.Equal("0000008000", s.Tvr);
    }

    [Fact]
    public void SplitSaleBelowTheFloorLimitSetsNothing()
    {
        // 10.00 + 89.99 = 99.99 < 100.00 -> TVR 0.
        var s = Scenario.Run(Card, amount: 1000, setup: k => k.TransactionLog = new OneEntryTransactionLog(Pan, 8999));
        Assert.Equal("0000000000", s.Tvr);
        AssertApprovedOffline(s);
    }

    [Fact]
    public void SplitSaleOfAnotherPanIsNotAdded()
    {
        // The log holds 95.00 for another PAN: 10.00 alone < 100.00 -> TVR 0.
        var s = Scenario.Run(Card, amount: 1000, setup: k => k.TransactionLog = new OneEntryTransactionLog("4761739000000301", 9500));
        Assert.Equal("0000000000", s.Tvr);
        AssertApprovedOffline(s);
    }

    // ---- Random transaction selection (10.6.2) ----------------------------------------------------------------

    [Fact]
    public void BelowThresholdRandomAtTargetIsSelected()
    {
        // 10.00 < threshold 50.00: selected when R <= target 20; R = 20 -> TVR B4b5 (10) = 0000001000 -> online.
        var s = RunRandom(1000, 20, out var r);
        Assert.Equal(1, r.Calls);
        Assert.Equal("0000001000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        AssertWentOnlineApproved(s);
    }

    [Fact]
    public void BelowThresholdRandomAboveTargetIsNotSelected()
    {
        // R = 21 > 20 -> not selected: TVR 0, card TC.
        var s = RunRandom(1000, 21, out _);
        Assert.Equal("0000000000", s.Tvr);
        AssertApprovedOffline(s);
    }

    [Fact]
    public void AtTheThresholdTheTargetIsTheTargetPercentage()
    {
        // amount 50.00 = threshold: TTP = 20 + 40 * (5000 - 5000) / (10000 - 5000) = 20; R = 21 -> not selected.
        var s = RunRandom(5000, 21, out _);
        Assert.Equal("0000000000", s.Tvr);
        var t = RunRandom(5000, 20, out _);
        Assert.Equal("0000001000", t.Tvr);
    }

    [Fact]
    public void BiasedZoneMidpointSelectsUpToForty()
    {
        // amount 75.00: TTP = 20 + (60 - 20) * (7500 - 5000) / (10000 - 5000) = 20 + 20 = 40.
        // R = 40 -> selected (0000001000); R = 41 -> not (0000000000).
        var selected = RunRandom(7500, 40, out _);
        Assert.Equal("0000001000", selected.Tvr);
        AssertWentOnlineApproved(selected);
        var notSelected = RunRandom(7500, 41, out _);
        Assert.Equal("0000000000", notSelected.Tvr);
        AssertApprovedOffline(notSelected);
    }

    [Fact]
    public void BiasedZoneJustBelowTheFloorLimit()
    {
        // amount 99.99: TTP = 20 + 40 * 4999 / 5000 = 59.992; R = 59 <= TTP selected, R = 60 > TTP not.
        Assert.Equal("0000001000", RunRandom(9999, 59, out _).Tvr);
        Assert.Equal("0000000000", RunRandom(9999, 60, out _).Tvr);
    }

    [Fact]
    public void AtTheFloorLimitNoRandomNumberIsDrawn()
    {
        // amount 100.00 >= floor limit: random selection is only for amounts below it; R = 1 would select.
        // TVR is B4b8 alone = 0000008000.
        var s = RunRandom(10000, 1, out var r);
        Assert.Equal(0, r.Calls);
        Assert.Equal("0000008000", s.Tvr);
    }

    [Fact]
    public void ZeroTargetPercentagesMeanNoRandomSelection()
    {
        // Target and maximum target 0: no transaction is ever selected (R >= 1 > 0) -> TVR 0.
        var r = new FixedSelectionRandom(1);
        var s = Scenario.Run(Card, amount: 1000, configuration: RandomSelection(a => { a.TargetPercent = 0; a.MaxTargetPercent = 0; }),
            setup: k => k.SelectionRandom = r);
        Assert.Equal("0000000000", s.Tvr);
        AssertApprovedOffline(s);
    }

    // ---- Velocity checking (10.6.3) ---------------------------------------------------------------------------

    private static Scenario RunVelocity(int atc, int lastOnlineAtc, bool velocityChecking = true) =>
        Scenario.Run(Card, edit: p => TerminalScenario.WithVelocity(p, lower: 2, upper: 4, atc: atc, lastOnlineAtc: lastOnlineAtc),
            configuration: ReferenceTerminal.Configuration(aid: a => a.VelocityChecking = velocityChecking));

    [Fact]
    public void VelocityWithinTheLimitsSetsNothing()
    {
        // LCOL 2, UCOL 4; ATC 1 -> 2 after GPO; LOATC 1: 2 - 1 = 1, not above 2 nor 4 -> TVR 0. Both counters
        // are read with GET DATA (80 CA 9F 36 / 80 CA 9F 13).
        var s = RunVelocity(atc: 1, lastOnlineAtc: 1);
        Assert.Equal("0000000000", s.Tvr);
        var getData = TerminalScenario.Commands(s.Outcome, 0x80, 0xCA).Select(c => c[2].ToString("X2") + c[3].ToString("X2")).ToArray();
        Assert.Equal(new[] { "9F36", "9F13" }, getData);
        AssertApprovedOffline(s);
    }

    [Fact]
    public void VelocityAboveTheLowerLimitSetsB4b7()
    {
        // ATC 3 -> 4; 4 - 1 = 3 > LCOL 2, not > UCOL 4 -> TVR B4b7 (40) = 0000004000 -> online.
        var s = RunVelocity(atc: 3, lastOnlineAtc: 1);
        Assert.Equal("0000004000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        AssertWentOnlineApproved(s);
    }

    [Fact]
    public void VelocityAboveBothLimitsSetsB4b7AndB4b6()
    {
        // ATC 10 -> 11; 11 - 1 = 10 > 2 and > 4 -> B4b7 | B4b6 (40 | 20) = 0000006000.
        var s = RunVelocity(atc: 10, lastOnlineAtc: 1);
        Assert.Equal("0000006000", s.Tvr);
        AssertWentOnlineApproved(s);
    }

    [Fact]
    public void VelocityAtTheLowerLimitIsNotExceeded()
    {
        // ATC 2 -> 3; 3 - 1 = 2, not above LCOL 2 -> TVR 0.
        Assert.Equal("0000000000", RunVelocity(atc: 2, lastOnlineAtc: 1).Tvr);
    }

    [Fact]
    public void AtcNotAboveLastOnlineAtcSetsBothVelocityBits()
    {
        // ATC 1 -> 2, LOATC 5: ATC <= LOATC -> both B4b7 and B4b6 = 0000006000.
        var s = RunVelocity(atc: 1, lastOnlineAtc: 5);
        Assert.Equal("0000006000", s.Tvr);
    }

    [Fact]
    public void LastOnlineAtcZeroIsANewCard()
    {
        // LOATC 0 -> TVR B2b4 "new card" (08) = 0008000000; 2 - 0 = 2 not above LCOL 2 -> no byte 4 bit.
        // IAC-online E0 in byte 2 lacks b4 -> TAA asks TC (P1 40); the card itself goes online for a new card
        // (ARQC) and the host approves -> second GENERATE AC TC.
        var s = RunVelocity(atc: 1, lastOnlineAtc: 0);
        Assert.Equal("0008000000", s.Tvr);
        Assert.Equal(new[] { "40", "40" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);
    }

    [Fact]
    public void VelocityCheckingOffForTheAidSendsNoGetData()
    {
        // VelocityChecking off: the limits are ignored; ATC 10 would exceed both -> TVR stays 0, no GET DATA.
        var s = RunVelocity(atc: 10, lastOnlineAtc: 1, velocityChecking: false);
        Assert.Equal("0000000000", s.Tvr);
        Assert.Empty(TerminalScenario.Commands(s.Outcome, 0x80, 0xCA));
        AssertApprovedOffline(s);
    }

    [Fact]
    public void CardWithoutVelocityLimitsIsNotChecked()
    {
        // The library card has no '9F14'/'9F23': no GET DATA for the counters, TVR 0.
        var s = Scenario.Run(Card);
        Assert.Empty(TerminalScenario.Commands(s.Outcome, 0x80, 0xCA));
        Assert.Equal("0000000000", s.Tvr);
    }

    // ---- Exception file ---------------------------------------------------------------------------------------

    [Fact]
    public void CardOnTheExceptionFileSetsB1b5()
    {
        // PAN on the file -> TVR B1b5 (10) = 1000000000. IAC-denial 00 in byte 1 -> no AAC; IAC-online DC meets
        // b5 -> ARQC -> online approved. The file was asked with the card's PAN and PSN 01.
        var file = new ListExceptionFile(Pan);
        var s = Scenario.Run(Card, setup: k => k.ExceptionFile = file);
        Assert.Equal("1000000000", s.Tvr);
        Assert.Equal("E800", s.Tsi);
        Assert.Equal(new[] { (Pan, (string?)"01") }, file.Queries);
        AssertWentOnlineApproved(s);
    }

    [Fact]
    public void CardOnTheExceptionFileWithTacDenialIsDeclined()
    {
        // TVR 1000000000 AND TAC-denial 1000000000 -> AAC, Z1.
        var s = Scenario.Run(Card, setup: k => k.ExceptionFile = new ListExceptionFile(Pan),
            configuration: ReferenceTerminal.Configuration(aid: a => a.TacDenial = Terminal.EmvKernel.Util.Hex.Decode("1000000000")));
        Assert.Equal("1000000000", s.Tvr);
        Assert.Equal(new[] { "00" }, TerminalScenario.GenerateAcP1(s.Outcome));
        Assert.Equal(TransactionDecision.DeclinedOffline, s.Outcome.Decision);
        Assert.Equal(OutcomeReason.TerminalDenied, s.Outcome.Reason);
        Assert.Equal("Z1", s.Arc);
    }

    [Fact]
    public void CardNotOnTheExceptionFileSetsNothing()
    {
        var s = Scenario.Run(Card, setup: k => k.ExceptionFile = new ListExceptionFile("4761739000000301"));
        Assert.Equal("0000000000", s.Tvr);
        AssertApprovedOffline(s);
    }
}
