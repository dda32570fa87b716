namespace Terminal.Firmware.Core.Storage
{
    /// <summary>
    /// The few file operations a board's flash file system offers (the ESP32's LittleFS partition through
    /// nanoFramework's FileStream): no rename, no delete, no truncate-to-length. What survives a power cut: an
    /// <see cref="Append"/> may leave any prefix of its bytes; <see cref="Clear"/> leaves the file either as it was
    /// or empty. <see cref="FlashJournalSlot"/> and <see cref="FlashSettingsStorage"/> build the journal's and the
    /// settings' guarantees on top of exactly this.
    /// </summary>
    public interface IFlashFiles
    {
        /// <summary>The file's length in bytes; 0 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Copies up to <paramref name="count"/> bytes from <paramref name="offset"/>; returns how many (0 at the end).</summary>
        int ReadAt(string name, int offset, byte[] buffer, int index, int count);

        /// <summary>Appends the bytes at the end of the file (creating it).</summary>
        void Append(string name, byte[] data, int index, int count);

        /// <summary>Makes the file empty (creating it).</summary>
        void Clear(string name);
    }
}
