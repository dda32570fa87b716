using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// Entry Point pre-processing, EMV Contactless Book B 3.1 (Start A): for every combination that serves the
    /// transaction type, the indicators and the Copy of TTQ from the amount and the combination's limits. Note
    /// the comparisons: at or over the transaction limit and the CVM required limit, over the floor limits.
    /// </summary>
    public static class PreProcessing
    {
        /// <summary>
        /// Runs pre-processing for <paramref name="amount"/> (Amount, Authorised, minor units) of Transaction Type
        /// <paramref name="transactionType"/>. <paramref name="oneUnitOfCurrency"/> is the amount of one major unit
        /// in minor units (100 for a currency of exponent 2; Book B 3.1.1.3). Returns one entry per serving
        /// combination, in configuration order.
        /// </summary>
        public static PreProcessingIndicators[] Run(ContactlessCombination[] combinations, long amount, int transactionType, long oneUnitOfCurrency)
        {
            if (combinations == null) throw new System.ArgumentNullException("combinations");
            if (amount < 0) throw new System.ArgumentOutOfRangeException("amount", "an amount is not negative");
            int serving = 0;
            for (int i = 0; i < combinations.Length; i++)
            {
                if (combinations[i] == null) throw new System.ArgumentException("null combination", "combinations");
                if (combinations[i].Serves(transactionType)) serving++;
            }
            PreProcessingIndicators[] result = new PreProcessingIndicators[serving];
            int n = 0;
            for (int i = 0; i < combinations.Length; i++)
            {
                if (!combinations[i].Serves(transactionType)) continue;
                result[n++] = Evaluate(combinations[i], amount, oneUnitOfCurrency);
            }
            return result;
        }

        /// <summary>Book B 3.1.1.13: true when no combination is allowed (the outcome is Try Another Interface).</summary>
        public static bool NoneAllowed(PreProcessingIndicators[] indicators)
        {
            if (indicators == null) return true;
            for (int i = 0; i < indicators.Length; i++)
            {
                if (!indicators[i].ContactlessApplicationNotAllowed) return false;
            }
            return true;
        }

        /// <summary>Book B 3.1.1.1 to 3.1.1.12 for one combination.</summary>
        public static PreProcessingIndicators Evaluate(ContactlessCombination c, long amount, long oneUnitOfCurrency)
        {
            // 3.1.1.1-2: indicators reset, Copy of TTQ with B2b8 and B2b7 cleared.
            PreProcessingIndicators p = new PreProcessingIndicators(c);
            // 3.1.1.3: status check for an amount of exactly one unit of currency.
            if (c.StatusCheckSupported && amount == oneUnitOfCurrency) p.StatusCheckRequested = true;
            // 3.1.1.4: zero amount.
            if (amount == 0)
            {
                if (!c.ZeroAmountAllowed) p.ContactlessApplicationNotAllowed = true;
                else p.ZeroAmount = true;
            }
            // 3.1.1.5: at or over the Reader Contactless Transaction Limit.
            if (c.TransactionLimit != ContactlessCombination.Absent && amount >= c.TransactionLimit) p.ContactlessApplicationNotAllowed = true;
            // 3.1.1.6: over the Reader Contactless Floor Limit.
            if (c.FloorLimit != ContactlessCombination.Absent && amount > c.FloorLimit) p.ReaderFloorLimitExceeded = true;
            // 3.1.1.7: no reader floor limit, over the Terminal Floor Limit.
            if (c.FloorLimit == ContactlessCombination.Absent && c.TerminalFloorLimit != ContactlessCombination.Absent && amount > c.TerminalFloorLimit)
            {
                p.TerminalFloorLimitExceeded = true;
            }
            // 3.1.1.8: at or over the Reader CVM Required Limit.
            if (c.CvmRequiredLimit != ContactlessCombination.Absent && amount >= c.CvmRequiredLimit) p.CvmRequiredLimitExceeded = true;
            // 3.1.1.9: a floor limit exceeded: online cryptogram required.
            if (p.ReaderFloorLimitExceeded || p.TerminalFloorLimitExceeded) p.Ttq.Set(TerminalTransactionQualifiers.OnlineCryptogramRequired);
            // 3.1.1.10: status check: online cryptogram required.
            if (p.StatusCheckRequested) p.Ttq.Set(TerminalTransactionQualifiers.OnlineCryptogramRequired);
            // 3.1.1.11: zero amount: online-capable reader asks for a cryptogram, an offline-only reader cannot serve it.
            if (p.ZeroAmount)
            {
                if (p.Ttq.IsSet(TerminalTransactionQualifiers.OfflineOnlyReader)) p.ContactlessApplicationNotAllowed = true;
                else p.Ttq.Set(TerminalTransactionQualifiers.OnlineCryptogramRequired);
            }
            // 3.1.1.12: CVM required.
            if (p.CvmRequiredLimitExceeded) p.Ttq.Set(TerminalTransactionQualifiers.CvmRequired);
            return p;
        }
    }
}
