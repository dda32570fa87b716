namespace Terminal.VirtualCards.Timing
{
    /// <summary>One frame (or the power-up guard time) of the modelled card activation (<see cref="ActivationTiming"/>).</summary>
    public sealed class ActivationStep
    {
        internal ActivationStep(string name, int bytes, long frameCycles, long delayCycles)
        {
            Name = name;
            Bytes = bytes;
            FrameCycles = frameCycles;
            DelayCycles = delayCycles;
        }

        /// <summary>What the step is, e.g. "ATQA".</summary>
        public string Name { get; private set; }

        /// <summary>Bytes on air (a short frame counts 0), with the CRC_A when the frame has one.</summary>
        public int Bytes { get; private set; }

        /// <summary>The frame's time on air in carrier cycles (for the guard step: the guard time).</summary>
        public long FrameCycles { get; private set; }

        /// <summary>The minimum frame delay time after the frame.</summary>
        public long DelayCycles { get; private set; }
    }
}
