using System;
using System.Collections.Generic;

namespace Terminal.HostSimulation
{
    /// <summary>How a ledger entry counts in settlement.</summary>
    public enum LedgerKind
    {
        /// <summary>Not counted (balance inquiry, declined request kept only to answer repeats).</summary>
        None = 0,
        /// <summary>Approved authorization (pre-authorization): counted in the ledger, not in settlement totals.</summary>
        Authorization = 1,
        /// <summary>Debit to the card (sale, completion, offline purchase advice).</summary>
        Debit = 2,
        /// <summary>Credit to the card (refund; UnionPay void [K]).</summary>
        Credit = 3,
    }

    /// <summary>One processed request, identified by terminal ID (DE 41), trace number (DE 11) and date key.</summary>
    public sealed class LedgerEntry
    {
        internal LedgerEntry() { SettledBatch = -1; }

        /// <summary>DE 41.</summary>
        public string TerminalId { get; internal set; }
        /// <summary>DE 11.</summary>
        public int Stan { get; internal set; }
        /// <summary>Date key: DE 13 (MMDD) in the generic dialect, "B" + batch number in UnionPay (requests carry no date).</summary>
        public string DateKey { get; internal set; }
        /// <summary>Batch number the request carried (UnionPay 60.2), or -1 (generic: the terminal's open batch).</summary>
        public int Batch { get; internal set; }
        /// <summary>Batch the entry was settled in, -1 while open.</summary>
        public int SettledBatch { get; internal set; }
        /// <summary>Request MTI.</summary>
        public string Mti { get; internal set; }
        /// <summary>Settlement class.</summary>
        public LedgerKind Kind { get; internal set; }
        /// <summary>Amount, minor units (0 when none).</summary>
        public long Amount { get; internal set; }
        /// <summary>PAN, masked (first 6, last 4).</summary>
        public string MaskedPan { get; internal set; }
        /// <summary>DE 39 answered (or of the advice).</summary>
        public string ResponseCode { get; internal set; }
        /// <summary>True when approved (00, or an advice of an offline approval).</summary>
        public bool Approved { get; internal set; }
        /// <summary>True for an advice (offline approval, store-and-forward).</summary>
        public bool Advice { get; internal set; }
        /// <summary>True once reversed.</summary>
        public bool Reversed { get; internal set; }
        /// <summary>True when the entry counts: approved, not reversed, and a debit, credit or authorization.</summary>
        public bool Counted { get { return Approved && !Reversed && Kind != LedgerKind.None; } }

        internal string Key;
        internal string Fingerprint;
        internal byte[] Response;
        internal string Pan;

        internal LedgerEntry Copy()
        {
            return (LedgerEntry)MemberwiseClone();
        }
    }

    /// <summary>Settlement totals of one terminal and batch (approved, not reversed).</summary>
    public sealed class BatchTotals
    {
        /// <summary>Number of debits.</summary>
        public long DebitCount { get; internal set; }
        /// <summary>Sum of debits, minor units.</summary>
        public long DebitAmount { get; internal set; }
        /// <summary>Number of credits.</summary>
        public long CreditCount { get; internal set; }
        /// <summary>Sum of credits, minor units.</summary>
        public long CreditAmount { get; internal set; }

        /// <summary>True when all four figures agree.</summary>
        public bool SameAs(BatchTotals other)
        {
            return other != null && DebitCount == other.DebitCount && DebitAmount == other.DebitAmount
                && CreditCount == other.CreditCount && CreditAmount == other.CreditAmount;
        }

        /// <inheritdoc/>
        public override string ToString()
        {
            return "debits " + DebitCount + "/" + DebitAmount + " credits " + CreditCount + "/" + CreditAmount;
        }
    }

    /// <summary>The outcome of one reconciliation request (0500).</summary>
    public sealed class SettlementRecord
    {
        /// <summary>DE 41.</summary>
        public string TerminalId { get; internal set; }
        /// <summary>Batch number of the request.</summary>
        public int Batch { get; internal set; }
        /// <summary>Totals the terminal sent.</summary>
        public BatchTotals Terminal { get; internal set; }
        /// <summary>Totals of the host ledger.</summary>
        public BatchTotals Host { get; internal set; }
        /// <summary>True when they agree.</summary>
        public bool Balanced { get; internal set; }
        /// <summary>True when the batch was closed after a batch upload (totals differed first).</summary>
        public bool ClosedAfterUpload { get; internal set; }
        /// <summary>Number of 0320 uploads received for the batch before this record.</summary>
        public int Uploaded { get; internal set; }
    }

    /// <summary>
    /// The host's ledger: every processed financial request, authorization and advice once by (terminal ID, trace,
    /// date); repeats are answered from it, reversals mark entries reversed, settlements close batches. It lives in
    /// memory and survives <see cref="HostFault.Restart"/> as if persisted. Thread-safe.
    /// </summary>
    public sealed class Ledger
    {
        private readonly object _sync = new object();
        private readonly Dictionary<string, LedgerEntry> _entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();
        private readonly HashSet<string> _reversedUnknown = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<SettlementRecord> _settlements = new List<SettlementRecord>();
        private readonly Dictionary<string, int> _uploads = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly HashSet<string> _pendingUpload = new HashSet<string>(StringComparer.Ordinal);
        private long _version;

        /// <summary>Incremented by every change (entries, reversals, balances, settlements); tests compare it.</summary>
        public long Version { get { lock (_sync) return _version; } }

        /// <summary>A snapshot of every entry, in arrival order.</summary>
        public IReadOnlyList<LedgerEntry> Entries()
        {
            lock (_sync)
            {
                List<LedgerEntry> list = new List<LedgerEntry>(_order.Count);
                foreach (string k in _order) list.Add(_entries[k].Copy());
                return list;
            }
        }

        /// <summary>Entries that count (approved, not reversed, not balance inquiries).</summary>
        public IReadOnlyList<LedgerEntry> Counted()
        {
            List<LedgerEntry> list = new List<LedgerEntry>();
            foreach (LedgerEntry e in Entries()) if (e.Counted) list.Add(e);
            return list;
        }

        /// <summary>The entry of a terminal, trace and date key, or null.</summary>
        public LedgerEntry Find(string terminalId, int stan, string dateKey)
        {
            lock (_sync)
            {
                LedgerEntry e;
                return _entries.TryGetValue(KeyOf(terminalId, stan, dateKey), out e) ? e.Copy() : null;
            }
        }

        /// <summary>The settlement records, in order.</summary>
        public IReadOnlyList<SettlementRecord> Settlements()
        {
            lock (_sync) return _settlements.ToArray();
        }

        /// <summary>Totals of a terminal's batch: entries of that batch number, and open entries without a batch number.</summary>
        public BatchTotals Totals(string terminalId, int batch)
        {
            BatchTotals t = new BatchTotals();
            lock (_sync)
            {
                foreach (LedgerEntry e in _entries.Values)
                {
                    if (!InBatch(e, terminalId, batch) || !e.Counted) continue;
                    if (e.Kind == LedgerKind.Debit) { t.DebitCount++; t.DebitAmount += e.Amount; }
                    else if (e.Kind == LedgerKind.Credit) { t.CreditCount++; t.CreditAmount += e.Amount; }
                }
            }
            return t;
        }

        internal static string KeyOf(string terminalId, int stan, string dateKey)
        {
            return string.Concat(terminalId, "|", stan.ToString("D6"), "|", dateKey);
        }

        internal object Sync { get { return _sync; } }

        internal LedgerEntry FindInternal(string key)
        {
            LedgerEntry e;
            return _entries.TryGetValue(key, out e) ? e : null;
        }

        internal bool WasReversedBeforeArrival(string key)
        {
            return _reversedUnknown.Contains(key);
        }

        internal void AddInternal(LedgerEntry e)
        {
            _entries.Add(e.Key, e);
            _order.Add(e.Key);
            _version++;
        }

        internal void MarkReversedInternal(LedgerEntry e)
        {
            e.Reversed = true;
            _version++;
        }

        internal void RememberUnknownReversal(string key)
        {
            if (_reversedUnknown.Add(key)) _version++;
        }

        internal void RecordUpload(string terminalId, int batch)
        {
            string k = terminalId + "|" + batch;
            int n;
            _uploads.TryGetValue(k, out n);
            _uploads[k] = n + 1;
            _version++;
        }

        internal int UploadsOf(string terminalId, int batch)
        {
            int n;
            return _uploads.TryGetValue(terminalId + "|" + batch, out n) ? n : 0;
        }

        internal bool PendingUpload(string terminalId, int batch)
        {
            return _pendingUpload.Contains(terminalId + "|" + batch);
        }

        internal void SetPendingUpload(string terminalId, int batch, bool pending)
        {
            string k = terminalId + "|" + batch;
            if (pending ? _pendingUpload.Add(k) : _pendingUpload.Remove(k)) _version++;
        }

        internal void CloseBatchInternal(string terminalId, int batch)
        {
            foreach (LedgerEntry e in _entries.Values)
                if (InBatch(e, terminalId, batch)) e.SettledBatch = batch;
            _version++;
        }

        internal void AddSettlementInternal(SettlementRecord r)
        {
            _settlements.Add(r);
            _version++;
        }

        internal void Touch()
        {
            _version++;
        }

        private static bool InBatch(LedgerEntry e, string terminalId, int batch)
        {
            if (e.TerminalId != terminalId || e.SettledBatch >= 0) return false;
            return e.Batch == batch || e.Batch < 0;
        }
    }
}
