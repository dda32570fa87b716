namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// One 4-byte entry of an Application File Locator: SFI (byte 1 b8-b4), first record, last record, and the
    /// number of records from the first one that take part in offline data authentication.
    /// </summary>
    public sealed class AflEntry
    {
        private readonly int sfi;
        private readonly int firstRecord;
        private readonly int lastRecord;
        private readonly int odaRecordCount;

        internal AflEntry(int sfi, int firstRecord, int lastRecord, int odaRecordCount)
        {
            this.sfi = sfi;
            this.firstRecord = firstRecord;
            this.lastRecord = lastRecord;
            this.odaRecordCount = odaRecordCount;
        }

        /// <summary>Short File Identifier, 1-30.</summary>
        public int Sfi { get { return sfi; } }

        /// <summary>First record number (1 or more).</summary>
        public int FirstRecord { get { return firstRecord; } }

        /// <summary>Last record number (FirstRecord or more).</summary>
        public int LastRecord { get { return lastRecord; } }

        /// <summary>Number of records, from FirstRecord on, included in offline data authentication.</summary>
        public int OdaRecordCount { get { return odaRecordCount; } }

        /// <summary>Number of records in the entry.</summary>
        public int RecordCount { get { return lastRecord - firstRecord + 1; } }

        /// <summary>True when <paramref name="record"/> is in this entry and takes part in offline data authentication.</summary>
        public bool IsOdaRecord(int record)
        {
            return record >= firstRecord && record < firstRecord + odaRecordCount;
        }

        /// <summary>"SFI 1: records 1-1, 0 for offline data authentication".</summary>
        public override string ToString()
        {
            return "SFI " + sfi.ToString() + ": records " + firstRecord.ToString() + "-" + lastRecord.ToString()
                + ", " + odaRecordCount.ToString() + " for offline data authentication";
        }
    }
}
