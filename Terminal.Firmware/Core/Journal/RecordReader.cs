namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// Reads the fields of a record payload written by <see cref="RecordWriter"/>. Any inconsistency (running past the
    /// payload, bad text, bytes left over) is <see cref="JournalError.Corrupt"/> at the record's offset.
    /// </summary>
    internal sealed class RecordReader
    {
        private readonly byte[] _data;
        private readonly int _end;
        private readonly int _recordOffset;
        private int _position;

        internal RecordReader(byte[] data, int payloadOffset, int payloadLength, int recordOffset)
        {
            _data = data;
            _position = payloadOffset;
            _end = payloadOffset + payloadLength;
            _recordOffset = recordOffset;
        }

        internal int Byte()
        {
            Need(1);
            return _data[_position++];
        }

        internal int Int()
        {
            Need(4);
            int v = 0;
            for (int i = 0; i < 4; i++) v = (v << 8) | _data[_position++];
            return v;
        }

        internal long Long()
        {
            Need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | _data[_position++];
            return v;
        }

        internal string Text()
        {
            int n = Byte();
            if (n == 0xFF) return null;
            Need(n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                byte b = _data[_position++];
                if (b < 0x20 || b > 0x7E) throw Corrupt("text not printable");
                chars[i] = (char)b;
            }
            return new string(chars);
        }

        internal byte[] Data()
        {
            Need(2);
            int n = (_data[_position] << 8) | _data[_position + 1];
            _position += 2;
            if (n == 0xFFFF) return null;
            Need(n);
            byte[] value = new byte[n];
            System.Array.Copy(_data, _position, value, 0, n);
            _position += n;
            return value;
        }

        /// <summary>The payload must be fully consumed.</summary>
        internal void End()
        {
            if (_position != _end) throw Corrupt("bytes left in record");
        }

        internal JournalException Corrupt(string detail)
        {
            return new JournalException(JournalError.Corrupt, _recordOffset, detail);
        }

        private void Need(int n)
        {
            if (n > _end - _position) throw Corrupt("record shorter than its fields");
        }
    }
}
