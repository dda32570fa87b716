namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Totals of one card scheme in one currency: counts and sums (minor units) of debits, credits and voids.</summary>
    public sealed class BatchTotalsEntry
    {
        internal BatchTotalsEntry(CardScheme scheme, string currency)
        {
            Scheme = scheme;
            Currency = currency;
        }

        /// <summary>Card scheme.</summary>
        public CardScheme Scheme { get; private set; }
        /// <summary>Currency (DE 49, 3 digits).</summary>
        public string Currency { get; private set; }
        /// <summary>Number of debits: sales and pre-authorization completions.</summary>
        public int DebitCount { get; internal set; }
        /// <summary>Sum of the debits.</summary>
        public long DebitAmount { get; internal set; }
        /// <summary>Number of credits: refunds.</summary>
        public int CreditCount { get; internal set; }
        /// <summary>Sum of the credits.</summary>
        public long CreditAmount { get; internal set; }
        /// <summary>Number of approved voids (each cancels a debit of the batch).</summary>
        public int VoidCount { get; internal set; }
        /// <summary>Sum of the voids.</summary>
        public long VoidAmount { get; internal set; }

        /// <summary>Net amount owed to the merchant: debits - voids - credits.</summary>
        public long NetAmount
        {
            get { return DebitAmount - VoidAmount - CreditAmount; }
        }
    }
}
