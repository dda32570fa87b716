using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Magstripe;
using Xunit;

namespace Terminal.Tests.Magstripe;

/// <summary>
/// The swipe rules (docs/magstripe.md; reference notes emv-kernel.md section 8): service code 2xx/6xx = chip card
/// -> insert the chip; technical fallback (POS entry mode 80, online) only after a chip failure and only when the
/// configuration allows it; magstripe cards -> 90.
/// </summary>
public class SwipeRulesTests
{
    private static TrackData Swipe(string serviceCode) => TrackParser.ParseTrack2("4761739000000475=3012" + serviceCode + "0000000000");

    private static MagstripeSettings Settings(bool fallback = true, int attempts = 1, bool noAid = false, bool chip = true) =>
        new() { FallbackAllowed = fallback, FallbackChipAttempts = attempts, FallbackOnNoMutualApplication = noAid, ChipCapable = chip };

    private static ChipAttempts Failed(MagstripeSettings s, int times)
    {
        var a = new ChipAttempts(s);
        for (int i = 0; i < times; i++) a.RecordTermination(KernelTerminationReason.TransportFailure);
        return a;
    }

    [Theory]
    // Digit 1 of the service code: 1 international, 5 national, 7 private, 9 test -> magstripe card (90).
    [InlineData("101")]
    [InlineData("120")]
    [InlineData("501")]
    [InlineData("701")]
    [InlineData("901")]
    public void Magstripe_card_is_processed_as_magstripe_with_entry_mode_90(string sc)
    {
        var d = SwipeRules.Decide(Swipe(sc), null, Settings());
        Assert.Equal(SwipeAction.Magstripe, d.Action);
        Assert.Equal(SwipeReason.MagstripeCard, d.Reason);
        Assert.Equal(0x90, d.PosEntryMode);
        Assert.True(d.Accepted);
        Assert.False(d.IsFallback);
    }

    [Theory]
    // Digit 1 = 2 (international, IC) or 6 (national, IC): chip card, no chip attempt yet -> insert.
    [InlineData("201")]
    [InlineData("221")]
    [InlineData("601")]
    public void Chip_card_swiped_first_is_told_to_insert(string sc)
    {
        var d = SwipeRules.Decide(Swipe(sc), new ChipAttempts(Settings()), Settings());
        Assert.Equal(SwipeAction.InsertChip, d.Action);
        Assert.Equal(SwipeReason.ChipCardUseChip, d.Reason);
        Assert.Equal(0, d.PosEntryMode);
        Assert.False(d.Accepted);
        // Null attempts mean the same: none yet.
        Assert.Equal(SwipeAction.InsertChip, SwipeRules.Decide(Swipe(sc), null, Settings()).Action);
    }

    [Fact]
    public void Terminal_without_a_chip_reader_takes_a_chip_card_as_magstripe()
    {
        var d = SwipeRules.Decide(Swipe("201"), null, Settings(chip: false));
        Assert.Equal(SwipeAction.Magstripe, d.Action);
        Assert.Equal(SwipeReason.TerminalNotChipCapable, d.Reason);
        Assert.Equal(0x90, d.PosEntryMode);
    }

    [Fact]
    public void Chip_failure_with_fallback_allowed_is_a_fallback_80_online()
    {
        var s = Settings();
        var a = new ChipAttempts(s);
        a.RecordNoAnswerToReset();
        var d = SwipeRules.Decide(Swipe("201"), a, s);
        Assert.Equal(SwipeAction.Fallback, d.Action);
        Assert.Equal(SwipeReason.ChipFailureFallback, d.Reason);
        Assert.Equal(0x80, d.PosEntryMode);
        Assert.True(d.OnlineRequired);
        Assert.True(d.IsFallback);
        Assert.True(d.Accepted);
    }

    [Fact]
    public void Chip_failure_without_fallback_configured_is_refused()
    {
        var s = Settings(fallback: false);
        var d = SwipeRules.Decide(Swipe("201"), Failed(s, 1), s);
        Assert.Equal(SwipeAction.Refuse, d.Action);
        Assert.Equal(SwipeReason.FallbackNotAllowed, d.Reason);
        Assert.Equal(0, d.PosEntryMode);
    }

    [Theory]
    // fallback-chip-attempts = 3: 1 and 2 failures -> insert again; 3 (the boundary) -> fallback.
    [InlineData(1, SwipeAction.InsertChip)]
    [InlineData(2, SwipeAction.InsertChip)]
    [InlineData(3, SwipeAction.Fallback)]
    [InlineData(4, SwipeAction.Fallback)]
    public void Fallback_needs_the_configured_number_of_chip_failures(int failures, SwipeAction action)
    {
        var s = Settings(attempts: 3);
        Assert.Equal(action, SwipeRules.Decide(Swipe("201"), Failed(s, failures), s).Action);
    }

    [Fact]
    public void A_completed_chip_attempt_resets_the_failure_count()
    {
        var s = Settings(attempts: 2);
        var a = Failed(s, 1);
        a.RecordCompleted();
        a.RecordTermination(KernelTerminationReason.TransportFailure);
        Assert.Equal(1, a.ConsecutiveFailures);
        Assert.Equal(3, a.Count);
        Assert.Equal(SwipeAction.InsertChip, SwipeRules.Decide(Swipe("201"), a, s).Action);
    }

    [Theory]
    [InlineData(KernelTerminationReason.CardBlocked)]
    [InlineData(KernelTerminationReason.CardholderCancelled)]
    [InlineData(KernelTerminationReason.CardRemoved)]
    [InlineData(KernelTerminationReason.UnexpectedStatusWord)]
    [InlineData(KernelTerminationReason.MissingMandatoryData)]
    [InlineData(KernelTerminationReason.InternalError)]
    [InlineData(KernelTerminationReason.NoMutualApplication)]
    public void Last_attempt_ending_for_a_non_technical_reason_refuses_the_swipe(KernelTerminationReason reason)
    {
        var s = Settings();
        var a = new ChipAttempts(s);
        a.RecordTermination(reason);
        var d = SwipeRules.Decide(Swipe("201"), a, s);
        Assert.Equal(SwipeAction.Refuse, d.Action);
        Assert.Equal(SwipeReason.NotAChipFailure, d.Reason);
    }

    [Fact]
    public void A_chip_transaction_that_ran_to_an_outcome_refuses_a_later_swipe()
    {
        var s = Settings();
        var a = new ChipAttempts(s);
        a.RecordCompleted();
        Assert.Equal(SwipeReason.NotAChipFailure, SwipeRules.Decide(Swipe("201"), a, s).Reason);
    }

    [Fact]
    public void No_mutual_application_is_a_chip_failure_only_when_configured()
    {
        var on = Settings(noAid: true);
        var a = new ChipAttempts(on);
        a.RecordTermination(KernelTerminationReason.NoMutualApplication);
        Assert.Equal(SwipeAction.Fallback, SwipeRules.Decide(Swipe("201"), a, on).Action);
    }

    [Theory]
    // Every termination reason against the documented classification (docs/magstripe.md).
    [InlineData(KernelTerminationReason.TransportFailure, true, true)]
    [InlineData(KernelTerminationReason.InvalidCardResponse, true, true)]
    [InlineData(KernelTerminationReason.NoMutualApplication, false, true)]
    [InlineData(KernelTerminationReason.CardBlocked, false, false)]
    [InlineData(KernelTerminationReason.CardholderCancelled, false, false)]
    [InlineData(KernelTerminationReason.MissingMandatoryData, false, false)]
    [InlineData(KernelTerminationReason.RedundantData, false, false)]
    [InlineData(KernelTerminationReason.InvalidRecord, false, false)]
    [InlineData(KernelTerminationReason.CardRemoved, false, false)]
    [InlineData(KernelTerminationReason.UnexpectedStatusWord, false, false)]
    [InlineData(KernelTerminationReason.InvalidApplicationFileLocator, false, false)]
    [InlineData(KernelTerminationReason.InternalError, false, false)]
    public void Chip_failure_classification(KernelTerminationReason reason, bool failureByDefault, bool failureWithNoAidFallback)
    {
        Assert.Equal(failureByDefault, ChipAttempts.IsChipFailure(reason, Settings()));
        Assert.Equal(failureWithNoAidFallback, ChipAttempts.IsChipFailure(reason, Settings(noAid: true)));
    }

    [Fact]
    public void Every_termination_reason_is_classified_in_the_test_above()
    {
        // Keeps Chip_failure_classification complete when a reason is added.
        Assert.Equal(12, Enum.GetValues<KernelTerminationReason>().Length);
    }

    [Theory]
    // Service code digit 2 = 2 or 4: contact the issuer -> online even for a magstripe card.
    [InlineData("101", false)]
    [InlineData("121", true)]
    [InlineData("141", true)]
    [InlineData("161", false)]
    public void Magstripe_online_requirement_follows_service_code_digit_2(string sc, bool online)
    {
        Assert.Equal(online, SwipeRules.Decide(Swipe(sc), null, Settings()).OnlineRequired);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => SwipeRules.Decide(null, null, Settings()));
        Assert.Throws<ArgumentNullException>(() => SwipeRules.Decide(Swipe("101"), null, null));
        Assert.Throws<ArgumentNullException>(() => new ChipAttempts(null));
    }
}
