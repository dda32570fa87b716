using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>
    /// The provisioned configuration in the settings storage: one file, <see cref="FileName"/>, holding the
    /// console commands of <see cref="ProvisioningConsole.Serialize"/> in UTF-8 (keys included: the storage is the
    /// device's protected flash, never a display or log).
    /// </summary>
    public static class ConfigurationStore
    {
        /// <summary>The settings file name.</summary>
        public const string FileName = "terminal.conf";

        /// <summary>Writes <paramref name="configuration"/> (atomically, by the storage's contract).</summary>
        public static void Save(ISettingsStorage storage, TerminalConfiguration configuration)
        {
            if (storage == null) throw new System.ArgumentNullException("storage");
            storage.Write(FileName, Utf8Text.Encode(ProvisioningConsole.Serialize(configuration)));
        }

        /// <summary>
        /// Reads the stored configuration into <paramref name="configuration"/>; null when there is none. Returns the
        /// file's errors ("line N: ..."), empty when it loaded.
        /// </summary>
        public static string[] Load(ISettingsStorage storage, ICryptoProvider crypto, out TerminalConfiguration configuration)
        {
            if (storage == null) throw new System.ArgumentNullException("storage");
            configuration = null;
            byte[] content = storage.Read(FileName);
            if (content == null) return new string[0];
            string text = Utf8Text.Decode(content);
            return ProvisioningConsole.LoadFile(text, crypto, out configuration);
        }
    }
}
