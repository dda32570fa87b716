namespace Terminal.VirtualCards.Card
{
    /// <summary>Card-wide behaviour switches for odd cards and test scenarios.</summary>
    public sealed class CardBehaviour
    {
        /// <summary>T=0 personality: answer 61xx or 6Cxx instead of returning data directly.</summary>
        public T0ResponseMode T0Mode { get; set; }

        /// <summary>
        /// When &gt; 0: the card is "removed" after this many commands; the next Transmit throws
        /// CardRemovedException. 0 = never.
        /// </summary>
        public int RemoveAfterCommands { get; set; }

        /// <summary>Processing time per command in milliseconds for the timing model (informational; the simulator never sleeps).</summary>
        public int ProcessingTimeMs { get; set; }
    }
}
