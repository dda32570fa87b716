using Terminal.EmvKernel.Util;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>Value forms of the profile format: hex, decimal digits as BCD, numbers, tags.</summary>
    public static class ProfileValues
    {
        /// <summary>An InvalidValue error for an entry.</summary>
        public static CardProfileException Invalid(ProfileEntry e, string detail)
        {
            return new CardProfileException(CardProfileError.InvalidValue, e.Line, e.Key, detail);
        }

        /// <summary>Hex digits, blanks between bytes allowed; an even number of digits.</summary>
        public static byte[] HexOf(ProfileEntry e)
        {
            byte[] b = ParseHex(e.Value);
            if (b == null) throw Invalid(e, "expected hex bytes (an even number of 0-9 A-F digits, spaces allowed)");
            return b;
        }

        /// <summary>Hex text (spaces ignored) as bytes, or null when not even-length hex.</summary>
        public static byte[] ParseHex(string text)
        {
            return Hex.IsHex(text) ? Hex.Decode(text) : null;
        }

        /// <summary>Decimal digits (and 'D' as track 2 separator when allowed) packed as BCD, padded with F.</summary>
        public static byte[] BcdOf(ProfileEntry e, int minDigits, int maxDigits, bool allowSeparator)
        {
            string t = e.Value;
            if (t.Length < minDigits || t.Length > maxDigits)
                throw Invalid(e, "expected " + minDigits.ToString() + " to " + maxDigits.ToString() + " digits");
            byte[] result = new byte[(t.Length + 1) / 2];
            for (int i = 0; i < result.Length; i++) result[i] = 0xFF;
            for (int i = 0; i < t.Length; i++)
            {
                char c = t[i];
                int d;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (allowSeparator && c == 'D') d = 0xD;
                else throw Invalid(e, allowSeparator ? "expected digits and the separator D" : "expected decimal digits");
                int shift = (i & 1) == 0 ? 4 : 0;
                result[i / 2] = (byte)((result[i / 2] & ~(0xF << shift)) | (d << shift));
            }
            return result;
        }

        /// <summary>Exactly n decimal digits as n/2 BCD bytes, left-padded with zero digits to an even count.</summary>
        public static byte[] NumericOf(ProfileEntry e, int digits)
        {
            string t = e.Value;
            if (t.Length == 0 || t.Length > digits) throw Invalid(e, "expected up to " + digits.ToString() + " decimal digits");
            int len = (digits + 1) / 2;
            byte[] result = new byte[len];
            int pos = len * 2 - 1;
            for (int i = t.Length - 1; i >= 0; i--, pos--)
            {
                char c = t[i];
                if (c < '0' || c > '9') throw Invalid(e, "expected decimal digits");
                int d = c - '0';
                if ((pos & 1) == 0) result[pos / 2] |= (byte)(d << 4);
                else result[pos / 2] |= (byte)d;
            }
            return result;
        }

        /// <summary>A date written YYYY-MM-DD as the 3-byte YYMMDD BCD form of 5F24/5F25.</summary>
        public static byte[] DateOf(ProfileEntry e)
        {
            string t = e.Value;
            if (t.Length != 10 || t[4] != '-' || t[7] != '-') throw Invalid(e, "expected a date YYYY-MM-DD");
            int y = Digits(e, t, 0, 4), m = Digits(e, t, 5, 2), d = Digits(e, t, 8, 2);
            if (y < 1950 || y > 2049 || m < 1 || m > 12 || d < 1 || d > 31) throw Invalid(e, "date out of range (years 1950-2049)");
            return new byte[] { Bcd(y % 100), Bcd(m), Bcd(d) };
        }

        /// <summary>A month written MMYY (certificate expiry) as 2 BCD bytes.</summary>
        public static byte[] MonthOf(ProfileEntry e)
        {
            string t = e.Value;
            if (t.Length != 4) throw Invalid(e, "expected MMYY");
            int m = Digits(e, t, 0, 2), y = Digits(e, t, 2, 2);
            if (m < 1 || m > 12) throw Invalid(e, "month out of range");
            return new byte[] { Bcd(m), Bcd(y) };
        }

        /// <summary>A decimal number in [min, max].</summary>
        public static int NumberOf(ProfileEntry e, int min, int max)
        {
            string t = e.Value;
            if (t.Length == 0 || t.Length > 9) throw Invalid(e, "expected a decimal number");
            int v = Digits(e, t, 0, t.Length);
            if (v < min || v > max) throw Invalid(e, "expected a number from " + min.ToString() + " to " + max.ToString());
            return v;
        }

        /// <summary>True when the key is an EMV tag written in hex (e.g. <c>9F14</c>): 2, 4 or 6 upper-case hex digits.</summary>
        public static bool IsTagKey(string key)
        {
            if (key.Length != 2 && key.Length != 4 && key.Length != 6) return false;
            for (int i = 0; i < key.Length; i++)
            {
                char c = key[i];
                if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
            }
            return true;
        }

        /// <summary>The tag number of a tag key (see <see cref="IsTagKey"/>).</summary>
        public static int TagOf(string key)
        {
            byte[] b = Hex.Decode(key);
            int v = 0;
            for (int i = 0; i < b.Length; i++) v = (v << 8) | b[i];
            return v;
        }

        private static int Digits(ProfileEntry e, string t, int offset, int count)
        {
            int v = 0;
            for (int i = offset; i < offset + count; i++)
            {
                char c = t[i];
                if (c < '0' || c > '9') throw Invalid(e, "expected decimal digits");
                v = v * 10 + (c - '0');
            }
            return v;
        }

        private static byte Bcd(int v) { return (byte)(((v / 10) << 4) | (v % 10)); }
    }
}
