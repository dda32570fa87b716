namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// How the card was read: positions 1-2 of DE 22 (POS entry mode, ISO 8583:1987 and the UnionPay POS
    /// specification use the same codes). The value of each member is that code.
    /// </summary>
    public enum CardEntry
    {
        /// <summary>05: integrated circuit card, contact.</summary>
        Chip = 5,
        /// <summary>07: contactless chip.</summary>
        Contactless = 7,
        /// <summary>80: magnetic stripe read after a chip failure (fallback).</summary>
        Fallback = 80,
        /// <summary>90: magnetic stripe, full track read.</summary>
        Magstripe = 90
    }
}
