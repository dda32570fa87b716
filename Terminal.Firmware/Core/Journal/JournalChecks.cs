namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Argument checks shared by the journal types; failures are <see cref="JournalException"/>.</summary>
    internal static class JournalChecks
    {
        /// <summary>buffer is non-null and [index, index+count) lies inside it.</summary>
        internal static void Range(byte[] buffer, int index, int count)
        {
            if (buffer == null || index < 0 || count < 0 || index > buffer.Length - count)
                throw new JournalException(JournalError.InvalidArgument, -1, "buffer range");
        }

        /// <summary>A trace number (DE 11) is 1..999999.</summary>
        internal static void Trace(int trace)
        {
            if (trace < 1 || trace > TransactionJournal.MaxTrace)
                throw new JournalException(JournalError.InvalidArgument, -1, "trace number outside 1..999999");
        }

        /// <summary>A batch number is 1..999999.</summary>
        internal static void Batch(int batch)
        {
            if (batch < 1 || batch > TransactionJournal.MaxBatch)
                throw new JournalException(JournalError.InvalidArgument, -1, "batch number outside 1..999999");
        }
    }
}
