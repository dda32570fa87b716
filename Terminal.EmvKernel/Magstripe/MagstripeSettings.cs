using Terminal.EmvKernel.Configuration;

namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>The terminal settings the swipe rules read (from <see cref="TerminalParameters"/>, docs/kernel-config.md).</summary>
    public sealed class MagstripeSettings
    {
        /// <summary>Terminal Capabilities '9F33' byte 1 b6: IC with contacts (Book 4, Annex A2).</summary>
        private const int IcWithContacts = 0x20;

        /// <summary>Defaults: chip capable, no fallback, one failed chip attempt needed.</summary>
        public MagstripeSettings()
        {
            ChipCapable = true;
            FallbackChipAttempts = 1;
        }

        /// <summary>Whether the terminal reads contact chips; a terminal without one takes every card as magstripe.</summary>
        public bool ChipCapable { get; set; }

        /// <summary>Technical fallback to magstripe is allowed (<c>magstripe-fallback</c>).</summary>
        public bool FallbackAllowed { get; set; }

        /// <summary>"No mutually supported application" counts as a chip failure (<c>fallback-no-mutual-application</c>).</summary>
        public bool FallbackOnNoMutualApplication { get; set; }

        /// <summary>Failed chip attempts needed before a fallback swipe (<c>fallback-chip-attempts</c>, 1-9).</summary>
        public int FallbackChipAttempts { get; set; }

        /// <summary>The settings of a terminal: chip capability from '9F33' byte 1 b6, the fallback keys of <c>[terminal]</c>.</summary>
        public static MagstripeSettings From(TerminalParameters terminal)
        {
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            MagstripeSettings s = new MagstripeSettings();
            byte[] caps = terminal.Capabilities;
            s.ChipCapable = caps != null && caps.Length > 0 && (caps[0] & IcWithContacts) != 0;
            s.FallbackAllowed = terminal.MagstripeFallback;
            s.FallbackOnNoMutualApplication = terminal.FallbackOnNoMutualApplication;
            s.FallbackChipAttempts = terminal.FallbackChipAttempts < 1 ? 1 : terminal.FallbackChipAttempts;
            return s;
        }
    }
}
