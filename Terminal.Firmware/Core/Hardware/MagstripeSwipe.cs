namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>What the magstripe head read in one swipe: the ASCII track data without sentinels and LRC,
    /// or null for a track that was absent or failed its parity/LRC check.</summary>
    public sealed class MagstripeSwipe
    {
        /// <summary>Creates a swipe.</summary>
        public MagstripeSwipe(string track1, string track2)
        {
            Track1 = track1;
            Track2 = track2;
        }

        /// <summary>Track 1 (IATA, alphanumeric), or null.</summary>
        public string Track1 { get; private set; }

        /// <summary>Track 2 (ABA, numeric with '=' separator), or null.</summary>
        public string Track2 { get; private set; }
    }
}
