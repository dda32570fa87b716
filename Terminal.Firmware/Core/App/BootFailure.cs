namespace Terminal.Firmware.Core.App
{
    /// <summary>Why <see cref="TerminalBoot.Start"/> could not build the application.</summary>
    public enum BootFailure
    {
        /// <summary>No configuration in the settings storage: provision the terminal over the console.</summary>
        NotProvisioned = 1,
        /// <summary>The stored configuration has lines that do not load (the problems name them).</summary>
        ConfigurationInvalid = 2,
        /// <summary>The configuration loads but lacks what transactions need (the problems name the commands).</summary>
        Incomplete = 3,
        /// <summary>The provisioned CA key records do not load into the kernel's key store.</summary>
        CaKeysInvalid = 4,
        /// <summary>The journal could not be opened (storage error).</summary>
        JournalUnavailable = 5,
        /// <summary>A device the application needs is missing from the board's hardware.</summary>
        HardwareMissing = 6
    }
}
