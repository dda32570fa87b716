namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>
    /// UTF-8 for the configuration file (RFC 3629): the device mscorlib has no System.Text. Characters of the Basic
    /// Multilingual Plane (names may be Chinese) and surrogate pairs; a malformed sequence decodes as U+FFFD.
    /// </summary>
    public static class Utf8Text
    {
        /// <summary>The UTF-8 bytes of <paramref name="text"/>.</summary>
        public static byte[] Encode(string text)
        {
            if (text == null) throw new System.ArgumentNullException("text");
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80) n += 1;
                else if (c < 0x800) n += 2;
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    n += 4;
                    i++;
                }
                else n += 3;
            }
            byte[] b = new byte[n];
            int k = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80) b[k++] = (byte)c;
                else if (c < 0x800)
                {
                    b[k++] = (byte)(0xC0 | (c >> 6));
                    b[k++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00);
                    b[k++] = (byte)(0xF0 | (cp >> 18));
                    b[k++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    b[k++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    b[k++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    b[k++] = (byte)(0xE0 | (c >> 12));
                    b[k++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    b[k++] = (byte)(0x80 | (c & 0x3F));
                }
            }
            return b;
        }

        /// <summary>The text of UTF-8 <paramref name="data"/>; malformed sequences become U+FFFD.</summary>
        public static string Decode(byte[] data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            char[] chars = new char[data.Length * 2];
            int n = 0;
            int i = 0;
            while (i < data.Length)
            {
                int b0 = data[i];
                int length = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
                int cp = length == 1 ? b0 : length == 2 ? b0 & 0x1F : length == 3 ? b0 & 0x0F : b0 & 0x07;
                bool ok = length > 0 && i + length <= data.Length;
                for (int j = 1; ok && j < length; j++)
                {
                    int bj = data[i + j];
                    if ((bj & 0xC0) != 0x80) ok = false;
                    else cp = (cp << 6) | (bj & 0x3F);
                }
                // Overlong forms, surrogates and values past U+10FFFF are malformed (RFC 3629 section 3).
                if (ok && ((length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF))
                    || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
                if (!ok)
                {
                    chars[n++] = '\uFFFD';
                    i++;
                    continue;
                }
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else chars[n++] = (char)cp;
                i += length;
            }
            return new string(chars, 0, n);
        }
    }
}
