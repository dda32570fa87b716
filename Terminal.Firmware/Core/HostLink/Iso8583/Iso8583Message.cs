using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// A plain ISO 8583 message: the MTI, the bytes in front of it (TPDU and header, dialect-defined, may be null)
    /// and one slot per data element 2..128. A slot holds the field's logical value, not its wire form: the
    /// digits (as ASCII) of numeric and track fields, the characters of character fields, the raw bytes of binary
    /// fields. Encoding to the wire is the packager's job (<see cref="Iso8583Packager"/>).
    /// </summary>
    public sealed class Iso8583Message
    {
        /// <summary>Highest data element number (128: primary and secondary bitmap).</summary>
        public const int MaxField = 128;

        private readonly byte[][] _fields = new byte[MaxField + 1][];
        private string _mti;
        private byte[] _header;

        /// <summary>Creates an empty message without MTI.</summary>
        public Iso8583Message()
        {
        }

        /// <summary>Creates an empty message with the given MTI (checked when packed).</summary>
        public Iso8583Message(string mti)
        {
            _mti = mti;
        }

        /// <summary>Message type indicator, four digits such as "0200".</summary>
        public string Mti
        {
            get { return _mti; }
            set { _mti = value; }
        }

        /// <summary>The raw bytes in front of the MTI (TPDU and message header), or null. Copied in and out.</summary>
        public byte[] Header
        {
            get { return Bytes.Copy(_header); }
            set { _header = Bytes.Copy(value); }
        }

        /// <summary>Length of <see cref="Header"/>, 0 when there is none.</summary>
        public int HeaderLength
        {
            get { return _header == null ? 0 : _header.Length; }
        }

        /// <summary>True when the field is present.</summary>
        public bool Has(int field)
        {
            CheckNumber(field);
            return _fields[field] != null;
        }

        /// <summary>Removes the field (no effect when absent).</summary>
        public void Remove(int field)
        {
            CheckNumber(field);
            _fields[field] = null;
        }

        /// <summary>Sets a field to a copy of the given bytes (binary fields; or ASCII digits/characters).</summary>
        public void SetBytes(int field, byte[] value)
        {
            CheckNumber(field);
            if (value == null) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "null value");
            _fields[field] = Bytes.Copy(value);
        }

        /// <summary>A copy of the field's value bytes, or null when absent.</summary>
        public byte[] GetBytes(int field)
        {
            CheckNumber(field);
            return Bytes.Copy(_fields[field]);
        }

        /// <summary>Sets a numeric, track or character field from text (characters U+0000..U+00FF, one byte each).</summary>
        public void SetString(int field, string value)
        {
            CheckNumber(field);
            if (value == null) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "null value");
            byte[] bytes = new byte[value.Length];
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c > (char)0xFF) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "character above U+00FF");
                bytes[i] = (byte)c;
            }
            _fields[field] = bytes;
        }

        /// <summary>The field as text (one character per byte), or null when absent.</summary>
        public string GetString(int field)
        {
            CheckNumber(field);
            byte[] v = _fields[field];
            if (v == null) return null;
            char[] chars = new char[v.Length];
            for (int i = 0; i < v.Length; i++) chars[i] = (char)v[i];
            return new string(chars);
        }

        /// <summary>
        /// Sets a numeric field from a non-negative number, without leading zeros; the packer right-aligns fixed
        /// numeric fields with zeros to their length (ISO 8583 n: right-justified, leading zeros).
        /// </summary>
        public void SetNumeric(int field, long value)
        {
            CheckNumber(field);
            if (value < 0) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "negative number");
            SetString(field, value.ToString());
        }

        /// <summary>The field's digits as a number. Throws when absent, not all digits, or more than 18 digits.</summary>
        public long GetNumeric(int field)
        {
            CheckNumber(field);
            byte[] v = _fields[field];
            if (v == null) throw new Iso8583Exception(Iso8583Error.MissingField, field, Iso8583Exception.NoOffset, null);
            if (v.Length == 0 || v.Length > 18) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "not a number of 1 to 18 digits");
            long result = 0;
            for (int i = 0; i < v.Length; i++)
            {
                int d = v[i] - '0';
                if (d < 0 || d > 9) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "not all digits");
                result = result * 10 + d;
            }
            return result;
        }

        /// <summary>The numbers of the present fields, ascending.</summary>
        public int[] PresentFields()
        {
            int count = 0;
            for (int i = 2; i <= MaxField; i++) if (_fields[i] != null) count++;
            int[] result = new int[count];
            int n = 0;
            for (int i = 2; i <= MaxField; i++) if (_fields[i] != null) result[n++] = i;
            return result;
        }

        /// <summary>A deep copy (MTI, header and every field).</summary>
        public Iso8583Message Clone()
        {
            Iso8583Message copy = new Iso8583Message(_mti);
            copy._header = Bytes.Copy(_header);
            for (int i = 2; i <= MaxField; i++) copy._fields[i] = Bytes.Copy(_fields[i]);
            return copy;
        }

        /// <summary>Copies the listed fields that are present in <paramref name="source"/> into this message.</summary>
        public void CopyFields(Iso8583Message source, int[] fields)
        {
            if (source == null || fields == null) throw new Iso8583Exception(Iso8583Error.InvalidValue, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "null argument");
            for (int i = 0; i < fields.Length; i++)
            {
                int f = fields[i];
                CheckNumber(f);
                if (source._fields[f] != null) _fields[f] = Bytes.Copy(source._fields[f]);
            }
        }

        /// <summary>True when the MTI, header and all fields are byte-for-byte equal.</summary>
        public bool ContentEquals(Iso8583Message other)
        {
            if (other == null) return false;
            if (_mti != other._mti) return false;
            if (!Bytes.Equal(_header, other._header)) return false;
            for (int i = 2; i <= MaxField; i++) if (!Bytes.Equal(_fields[i], other._fields[i])) return false;
            return true;
        }

        /// <summary>
        /// A one-line description for logs. PAN and track data are masked (first 6 and last 4 digits kept), and
        /// PIN block, enciphered card data, key and MAC fields (52, 57, 62, 64, 96, 128) are shown only as their length.
        /// </summary>
        public override string ToString()
        {
            string text = string.Concat("MTI ", _mti == null ? "?" : _mti);
            for (int i = 2; i <= MaxField; i++)
            {
                byte[] v = _fields[i];
                if (v == null) continue;
                text = string.Concat(text, " ", i.ToString(), "=", Describe(i, v));
            }
            return text;
        }

        internal byte[] RawField(int field)
        {
            return _fields[field];
        }

        internal void SetRawField(int field, byte[] value)
        {
            _fields[field] = value;
        }

        internal byte[] RawHeader
        {
            get { return _header; }
            set { _header = value; }
        }

        private static string Describe(int field, byte[] v)
        {
            if (field == 52 || field == 57 || field == 62 || field == 64 || field == 96 || field == 128)
                return string.Concat("[", v.Length.ToString(), " bytes]");
            if (field == 2 || field == 35 || field == 36) return Mask(v);
            for (int i = 0; i < v.Length; i++)
                if (v[i] < 0x20 || v[i] > 0x7E) return string.Concat("0x", Terminal.EmvKernel.Util.Hex.Encode(v));
            char[] chars = new char[v.Length];
            for (int i = 0; i < v.Length; i++) chars[i] = (char)v[i];
            return string.Concat("'", new string(chars), "'");
        }

        private static string Mask(byte[] v)
        {
            // PAN part: keep the first 6 and last 4 digits; track data after the separator is masked entirely.
            int panEnd = v.Length;
            for (int i = 0; i < v.Length; i++) if (v[i] == (byte)'=') { panEnd = i; break; }
            char[] chars = new char[v.Length];
            for (int i = 0; i < v.Length; i++)
            {
                char c = (char)v[i];
                if (i == panEnd) chars[i] = '=';
                else if (i > panEnd) chars[i] = '*';
                else if (c < '0' || c > '9') chars[i] = '?';
                else chars[i] = i < 6 || i >= panEnd - 4 ? c : '*';
            }
            return new string(chars);
        }

        private static void CheckNumber(int field)
        {
            if (field < 2 || field > MaxField)
                throw new Iso8583Exception(Iso8583Error.InvalidFieldNumber, field, Iso8583Exception.NoOffset, null);
        }

    }
}
