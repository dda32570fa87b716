using System.IO;
using Terminal.Firmware.Core.Storage;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IFlashFiles on the ESP32's internal LittleFS "config" partition, drive I:\ (nanoframework.md 3.9 and 8.5:
    /// package nanoFramework.System.IO.FileSystem, FileStream(string, FileMode, FileAccess)). That package is not in
    /// the API listings; the calls here are the constructor named in nanoframework.md 3.9 and the Stream members of
    /// System.IO.Streams.txt (Length, Seek, Read, Write, Close). Facts from the library's source: SetLength is not
    /// implemented (hence IFlashFiles has no truncate-to-length), FileMode.Append needs FileAccess.Write, a Position
    /// beyond the end throws. Each call opens and closes the file, so every append is on flash when it returns.
    /// Durability rules on top of this are portable (FlashJournalSlot, FlashSettingsStorage) and tested on a PC.
    /// </summary>
    internal sealed class LittleFsFiles : IFlashFiles
    {
        private const string Drive = "I:\\";

        public int Length(string name)
        {
            FileStream f = new FileStream(Drive + name, FileMode.OpenOrCreate, FileAccess.Read);
            try
            {
                return (int)f.Length;
            }
            finally
            {
                f.Close();
            }
        }

        public int ReadAt(string name, int offset, byte[] buffer, int index, int count)
        {
            FileStream f = new FileStream(Drive + name, FileMode.OpenOrCreate, FileAccess.Read);
            try
            {
                long length = f.Length;
                if (offset >= length || count <= 0) return 0;
                if (count > length - offset) count = (int)(length - offset);
                f.Seek(offset, SeekOrigin.Begin);
                return f.Read(buffer, index, count);
            }
            finally
            {
                f.Close();
            }
        }

        public void Append(string name, byte[] data, int index, int count)
        {
            FileStream f = new FileStream(Drive + name, FileMode.Append, FileAccess.Write);
            try
            {
                f.Write(data, index, count);
                f.Flush();
            }
            finally
            {
                f.Close();
            }
        }

        public void Clear(string name)
        {
            FileStream f = new FileStream(Drive + name, FileMode.Create, FileAccess.Write);
            f.Close();
        }
    }
}
