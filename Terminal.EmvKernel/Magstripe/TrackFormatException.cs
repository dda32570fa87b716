namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>What is wrong with a track (<see cref="TrackFormatException.Error"/>).</summary>
    public enum TrackFormatError
    {
        /// <summary>No data (null, empty, or only sentinels).</summary>
        Empty = 1,
        /// <summary>More characters than the track holds (track 1: 76, track 2: 37 between the sentinels; ISO/IEC 7813).</summary>
        TooLong = 2,
        /// <summary>A character the track's character set or field does not allow.</summary>
        InvalidCharacter = 3,
        /// <summary>Track 1 does not start with format code 'B' (ISO/IEC 7813 format B, financial cards).</summary>
        UnsupportedFormatCode = 4,
        /// <summary>A field separator is missing ('=' on track 2, '^' on track 1).</summary>
        MissingSeparator = 5,
        /// <summary>The PAN is not 12 to 19 digits.</summary>
        InvalidPan = 6,
        /// <summary>The name field of track 1 is not 2 to 26 characters.</summary>
        InvalidName = 7,
        /// <summary>The expiry date is missing, not 4 digits, or its month is not 01-12.</summary>
        InvalidExpiry = 8,
        /// <summary>The service code is missing or not 3 digits.</summary>
        InvalidServiceCode = 9
    }

    /// <summary>
    /// A track that cannot be parsed. The message names the track and the problem and never holds card data.
    /// </summary>
    public sealed class TrackFormatException : System.Exception
    {
        /// <summary>Creates the exception for track 1 or 2.</summary>
        public TrackFormatException(int track, TrackFormatError error, string detail)
            : base("track " + track.ToString() + ": " + detail)
        {
            Track = track;
            Error = error;
        }

        /// <summary>1 or 2.</summary>
        public int Track { get; private set; }

        /// <summary>The kind of problem.</summary>
        public TrackFormatError Error { get; private set; }
    }
}
