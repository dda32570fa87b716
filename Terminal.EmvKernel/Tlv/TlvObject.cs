namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// One parsed BER-TLV data object. It is a view: it keeps the parsed array and the offsets of its
    /// encoding and value, and copies bytes only when asked (<see cref="CopyValue"/>). The parsed array
    /// must not be changed while the object is in use.
    /// </summary>
    public sealed class TlvObject
    {
        private readonly int _tag;
        private readonly byte[] _buffer;
        private readonly int _encodedOffset;
        private readonly int _valueOffset;
        private readonly int _valueLength;
        private readonly TlvList _children;

        internal TlvObject(int tag, byte[] buffer, int encodedOffset, int valueOffset, int valueLength, TlvList children)
        {
            _tag = tag;
            _buffer = buffer;
            _encodedOffset = encodedOffset;
            _valueOffset = valueOffset;
            _valueLength = valueLength;
            _children = children;
        }

        /// <summary>The tag as an int, tag bytes big-endian (e.g. 0x9F02).</summary>
        public int Tag
        {
            get { return _tag; }
        }

        /// <summary>True for a template (b6 of the first tag byte set); its value was parsed into <see cref="Children"/>.</summary>
        public bool IsConstructed
        {
            get { return TlvTag.IsConstructed(_tag); }
        }

        /// <summary>The parsed input array (not a copy). Read only; use the offsets below.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Offset in <see cref="Buffer"/> of the first tag byte.</summary>
        public int EncodedOffset
        {
            get { return _encodedOffset; }
        }

        /// <summary>Length of the whole encoding as received: tag, length field and value.</summary>
        public int EncodedLength
        {
            get { return _valueOffset + _valueLength - _encodedOffset; }
        }

        /// <summary>Offset in <see cref="Buffer"/> of the first value byte.</summary>
        public int ValueOffset
        {
            get { return _valueOffset; }
        }

        /// <summary>Number of value bytes (0 when the value field is absent).</summary>
        public int ValueLength
        {
            get { return _valueLength; }
        }

        /// <summary>The objects inside a template; empty for a primitive object or an empty template.</summary>
        public TlvList Children
        {
            get { return _children; }
        }

        /// <summary>Value byte <paramref name="index"/> (0 &lt;= index &lt; ValueLength).</summary>
        public byte ValueByte(int index)
        {
            if (index < 0 || index >= _valueLength) throw new System.ArgumentOutOfRangeException("index", "index outside the value");
            return _buffer[_valueOffset + index];
        }

        /// <summary>A new array holding the value.</summary>
        public byte[] CopyValue()
        {
            byte[] value = new byte[_valueLength];
            System.Array.Copy(_buffer, _valueOffset, value, 0, _valueLength);
            return value;
        }

        /// <summary>Copies the value to destination[offset]; returns the number of bytes copied.</summary>
        public int CopyValueTo(byte[] destination, int offset)
        {
            Util.ByteBuffer.CheckRange(destination, offset, _valueLength);
            System.Array.Copy(_buffer, _valueOffset, destination, offset, _valueLength);
            return _valueLength;
        }

        /// <summary>A new array holding the whole encoding as received (tag, length, value).</summary>
        public byte[] CopyEncoded()
        {
            int n = EncodedLength;
            byte[] encoded = new byte[n];
            System.Array.Copy(_buffer, _encodedOffset, encoded, 0, n);
            return encoded;
        }

        /// <summary>True when the value equals <paramref name="expected"/> byte for byte (null never matches).</summary>
        public bool ValueEquals(byte[] expected)
        {
            if (expected == null || expected.Length != _valueLength) return false;
            for (int i = 0; i < _valueLength; i++)
            {
                if (_buffer[_valueOffset + i] != expected[i]) return false;
            }
            return true;
        }
    }
}
