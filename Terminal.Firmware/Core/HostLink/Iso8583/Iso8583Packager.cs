namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// The field-definition table of a dialect, and the packing and parsing it drives: MTI, binary (or hex)
    /// primary bitmap, secondary bitmap when any field 65-128 is present (bit 1 set), then the fields in number
    /// order. The parser is strict and canonical: it accepts exactly the byte strings the packer can produce, and
    /// every malformed input raises <see cref="Iso8583Exception"/> with the field, offset and reason.
    /// </summary>
    public sealed class Iso8583Packager
    {
        private const int BitmapBytes = 8;
        private readonly FieldDefinition[] _definitions = new FieldDefinition[Iso8583Message.MaxField + 1];

        /// <summary>Builds a packager from a table. Duplicate numbers throw <see cref="Iso8583Error.InvalidDefinition"/>.</summary>
        public Iso8583Packager(MtiEncoding mtiEncoding, BitmapEncoding bitmapEncoding, FieldDefinition[] fields)
        {
            if (mtiEncoding != MtiEncoding.Bcd && mtiEncoding != MtiEncoding.Ascii)
                throw new Iso8583Exception(Iso8583Error.InvalidDefinition, Iso8583Exception.MtiField, Iso8583Exception.NoOffset, "unknown MTI encoding");
            if (bitmapEncoding != BitmapEncoding.Binary && bitmapEncoding != BitmapEncoding.AsciiHex)
                throw new Iso8583Exception(Iso8583Error.InvalidDefinition, Iso8583Exception.BitmapField, Iso8583Exception.NoOffset, "unknown bitmap encoding");
            if (fields == null)
                throw new Iso8583Exception(Iso8583Error.InvalidDefinition, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "no table");
            MtiEncoding = mtiEncoding;
            BitmapEncoding = bitmapEncoding;
            for (int i = 0; i < fields.Length; i++)
            {
                FieldDefinition d = fields[i];
                if (d == null) throw new Iso8583Exception(Iso8583Error.InvalidDefinition, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "null row");
                if (_definitions[d.Number] != null) throw new Iso8583Exception(Iso8583Error.InvalidDefinition, d.Number, Iso8583Exception.NoOffset, "defined twice");
                _definitions[d.Number] = d;
            }
        }

        /// <summary>How the MTI is written.</summary>
        public MtiEncoding MtiEncoding { get; private set; }

        /// <summary>How the bitmaps are written.</summary>
        public BitmapEncoding BitmapEncoding { get; private set; }

        /// <summary>The definition of a field, or null when the dialect does not define it.</summary>
        public FieldDefinition Definition(int number)
        {
            if (number < 2 || number > Iso8583Message.MaxField) return null;
            return _definitions[number];
        }

        /// <summary>The defined field numbers, ascending.</summary>
        public int[] DefinedFields()
        {
            int count = 0;
            for (int i = 2; i <= Iso8583Message.MaxField; i++) if (_definitions[i] != null) count++;
            int[] result = new int[count];
            int n = 0;
            for (int i = 2; i <= Iso8583Message.MaxField; i++) if (_definitions[i] != null) result[n++] = i;
            return result;
        }

        /// <summary>
        /// Sets a numeric field in its canonical form for this table: a fixed-length field gets exactly its length
        /// in digits (leading zeros), as the parser returns it. Throws when the field is undefined or too short.
        /// </summary>
        public void SetNumeric(Iso8583Message message, int field, long value)
        {
            if (message == null) throw new Iso8583Exception(Iso8583Error.InvalidValue, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "null message");
            FieldDefinition d = Definition(field);
            if (d == null) throw new Iso8583Exception(Iso8583Error.UnknownField, field, Iso8583Exception.NoOffset, null);
            if (value < 0) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "negative number");
            string digits = value.ToString();
            if (d.LengthType == LengthType.Fixed)
            {
                if (digits.Length > d.MaxLength) throw new Iso8583Exception(Iso8583Error.LengthOverMax, field, Iso8583Exception.NoOffset, "number wider than the field");
                digits = string.Concat(new string('0', d.MaxLength - digits.Length), digits);
            }
            message.SetString(field, digits);
        }

        /// <summary>Packs MTI, bitmap(s) and fields (no TPDU, header or length prefix).</summary>
        public byte[] Pack(Iso8583Message message)
        {
            return Pack(message, 0);
        }

        /// <summary>
        /// Packs the message after <paramref name="reserved"/> zero bytes left free at the start of the result
        /// (room for a TPDU, header or frame length, so the message is not copied again).
        /// </summary>
        internal byte[] Pack(Iso8583Message message, int reserved)
        {
            if (message == null) throw new Iso8583Exception(Iso8583Error.InvalidValue, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "null message");
            string mti = message.Mti;
            CheckMti(mti);
            bool secondary = false;
            int size = MtiEncoding == MtiEncoding.Bcd ? 2 : 4;
            for (int f = 2; f <= Iso8583Message.MaxField; f++)
            {
                byte[] v = message.RawField(f);
                if (v == null) continue;
                FieldDefinition d = _definitions[f];
                if (d == null) throw new Iso8583Exception(Iso8583Error.UnknownField, f, Iso8583Exception.NoOffset, null);
                if (f > 64) secondary = true;
                size += FieldCodec.Measure(d, v);
            }
            int bitmapSize = BitmapEncoding == BitmapEncoding.Binary ? BitmapBytes : 2 * BitmapBytes;
            size += secondary ? 2 * bitmapSize : bitmapSize;

            byte[] output = new byte[reserved + size];
            int offset = reserved;
            offset = WriteMti(mti, output, offset);
            byte[] bitmap = new byte[secondary ? 2 * BitmapBytes : BitmapBytes];
            if (secondary) bitmap[0] = 0x80;
            for (int f = 2; f <= Iso8583Message.MaxField; f++)
                if (message.RawField(f) != null) bitmap[(f - 1) >> 3] |= (byte)(0x80 >> ((f - 1) & 7));
            offset = WriteBitmap(bitmap, output, offset);
            for (int f = 2; f <= Iso8583Message.MaxField; f++)
            {
                byte[] v = message.RawField(f);
                if (v != null) offset = FieldCodec.Write(_definitions[f], v, output, offset);
            }
            return output;
        }

        /// <summary>Parses a whole buffer holding MTI, bitmap(s) and fields.</summary>
        public Iso8583Message Parse(byte[] data)
        {
            if (data == null) throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.NoField, 0, "no input");
            return Parse(data, 0, data.Length);
        }

        /// <summary>
        /// Parses <paramref name="count"/> bytes from <paramref name="offset"/>; offsets in errors are absolute
        /// positions in <paramref name="data"/>. Every byte must be consumed.
        /// </summary>
        public Iso8583Message Parse(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            Iso8583Message message = new Iso8583Message();
            ParseInto(message, data, offset, offset + count);
            return message;
        }

        internal void ParseInto(Iso8583Message message, byte[] data, int offset, int end)
        {
            message.Mti = ReadMti(data, ref offset, end);
            byte[] bitmap = new byte[2 * BitmapBytes];
            ReadBitmap(data, ref offset, end, bitmap, 0);
            bool secondary = (bitmap[0] & 0x80) != 0;
            if (secondary)
            {
                int at = offset;
                ReadBitmap(data, ref offset, end, bitmap, BitmapBytes);
                bool any = false;
                for (int i = BitmapBytes; i < 2 * BitmapBytes; i++) if (bitmap[i] != 0) any = true;
                if (!any) throw new Iso8583Exception(Iso8583Error.EmptySecondaryBitmap, Iso8583Exception.BitmapField, at, null);
            }
            int last = secondary ? 128 : 64;
            for (int f = 2; f <= last; f++)
            {
                if ((bitmap[(f - 1) >> 3] & (0x80 >> ((f - 1) & 7))) == 0) continue;
                FieldDefinition d = _definitions[f];
                if (d == null) throw new Iso8583Exception(Iso8583Error.UnknownField, f, offset, null);
                message.SetRawField(f, FieldCodec.Read(d, data, ref offset, end));
            }
            if (offset != end) throw new Iso8583Exception(Iso8583Error.TrailingData, Iso8583Exception.NoField, offset, null);
        }

        internal static void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null) throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.NoField, 0, "no input");
            if (offset < 0 || count < 0 || offset > data.Length || count > data.Length - offset)
                throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.NoField, offset < 0 ? 0 : offset, "range outside the buffer");
        }

        /// <summary>Checks an MTI: four decimal digits, version digit 0 (ISO 8583:1987).</summary>
        internal static void CheckMti(string mti)
        {
            if (mti == null || mti.Length != 4 || mti[0] != '0')
                throw new Iso8583Exception(Iso8583Error.BadMti, Iso8583Exception.MtiField, Iso8583Exception.NoOffset, "need four digits starting with 0");
            for (int i = 1; i < 4; i++)
                if (mti[i] < '0' || mti[i] > '9')
                    throw new Iso8583Exception(Iso8583Error.BadMti, Iso8583Exception.MtiField, Iso8583Exception.NoOffset, "need four digits starting with 0");
        }

        private int WriteMti(string mti, byte[] dest, int offset)
        {
            if (MtiEncoding == MtiEncoding.Bcd)
            {
                dest[offset] = (byte)(((mti[0] - '0') << 4) | (mti[1] - '0'));
                dest[offset + 1] = (byte)(((mti[2] - '0') << 4) | (mti[3] - '0'));
                return offset + 2;
            }
            for (int i = 0; i < 4; i++) dest[offset + i] = (byte)mti[i];
            return offset + 4;
        }

        private string ReadMti(byte[] data, ref int offset, int end)
        {
            int size = MtiEncoding == MtiEncoding.Bcd ? 2 : 4;
            if (size > end - offset) throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.MtiField, offset, null);
            char[] digits = new char[4];
            for (int k = 0; k < 4; k++)
            {
                int at = MtiEncoding == MtiEncoding.Bcd ? offset + (k >> 1) : offset + k;
                int d;
                if (MtiEncoding == MtiEncoding.Bcd) d = (k & 1) == 0 ? data[at] >> 4 : data[at] & 0x0F;
                else d = data[at] - '0';
                if (d < 0 || d > 9)
                    throw new Iso8583Exception(MtiEncoding == MtiEncoding.Bcd ? Iso8583Error.BadBcdDigit : Iso8583Error.BadMti, Iso8583Exception.MtiField, at, null);
                if (k == 0 && d != 0) throw new Iso8583Exception(Iso8583Error.BadMti, Iso8583Exception.MtiField, at, "version digit is not 0 (ISO 8583:1987)");
                digits[k] = (char)('0' + d);
            }
            offset += size;
            return new string(digits);
        }

        private int WriteBitmap(byte[] bitmap, byte[] dest, int offset)
        {
            if (BitmapEncoding == BitmapEncoding.Binary)
            {
                System.Array.Copy(bitmap, 0, dest, offset, bitmap.Length);
                return offset + bitmap.Length;
            }
            const string digits = "0123456789ABCDEF";
            for (int i = 0; i < bitmap.Length; i++)
            {
                dest[offset++] = (byte)digits[bitmap[i] >> 4];
                dest[offset++] = (byte)digits[bitmap[i] & 0x0F];
            }
            return offset;
        }

        private void ReadBitmap(byte[] data, ref int offset, int end, byte[] bitmap, int bitmapOffset)
        {
            if (BitmapEncoding == BitmapEncoding.Binary)
            {
                if (BitmapBytes > end - offset) throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.BitmapField, offset, null);
                System.Array.Copy(data, offset, bitmap, bitmapOffset, BitmapBytes);
                offset += BitmapBytes;
                return;
            }
            if (2 * BitmapBytes > end - offset) throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.BitmapField, offset, null);
            for (int i = 0; i < 2 * BitmapBytes; i++)
            {
                byte c = data[offset + i];
                int v;
                if (c >= (byte)'0' && c <= (byte)'9') v = c - '0';
                else if (c >= (byte)'A' && c <= (byte)'F') v = c - 'A' + 10;
                else throw new Iso8583Exception(Iso8583Error.BadBitmap, Iso8583Exception.BitmapField, offset + i, "not an upper-case hex digit");
                if ((i & 1) == 0) bitmap[bitmapOffset + (i >> 1)] = (byte)(v << 4);
                else bitmap[bitmapOffset + (i >> 1)] |= (byte)v;
            }
            offset += 2 * BitmapBytes;
        }
    }
}
