namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The reader's relay resistance parameters (Book C-2; reference notes section 6), all times in units of 100 µs
    /// as the card's are. The defaults are the C-2 default configuration values: minimum / maximum grace period
    /// 'DF8132' / 'DF8133' 2.0 / 5.0 ms, terminal expected transmission time for the C-APDU / R-APDU 'DF8134' /
    /// 'DF8135' 1.8 / 2.4 ms, accuracy threshold 'DF8136' 30.0 ms, transmission time mismatch threshold 'DF8137' 50 %.
    /// </summary>
    public sealed class RelayResistanceParameters
    {
        /// <summary>The C-2 defaults.</summary>
        public RelayResistanceParameters()
        {
            MinimumGracePeriod = 20;
            MaximumGracePeriod = 50;
            ExpectedCapduTransmissionTime = 18;
            ExpectedRapduTransmissionTime = 24;
            AccuracyThreshold = 300;
            MismatchThresholdPercent = 50;
        }

        /// <summary>'DF8132' Minimum Relay Resistance Grace Period (100 µs units).</summary>
        public int MinimumGracePeriod { get; set; }

        /// <summary>'DF8133' Maximum Relay Resistance Grace Period (100 µs units).</summary>
        public int MaximumGracePeriod { get; set; }

        /// <summary>'DF8134' Terminal Expected Transmission Time For Relay Resistance C-APDU (100 µs units).</summary>
        public int ExpectedCapduTransmissionTime { get; set; }

        /// <summary>'DF8135' Terminal Expected Transmission Time For Relay Resistance R-APDU (100 µs units).</summary>
        public int ExpectedRapduTransmissionTime { get; set; }

        /// <summary>'DF8136' Relay Resistance Accuracy Threshold (100 µs units).</summary>
        public int AccuracyThreshold { get; set; }

        /// <summary>'DF8137' Relay Resistance Transmission Time Mismatch Threshold (percent).</summary>
        public int MismatchThresholdPercent { get; set; }
    }
}
