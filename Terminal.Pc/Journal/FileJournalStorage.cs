using System;
using System.IO;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Pc.Journal
{
    /// <summary>
    /// A journal slot in a PC file. Every <see cref="Append"/> and <see cref="Truncate"/> is flushed to the disk
    /// (<see cref="FileStream.Flush(bool)"/> with true: fsync) before it returns, which gives the
    /// <see cref="IJournalStorage"/> power-loss model on file systems that keep the prefix of a cut append
    /// (ext4 data=ordered, NTFS). Use two files (e.g. journal.a, journal.b) for the two slots.
    /// </summary>
    public sealed class FileJournalStorage : IJournalStorage, IDisposable
    {
        private readonly FileStream _file;

        /// <summary>Opens or creates the slot file; only this object may write it while open.</summary>
        public FileJournalStorage(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        }

        /// <inheritdoc/>
        public int Length
        {
            get { return checked((int)_file.Length); }
        }

        /// <inheritdoc/>
        public int Read(int offset, byte[] buffer, int index, int count)
        {
            if (offset < 0 || offset > Length) throw new JournalException(JournalError.InvalidArgument, offset, "read outside the slot");
            _file.Position = offset;
            int total = 0;
            while (total < count)
            {
                int n = _file.Read(buffer, index + total, count - total);
                if (n == 0) break;
                total += n;
            }
            return total;
        }

        /// <inheritdoc/>
        public void Append(byte[] data, int index, int count)
        {
            _file.Position = _file.Length;
            _file.Write(data, index, count);
            _file.Flush(true);
        }

        /// <inheritdoc/>
        public void Truncate(int length)
        {
            if (length < 0 || length > Length) throw new JournalException(JournalError.InvalidArgument, length, "truncate outside the slot");
            _file.SetLength(length);
            _file.Flush(true);
        }

        /// <summary>Closes the file.</summary>
        public void Dispose()
        {
            _file.Dispose();
        }
    }
}
