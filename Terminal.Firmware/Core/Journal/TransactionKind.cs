namespace Terminal.Firmware.Core.Journal
{
    /// <summary>What a journal transaction is; decides how it counts in the batch totals. Stored as one byte.</summary>
    public enum TransactionKind
    {
        /// <summary>Sale / purchase: a debit.</summary>
        Sale = 1,
        /// <summary>Refund: a credit.</summary>
        Refund = 2,
        /// <summary>Void of an earlier debit of the same batch (<see cref="JournalTransaction.OriginalTrace"/>).</summary>
        Void = 3,
        /// <summary>Pre-authorization: not counted in the totals.</summary>
        PreAuthorization = 4,
        /// <summary>Pre-authorization completion: a debit.</summary>
        Completion = 5
    }
}
