namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// Reads one slot: header, snapshot (counters, transactions, end marker), then the appended records, replaying
    /// them into a <see cref="JournalState"/>. Classifies the slot and finds where its valid records end.
    /// </summary>
    internal sealed class SlotScan
    {
        /// <summary>No bytes.</summary>
        internal const int Empty = 0;
        /// <summary>Header and complete snapshot: a usable slot.</summary>
        internal const int Valid = 1;
        /// <summary>Ends inside the header or snapshot (an interrupted compaction or first format).</summary>
        internal const int Incomplete = 2;
        /// <summary>The header or snapshot holds a record a power cut cannot produce.</summary>
        internal const int Corrupt = 3;

        internal int Status;
        /// <summary>Generation from the header; -1 when the header is not readable.</summary>
        internal int Generation = -1;
        internal JournalState State;
        /// <summary>End of the last good record.</summary>
        internal int ValidLength;
        /// <summary>Length of the slot.</summary>
        internal int Length;
        /// <summary>True when the bytes after ValidLength are a torn frame (the normal power-cut case).</summary>
        internal bool TornTail;
        /// <summary>Offset of the first bad record (Corrupt slot, or damaged record after the snapshot); -1 when none.</summary>
        internal int CorruptOffset = -1;
        /// <summary>Length of the header and snapshot.</summary>
        internal int SnapshotLength;
        private bool _countersSeen;

        internal static SlotScan Read(IJournalStorage storage)
        {
            SlotScan s = new SlotScan();
            int length = storage.Length;
            if (length < 0) throw new JournalException(JournalError.StorageFailed, -1, "negative slot length");
            byte[] data = new byte[length];
            int got = 0;
            while (got < length)
            {
                int n = storage.Read(got, data, got, length - got);
                if (n <= 0) throw new JournalException(JournalError.StorageFailed, got, "slot read short");
                got += n;
            }
            s.Length = length;
            s.State = new JournalState();
            if (length == 0)
            {
                s.Status = Empty;
                return s;
            }
            s.Scan(data, length);
            return s;
        }

        private void Scan(byte[] data, int length)
        {
            int p = 0;
            int count = 0;
            bool snapshot = true;
            while (true)
            {
                byte type;
                int payload, payloadLength;
                int result = RecordFrame.Read(data, p, length, out type, out payload, out payloadLength);
                if (result != RecordFrame.Ok)
                {
                    if (result == RecordFrame.Bad) CorruptOffset = p;
                    else TornTail = result == RecordFrame.Torn;
                    if (snapshot) Status = result == RecordFrame.Bad ? Corrupt : Incomplete;
                    ValidLength = p;
                    return;
                }
                RecordReader r = new RecordReader(data, payload, payloadLength, p);
                try
                {
                    if (snapshot) snapshot = !ApplySnapshot(type, r, p, ref count);
                    else ApplyAppended(type, r);
                    if (!snapshot && Status != Valid)
                    {
                        Status = Valid;
                        SnapshotLength = payload + payloadLength + RecordFrame.TrailerSize;
                    }
                }
                catch (JournalException)
                {
                    // A checksummed record that does not fit the state: damage, not a power cut.
                    CorruptOffset = p;
                    if (snapshot) Status = Corrupt;
                    ValidLength = p;
                    return;
                }
                p = payload + payloadLength + RecordFrame.TrailerSize;
            }
        }

        /// <summary>Applies one snapshot record; returns true at the end marker.</summary>
        private bool ApplySnapshot(byte type, RecordReader r, int offset, ref int count)
        {
            if (offset == 0)
            {
                if (type != RecordType.Header) throw r.Corrupt("slot does not start with a header");
                Generation = JournalRecords.ReadHeader(r);
                return false;
            }
            if (!_countersSeen)
            {
                if (type != RecordType.Counters) throw r.Corrupt("snapshot does not start with the counters");
                _countersSeen = true;
                int trace = r.Int();
                int batch = r.Int();
                r.End();
                if (trace < 0 || trace > TransactionJournal.MaxTrace) throw r.Corrupt("bad trace counter");
                State.LastTrace = trace;
                State.Batch = batch;
                JournalChecks.Batch(batch);
                return false;
            }
            if (type == RecordType.Transaction)
            {
                State.ApplyTransaction(JournalRecords.ReadTransaction(r));
                count++;
                return false;
            }
            if (type == RecordType.SettlementPending)
            {
                State.ApplySettlement(JournalRecords.ReadSettlement(r));
                return false;
            }
            if (type == RecordType.SnapshotEnd)
            {
                if (JournalRecords.ReadNumber(r) != count) throw r.Corrupt("snapshot count");
                return true;
            }
            throw r.Corrupt("record not allowed in a snapshot");
        }

        private void ApplyAppended(byte type, RecordReader r)
        {
            switch (type)
            {
                case RecordType.TraceReserved:
                    State.ApplyTraceReserved(JournalRecords.ReadNumber(r));
                    break;
                case RecordType.BatchSet:
                    State.ApplyBatch(JournalRecords.ReadNumber(r));
                    break;
                case RecordType.Transaction:
                    JournalTransaction t = JournalRecords.ReadTransaction(r);
                    if (t.State != TransactionState.InFlight && t.State != TransactionState.AdvicePending) throw r.Corrupt("recorded state");
                    if (t.Batch != State.Batch) throw r.Corrupt("recorded batch");
                    if (State.Settlement != null) throw r.Corrupt("transaction recorded while a settlement is pending");
                    State.ApplyTransaction(t);
                    break;
                case RecordType.StateChange:
                    State.ApplyStateChange(JournalRecords.ReadStateChange(r));
                    break;
                case RecordType.SettlementPending:
                    State.ApplySettlement(JournalRecords.ReadSettlement(r));
                    break;
                case RecordType.SettlementCleared:
                    State.ApplySettlementCleared(JournalRecords.ReadNumber(r));
                    break;
                default:
                    throw r.Corrupt("record not allowed after the snapshot");
            }
        }
    }
}
