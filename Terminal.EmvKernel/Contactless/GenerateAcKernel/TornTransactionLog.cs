using System.Collections;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The torn transaction log of Book C-2: at most <see cref="Capacity"/> records ('DF811D' Max Number of Torn
    /// Transaction Log Records; 0 disables the log), each kept for <see cref="LifetimeSeconds"/> ('DF811C' Max Lifetime of
    /// Torn Transaction Log Record, default 300 s). Adding to a full log evicts the oldest record; records past their
    /// lifetime are dropped when the log is next used. Evicted and expired records are handed to the caller, who must
    /// treat them as transactions of unknown result (log them, reverse or clear them with the acquirer).
    /// Held in memory: a power loss loses the log (the card's cryptogram is then never cleared; the acquirer's
    /// usual rules for unmatched authorisations apply).
    /// </summary>
    public sealed class TornTransactionLog
    {
        /// <summary>'DF811C' default: 300 s.</summary>
        public const int DefaultLifetimeSeconds = 300;

        private readonly ArrayList _records = new ArrayList();

        /// <summary>A log of <paramref name="capacity"/> records (0 to 255) kept for <paramref name="lifetimeSeconds"/> (1 to 65535).</summary>
        public TornTransactionLog(int capacity, int lifetimeSeconds)
        {
            if (capacity < 0 || capacity > 255) throw new System.ArgumentOutOfRangeException("capacity", "0 to 255 records ('DF811D' is one byte)");
            if (lifetimeSeconds < 1 || lifetimeSeconds > 0xFFFF) throw new System.ArgumentOutOfRangeException("lifetimeSeconds", "1 to 65535 s ('DF811C' is two bytes)");
            Capacity = capacity;
            LifetimeSeconds = lifetimeSeconds;
        }

        /// <summary>The maximum number of records.</summary>
        public int Capacity { get; private set; }

        /// <summary>The lifetime of a record in seconds.</summary>
        public int LifetimeSeconds { get; private set; }

        /// <summary>The number of records held.</summary>
        public int Count { get { return _records.Count; } }

        /// <summary>The record at <paramref name="index"/> (oldest first).</summary>
        public TornTransactionRecord RecordAt(int index) { return (TornTransactionRecord)_records[index]; }

        /// <summary>
        /// Adds <paramref name="record"/>; returns the record evicted to make room (the oldest), or null. With a
        /// capacity of 0 nothing is kept and the record itself is returned.
        /// </summary>
        public TornTransactionRecord Add(TornTransactionRecord record)
        {
            if (record == null) throw new System.ArgumentNullException("record");
            if (Capacity == 0) return record;
            TornTransactionRecord evicted = null;
            if (_records.Count >= Capacity)
            {
                evicted = (TornTransactionRecord)_records[0];
                _records.RemoveAt(0);
            }
            _records.Add(record);
            return evicted;
        }

        /// <summary>The newest live record for the card (PAN and PSN), or null.</summary>
        public TornTransactionRecord Find(byte[] pan, byte[] psn, long nowMicroseconds)
        {
            for (int i = _records.Count - 1; i >= 0; i--)
            {
                TornTransactionRecord r = (TornTransactionRecord)_records[i];
                if (!IsExpired(r, nowMicroseconds) && r.IsFor(pan, psn)) return r;
            }
            return null;
        }

        /// <summary>Removes <paramref name="record"/> (recovered, or refused by the card); false when it was not held.</summary>
        public bool Remove(TornTransactionRecord record)
        {
            int i = _records.IndexOf(record);
            if (i < 0) return false;
            _records.RemoveAt(i);
            return true;
        }

        /// <summary>Removes and returns the records older than the lifetime (possibly none).</summary>
        public TornTransactionRecord[] RemoveExpired(long nowMicroseconds)
        {
            int n = 0;
            for (int i = 0; i < _records.Count; i++) if (IsExpired((TornTransactionRecord)_records[i], nowMicroseconds)) n++;
            TornTransactionRecord[] expired = new TornTransactionRecord[n];
            n = 0;
            for (int i = _records.Count - 1; i >= 0; i--)
            {
                TornTransactionRecord r = (TornTransactionRecord)_records[i];
                if (!IsExpired(r, nowMicroseconds)) continue;
                expired[expired.Length - 1 - n++] = r;
                _records.RemoveAt(i);
            }
            return expired;
        }

        // 'DF811C': a record older than the lifetime is no longer recovered.
        private bool IsExpired(TornTransactionRecord r, long now)
        {
            return now - r.CreatedMicroseconds > (long)LifetimeSeconds * 1000000;
        }
    }
}
