namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// A journal slot in RAM (tests, simulators, a device without flash for the journal). Not durable across a real
    /// power cut; it gives the exact <see cref="IJournalStorage"/> semantics otherwise.
    /// </summary>
    public sealed class MemoryJournalStorage : IJournalStorage
    {
        private byte[] _data = new byte[256];
        private int _length;

        /// <summary>An empty slot.</summary>
        public MemoryJournalStorage()
        {
        }

        /// <summary>A slot that holds a copy of <paramref name="content"/> (e.g. an image read from elsewhere).</summary>
        public MemoryJournalStorage(byte[] content)
        {
            if (content == null) throw new JournalException(JournalError.InvalidArgument, -1, "null content");
            Append(content, 0, content.Length);
        }

        /// <inheritdoc/>
        public int Length
        {
            get { return _length; }
        }

        /// <inheritdoc/>
        public int Read(int offset, byte[] buffer, int index, int count)
        {
            JournalChecks.Range(buffer, index, count);
            if (offset < 0 || offset > _length) throw new JournalException(JournalError.InvalidArgument, offset, "read outside the slot");
            int n = _length - offset < count ? _length - offset : count;
            System.Array.Copy(_data, offset, buffer, index, n);
            return n;
        }

        /// <inheritdoc/>
        public void Append(byte[] data, int index, int count)
        {
            JournalChecks.Range(data, index, count);
            if (_length + count > _data.Length)
            {
                int size = _data.Length * 2;
                while (size < _length + count) size *= 2;
                byte[] grown = new byte[size];
                System.Array.Copy(_data, grown, _length);
                _data = grown;
            }
            System.Array.Copy(data, index, _data, _length, count);
            _length += count;
        }

        /// <inheritdoc/>
        public void Truncate(int length)
        {
            if (length < 0 || length > _length) throw new JournalException(JournalError.InvalidArgument, length, "truncate outside the slot");
            _length = length;
        }

        /// <summary>A copy of the slot's bytes.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            System.Array.Copy(_data, copy, _length);
            return copy;
        }
    }
}
