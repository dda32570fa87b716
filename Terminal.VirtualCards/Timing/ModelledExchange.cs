namespace Terminal.VirtualCards.Timing
{
    /// <summary>The modelled air time of one command-response pair (<see cref="TimedCardChannel"/>), in carrier cycles (1/fc).</summary>
    public sealed class ModelledExchange
    {
        internal ModelledExchange(CardCommandKind kind, int commandLength, int responseLength, int commandBlocks, int responseBlocks,
            long frameCycles, long delayCycles, long processingCycles, bool signed)
        {
            Kind = kind;
            CommandLength = commandLength;
            ResponseLength = responseLength;
            CommandBlocks = commandBlocks;
            ResponseBlocks = responseBlocks;
            FrameCycles = frameCycles;
            DelayCycles = delayCycles;
            ProcessingCycles = processingCycles;
            Signed = signed;
        }

        /// <summary>The kind of command.</summary>
        public CardCommandKind Kind { get; private set; }

        /// <summary>C-APDU length in bytes.</summary>
        public int CommandLength { get; private set; }

        /// <summary>R-APDU length in bytes (data and SW1 SW2).</summary>
        public int ResponseLength { get; private set; }

        /// <summary>I-blocks the PCD sent (more than 1: chaining, ISO/IEC 14443-4 clause 7.5.2).</summary>
        public int CommandBlocks { get; private set; }

        /// <summary>I-blocks the PICC sent.</summary>
        public int ResponseBlocks { get; private set; }

        /// <summary>Time on air of every frame of the exchange (I-blocks and the R(ACK) blocks of chaining).</summary>
        public long FrameCycles { get; private set; }

        /// <summary>The minimum frame delay times after each frame (FDT PCD to PICC and PICC to PCD).</summary>
        public long DelayCycles { get; private set; }

        /// <summary>The card's processing time for the command (with the signature time when <see cref="Signed"/>).</summary>
        public long ProcessingCycles { get; private set; }

        /// <summary>True when the response carried Signed Dynamic Application Data '9F4B'.</summary>
        public bool Signed { get; private set; }

        /// <summary>The whole exchange: frames, delays and processing.</summary>
        public long TotalCycles { get { return FrameCycles + DelayCycles + ProcessingCycles; } }
    }
}
