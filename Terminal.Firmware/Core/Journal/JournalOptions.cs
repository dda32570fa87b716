namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Settings of <see cref="TransactionJournal.Open(IJournalStorage, IJournalStorage, JournalOptions)"/>.</summary>
    public sealed class JournalOptions
    {
        /// <summary>Defaults: compaction above 32 KiB, damaged data refused.</summary>
        public JournalOptions()
        {
            CompactionThreshold = 32 * 1024;
        }

        /// <summary>
        /// The active slot is compacted after a write when it is longer than this many bytes and more than twice
        /// as long as its last snapshot.
        /// </summary>
        public int CompactionThreshold { get; set; }

        /// <summary>
        /// False (default): data a power cut cannot produce (bad checksum in the middle, impossible record) makes
        /// Open throw <see cref="JournalError.Corrupt"/>, so that nothing is dropped silently. True: recovery keeps the
        /// records before the first bad one, drops the rest and reports it in <see cref="JournalRecovery"/> (a
        /// service action, after the damage has been reported).
        /// </summary>
        public bool DiscardCorruptRecords { get; set; }
    }
}
