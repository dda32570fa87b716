using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.Storage
{
    /// <summary>
    /// <see cref="ISettingsStorage"/> with atomic replacement on a flash file system that only appends and clears
    /// (<see cref="IFlashFiles"/>): each setting lives in two files "&lt;name&gt;.0" and "&lt;name&gt;.1", each a
    /// 12-byte header (sequence number, content length, CRC-32 of the content, big-endian) and the content. A write
    /// replaces the older (or damaged) copy with sequence + 1; a read returns the valid copy with the higher
    /// sequence. A power cut during a write leaves the previous copy valid, so a read sees all of the old content or
    /// all of the new.
    /// </summary>
    public sealed class FlashSettingsStorage : ISettingsStorage
    {
        private const int HeaderLength = 12;
        private readonly IFlashFiles _files;

        /// <summary>Settings kept in <paramref name="files"/>.</summary>
        public FlashSettingsStorage(IFlashFiles files)
        {
            if (files == null) throw new System.ArgumentNullException("files");
            _files = files;
        }

        /// <inheritdoc />
        public byte[] Read(string name)
        {
            uint seq0, seq1;
            byte[] a = ReadCopy(name + ".0", out seq0);
            byte[] b = ReadCopy(name + ".1", out seq1);
            if (a == null) return b;
            if (b == null) return a;
            return seq1 > seq0 ? b : a;
        }

        /// <inheritdoc />
        public void Write(string name, byte[] content)
        {
            if (content == null) throw new System.ArgumentNullException("content");
            uint seq0, seq1;
            bool valid0 = ReadCopy(name + ".0", out seq0) != null;
            bool valid1 = ReadCopy(name + ".1", out seq1) != null;
            uint next;
            string target;
            if (!valid0 && !valid1) { next = 1; target = ".0"; }
            else if (!valid1) { next = seq0 + 1; target = ".1"; }
            else if (!valid0) { next = seq1 + 1; target = ".0"; }
            else if (seq0 > seq1) { next = seq0 + 1; target = ".1"; }
            else { next = seq1 + 1; target = ".0"; }
            byte[] record = new byte[HeaderLength + content.Length];
            Put(record, 0, next);
            Put(record, 4, (uint)content.Length);
            Put(record, 8, Crc32.Compute(content, 0, content.Length));
            System.Array.Copy(content, 0, record, HeaderLength, content.Length);
            _files.Clear(name + target);
            _files.Append(name + target, record, 0, record.Length);
        }

        /// <summary>The content of one copy, or null when it is absent, torn or damaged.</summary>
        private byte[] ReadCopy(string file, out uint sequence)
        {
            sequence = 0;
            int length = _files.Length(file);
            if (length < HeaderLength) return null;
            byte[] record = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = _files.ReadAt(file, read, record, read, length - read);
                if (n <= 0) return null;
                read += n;
            }
            uint contentLength = Get(record, 4);
            if (contentLength != (uint)(length - HeaderLength)) return null;
            if (Crc32.Compute(record, HeaderLength, (int)contentLength) != Get(record, 8)) return null;
            sequence = Get(record, 0);
            byte[] content = new byte[contentLength];
            System.Array.Copy(record, HeaderLength, content, 0, (int)contentLength);
            return content;
        }

        private static void Put(byte[] b, int at, uint v)
        {
            b[at] = (byte)(v >> 24);
            b[at + 1] = (byte)(v >> 16);
            b[at + 2] = (byte)(v >> 8);
            b[at + 3] = (byte)v;
        }

        private static uint Get(byte[] b, int at)
        {
            return ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];
        }
    }
}
