namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// Reads the APDU transcript text format of shared/vectors/transcripts (FORMAT.md): one APDU per line in hex,
    /// lines alternating C-APDU and R-APDU, hex case-insensitive, LF line ends, an optional final LF.
    /// A CR before the LF is tolerated. Blank lines inside the text, non-hex lines and an odd number of lines
    /// raise <see cref="TranscriptFormatException"/>. Responses are kept as raw bytes, valid R-APDUs or not.
    /// </summary>
    public static class TranscriptReader
    {
        /// <summary>Parses the whole transcript text.</summary>
        public static Transcript Parse(string text)
        {
            if (text == null) throw new TranscriptFormatException(0, "text is null");
            Transcript transcript = new Transcript();
            byte[] pendingCommand = null;
            int lineNumber = 0;
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                bool lastLine = end < 0;
                if (lastLine) end = text.Length;
                lineNumber++;
                int length = end - start;
                if (length > 0 && text[end - 1] == '\r') length--;
                string line = text.Substring(start, length);
                start = end + 1;
                if (line.Length == 0)
                {
                    throw new TranscriptFormatException(lineNumber, "blank line");
                }
                if (line.IndexOf(' ') >= 0 || !Terminal.EmvKernel.Util.Hex.IsHex(line))
                {
                    throw new TranscriptFormatException(lineNumber, "not an even number of hex digits");
                }
                byte[] bytes = Terminal.EmvKernel.Util.Hex.Decode(line);
                if (pendingCommand == null)
                {
                    pendingCommand = bytes;
                }
                else
                {
                    transcript.Add(new TranscriptStep(pendingCommand, bytes));
                    pendingCommand = null;
                }
            }
            if (pendingCommand != null)
            {
                throw new TranscriptFormatException(lineNumber, "command without a response (odd number of lines)");
            }
            return transcript;
        }
    }
}
