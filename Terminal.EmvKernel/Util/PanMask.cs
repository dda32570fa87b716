namespace Terminal.EmvKernel.Util
{
    /// <summary>
    /// PAN masking for everything outside the authorisation message (PCI DSS 3.4): the first 6 and the last 4
    /// digits stay visible. Works on digit strings, on a packed PAN '5A', and in place over raw bytes (an APDU
    /// trace), where the PAN may appear packed (in '5A' and '57') or as ASCII digits (track 1 '56').
    /// </summary>
    public static class PanMask
    {
        /// <summary>The nibble written over a masked digit in packed (cn) data.</summary>
        public const int MaskedNibble = 0xF;

        /// <summary>First 6 and last 4 of 11 or more digits visible, the rest '*'; shorter strings are masked whole.</summary>
        public static string MaskDigits(string pan)
        {
            if (pan == null) return null;
            char[] chars = pan.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!IsVisible(i, chars.Length)) chars[i] = '*';
            }
            return new string(chars);
        }

        /// <summary>The masked digits of a packed PAN ('5A', cn with trailing 'F'), or null.</summary>
        public static string MaskPacked(byte[] pan)
        {
            string digits = PanDigits(pan);
            return digits == null ? null : MaskDigits(digits);
        }

        /// <summary>The digits of a packed PAN up to the first 'F' nibble (or a non-decimal one), or null.</summary>
        public static string PanDigits(byte[] pan)
        {
            if (pan == null) return null;
            char[] chars = new char[pan.Length * 2];
            int n = 0;
            for (int i = 0; i < pan.Length * 2; i++)
            {
                int nibble = (i & 1) == 0 ? pan[i >> 1] >> 4 : pan[i >> 1] & 0x0F;
                if (nibble > 9) break;
                chars[n++] = (char)('0' + nibble);
            }
            return new string(chars, 0, n);
        }

        /// <summary>
        /// Masks every occurrence of the PAN <paramref name="pan"/> (packed, as in '5A') inside <paramref name="data"/>:
        /// packed occurrences at a byte boundary get <see cref="MaskedNibble"/> over the hidden digits, ASCII
        /// occurrences get '*'. PANs under 11 digits are masked whole.
        /// </summary>
        public static void MaskInPlace(byte[] data, byte[] pan)
        {
            string digits = PanDigits(pan);
            if (data == null || digits == null || digits.Length < 8) return; // no PAN is shorter than 8 digits (ISO/IEC 7812)
            int n = digits.Length;
            MaskPackedOccurrences(data, pan, n);
            MaskAsciiOccurrences(data, digits);
        }

        private static bool IsVisible(int index, int length)
        {
            if (length < 11) return false;
            return index < 6 || index >= length - 4;
        }

        private static void MaskPackedOccurrences(byte[] data, byte[] pan, int digitCount)
        {
            // Compare the whole bytes of the PAN (an odd last digit shares its byte with 'F' or track 2's 'D').
            int whole = digitCount / 2;
            for (int start = 0; start + whole <= data.Length; start++)
            {
                if (!RegionEquals(data, start, pan, whole)) continue;
                for (int d = 0; d < digitCount; d++)
                {
                    if (IsVisible(d, digitCount)) continue;
                    int at = start + (d >> 1);
                    if (at >= data.Length) break;
                    data[at] = (d & 1) == 0
                        ? (byte)((data[at] & 0x0F) | (MaskedNibble << 4))
                        : (byte)((data[at] & 0xF0) | MaskedNibble);
                }
                start += whole - 1;
            }
        }

        private static void MaskAsciiOccurrences(byte[] data, string digits)
        {
            int n = digits.Length;
            for (int start = 0; start + n <= data.Length; start++)
            {
                bool match = true;
                for (int i = 0; i < n && match; i++) match = data[start + i] == (byte)digits[i];
                if (!match) continue;
                for (int i = 0; i < n; i++)
                {
                    if (!IsVisible(i, n)) data[start + i] = (byte)'*';
                }
                start += n - 1;
            }
        }

        private static bool RegionEquals(byte[] data, int start, byte[] pan, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (data[start + i] != pan[i]) return false;
            }
            return true;
        }
    }
}
