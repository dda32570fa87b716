namespace Terminal.EmvKernel.Apdu
{
    /// <summary>Text that is not a valid APDU transcript; <see cref="Line"/> is 1-based (0 for the whole text).</summary>
    public class TranscriptFormatException : System.Exception
    {
        /// <summary>Creates the exception for a line.</summary>
        public TranscriptFormatException(int line, string detail)
            : base(line > 0 ? string.Concat("transcript line ", line.ToString(), ": ", detail) : string.Concat("transcript: ", detail))
        {
            Line = line;
        }

        /// <summary>The 1-based line the problem is on, or 0 when it concerns the whole text.</summary>
        public int Line { get; private set; }
    }
}
