namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// BER-TLV parser, EMV 4.4 Book 3, Annex B (ISO/IEC 8825-1 subset):
    /// tags of 1-3 bytes, definite lengths in short form or '81'/'82'/'83' long form, templates
    /// (b6 of the first tag byte set) parsed recursively, at most <see cref="MaxNesting"/> templates deep.
    /// Padding bytes '00' (Book 3 Annex B) and, by default, 'FF' (ISO/IEC 7816-4:1995, Annex D.1) before,
    /// between and after objects are skipped.
    /// <para>
    /// Malformed input raises <see cref="TlvException"/> and nothing else; the first fault in input order
    /// is reported. The whole input is checked before any object is allocated, so bad input allocates
    /// nothing but the exception. A successful parse allocates one <see cref="TlvObject"/> per object and
    /// one exactly-sized list per non-empty level; values are not copied.
    /// </para>
    /// </summary>
    public static class TlvParser
    {
        /// <summary>Most templates that may be nested inside each other.</summary>
        public const int MaxNesting = 16;

        /// <summary>Parses the whole array, skipping '00' and 'FF' padding.</summary>
        public static TlvList Parse(byte[] data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            return Parse(data, 0, data.Length, true);
        }

        /// <summary>Parses data[offset..offset+length), skipping '00' and 'FF' padding. Error offsets are absolute.</summary>
        public static TlvList Parse(byte[] data, int offset, int length)
        {
            return Parse(data, offset, length, true);
        }

        /// <summary>
        /// Parses data[offset..offset+length). With <paramref name="skipFfPadding"/> false, 'FF' starts a tag
        /// (needed for proprietary 'FFxx' templates such as kernel C-2 'FF8105'); '00' is always padding.
        /// </summary>
        public static TlvList Parse(byte[] data, int offset, int length, bool skipFfPadding)
        {
            Util.ByteBuffer.CheckRange(data, offset, length);
            int end = offset + length;
            Check(data, offset, end, 0, skipFfPadding);
            return Build(data, offset, end, skipFfPadding);
        }

        /// <summary>
        /// The position of the next tag at or after pos, skipping padding: '00' always (Book 3 Annex B),
        /// 'FF' when <paramref name="skipFf"/> (ISO/IEC 7816-4:1995, Annex D.1). Returns end when only padding is left.
        /// </summary>
        private static int SkipPadding(byte[] data, int pos, int end, bool skipFf)
        {
            while (pos < end && (data[pos] == 0x00 || (data[pos] == 0xFF && skipFf))) pos++;
            return pos;
        }

        /// <summary>
        /// Walks [pos, end) in input order and throws at the first fault. <paramref name="nesting"/> is the
        /// number of templates around this level.
        /// </summary>
        private static void Check(byte[] data, int pos, int end, int nesting, bool skipFf)
        {
            while ((pos = SkipPadding(data, pos, end, skipFf)) < end)
            {
                int tagStart = pos;
                int tag = TlvReader.ReadTag(data, ref pos, end);
                int lengthStart = pos;
                int length = TlvReader.ReadLength(data, ref pos, end, tag);
                if (length > end - pos)
                {
                    string detail = "tag " + TlvTag.ToHex(tag) + " declares " + length.ToString() + " value bytes, " + (end - pos).ToString() + " left in ";
                    if (nesting == 0) throw new TlvException(TlvError.ValueOverrunsInput, lengthStart, detail + "the input");
                    throw new TlvException(TlvError.ValueOverrunsTemplate, lengthStart, detail + "its template");
                }
                if ((data[tagStart] & 0x20) != 0)
                {
                    if (nesting >= MaxNesting)
                        throw new TlvException(TlvError.NestingTooDeep, tagStart, "template " + TlvTag.ToHex(tag) + " is nested more than " + MaxNesting.ToString() + " templates deep");
                    Check(data, pos, pos + length, nesting + 1, skipFf);
                }
                pos += length;
            }
        }

        /// <summary>
        /// Builds the objects of [pos, end), which <see cref="Check"/> has accepted. The first pass only
        /// counts them, so that the list is allocated at its exact size.
        /// </summary>
        private static TlvList Build(byte[] data, int pos, int end, bool skipFf)
        {
            int count = 0;
            for (int at = pos; (at = SkipPadding(data, at, end, skipFf)) < end; count++)
            {
                int tag = TlvReader.ReadTag(data, ref at, end);
                int length = TlvReader.ReadLength(data, ref at, end, tag);
                at += length;
            }
            if (count == 0) return TlvList.Empty;
            TlvObject[] items = new TlvObject[count];
            for (int n = 0; n < count; n++)
            {
                int tagStart = SkipPadding(data, pos, end, skipFf);
                pos = tagStart;
                int tag = TlvReader.ReadTag(data, ref pos, end);
                int length = TlvReader.ReadLength(data, ref pos, end, tag);
                TlvList children = (data[tagStart] & 0x20) != 0 ? Build(data, pos, pos + length, skipFf) : TlvList.Empty;
                items[n] = new TlvObject(tag, data, tagStart, pos, length, children);
                pos += length;
            }
            return new TlvList(items);
        }
    }
}
