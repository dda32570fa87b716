using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.Storage
{
    /// <summary>
    /// One journal slot in a flash file (<see cref="IFlashFiles"/>). Appends go straight to the file (a torn append
    /// is the journal's own torn tail, which its recovery cuts off). Cutting the file to a shorter non-zero length
    /// has no native call, so it is done through a copy: the kept prefix goes to "&lt;name&gt;.tmp", its length is
    /// committed in "&lt;name&gt;.cut" (4 bytes; fewer means not committed), the slot is cleared and refilled from
    /// the copy, then both helpers are cleared. A power cut at any point leaves either the old slot (nothing
    /// committed) or a committed copy that the next construction finishes copying back.
    /// </summary>
    public sealed class FlashJournalSlot : IJournalStorage
    {
        private const int ChunkSize = 512;
        private readonly IFlashFiles _files;
        private readonly string _name;
        private readonly string _copy;
        private readonly string _cut;
        private readonly byte[] _chunk = new byte[ChunkSize];
        private int _length;

        /// <summary>The slot in file <paramref name="name"/>; finishes a cut a power cut interrupted.</summary>
        public FlashJournalSlot(IFlashFiles files, string name)
        {
            if (files == null) throw new System.ArgumentNullException("files");
            if (name == null || name.Length == 0) throw new System.ArgumentException("a file name is needed", "name");
            _files = files;
            _name = name;
            _copy = name + ".tmp";
            _cut = name + ".cut";
            FinishInterruptedCut();
            _length = _files.Length(_name);
        }

        /// <inheritdoc />
        public int Length
        {
            get { return _length; }
        }

        /// <inheritdoc />
        public int Read(int offset, byte[] buffer, int index, int count)
        {
            if (offset >= _length || count <= 0) return 0;
            if (count > _length - offset) count = _length - offset;
            return _files.ReadAt(_name, offset, buffer, index, count);
        }

        /// <inheritdoc />
        public void Append(byte[] data, int index, int count)
        {
            if (count <= 0) return;
            // On a failure the length is read back: the file may hold a prefix of the bytes.
            try
            {
                _files.Append(_name, data, index, count);
            }
            finally
            {
                _length = _files.Length(_name);
            }
        }

        /// <inheritdoc />
        public void Truncate(int length)
        {
            if (length < 0 || length > _length) throw new System.ArgumentOutOfRangeException("length");
            if (length == _length) return;
            if (length == 0)
            {
                _files.Clear(_name);
                _length = 0;
                return;
            }
            _files.Clear(_copy);
            Copy(_name, _copy, length);
            byte[] committed = new byte[] { (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length };
            _files.Append(_cut, committed, 0, 4);
            CopyBack(length);
        }

        private void FinishInterruptedCut()
        {
            int length = CommittedCut();
            if (length > 0 && _files.Length(_copy) >= length)
            {
                CopyBack(length);
                return;
            }
            // Nothing committed (or a damaged record): the slot itself was never touched.
            if (_files.Length(_cut) != 0) _files.Clear(_cut);
            if (_files.Length(_copy) != 0) _files.Clear(_copy);
        }

        private int CommittedCut()
        {
            if (_files.Length(_cut) != 4) return 0;
            byte[] b = new byte[4];
            if (_files.ReadAt(_cut, 0, b, 0, 4) != 4) return 0;
            return (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        }

        private void CopyBack(int length)
        {
            _files.Clear(_name);
            Copy(_copy, _name, length);
            _files.Clear(_cut);
            _files.Clear(_copy);
            _length = length;
        }

        private void Copy(string from, string to, int length)
        {
            int done = 0;
            while (done < length)
            {
                int want = length - done < ChunkSize ? length - done : ChunkSize;
                int got = _files.ReadAt(from, done, _chunk, 0, want);
                if (got <= 0) throw new JournalException(JournalError.StorageFailed, done, "flash file " + from + " ended early while cutting the slot");
                _files.Append(to, _chunk, 0, got);
                done += got;
            }
        }
    }
}
