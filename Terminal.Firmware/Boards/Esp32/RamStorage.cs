using System.Collections;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// NOT DURABLE: settings kept in RAM. The file system package (nanoFramework.System.IO.FileSystem, the config
    /// partition I:\) is not in the API listings this board code is checked against, so durable storage is left
    /// for when its signatures are listed; until then settings come from the serial console after each boot.
    /// </summary>
    internal sealed class RamSettingsStorage : ISettingsStorage
    {
        private readonly Hashtable _files = new Hashtable();

        public byte[] Read(string name)
        {
            byte[] content = (byte[])_files[name];
            return content == null ? null : (byte[])content.Clone();
        }

        public void Write(string name, byte[] content)
        {
            _files[name] = content.Clone();
        }
    }

    /// <summary>NOT DURABLE: a journal slot in RAM, for the same reason as <see cref="RamSettingsStorage"/>.</summary>
    internal sealed class RamJournalStorage : IJournalStorage
    {
        private byte[] _data = new byte[0];

        public int Length
        {
            get { return _data.Length; }
        }

        public int Read(int offset, byte[] buffer, int index, int count)
        {
            int n = _data.Length - offset;
            if (n > count) n = count;
            if (n <= 0) return 0;
            System.Array.Copy(_data, offset, buffer, index, n);
            return n;
        }

        public void Append(byte[] data, int index, int count)
        {
            byte[] grown = new byte[_data.Length + count];
            System.Array.Copy(_data, 0, grown, 0, _data.Length);
            System.Array.Copy(data, index, grown, _data.Length, count);
            _data = grown;
        }

        public void Truncate(int length)
        {
            byte[] cut = new byte[length];
            System.Array.Copy(_data, 0, cut, 0, length);
            _data = cut;
        }
    }
}
