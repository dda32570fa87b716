using System.Collections;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// Batch totals by card scheme and currency, computed from the counted transactions of a batch (Approved,
    /// AdvicePending, Advised: see <see cref="TransactionJournal.CurrentBatch"/>), and the reconciliation (0500)
    /// field values of both dialects. Reversed and declined transactions never count (the host does not have them).
    /// </summary>
    public sealed class BatchTotals
    {
        private readonly ArrayList _entries = new ArrayList();

        private BatchTotals()
        {
        }

        /// <summary>Number of (scheme, currency) groups, in order of first appearance.</summary>
        public int Count
        {
            get { return _entries.Count; }
        }

        /// <summary>The group at <paramref name="index"/>.</summary>
        public BatchTotalsEntry this[int index]
        {
            get { return (BatchTotalsEntry)_entries[index]; }
        }

        /// <summary>Totals of the counted transactions in <paramref name="transactions"/> (JournalTransaction items).</summary>
        public static BatchTotals From(ArrayList transactions)
        {
            if (transactions == null) throw new JournalException(JournalError.InvalidArgument, -1, "null list");
            BatchTotals totals = new BatchTotals();
            for (int i = 0; i < transactions.Count; i++)
            {
                JournalTransaction t = transactions[i] as JournalTransaction;
                if (t == null) throw new JournalException(JournalError.InvalidArgument, -1, "not a journal transaction");
                if (t.Counted) totals.Add(t);
            }
            return totals;
        }

        /// <summary>The group of this scheme and currency, or null.</summary>
        public BatchTotalsEntry Find(CardScheme scheme, string currency)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                BatchTotalsEntry e = (BatchTotalsEntry)_entries[i];
                if (e.Scheme == scheme && e.Currency == currency) return e;
            }
            return null;
        }

        /// <summary>
        /// Dialect A reconciliation totals for one currency, all schemes: DE 76/88 debits (sales, completions),
        /// DE 77/89 debit reversals (approved voids), DE 74/86 credits (refunds), DE 75/87 credit reversals (none
        /// recorded: 0). Reversed (0400/0410) transactions are not counted at all [K: mapping, docs/journal.md].
        /// </summary>
        public Generic87Totals ToGeneric87(string currency)
        {
            Generic87Totals g = new Generic87Totals();
            for (int i = 0; i < _entries.Count; i++)
            {
                BatchTotalsEntry e = (BatchTotalsEntry)_entries[i];
                if (e.Currency != currency) continue;
                g.DebitsNumber += e.DebitCount;
                g.DebitsAmount += e.DebitAmount;
                g.DebitsReversalNumber += e.VoidCount;
                g.DebitsReversalAmount += e.VoidAmount;
                g.CreditsNumber += e.CreditCount;
                g.CreditsAmount += e.CreditAmount;
            }
            return g;
        }

        /// <summary>
        /// UnionPay field 48 for one currency: domestic half = UnionPay cards, foreign half = all other schemes; debit
        /// = sales and completions less approved voids (count and amount), credit = refunds; result code 0 (request)
        /// [K: void netting, docs/journal.md].
        /// </summary>
        public UnionPaySettlementTotals ToUnionPay(string currency)
        {
            long[] d = new long[4];
            long[] f = new long[4];
            for (int i = 0; i < _entries.Count; i++)
            {
                BatchTotalsEntry e = (BatchTotalsEntry)_entries[i];
                if (e.Currency != currency) continue;
                long[] s = e.Scheme == CardScheme.UnionPay ? d : f;
                s[0] += e.DebitAmount - e.VoidAmount;
                s[1] += e.DebitCount - e.VoidCount;
                s[2] += e.CreditAmount;
                s[3] += e.CreditCount;
            }
            return new UnionPaySettlementTotals(Half(d), Half(f));
        }

        private static UnionPayCardTotals Half(long[] s)
        {
            return new UnionPayCardTotals(s[0], (int)s[1], s[2], (int)s[3], UnionPayCardTotals.ResultRequest);
        }

        private void Add(JournalTransaction t)
        {
            BatchTotalsEntry e = Find(t.Scheme, t.Currency);
            if (e == null)
            {
                e = new BatchTotalsEntry(t.Scheme, t.Currency);
                _entries.Add(e);
            }
            switch (t.Kind)
            {
                case TransactionKind.Sale:
                case TransactionKind.Completion:
                    e.DebitCount++;
                    e.DebitAmount += t.Amount;
                    break;
                case TransactionKind.Refund:
                    e.CreditCount++;
                    e.CreditAmount += t.Amount;
                    break;
                case TransactionKind.Void:
                    e.VoidCount++;
                    e.VoidAmount += t.Amount;
                    break;
                default:
                    break; // pre-authorizations hold funds, they do not settle
            }
        }
    }
}
