namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>
    /// The rules for a swiped card, shared by the contact and contactless paths (issue 6 item 4; reference notes
    /// emv-kernel.md section 8 [K]):
    /// <list type="number">
    /// <item>A terminal without a contact chip reader processes every swipe as magstripe (entry mode 90).</item>
    /// <item>A service code whose first digit is not 2 or 6 is a magstripe card: magstripe (90).</item>
    /// <item>A chip card (2xx, 6xx) is told to insert the chip until the required number of chip attempts has
    /// failed with a chip failure (<see cref="ChipAttempts.IsChipFailure"/>).</item>
    /// <item>After those failures: technical fallback (80, always online) when the configuration allows it,
    /// otherwise refused.</item>
    /// <item>When the last chip attempt ended for another reason (card blocked, declined, cancelled...), the swipe
    /// is refused: that is not a technical fallback.</item>
    /// </list>
    /// Firmware use: <c>TrackData t = TrackParser.ParseTrack2(swipe.Track2)</c> (or track 1), then
    /// <c>SwipeRules.Decide(t, attempts, MagstripeSettings.From(config.Terminal))</c>, then act on
    /// <see cref="SwipeDecision.Action"/> and put <see cref="SwipeDecision.PosEntryMode"/> in the request.
    /// </summary>
    public static class SwipeRules
    {
        /// <summary>
        /// Decides on a swipe. <paramref name="attempts"/> holds this transaction's contact chip attempts (null: none).
        /// </summary>
        public static SwipeDecision Decide(TrackData track, ChipAttempts attempts, MagstripeSettings settings)
        {
            if (track == null) throw new System.ArgumentNullException("track");
            if (settings == null) throw new System.ArgumentNullException("settings");
            bool issuerOnline = track.ServiceCode.OnlineAuthorisationRequired;
            if (!settings.ChipCapable)
                return new SwipeDecision(SwipeAction.Magstripe, SwipeReason.TerminalNotChipCapable, track, issuerOnline);
            if (!track.ServiceCode.IsChipCard)
                return new SwipeDecision(SwipeAction.Magstripe, SwipeReason.MagstripeCard, track, issuerOnline);
            if (attempts == null || attempts.Count == 0)
                return new SwipeDecision(SwipeAction.InsertChip, SwipeReason.ChipCardUseChip, track, false);
            if (!attempts.LastWasChipFailure)
                return new SwipeDecision(SwipeAction.Refuse, SwipeReason.NotAChipFailure, track, false);
            if (attempts.ConsecutiveFailures < settings.FallbackChipAttempts)
                return new SwipeDecision(SwipeAction.InsertChip, SwipeReason.ChipCardUseChip, track, false);
            if (!settings.FallbackAllowed)
                return new SwipeDecision(SwipeAction.Refuse, SwipeReason.FallbackNotAllowed, track, false);
            // A fallback is authorised online (acquirer practice [K]).
            return new SwipeDecision(SwipeAction.Fallback, SwipeReason.ChipFailureFallback, track, true);
        }
    }
}
