namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>Non-volatile storage of named files (the configuration, keys); the journal has its own
    /// <see cref="Terminal.Firmware.Core.Journal.IJournalStorage"/>.</summary>
    public interface ISettingsStorage
    {
        /// <summary>The file's bytes, or null when it does not exist.</summary>
        byte[] Read(string name);

        /// <summary>Replaces the file atomically (all of the new content or all of the old).</summary>
        void Write(string name, byte[] content);
    }
}
