namespace Terminal.EmvKernel.Apdu
{
    /// <summary>Why the card is not there.</summary>
    public enum CardRemovedReason
    {
        /// <summary>The card was taken out of the reader (or left the field) during the session.</summary>
        Removed = 1,
        /// <summary>No card is present (none was inserted, or it is not powered).</summary>
        NoCard = 2
    }

    /// <summary>
    /// The card is gone. Kept apart from <see cref="ApduException"/> because the kernel reacts differently:
    /// a removed card ends the session with "card removed" (contact) or a restart/try-again outcome
    /// (contactless), where a transport or format error is a card error.
    /// </summary>
    public class CardRemovedException : System.Exception
    {
        /// <summary>Creates the exception with its reason.</summary>
        public CardRemovedException(CardRemovedReason reason)
            : base(reason == CardRemovedReason.NoCard ? "no card present" : "card removed")
        {
            Reason = reason;
        }

        /// <summary>Why the card is not there.</summary>
        public CardRemovedReason Reason { get; private set; }
    }
}
