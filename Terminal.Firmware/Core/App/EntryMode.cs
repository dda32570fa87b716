namespace Terminal.Firmware.Core.App
{
    /// <summary>How the card was read: ISO 8583 DE 22 positions 1-2 (POS entry mode) [K: scheme manuals].</summary>
    public enum EntryMode
    {
        /// <summary>Chip, contact ("05").</summary>
        Contact = 5,
        /// <summary>Chip, contactless ("07").</summary>
        Contactless = 7,
        /// <summary>Magnetic stripe, full track ("90").</summary>
        Magstripe = 90,
        /// <summary>Magnetic stripe after a chip failure ("80", fallback).</summary>
        Fallback = 80
    }

    /// <summary>Text of <see cref="EntryMode"/>.</summary>
    public static class EntryModeNames
    {
        /// <summary>The two DE 22 digits ("05", "07", "90", "80").</summary>
        public static string Code(EntryMode mode)
        {
            int v = (int)mode;
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }

        /// <summary>A receipt word: CHIP, CONTACTLESS, SWIPE, FALLBACK.</summary>
        public static string Of(EntryMode mode)
        {
            switch (mode)
            {
                case EntryMode.Contact: return "CHIP";
                case EntryMode.Contactless: return "CONTACTLESS";
                case EntryMode.Fallback: return "FALLBACK";
                default: return "SWIPE";
            }
        }
    }
}
