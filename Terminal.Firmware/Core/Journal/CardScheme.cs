namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Card scheme of a journal transaction (the totals are grouped by it). Stored as one byte.</summary>
    public enum CardScheme
    {
        /// <summary>Any other scheme.</summary>
        Other = 0,
        /// <summary>Visa.</summary>
        Visa = 1,
        /// <summary>Mastercard.</summary>
        Mastercard = 2,
        /// <summary>American Express.</summary>
        Amex = 3,
        /// <summary>China UnionPay (the "domestic" half of UnionPay settlement totals).</summary>
        UnionPay = 4
    }
}
