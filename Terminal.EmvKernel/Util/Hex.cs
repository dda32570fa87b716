namespace Terminal.EmvKernel.Util
{
    /// <summary>
    /// Hexadecimal text to and from bytes. The one hex routine of the project: the device
    /// mscorlib has no Convert.ToHexString, and BitConverter.ToString(...).Replace does not exist there.
    /// </summary>
    public static class Hex
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>Upper-case hex of the whole array.</summary>
        public static string Encode(byte[] data)
        {
            if (data == null) return string.Empty;
            return Encode(data, 0, data.Length);
        }

        /// <summary>Upper-case hex of data[offset..offset+length).</summary>
        public static string Encode(byte[] data, int offset, int length)
        {
            char[] chars = new char[length * 2];
            for (int i = 0; i < length; i++)
            {
                byte b = data[offset + i];
                chars[2 * i] = Digits[b >> 4];
                chars[2 * i + 1] = Digits[b & 0x0F];
            }
            return new string(chars);
        }

        /// <summary>
        /// Parses hex text, case-insensitive. Spaces are ignored. Throws <see cref="System.ArgumentException"/>
        /// on an odd number of digits or a non-hex character.
        /// </summary>
        public static byte[] Decode(string text)
        {
            if (text == null) throw new System.ArgumentException("hex text is null");
            int digits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ') continue;
                if (Value(c) < 0) throw new System.ArgumentException("not a hex digit at position " + i.ToString());
                digits++;
            }
            if ((digits & 1) != 0) throw new System.ArgumentException("odd number of hex digits");
            byte[] result = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ') continue;
                int v = Value(c);
                if (high < 0) high = v;
                else { result[n++] = (byte)((high << 4) | v); high = -1; }
            }
            return result;
        }

        /// <summary>True when the text is a non-null, even-length run of hex digits (spaces allowed).</summary>
        public static bool IsHex(string text)
        {
            if (text == null) return false;
            int digits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ') continue;
                if (Value(c) < 0) return false;
                digits++;
            }
            return (digits & 1) == 0;
        }

        private static int Value(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }
    }
}
