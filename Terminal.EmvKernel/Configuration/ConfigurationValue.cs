using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Configuration
{
    /// <summary>
    /// One "key = value" line of the configuration file, with the converters from its text to the EMV forms.
    /// Every converter throws <see cref="ConfigurationException"/> naming the line, section and key.
    /// </summary>
    internal sealed class ConfigurationValue
    {
        /// <summary>The value text (trimmed, comment removed) of key in section at line.</summary>
        public ConfigurationValue(int line, string section, string key, string text)
        {
            Line = line;
            Section = section;
            Key = key;
            Text = text;
        }

        /// <summary>1-based line.</summary>
        public int Line { get; private set; }

        /// <summary>"terminal" or "aid &lt;hex&gt;".</summary>
        public string Section { get; private set; }

        /// <summary>The key.</summary>
        public string Key { get; private set; }

        /// <summary>The value text.</summary>
        public string Text { get; private set; }

        /// <summary>The error for this line and key.</summary>
        public ConfigurationException Error(string detail)
        {
            return new ConfigurationException(Line, Section, Key, detail);
        }

        /// <summary>Hex digits (spaces allowed between them) giving exactly <paramref name="length"/> bytes.</summary>
        public byte[] Hex(int length)
        {
            return Hex(length, length);
        }

        /// <summary>Hex digits (spaces allowed between them) giving <paramref name="minLength"/> to <paramref name="maxLength"/> bytes.</summary>
        public byte[] Hex(int minLength, int maxLength)
        {
            string expected = minLength == maxLength
                ? minLength.ToString() + " bytes of hex"
                : minLength.ToString() + " to " + maxLength.ToString() + " bytes of hex";
            if (!Util.Hex.IsHex(Text)) throw Error("expected " + expected + ", found '" + Text + "'");
            byte[] bytes = Util.Hex.Decode(Text);
            if (bytes.Length < minLength || bytes.Length > maxLength)
                throw Error("expected " + expected + ", found " + bytes.Length.ToString());
            return bytes;
        }

        /// <summary>
        /// A data object list in hex (may be empty). It must parse as a DOL (EMV 4.4 Book 3, 5.4): tags and one-byte
        /// lengths only, at most 252 bytes.
        /// </summary>
        public byte[] Dol()
        {
            byte[] dol = Hex(0, 252);
            try
            {
                DataObjectList.Parse(dol);
            }
            catch (TlvException e)
            {
                throw Error("not a data object list: " + e.Message);
            }
            return dol;
        }

        /// <summary>A decimal integer from <paramref name="min"/> to <paramref name="max"/> (no sign, no separators).</summary>
        public long Integer(long min, long max)
        {
            string range = min.ToString() + " to " + max.ToString();
            if (Text.Length == 0 || Text.Length > 18) throw Error("expected a whole number " + range + ", found '" + Text + "'");
            long n = 0;
            for (int i = 0; i < Text.Length; i++)
            {
                char c = Text[i];
                if (c < '0' || c > '9') throw Error("expected a whole number " + range + ", found '" + Text + "'");
                n = n * 10 + (c - '0');
            }
            if (n < min || n > max) throw Error("expected a whole number " + range + ", found " + n.ToString());
            return n;
        }

        /// <summary>
        /// <paramref name="minDigits"/> to <paramref name="maxDigits"/> decimal digits as EMV format n in
        /// <paramref name="length"/> bytes: BCD, right-justified, leading zeros (Book 3, 4.3).
        /// </summary>
        public byte[] Numeric(int minDigits, int maxDigits, int length)
        {
            string expected = minDigits == maxDigits
                ? minDigits.ToString() + " digits"
                : minDigits.ToString() + " to " + maxDigits.ToString() + " digits";
            if (Text.Length < minDigits || Text.Length > maxDigits) throw Error("expected " + expected + ", found '" + Text + "'");
            for (int i = 0; i < Text.Length; i++)
            {
                if (Text[i] < '0' || Text[i] > '9') throw Error("expected " + expected + ", found '" + Text + "'");
            }
            byte[] result = new byte[length];
            int digit = 2 * length - 1;
            for (int i = Text.Length - 1; i >= 0; i--, digit--)
            {
                int v = Text[i] - '0';
                if ((digit & 1) == 1) result[digit / 2] |= (byte)v;
                else result[digit / 2] |= (byte)(v << 4);
            }
            return result;
        }

        /// <summary>"yes"/"true" or "no"/"false".</summary>
        public bool Boolean()
        {
            if (Text == "yes" || Text == "true") return true;
            if (Text == "no" || Text == "false") return false;
            throw Error("expected yes or no, found '" + Text + "'");
        }

        /// <summary>Printable ASCII text of <paramref name="minLength"/> to <paramref name="maxLength"/> characters.</summary>
        public string Characters(int minLength, int maxLength)
        {
            if (Text.Length < minLength || Text.Length > maxLength)
            {
                string expected = minLength == maxLength
                    ? minLength.ToString() + " characters"
                    : minLength.ToString() + " to " + maxLength.ToString() + " characters";
                throw Error("expected " + expected + ", found " + Text.Length.ToString());
            }
            return Text;
        }

        /// <summary>The ASCII bytes of printable text (the file is checked to be printable ASCII).</summary>
        public static byte[] Ascii(string text)
        {
            if (text == null) return null;
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            return bytes;
        }
    }
}
