namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// Reads one tag or one length field, shared by <see cref="TlvParser"/> and the DOL parser.
    /// Positions are absolute array indexes; <c>end</c> is exclusive. Never reads at or past <c>end</c>.
    /// </summary>
    internal static class TlvReader
    {
        /// <summary>
        /// Reads a 1-3 byte tag at pos (pos &lt; end) and advances pos past it.
        /// EMV 4.4 Book 3, Annex B1: b5-b1 = 11111 in the first byte means subsequent bytes follow;
        /// each subsequent byte with b8 = 1 is followed by another.
        /// </summary>
        internal static int ReadTag(byte[] data, ref int pos, int end)
        {
            int start = pos;
            int b = data[pos++];
            int tag = b;
            if ((b & 0x1F) != 0x1F) return tag;

            if (pos >= end) throw Truncated(start, tag);
            b = data[pos++];
            tag = (tag << 8) | b;
            if ((b & 0x80) == 0) return tag;

            if (pos >= end) throw Truncated(start, tag);
            b = data[pos++];
            tag = (tag << 8) | b;
            if ((b & 0x80) == 0) return tag;

            throw new TlvException(TlvError.TagTooLong, start, "tag " + TlvTag.ToHex(tag) + "... needs more than 3 bytes");
        }

        /// <summary>
        /// Reads a definite-form length field at pos and advances pos past it (EMV 4.4 Book 3, Annex B2):
        /// '00'-'7F' short form, '81'/'82'/'83' followed by 1/2/3 length bytes. '80' and '84'-'FF' are rejected.
        /// </summary>
        internal static int ReadLength(byte[] data, ref int pos, int end, int tag)
        {
            int start = pos;
            if (pos >= end)
                throw new TlvException(TlvError.TruncatedLength, start, "no length field after tag " + TlvTag.ToHex(tag));
            int b = data[pos++];
            if (b < 0x80) return b;
            if (b == 0x80)
                throw new TlvException(TlvError.IndefiniteLength, start, "indefinite length '80' after tag " + TlvTag.ToHex(tag));
            int count = b & 0x7F;
            if (count > 3)
                throw new TlvException(TlvError.UnsupportedLengthForm, start, "length form '" + Util.Hex.Encode(new byte[] { (byte)b }) + "' after tag " + TlvTag.ToHex(tag) + " (only '81'-'83' allowed)");
            if (end - pos < count)
                throw new TlvException(TlvError.TruncatedLength, start, "length field of tag " + TlvTag.ToHex(tag) + " needs " + count.ToString() + " more bytes");
            int length = 0;
            for (int i = 0; i < count; i++) length = (length << 8) | data[pos++];
            return length;
        }

        private static TlvException Truncated(int start, int partialTag)
        {
            return new TlvException(TlvError.TruncatedTag, start, "input ends inside tag " + TlvTag.ToHex(partialTag) + "...");
        }
    }
}
