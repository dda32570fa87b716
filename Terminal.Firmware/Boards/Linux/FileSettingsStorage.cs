using System;
using System.IO;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// <see cref="ISettingsStorage"/> as files in one directory. A write goes to a temporary file that is flushed to
    /// disk and renamed over the old one (rename is atomic on POSIX file systems), so a power cut leaves the old or
    /// the new content. Names are plain file names: letters, digits, '.', '-', '_'.
    /// </summary>
    public sealed class FileSettingsStorage : ISettingsStorage
    {
        private readonly string _directory;

        /// <summary>Uses (and creates) <paramref name="directory"/>.</summary>
        public FileSettingsStorage(string directory)
        {
            _directory = directory ?? throw new ArgumentNullException(nameof(directory));
            Directory.CreateDirectory(directory);
        }

        /// <inheritdoc/>
        public byte[] Read(string name)
        {
            string path = PathOf(name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] content)
        {
            if (content == null) throw new ArgumentNullException(nameof(content));
            string path = PathOf(name);
            string temp = path + ".new";
            using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                f.Write(content, 0, content.Length);
                f.Flush(true);
            }
            File.Move(temp, path, true);
        }

        private string PathOf(string name)
        {
            if (string.IsNullOrEmpty(name) || name.Length > 64 || name == "." || name == "..")
                throw new ArgumentException("bad settings name", nameof(name));
            foreach (char c in name)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!ok) throw new ArgumentException("bad settings name", nameof(name));
            }
            return Path.Combine(_directory, name);
        }
    }
}
