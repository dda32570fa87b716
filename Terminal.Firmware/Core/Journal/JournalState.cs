using System.Collections;
using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// The journal's logical state: counters and the transactions that still matter (every open one, and every one
    /// of the current batch), oldest first. Live operations and recovery change it through the same Apply methods,
    /// so a replayed log gives exactly the state the live journal had.
    /// </summary>
    internal sealed class JournalState
    {
        internal int LastTrace;
        internal int Batch = 1;
        internal readonly ArrayList Transactions = new ArrayList();
        /// <summary>The settlement whose outcome is unknown, or null.</summary>
        internal SettlementAttempt Settlement;

        /// <summary>The trace that follows <paramref name="trace"/>: 1..999999, then 1 again (DE 11 is n6, 0 unused).</summary>
        internal static int NextTrace(int trace)
        {
            return trace >= TransactionJournal.MaxTrace ? 1 : trace + 1;
        }

        internal void ApplyTraceReserved(int trace)
        {
            if (trace != NextTrace(LastTrace)) throw new JournalException(JournalError.InvalidArgument, -1, "trace not the next one");
            LastTrace = trace;
        }

        /// <summary>A new batch number; final transactions of other batches leave the state (they are settled).</summary>
        internal void ApplyBatch(int batch)
        {
            JournalChecks.Batch(batch);
            Batch = batch;
            Settlement = null;                 // a new batch number resolves a pending settlement
            for (int i = Transactions.Count - 1; i >= 0; i--)
            {
                JournalTransaction t = (JournalTransaction)Transactions[i];
                if (t.Final && t.Batch != batch) Transactions.RemoveAt(i);
            }
        }

        /// <summary>A settlement of the current batch starts (none may be pending).</summary>
        internal void ApplySettlement(SettlementAttempt a)
        {
            CheckSettlement(a);
            Settlement = a;
        }

        /// <summary>Throws unless <see cref="ApplySettlement"/> would accept the attempt.</summary>
        internal void CheckSettlement(SettlementAttempt a)
        {
            if (Settlement != null) throw new JournalException(JournalError.InvalidTransition, -1, "a settlement is already pending");
            if (a.Batch != Batch) throw new JournalException(JournalError.InvalidArgument, -1, "settlement of another batch");
            JournalChecks.Trace(a.Trace);
        }

        /// <summary>The pending settlement of <paramref name="batch"/> was answered without closing the batch.</summary>
        internal void ApplySettlementCleared(int batch)
        {
            if (Settlement == null || Settlement.Batch != batch) throw new JournalException(JournalError.InvalidTransition, -1, "no such pending settlement");
            Settlement = null;
        }

        /// <summary>Adds a recorded (or snapshot) transaction after checking its fields.</summary>
        internal void ApplyTransaction(JournalTransaction t)
        {
            CheckTransaction(t);
            Transactions.Add(t);
        }

        /// <summary>Throws unless <see cref="ApplyTransaction"/> would accept the transaction.</summary>
        internal void CheckTransaction(JournalTransaction t)
        {
            Validate(t);
            JournalTransaction open = Find(t.Trace);
            if (open != null && !open.Final) throw new JournalException(JournalError.DuplicateTrace, -1, null);
        }

        internal void ApplyStateChange(StateChange c)
        {
            JournalTransaction t = CheckStateChange(c);
            t.State = c.State;
            if (c.Rrn != null) t.Rrn = c.Rrn;
            if (c.AuthorizationCode != null) t.AuthorizationCode = c.AuthorizationCode;
            if (c.ResponseCode != null) t.ResponseCode = c.ResponseCode;
            if (c.ReversalReason != null) t.ReversalReason = c.ReversalReason;
            if (c.Reversal != null) t.Reversal = c.Reversal;
        }

        /// <summary>Throws unless <see cref="ApplyStateChange"/> would accept the change; returns the transaction.</summary>
        internal JournalTransaction CheckStateChange(StateChange c)
        {
            JournalTransaction t = Find(c.Trace);
            if (t == null) throw new JournalException(JournalError.UnknownTransaction, -1, null);
            if (!Allowed(t.State, c.State)) throw new JournalException(JournalError.InvalidTransition, -1, null);
            if (c.Reversal == null && c.State == TransactionState.ReversalPending && t.Reversal == null)
                throw new JournalException(JournalError.InvalidTransition, -1, "no reversal message stored");
            return t;
        }

        /// <summary>After a restart an in-flight outcome is unknown: it must be reversed.</summary>
        internal void RecoverInFlight()
        {
            for (int i = 0; i < Transactions.Count; i++)
            {
                JournalTransaction t = (JournalTransaction)Transactions[i];
                if (t.State == TransactionState.InFlight) t.State = TransactionState.ReversalPending;
            }
        }

        /// <summary>The latest transaction with this trace number, or null.</summary>
        internal JournalTransaction Find(int trace)
        {
            for (int i = Transactions.Count - 1; i >= 0; i--)
            {
                JournalTransaction t = (JournalTransaction)Transactions[i];
                if (t.Trace == trace) return t;
            }
            return null;
        }

        /// <summary>
        /// Allowed state changes. InFlight also allows the changes of ReversalPending, because a restart turns an
        /// in-flight transaction into a pending reversal without writing a record.
        /// </summary>
        internal static bool Allowed(TransactionState from, TransactionState to)
        {
            switch (from)
            {
                case TransactionState.InFlight:
                    return to == TransactionState.Approved || to == TransactionState.Declined
                        || to == TransactionState.ReversalPending || to == TransactionState.Reversed;
                case TransactionState.Approved:
                    return to == TransactionState.ReversalPending;
                case TransactionState.ReversalPending:
                    return to == TransactionState.ReversalPending || to == TransactionState.Reversed;
                case TransactionState.AdvicePending:
                    return to == TransactionState.Advised;
                default:
                    return false;
            }
        }

        private static void Validate(JournalTransaction t)
        {
            JournalChecks.Trace(t.Trace);
            JournalChecks.Batch(t.Batch);
            if (t.Amount < 0 || t.Amount > 999999999999L) throw Invalid("amount outside 0..999999999999");
            if (!DecimalText.IsDigits(t.Currency, 3, 3)) throw Invalid("currency must be 3 digits");
            if (!DecimalText.IsDigits(t.Mti, 4, 4)) throw Invalid("MTI must be 4 digits");
            if (t.MaskedPan == null || CountDigits(t.MaskedPan) > 10) throw Invalid("PAN must be masked");
            if (t.OriginalTrace != -1) JournalChecks.Trace(t.OriginalTrace);
            if (t.Kind < TransactionKind.Sale || t.Kind > TransactionKind.Completion) throw Invalid("kind");
            if (t.Scheme < CardScheme.Other || t.Scheme > CardScheme.UnionPay) throw Invalid("scheme");
            if (t.State < TransactionState.InFlight || t.State > TransactionState.Advised) throw Invalid("state");
            if ((t.State == TransactionState.InFlight || t.State == TransactionState.ReversalPending) && t.Reversal == null)
                throw Invalid("a reversal message is required");
            if (t.State == TransactionState.AdvicePending && t.Advice == null) throw Invalid("an advice message is required");
        }

        private static JournalException Invalid(string detail)
        {
            return new JournalException(JournalError.InvalidArgument, -1, detail);
        }

        private static int CountDigits(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++) if (s[i] >= '0' && s[i] <= '9') n++;
            return n;
        }
    }
}
