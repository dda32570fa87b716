namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Why a journal operation failed.</summary>
    public enum JournalError
    {
        /// <summary>The stored data is damaged in a way a power cut cannot produce (bad checksum, bad frame, impossible record).</summary>
        Corrupt = 1,
        /// <summary>The storage failed during a write; the journal must be reopened (which repairs the tail).</summary>
        StorageFailed = 2,
        /// <summary>An argument is out of range or missing (trace, batch, amount, masked PAN, message bytes).</summary>
        InvalidArgument = 3,
        /// <summary>No transaction with this trace number.</summary>
        UnknownTransaction = 4,
        /// <summary>The state change is not allowed from the transaction's current state.</summary>
        InvalidTransition = 5,
        /// <summary>A transaction with this trace number is still open (not in a final state).</summary>
        DuplicateTrace = 6,
        /// <summary>A record would exceed the format's maximum size.</summary>
        RecordTooLarge = 7,
        /// <summary>A settlement is pending: the batch is frozen until the host's answer is known.</summary>
        SettlementPending = 8
    }
}
