using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// BER-TLV encoder (EMV 4.4 Book 3, Annex B): writes tag, the shortest length field and the value
    /// into a <see cref="ByteBuffer"/>. Templates whose size is not known in advance are written between
    /// <see cref="BeginTemplate"/> and <see cref="EndTemplate"/>; one length byte is reserved and the
    /// content is moved only when the template grows past 127 bytes.
    /// Bad requests raise <see cref="TlvException"/> with the output position as offset.
    /// </summary>
    public sealed class TlvWriter
    {
        private readonly ByteBuffer _output;
        private readonly int[] _openStarts = new int[TlvParser.MaxNesting];
        private int _openCount;

        /// <summary>A writer into a new buffer.</summary>
        public TlvWriter() : this(new ByteBuffer())
        {
        }

        /// <summary>A writer appending to <paramref name="output"/> (e.g. after an APDU header).</summary>
        public TlvWriter(ByteBuffer output)
        {
            if (output == null) throw new System.ArgumentNullException("output");
            _output = output;
        }

        /// <summary>The buffer written to.</summary>
        public ByteBuffer Output
        {
            get { return _output; }
        }

        /// <summary>Number of templates begun and not yet ended.</summary>
        public int OpenTemplates
        {
            get { return _openCount; }
        }

        /// <summary>Writes tag, length and the whole <paramref name="value"/> (null = empty value).</summary>
        public void Write(int tag, byte[] value)
        {
            if (value == null) WriteHeader(tag, 0);
            else Write(tag, value, 0, value.Length);
        }

        /// <summary>Writes tag, length and value[offset..offset+length).</summary>
        public void Write(int tag, byte[] value, int offset, int length)
        {
            ByteBuffer.CheckRange(value, offset, length);
            WriteHeader(tag, length);
            _output.Append(value, offset, length);
        }

        /// <summary>
        /// Writes only the tag and the length field; the caller then appends exactly
        /// <paramref name="valueLength"/> value bytes to <see cref="Output"/> (e.g. DOL data after '83').
        /// </summary>
        public void WriteHeader(int tag, int valueLength)
        {
            CheckTag(tag);
            if (valueLength < 0 || valueLength > TlvLength.MaxValueLength)
                throw new TlvException(TlvError.LengthTooLarge, _output.Length, "value length " + valueLength.ToString() + " of tag " + TlvTag.ToHex(tag) + " cannot be encoded");
            int headerLength = TlvTag.ByteLength(tag) + TlvLength.ByteLength(valueLength);
            int at = _output.Reserve(headerLength);
            byte[] buffer = _output.GetBuffer();
            at += TlvTag.Write(tag, buffer, at);
            TlvLength.Write(valueLength, buffer, at);
        }

        /// <summary>Copies a parsed object's encoding exactly as it was received (tag, length, value).</summary>
        public void WriteEncoded(TlvObject item)
        {
            if (item == null) throw new System.ArgumentNullException("item");
            _output.Append(item.Buffer, item.EncodedOffset, item.EncodedLength);
        }

        /// <summary>Starts a template: writes the tag; the length is written by <see cref="EndTemplate"/>.</summary>
        public void BeginTemplate(int tag)
        {
            CheckTag(tag);
            if (_openCount >= TlvParser.MaxNesting)
                throw new TlvException(TlvError.NestingTooDeep, _output.Length, "more than " + TlvParser.MaxNesting.ToString() + " nested templates");
            int at = _output.Reserve(TlvTag.ByteLength(tag) + 1);
            TlvTag.Write(tag, _output.GetBuffer(), at);
            _openStarts[_openCount++] = _output.Length;
        }

        /// <summary>Ends the innermost open template and writes its shortest length field.</summary>
        public void EndTemplate()
        {
            if (_openCount == 0)
                throw new TlvException(TlvError.TemplateNotOpen, _output.Length, "EndTemplate without BeginTemplate");
            int valueStart = _openStarts[--_openCount];
            int valueLength = _output.Length - valueStart;
            if (valueLength > TlvLength.MaxValueLength)
                throw new TlvException(TlvError.LengthTooLarge, valueStart, "template value of " + valueLength.ToString() + " bytes cannot be encoded");
            int lengthBytes = TlvLength.ByteLength(valueLength);
            if (lengthBytes > 1) _output.InsertSpace(valueStart, lengthBytes - 1);
            TlvLength.Write(valueLength, _output.GetBuffer(), valueStart - 1);
        }

        /// <summary>The encoding written so far, as a new array. All templates must be ended.</summary>
        public byte[] ToArray()
        {
            if (_openCount != 0)
                throw new TlvException(TlvError.TemplateNotClosed, _output.Length, _openCount.ToString() + " template(s) still open");
            return _output.ToArray();
        }

        private void CheckTag(int tag)
        {
            if (!TlvTag.IsValid(tag))
                throw new TlvException(TlvError.InvalidTag, _output.Length, "0x" + Hex.Encode(new byte[] { (byte)(tag >> 24), (byte)(tag >> 16), (byte)(tag >> 8), (byte)tag }) + " is not a 1-3 byte BER tag");
        }
    }
}
