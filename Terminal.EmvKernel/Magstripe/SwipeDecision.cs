namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>What the terminal does with a swipe.</summary>
    public enum SwipeAction
    {
        /// <summary>Process the card as magstripe (POS entry mode 90).</summary>
        Magstripe = 1,
        /// <summary>Process as a technical fallback from chip to magstripe (POS entry mode 80), online.</summary>
        Fallback = 2,
        /// <summary>Refuse the swipe and ask for the chip ("insert card", UI message '1D' style).</summary>
        InsertChip = 3,
        /// <summary>Refuse the swipe: a chip card whose chip attempt does not allow a fallback; the card is not accepted.</summary>
        Refuse = 4
    }

    /// <summary>Why <see cref="SwipeRules"/> chose the action.</summary>
    public enum SwipeReason
    {
        /// <summary>The service code does not name a chip card.</summary>
        MagstripeCard = 1,
        /// <summary>The terminal has no contact chip reader.</summary>
        TerminalNotChipCapable = 2,
        /// <summary>A chip card and no chip attempt (or not enough failed ones) yet.</summary>
        ChipCardUseChip = 3,
        /// <summary>The chip failed and the configuration allows technical fallback.</summary>
        ChipFailureFallback = 4,
        /// <summary>The chip failed but the configuration does not allow fallback.</summary>
        FallbackNotAllowed = 5,
        /// <summary>The last chip attempt ended for a reason that is not a chip failure (card blocked, declined, cancelled...).</summary>
        NotAChipFailure = 6
    }

    /// <summary>
    /// The decision on one swipe, with the POS entry mode ('9F39', ISO 8583 field 22 positions 1-2) that marks the
    /// authorisation: 90 magstripe, 80 fallback from chip to magstripe (reference notes emv-kernel.md section 8,
    /// host-and-crypto.md field 22). 0 when the swipe is not processed.
    /// </summary>
    public sealed class SwipeDecision
    {
        /// <summary>POS entry mode 90: magnetic stripe read, full track.</summary>
        public const byte PosEntryMagstripe = 0x90;

        /// <summary>POS entry mode 80: fallback from chip to magnetic stripe.</summary>
        public const byte PosEntryFallback = 0x80;

        internal SwipeDecision(SwipeAction action, SwipeReason reason, TrackData track, bool onlineRequired)
        {
            Action = action;
            Reason = reason;
            Track = track;
            OnlineRequired = onlineRequired;
            PosEntryMode = action == SwipeAction.Magstripe ? PosEntryMagstripe : action == SwipeAction.Fallback ? PosEntryFallback : (byte)0;
        }

        /// <summary>What to do.</summary>
        public SwipeAction Action { get; private set; }

        /// <summary>Why.</summary>
        public SwipeReason Reason { get; private set; }

        /// <summary>The parsed track the decision is about.</summary>
        public TrackData Track { get; private set; }

        /// <summary>'9F39' POS entry mode as its BCD byte: 0x90, 0x80, or 0 when the swipe is not processed.</summary>
        public byte PosEntryMode { get; private set; }

        /// <summary>True when the transaction must be authorised online (every fallback; a service code asking for the issuer).</summary>
        public bool OnlineRequired { get; private set; }

        /// <summary>True for <see cref="SwipeAction.Magstripe"/> and <see cref="SwipeAction.Fallback"/>.</summary>
        public bool Accepted { get { return Action == SwipeAction.Magstripe || Action == SwipeAction.Fallback; } }

        /// <summary>True when this is a technical fallback: the outcome and the authorisation carry it.</summary>
        public bool IsFallback { get { return Action == SwipeAction.Fallback; } }
    }
}
