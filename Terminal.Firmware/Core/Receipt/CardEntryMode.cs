namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>How the card was read, as printed on the receipt (ISO 8583 DE 22 carries the same fact to the host).</summary>
    public enum CardEntryMode
    {
        /// <summary>Chip read through the contact interface.</summary>
        Chip = 1,
        /// <summary>Contactless (tap).</summary>
        Contactless = 2,
        /// <summary>Magnetic stripe of a card without a chip (or a chip card where swipe is allowed).</summary>
        Swipe = 3,
        /// <summary>Magnetic stripe after a chip failure (fallback).</summary>
        Fallback = 4
    }
}
