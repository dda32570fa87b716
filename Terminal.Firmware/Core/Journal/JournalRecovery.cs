namespace Terminal.Firmware.Core.Journal
{
    /// <summary>What <see cref="TransactionJournal.Open(IJournalStorage, IJournalStorage)"/> found and repaired.</summary>
    public sealed class JournalRecovery
    {
        /// <summary>0 for slot A, 1 for slot B: the slot now in use.</summary>
        public int ActiveSlot { get; internal set; }
        /// <summary>Generation of the active slot (1 after the first format, +1 per compaction).</summary>
        public int Generation { get; internal set; }
        /// <summary>True when both slots were empty or held only an interrupted first format: a new journal was written.</summary>
        public bool Formatted { get; internal set; }
        /// <summary>Bytes of a torn last record (a write cut by a power loss) that were dropped.</summary>
        public int TornBytesDropped { get; internal set; }
        /// <summary>Offset of the first damaged record in the active slot, or -1 (only with DiscardCorruptRecords).</summary>
        public int CorruptOffset { get; internal set; }
        /// <summary>Bytes dropped from the first damaged record on (only with DiscardCorruptRecords).</summary>
        public int CorruptBytesDropped { get; internal set; }
        /// <summary>Transactions found in flight (outcome unknown), now pending reversal.</summary>
        public int InFlightRecovered { get; internal set; }
    }
}
