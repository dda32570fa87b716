namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// The one exception of the ISO 8583 layer: every malformed input, frame, value or table ends here.
    /// It names the field, the byte offset and the reason, and never carries field content (no PAN, PIN block
    /// or key can leak through a log of it).
    /// </summary>
    public class Iso8583Exception : System.Exception
    {
        /// <summary>Field number used when the problem is in no field (frame, TPDU, header, whole message).</summary>
        public const int NoField = -1;
        /// <summary>Field number used for the message type indicator.</summary>
        public const int MtiField = 0;
        /// <summary>Field number used for the bitmaps (ISO 8583 bit 1).</summary>
        public const int BitmapField = 1;
        /// <summary>Offset used when the problem is not at a position of an input (packing, accessors).</summary>
        public const int NoOffset = -1;

        /// <summary>Creates the exception. <paramref name="detail"/> must not contain field content.</summary>
        public Iso8583Exception(Iso8583Error reason, int fieldNumber, int offset, string detail)
            : base(Format(reason, fieldNumber, offset, detail))
        {
            Reason = reason;
            FieldNumber = fieldNumber;
            Offset = offset;
        }

        /// <summary>Why the input was rejected.</summary>
        public Iso8583Error Reason { get; private set; }

        /// <summary>The data element (2..128), or <see cref="MtiField"/>, <see cref="BitmapField"/>, <see cref="NoField"/>.</summary>
        public int FieldNumber { get; private set; }

        /// <summary>
        /// Absolute byte offset in the parsed buffer: the bad byte for digit, sign and padding errors, else the
        /// first byte of the element that could not be read. <see cref="NoOffset"/> when packing.
        /// </summary>
        public int Offset { get; private set; }

        private static string Format(Iso8583Error reason, int fieldNumber, int offset, string detail)
        {
            string where;
            if (fieldNumber == MtiField) where = "MTI";
            else if (fieldNumber == BitmapField) where = "bitmap";
            else if (fieldNumber == NoField) where = "message";
            else where = "field " + fieldNumber.ToString();
            string at = offset >= 0 ? " at byte " + offset.ToString() : string.Empty;
            string text = string.Concat("ISO 8583: ", where, at, ": ", Iso8583ErrorNames.Describe(reason));
            if (detail != null && detail.Length > 0) text = string.Concat(text, " (", detail, ")");
            return text;
        }
    }
}
