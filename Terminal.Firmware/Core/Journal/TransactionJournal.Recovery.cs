using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Opening the journal: slot choice, replay, torn-tail repair, first format (docs/journal.md, "Recovery rule").</summary>
    public sealed partial class TransactionJournal
    {
        /// <summary>Opens (and if needed formats or repairs) the journal in two slots, with default options.</summary>
        public static TransactionJournal Open(IJournalStorage slotA, IJournalStorage slotB)
        {
            return Open(slotA, slotB, new JournalOptions());
        }

        /// <summary>
        /// Opens the journal: reads both slots, takes the complete one of the highest generation, replays it, drops a
        /// torn last record, and turns in-flight transactions into pending reversals. Damaged data throws
        /// <see cref="JournalError.Corrupt"/> unless <see cref="JournalOptions.DiscardCorruptRecords"/> is set.
        /// </summary>
        public static TransactionJournal Open(IJournalStorage slotA, IJournalStorage slotB, JournalOptions options)
        {
            if (slotA == null || slotB == null || slotA == slotB || options == null)
                throw new JournalException(JournalError.InvalidArgument, -1, "two distinct slots and options are needed");
            if (options.CompactionThreshold < 1) throw new JournalException(JournalError.InvalidArgument, -1, "compaction threshold");
            TransactionJournal j = new TransactionJournal(slotA, slotB, options);
            j.Recover();
            return j;
        }

        private void Recover()
        {
            JournalRecovery recovery = new JournalRecovery();
            recovery.CorruptOffset = -1;
            SlotScan a = SlotScan.Read(_slots[0]);
            SlotScan b = SlotScan.Read(_slots[1]);
            bool salvage = _options.DiscardCorruptRecords;
            if (!salvage)
            {
                if (a.CorruptOffset >= 0) throw new JournalException(JournalError.Corrupt, a.CorruptOffset, "slot A");
                if (b.CorruptOffset >= 0) throw new JournalException(JournalError.Corrupt, b.CorruptOffset, "slot B");
            }
            int chosen = -1;
            if (a.Status == SlotScan.Valid) chosen = 0;
            if (b.Status == SlotScan.Valid && (chosen < 0 || b.Generation > a.Generation)) chosen = 1;
            if (chosen < 0)
            {
                // Only an interrupted first format (generation 1) may be overwritten; a later generation means a
                // compaction was cut while no complete slot exists, which a power cut cannot cause.
                if (a.Generation > 1 || b.Generation > 1 || a.Status == SlotScan.Corrupt || b.Status == SlotScan.Corrupt)
                    throw new JournalException(JournalError.Corrupt, -1, "no complete slot");
                Format();
                recovery.Formatted = true;
                recovery.Generation = 1;
                Recovery = recovery;
                return;
            }
            if (a.Status == SlotScan.Valid && b.Status == SlotScan.Valid && a.Generation == b.Generation)
                throw new JournalException(JournalError.Corrupt, -1, "two slots of one generation");
            SlotScan scan = chosen == 0 ? a : b;
            SlotScan other = chosen == 0 ? b : a;
            // Salvage: a damaged unused slot is cleared so that the next strict open does not stop on it.
            if (other.CorruptOffset >= 0) StorageCall(1 - chosen, 0);
            _active = chosen;
            _generation = scan.Generation;
            _snapshotLength = scan.SnapshotLength;
            _state = scan.State;
            if (scan.ValidLength < scan.Length)
            {
                if (scan.CorruptOffset >= 0)
                {
                    recovery.CorruptOffset = scan.CorruptOffset;
                    recovery.CorruptBytesDropped = scan.Length - scan.ValidLength;
                }
                else recovery.TornBytesDropped = scan.Length - scan.ValidLength;
                StorageCall(chosen, scan.ValidLength);
            }
            for (int i = 0; i < _state.Transactions.Count; i++)
                if (((JournalTransaction)_state.Transactions[i]).State == TransactionState.InFlight) recovery.InFlightRecovered++;
            _state.RecoverInFlight();
            recovery.ActiveSlot = _active;
            recovery.Generation = _generation;
            Recovery = recovery;
        }

        /// <summary>Writes a new journal (generation 1, no traces, batch 1) into slot A as one write.</summary>
        private void Format()
        {
            _state = new JournalState();
            _active = 0;
            _generation = 1;
            StorageCall(1, 0);
            StorageCall(0, 0);
            byte[] image = Bytes.Concat(JournalRecords.Header(1), JournalRecords.Counters(0, 1), JournalRecords.Number(RecordType.SnapshotEnd, 0));
            Write(image);
            _snapshotLength = image.Length;
        }

        private void StorageCall(int slot, int truncateTo)
        {
            try
            {
                if (_slots[slot].Length != truncateTo) _slots[slot].Truncate(truncateTo);
            }
            catch (JournalException)
            {
                _failed = true;
                throw;
            }
            catch (System.Exception)
            {
                _failed = true;
                throw new JournalException(JournalError.StorageFailed, -1, "truncate failed");
            }
        }
    }
}
