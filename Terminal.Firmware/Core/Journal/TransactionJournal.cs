using System.Collections;
using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// The terminal's transaction journal: an append-only log of framed, checksummed records in two storage slots,
    /// recovered on open (docs/journal.md). Every public change is durable when the call returns; a transaction is
    /// recorded with its pre-built reversal before the request is sent, trace numbers are reserved before use, and
    /// the batch number survives restarts. Not thread-safe: one host session owns it.
    /// </summary>
    public sealed partial class TransactionJournal
    {
        /// <summary>Largest trace number (DE 11 is n6); the next one after it is 1.</summary>
        public const int MaxTrace = 999999;
        /// <summary>Largest batch number (n6); the next one after it is 1.</summary>
        public const int MaxBatch = 999999;

        private readonly IJournalStorage[] _slots;
        private readonly JournalOptions _options;
        private JournalState _state;
        private int _active;
        private int _generation;
        private int _snapshotLength;
        private bool _failed;

        private TransactionJournal(IJournalStorage a, IJournalStorage b, JournalOptions options)
        {
            _slots = new IJournalStorage[] { a, b };
            _options = options;
        }

        /// <summary>What the last open found and repaired.</summary>
        public JournalRecovery Recovery { get; private set; }

        /// <summary>The last reserved trace number (0 before the first).</summary>
        public int LastTrace
        {
            get { return _state.LastTrace; }
        }

        /// <summary>The current batch number (1 in a new journal).</summary>
        public int BatchNumber
        {
            get { return _state.Batch; }
        }

        /// <summary>Bytes in the active slot.</summary>
        public int StorageLength
        {
            get { return _slots[_active].Length; }
        }

        /// <summary>
        /// Reserves the next trace number (DE 11: 1..999999, then 1) durably and returns it. Use one for every
        /// message that needs a new DE 11; a number returned here is never returned again, even after a power cut.
        /// </summary>
        public int ReserveTrace()
        {
            int next = JournalState.NextTrace(_state.LastTrace);
            Write(JournalRecords.Number(RecordType.TraceReserved, next));
            _state.ApplyTraceReserved(next);
            AfterWrite();
            return next;
        }

        /// <summary>Sets the batch number (e.g. UnionPay 60.2 of the sign-on answer); settled final transactions of other batches are dropped.</summary>
        public void SetBatchNumber(int batch)
        {
            JournalChecks.Batch(batch);
            Write(JournalRecords.Number(RecordType.BatchSet, batch));
            _state.ApplyBatch(batch);
            AfterWrite();
        }

        /// <summary>
        /// Closes the current batch once the host confirmed the settlement (0510): the next batch number (999999 is
        /// followed by 1) becomes current; the closed batch's final transactions are dropped. Returns the new number.
        /// Transactions still pending (reversal, advice) stay until they are acknowledged.
        /// </summary>
        public int CloseBatch()
        {
            int next = _state.Batch >= MaxBatch ? 1 : _state.Batch + 1;
            SetBatchNumber(next);
            return next;
        }

        /// <summary>
        /// Records an online request before it is sent: state <see cref="TransactionState.InFlight"/>, with its
        /// pre-built reversal (<see cref="JournalTransaction.Reversal"/>, required). The journal keeps a copy.
        /// </summary>
        public void RecordRequest(JournalTransaction transaction)
        {
            Record(transaction, TransactionState.InFlight);
        }

        /// <summary>
        /// Records a transaction to be sent as an advice (offline approval, store-and-forward): state
        /// <see cref="TransactionState.AdvicePending"/>, with its packed advice (<see cref="JournalTransaction.Advice"/>, required).
        /// </summary>
        public void RecordAdvice(JournalTransaction transaction)
        {
            Record(transaction, TransactionState.AdvicePending);
        }

        /// <summary>The host approved and the card accepted: InFlight to Approved, with DE 37, 38 and 39 of the answer.</summary>
        public void MarkApproved(int trace, string rrn, string authorizationCode, string responseCode)
        {
            Change(trace, TransactionState.Approved, rrn, authorizationCode, responseCode, null, null);
        }

        /// <summary>The host declined: InFlight to Declined, with DE 39 of the answer.</summary>
        public void MarkDeclined(int trace, string responseCode)
        {
            Change(trace, TransactionState.Declined, null, null, responseCode, null, null);
        }

        /// <summary>
        /// The stored reversal must be sent (no answer in time, link dropped, bad answer or MAC, or the card declined an
        /// approved transaction at the second GENERATE AC): InFlight or Approved to ReversalPending.
        /// <paramref name="reason"/> is the DE 39 reason (e.g. "98", "06"), <paramref name="reversal"/> replaces the
        /// stored 0400 when not null (e.g. with the final field 55).
        /// </summary>
        public void MarkReversalNeeded(int trace, string reason, byte[] reversal)
        {
            Change(trace, TransactionState.ReversalPending, null, null, null, reason, Bytes.Copy(reversal));
        }

        /// <summary>The 0410 arrived: ReversalPending to Reversed.</summary>
        public void MarkReversed(int trace)
        {
            Change(trace, TransactionState.Reversed, null, null, null, null, null);
        }

        /// <summary>The 0230 arrived: AdvicePending to Advised.</summary>
        public void MarkAdvised(int trace)
        {
            Change(trace, TransactionState.Advised, null, null, null, null, null);
        }

        /// <summary>
        /// Journals a settlement before its 0500 leaves (docs/journal.md, "Pending settlement"): the current batch,
        /// the 0500's trace and the packed 0500 with the totals. Until <see cref="CloseBatch"/> (the host confirmed)
        /// or <see cref="ClearSettlement"/> (the host answered without closing), the batch is frozen: recording a
        /// transaction throws <see cref="JournalError.SettlementPending"/>.
        /// </summary>
        public void BeginSettlement(int trace, byte[] request)
        {
            if (request == null || request.Length == 0) throw new JournalException(JournalError.InvalidArgument, -1, "settlement request required");
            SettlementAttempt a = new SettlementAttempt(_state.Batch, trace, Bytes.Copy(request));
            _state.CheckSettlement(a);
            Write(JournalRecords.Settlement(a));
            _state.ApplySettlement(a);
            AfterWrite();
        }

        /// <summary>The host answered the pending settlement without closing the batch (refused): the batch is open again.</summary>
        public void ClearSettlement()
        {
            if (_state.Settlement == null) throw new JournalException(JournalError.InvalidTransition, -1, "no settlement pending");
            int batch = _state.Settlement.Batch;
            Write(JournalRecords.Number(RecordType.SettlementCleared, batch));
            _state.ApplySettlementCleared(batch);
            AfterWrite();
        }

        /// <summary>The settlement whose outcome is unknown (a copy), or null.</summary>
        public SettlementAttempt PendingSettlement
        {
            get { return _state.Settlement == null ? null : _state.Settlement.Copy(); }
        }

        /// <summary>A copy of the latest transaction with this trace number, or null.</summary>
        public JournalTransaction Find(int trace)
        {
            JournalTransaction t = _state.Find(trace);
            return t == null ? null : Copy(t);
        }

        /// <summary>Transactions whose reversal must be sent, oldest first (copies).</summary>
        public ArrayList PendingReversals()
        {
            return Select(TransactionState.ReversalPending, false);
        }

        /// <summary>Transactions whose advice must be sent, oldest first (copies).</summary>
        public ArrayList PendingAdvices()
        {
            return Select(TransactionState.AdvicePending, false);
        }

        /// <summary>The current batch's counted transactions (Approved, AdvicePending, Advised), oldest first (copies).</summary>
        public ArrayList CurrentBatch()
        {
            return Select(TransactionState.Approved, true);
        }

        /// <summary>Every transaction the journal holds (open ones and the current batch), oldest first (copies).</summary>
        public ArrayList Transactions()
        {
            ArrayList list = new ArrayList();
            for (int i = 0; i < _state.Transactions.Count; i++) list.Add(Copy((JournalTransaction)_state.Transactions[i]));
            return list;
        }

        /// <summary>Totals of the current batch by scheme and currency.</summary>
        public BatchTotals Totals()
        {
            return BatchTotals.From(CurrentBatch());
        }

        /// <summary>
        /// Rewrites the state (counters and held transactions) into the other slot as a new generation, then uses
        /// that slot. A power cut at any point leaves either the old slot or the complete new one in use.
        /// </summary>
        public void Compact()
        {
            CheckUsable();
            int target = 1 - _active;
            IJournalStorage slot = _slots[target];
            int length = 0;
            try
            {
                slot.Truncate(0);
                length += Append(slot, JournalRecords.Header(_generation + 1));
                length += Append(slot, JournalRecords.Counters(_state.LastTrace, _state.Batch));
                for (int i = 0; i < _state.Transactions.Count; i++)
                    length += Append(slot, JournalRecords.Transaction((JournalTransaction)_state.Transactions[i]));
                if (_state.Settlement != null) length += Append(slot, JournalRecords.Settlement(_state.Settlement));
                length += Append(slot, JournalRecords.Number(RecordType.SnapshotEnd, _state.Transactions.Count));
            }
            catch (JournalException)
            {
                _failed = true;
                throw;
            }
            catch (System.Exception)
            {
                _failed = true;
                throw new JournalException(JournalError.StorageFailed, -1, "compaction write failed");
            }
            _active = target;
            _generation++;
            _snapshotLength = length;
        }

        private void Record(JournalTransaction transaction, TransactionState state)
        {
            if (transaction == null) throw new JournalException(JournalError.InvalidArgument, -1, "null transaction");
            if (_state.Settlement != null) throw new JournalException(JournalError.SettlementPending, -1, null);
            JournalTransaction t = Copy(transaction);
            t.Batch = _state.Batch;
            t.State = state;
            t.Rrn = null;
            t.AuthorizationCode = null;
            t.ResponseCode = null;
            t.ReversalReason = null;
            _state.CheckTransaction(t);
            Write(JournalRecords.Transaction(t));
            _state.ApplyTransaction(t);
            AfterWrite();
        }

        private void Change(int trace, TransactionState state, string rrn, string auth, string code, string reason, byte[] reversal)
        {
            StateChange c = new StateChange();
            c.Trace = trace;
            c.State = state;
            c.Rrn = rrn;
            c.AuthorizationCode = auth;
            c.ResponseCode = code;
            c.ReversalReason = reason;
            c.Reversal = reversal;
            _state.CheckStateChange(c);
            Write(JournalRecords.StateChange(c));
            _state.ApplyStateChange(c);
            AfterWrite();
        }

        private ArrayList Select(TransactionState state, bool countedInBatch)
        {
            ArrayList list = new ArrayList();
            for (int i = 0; i < _state.Transactions.Count; i++)
            {
                JournalTransaction t = (JournalTransaction)_state.Transactions[i];
                bool take = countedInBatch ? t.Counted && t.Batch == _state.Batch : t.State == state;
                if (take) list.Add(Copy(t));
            }
            return list;
        }

        private static JournalTransaction Copy(JournalTransaction t)
        {
            JournalTransaction c = t.Clone();
            c.Reversal = Bytes.Copy(t.Reversal);
            c.Advice = Bytes.Copy(t.Advice);
            return c;
        }

        private void Write(byte[] frame)
        {
            CheckUsable();
            try
            {
                Append(_slots[_active], frame);
            }
            catch (JournalException)
            {
                _failed = true;
                throw;
            }
            catch (System.Exception)
            {
                _failed = true;
                throw new JournalException(JournalError.StorageFailed, -1, "write failed");
            }
        }

        private static int Append(IJournalStorage slot, byte[] frame)
        {
            slot.Append(frame, 0, frame.Length);
            return frame.Length;
        }

        private void AfterWrite()
        {
            int length = _slots[_active].Length;
            if (length > _options.CompactionThreshold && length > 2 * _snapshotLength) Compact();
        }

        private void CheckUsable()
        {
            if (_failed) throw new JournalException(JournalError.StorageFailed, -1, null);
        }
    }
}
