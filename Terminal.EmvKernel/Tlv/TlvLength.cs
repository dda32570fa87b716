namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// BER-TLV length field, EMV 4.4 Book 3, Annex B2 / ISO/IEC 8825-1 8.1.3, definite form only:
    /// 0-127 in one byte ('00'-'7F'); longer values as '81' + 1 byte, '82' + 2 bytes, '83' + 3 bytes.
    /// The writer always uses the shortest form.
    /// </summary>
    public static class TlvLength
    {
        /// <summary>Largest length the '83' form can carry.</summary>
        public const int MaxValueLength = 0xFFFFFF;

        /// <summary>Bytes of the shortest length field for <paramref name="length"/> (1 to 4).</summary>
        public static int ByteLength(int length)
        {
            if (length < 0 || length > MaxValueLength)
                throw new TlvException(TlvError.LengthTooLarge, 0, "length " + length.ToString() + " cannot be encoded (0 to 16777215)");
            if (length < 0x80) return 1;
            if (length <= 0xFF) return 2;
            if (length <= 0xFFFF) return 3;
            return 4;
        }

        /// <summary>Writes the shortest length field at destination[offset]; returns the bytes written.</summary>
        public static int Write(int length, byte[] destination, int offset)
        {
            int n = ByteLength(length);
            if (n == 1)
            {
                destination[offset] = (byte)length;
                return 1;
            }
            destination[offset] = (byte)(0x80 | (n - 1));
            for (int i = 1; i < n; i++) destination[offset + i] = (byte)(length >> (8 * (n - 1 - i)));
            return n;
        }
    }
}
