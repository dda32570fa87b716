using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// The merchant's settlement report as plain data (the firmware formats and prints it): the batch, the totals
    /// by scheme and currency, the sums of the settled currency, what the host said and whether the batch closed.
    /// </summary>
    public sealed class SettlementReport
    {
        internal SettlementReport(int batchNumber, string currency, BatchTotals totals)
        {
            BatchNumber = batchNumber;
            Currency = currency;
            Totals = totals;
            for (int i = 0; i < totals.Count; i++)
            {
                BatchTotalsEntry e = totals[i];
                if (e.Currency != currency) continue;
                DebitCount += e.DebitCount;
                DebitAmount += e.DebitAmount;
                CreditCount += e.CreditCount;
                CreditAmount += e.CreditAmount;
                VoidCount += e.VoidCount;
                VoidAmount += e.VoidAmount;
            }
        }

        /// <summary>The batch settled (or tried).</summary>
        public int BatchNumber { get; private set; }
        /// <summary>The settled currency (DE 49).</summary>
        public string Currency { get; private set; }
        /// <summary>Totals by scheme and currency, from the journal.</summary>
        public BatchTotals Totals { get; private set; }
        /// <summary>Sales and completions in <see cref="Currency"/>: count.</summary>
        public int DebitCount { get; private set; }
        /// <summary>Sales and completions: sum, minor units.</summary>
        public long DebitAmount { get; private set; }
        /// <summary>Refunds: count.</summary>
        public int CreditCount { get; private set; }
        /// <summary>Refunds: sum.</summary>
        public long CreditAmount { get; private set; }
        /// <summary>Approved voids: count.</summary>
        public int VoidCount { get; private set; }
        /// <summary>Approved voids: sum.</summary>
        public long VoidAmount { get; private set; }

        /// <summary>Net amount owed to the merchant: debits - voids - credits.</summary>
        public long NetAmount
        {
            get { return DebitAmount - VoidAmount - CreditAmount; }
        }

        /// <summary>The host's first verdict on the totals (null-like <see cref="SettlementVerdict.Refused"/> when no answer).</summary>
        public SettlementVerdict FirstVerdict { get; internal set; }
        /// <summary>Number of 0320 batch uploads sent and acknowledged.</summary>
        public int UploadedCount { get; internal set; }
        /// <summary>Number of 0500 sent.</summary>
        public int ReconciliationAttempts { get; internal set; }
        /// <summary>DE 39 of the last 0510, or null.</summary>
        public string HostResponseCode { get; internal set; }
        /// <summary>True when the host confirmed the totals and the batch was closed.</summary>
        public bool Settled { get; internal set; }
        /// <summary>Why settlement failed (None when settled).</summary>
        public SessionFailure Failure { get; internal set; }
    }
}
