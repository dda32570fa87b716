namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Encodes and decodes one data element after its <see cref="FieldDefinition"/>: the LL/LLL prefix and the
    /// BCD, track, ASCII, binary or signed-amount content. Packing is two passes (measure, then write) so the
    /// packer allocates the output once; parsing checks every byte it reads against the end of the input.
    /// </summary>
    internal static class FieldCodec
    {
        /// <summary>Checks the value against the definition and returns its encoded size (prefix and content).</summary>
        internal static int Measure(FieldDefinition def, byte[] value)
        {
            int n = def.Number;
            int len = value.Length;
            switch (def.Content)
            {
                case ContentEncoding.Bcd:
                    for (int i = 0; i < len; i++)
                        if (value[i] < (byte)'0' || value[i] > (byte)'9') throw Invalid(n, "numeric field with a non-digit");
                    break;
                case ContentEncoding.Track2Bcd:
                    for (int i = 0; i < len; i++)
                        if (TrackNibble(value[i]) < 0) throw Invalid(n, "track field with a character other than 0-9, = or D");
                    if (def.LengthType == LengthType.Fixed && len != def.MaxLength) throw Invalid(n, "fixed track field of the wrong length");
                    break;
                case ContentEncoding.Binary:
                    if (def.LengthType == LengthType.Fixed && len != def.MaxLength) throw Invalid(n, "fixed binary field of the wrong length");
                    break;
                case ContentEncoding.SignedAmount:
                    if (len < 1 || (value[0] != (byte)'C' && value[0] != (byte)'D')) throw Invalid(n, "amount does not start with C or D");
                    for (int i = 1; i < len; i++)
                        if (value[i] < (byte)'0' || value[i] > (byte)'9') throw Invalid(n, "amount with a non-digit");
                    len--;
                    break;
            }
            if (len > def.MaxLength)
                throw new Iso8583Exception(Iso8583Error.LengthOverMax, n, Iso8583Exception.NoOffset, "value longer than the field");
            int logical = def.LengthType == LengthType.Fixed ? def.MaxLength : len;
            return PrefixSize(def) + ContentSize(def, logical);
        }

        /// <summary>Writes a value already accepted by <see cref="Measure"/>; returns the offset after it.</summary>
        internal static int Write(FieldDefinition def, byte[] value, byte[] dest, int offset)
        {
            int len = value.Length;
            if (def.LengthType != LengthType.Fixed) offset = WritePrefix(def, len, dest, offset);
            switch (def.Content)
            {
                case ContentEncoding.Bcd:
                case ContentEncoding.Track2Bcd:
                {
                    int digits = def.LengthType == LengthType.Fixed ? def.MaxLength : len;
                    return WriteNibbles(value, 0, len, digits, def.Padding, def.PadNibble, dest, offset);
                }
                case ContentEncoding.SignedAmount:
                    dest[offset] = value[0];
                    return WriteNibbles(value, 1, len - 1, def.MaxLength, BcdPadding.LeadingNibble, 0, dest, offset + 1);
                case ContentEncoding.Ascii:
                {
                    System.Array.Copy(value, 0, dest, offset, len);
                    int size = def.LengthType == LengthType.Fixed ? def.MaxLength : len;
                    for (int i = len; i < size; i++) dest[offset + i] = (byte)' ';
                    return offset + size;
                }
                default:
                    System.Array.Copy(value, 0, dest, offset, len);
                    return offset + len;
            }
        }

        /// <summary>
        /// Reads one field starting at <paramref name="offset"/>, never past <paramref name="end"/>; returns the
        /// value and advances <paramref name="offset"/>.
        /// </summary>
        internal static byte[] Read(FieldDefinition def, byte[] data, ref int offset, int end)
        {
            int n = def.Number;
            int start = offset;
            int logical;
            if (def.LengthType == LengthType.Fixed)
            {
                logical = def.MaxLength;
            }
            else
            {
                logical = ReadPrefix(def, data, offset, end);
                offset += PrefixSize(def);
                if (logical > def.MaxLength)
                    throw new Iso8583Exception(Iso8583Error.LengthOverMax, n, start, "length prefix above the maximum");
            }
            int size = ContentSize(def, logical);
            if (size > end - offset) throw new Iso8583Exception(Iso8583Error.Truncated, n, start, null);
            byte[] value;
            switch (def.Content)
            {
                case ContentEncoding.Bcd:
                case ContentEncoding.Track2Bcd:
                    value = new byte[logical];
                    ReadNibbles(def, data, offset, logical, def.Padding, def.PadNibble, value, 0);
                    break;
                case ContentEncoding.SignedAmount:
                {
                    byte sign = data[offset];
                    if (sign != (byte)'C' && sign != (byte)'D') throw new Iso8583Exception(Iso8583Error.BadSign, n, offset, null);
                    value = new byte[logical + 1];
                    value[0] = sign;
                    ReadNibbles(def, data, offset + 1, logical, BcdPadding.LeadingNibble, 0, value, 1);
                    break;
                }
                default:
                    value = new byte[logical];
                    System.Array.Copy(data, offset, value, 0, logical);
                    break;
            }
            offset += size;
            return value;
        }

        /// <summary>Bytes of the length prefix.</summary>
        internal static int PrefixSize(FieldDefinition def)
        {
            switch (def.Prefix)
            {
                case LengthEncoding.Bcd: return def.LengthType == LengthType.LlVar ? 1 : 2;
                case LengthEncoding.Ascii: return def.LengthType == LengthType.LlVar ? 2 : 3;
                case LengthEncoding.Binary: return def.LengthType == LengthType.LlVar ? 1 : 2;
                default: return 0;
            }
        }

        /// <summary>Bytes of the content for a logical length (digits, characters or bytes).</summary>
        internal static int ContentSize(FieldDefinition def, int logical)
        {
            switch (def.Content)
            {
                case ContentEncoding.Bcd:
                case ContentEncoding.Track2Bcd:
                    return (logical + 1) / 2;
                case ContentEncoding.SignedAmount:
                    return 1 + (logical + 1) / 2;
                default:
                    return logical;
            }
        }

        /// <summary>Nibble of a track-data character: digits, and '=' or 'D' as the separator D; -1 otherwise.</summary>
        internal static int TrackNibble(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9') return c - '0';
            if (c == (byte)'=' || c == (byte)'D' || c == (byte)'d') return 0xD;
            return -1;
        }

        /// <summary>
        /// Writes <paramref name="digits"/> digits as nibbles: the value's <paramref name="count"/> characters,
        /// right-aligned with leading '0' digits, and a pad nibble for an odd count.
        /// </summary>
        internal static int WriteNibbles(byte[] value, int valueOffset, int count, int digits, BcdPadding padding, int padNibble,
            byte[] dest, int offset)
        {
            bool odd = (digits & 1) != 0;
            int nibbles = odd ? digits + 1 : digits;
            int lead = odd && padding == BcdPadding.LeadingNibble ? 1 : 0;
            int zeros = digits - count;
            for (int k = 0; k < nibbles; k++)
            {
                int nibble;
                int d = k - lead;
                if (d < 0 || d >= digits) nibble = padNibble;
                else if (d < zeros) nibble = 0;
                else nibble = TrackNibble(value[valueOffset + d - zeros]);
                int at = offset + (k >> 1);
                if ((k & 1) == 0) dest[at] = (byte)(nibble << 4);
                else dest[at] = (byte)(dest[at] | nibble);
            }
            return offset + nibbles / 2;
        }

        private static void ReadNibbles(FieldDefinition def, byte[] data, int offset, int digits, BcdPadding padding, int padNibble,
            byte[] value, int valueOffset)
        {
            bool track = def.Content == ContentEncoding.Track2Bcd;
            bool odd = (digits & 1) != 0;
            int nibbles = odd ? digits + 1 : digits;
            int lead = odd && padding == BcdPadding.LeadingNibble ? 1 : 0;
            for (int k = 0; k < nibbles; k++)
            {
                int at = offset + (k >> 1);
                int nibble = (k & 1) == 0 ? data[at] >> 4 : data[at] & 0x0F;
                int d = k - lead;
                if (d < 0 || d >= digits)
                {
                    if (nibble != padNibble) throw new Iso8583Exception(Iso8583Error.BadPadding, def.Number, at, null);
                    continue;
                }
                if (nibble <= 9) value[valueOffset + d] = (byte)('0' + nibble);
                else if (track && nibble == 0xD) value[valueOffset + d] = (byte)'=';
                else throw new Iso8583Exception(Iso8583Error.BadBcdDigit, def.Number, at, null);
            }
        }

        private static int WritePrefix(FieldDefinition def, int len, byte[] dest, int offset)
        {
            bool ll = def.LengthType == LengthType.LlVar;
            switch (def.Prefix)
            {
                case LengthEncoding.Bcd:
                    if (ll)
                    {
                        dest[offset] = (byte)(((len / 10) << 4) | (len % 10));
                        return offset + 1;
                    }
                    dest[offset] = (byte)(len / 100);
                    dest[offset + 1] = (byte)((((len / 10) % 10) << 4) | (len % 10));
                    return offset + 2;
                case LengthEncoding.Ascii:
                    if (!ll)
                    {
                        dest[offset] = (byte)('0' + len / 100);
                        offset++;
                    }
                    dest[offset] = (byte)('0' + (len / 10) % 10);
                    dest[offset + 1] = (byte)('0' + len % 10);
                    return offset + 2;
                default:
                    if (ll)
                    {
                        dest[offset] = (byte)len;
                        return offset + 1;
                    }
                    dest[offset] = (byte)(len >> 8);
                    dest[offset + 1] = (byte)len;
                    return offset + 2;
            }
        }

        private static int ReadPrefix(FieldDefinition def, byte[] data, int offset, int end)
        {
            int size = PrefixSize(def);
            if (size > end - offset) throw new Iso8583Exception(Iso8583Error.Truncated, def.Number, offset, "length prefix");
            int value = 0;
            switch (def.Prefix)
            {
                case LengthEncoding.Bcd:
                    for (int k = 0; k < size * 2; k++)
                    {
                        int at = offset + (k >> 1);
                        int nibble = (k & 1) == 0 ? data[at] >> 4 : data[at] & 0x0F;
                        // LLL in two bytes is 0LLL: the first nibble must be 0.
                        if (nibble > 9 || (size == 2 && k == 0 && nibble != 0))
                            throw new Iso8583Exception(Iso8583Error.BadLengthPrefix, def.Number, at, null);
                        value = value * 10 + nibble;
                    }
                    return value;
                case LengthEncoding.Ascii:
                    for (int i = 0; i < size; i++)
                    {
                        int d = data[offset + i] - '0';
                        if (d < 0 || d > 9) throw new Iso8583Exception(Iso8583Error.BadLengthPrefix, def.Number, offset + i, null);
                        value = value * 10 + d;
                    }
                    return value;
                default:
                    for (int i = 0; i < size; i++) value = (value << 8) | data[offset + i];
                    return value;
            }
        }

        private static Iso8583Exception Invalid(int field, string detail)
        {
            return new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, detail);
        }
    }
}
