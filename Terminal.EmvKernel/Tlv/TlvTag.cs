namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// BER-TLV tag numbers as ints: the tag bytes big-endian, e.g. '9F02' = 0x9F02, 'DF8101' = 0xDF8101.
    /// EMV 4.4 Book 3, Annex B1 / ISO/IEC 8825-1 8.1.2: the first byte holds class (b8-b7), constructed
    /// flag (b6) and number (b5-b1); b5-b1 = 11111 means subsequent bytes follow, each with b8 = 1 when
    /// another byte follows. This project accepts tags of 1 to 3 bytes.
    /// </summary>
    public static class TlvTag
    {
        /// <summary>Longest tag accepted, in bytes.</summary>
        public const int MaxBytes = 3;

        /// <summary>Number of bytes of the tag: 1, 2 or 3 (from the magnitude of the int).</summary>
        public static int ByteLength(int tag)
        {
            if ((tag & ~0xFF) == 0) return 1;
            if ((tag & ~0xFFFF) == 0) return 2;
            return 3;
        }

        /// <summary>The first (leading) tag byte.</summary>
        public static int FirstByte(int tag)
        {
            return (tag >> (8 * (ByteLength(tag) - 1))) & 0xFF;
        }

        /// <summary>True when b6 of the first tag byte is set: the value is a template of TLV objects.</summary>
        public static bool IsConstructed(int tag)
        {
            return (FirstByte(tag) & 0x20) != 0;
        }

        /// <summary>
        /// True when the int is a well-formed 1-3 byte BER tag: a one-byte tag has b5-b1 != 11111; a longer
        /// tag has b5-b1 = 11111 in its first byte, b8 = 1 in every subsequent byte but the last, b8 = 0 in
        /// the last. A first byte '00' is never valid: Annex B treats it as padding.
        /// </summary>
        public static bool IsValid(int tag)
        {
            if (tag <= 0 || tag > 0xFFFFFF) return false;
            int n = ByteLength(tag);
            int first = FirstByte(tag);
            if (first == 0) return false;
            if (n == 1) return (first & 0x1F) != 0x1F;
            if ((first & 0x1F) != 0x1F) return false;
            if (n == 2) return (tag & 0x80) == 0;
            return (tag & 0x8000) != 0 && (tag & 0x80) == 0;
        }

        /// <summary>Writes the tag bytes at destination[offset] and returns the number written.</summary>
        public static int Write(int tag, byte[] destination, int offset)
        {
            int n = ByteLength(tag);
            for (int i = 0; i < n; i++) destination[offset + i] = (byte)(tag >> (8 * (n - 1 - i)));
            return n;
        }

        /// <summary>The tag bytes as a new array.</summary>
        public static byte[] ToBytes(int tag)
        {
            byte[] bytes = new byte[ByteLength(tag)];
            Write(tag, bytes, 0);
            return bytes;
        }

        /// <summary>Upper-case hex of the tag bytes, e.g. "9F02" (for messages and logs).</summary>
        public static string ToHex(int tag)
        {
            return Util.Hex.Encode(ToBytes(tag));
        }
    }
}
