using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// UnionPay POS rules of the host session (docs/host-protocol.md, dialect B and "Message flows"): the reversal
    /// keeps the original DE 11 with DE 39 reason 98 (no answer), 06 (other: card declined) or A0 (MAC error) [K];
    /// no repeat MTIs; 0500 with the totals in DE 48, answered with result code 1 (balanced) or 2 (not balanced) per
    /// half [S-code]; on 2, each counted transaction goes up as a 0320 (60.3 201) and the upload ends with 60.3 202,
    /// which settles the batch; a balanced batch is closed with 60.3 207 [S-code].
    /// </summary>
    public sealed class UnionPaySessionMessages : ISessionMessages
    {
        private readonly UnionPayHeader _header;
        private readonly string _operatorCode;

        /// <summary>Rules with the terminal's TPDU/header and the operator code (DE 63.1, 3 characters).</summary>
        public UnionPaySessionMessages(UnionPayHeader header, string operatorCode)
        {
            if (header == null || operatorCode == null) throw new System.ArgumentNullException("header", "header and operator code are required");
            _header = header;
            _operatorCode = operatorCode;
        }

        /// <inheritdoc />
        public Iso8583Dialect Dialect
        {
            get { return UnionPayDialect.Dialect; }
        }

        /// <inheritdoc />
        public bool ReversalHasOwnTrace
        {
            get { return false; }
        }

        /// <inheritdoc />
        public bool UsesRepeats
        {
            get { return false; }
        }

        /// <inheritdoc />
        public bool ResendReconciliationAfterUpload
        {
            get { return false; }
        }

        /// <inheritdoc />
        public bool HasBatchUploadEnd
        {
            get { return true; }
        }

        /// <inheritdoc />
        public bool IsApproval(string responseCode)
        {
            return responseCode == "00";
        }

        /// <inheritdoc />
        public string ReasonCode(ReversalCause cause)
        {
            // A UnionPay void has its own message; a reversal for a void is "other" there.
            if (cause == ReversalCause.CardDeclined || cause == ReversalCause.Voided) return UnionPayMessages.ReversalOther;
            if (cause == ReversalCause.MacError) return UnionPayMessages.ReversalMacError;
            return UnionPayMessages.ReversalNoResponse;
        }

        /// <inheritdoc />
        public Iso8583Message Reversal(Iso8583Message request, int reversalTrace, ReversalCause cause)
        {
            return UnionPayMessages.Reversal(request, ReasonCode(cause));
        }

        /// <inheritdoc />
        public Iso8583Message Rearm(Iso8583Message storedReversal, ReversalCause cause, byte[] finalIccData)
        {
            Iso8583Message m = storedReversal.Clone();
            m.SetString(39, ReasonCode(cause));
            if (finalIccData != null) m.SetBytes(55, finalIccData);
            return m;
        }

        /// <inheritdoc />
        public Iso8583Message Reconciliation(TransactionFields t, BatchTotals totals)
        {
            string currency = t.CurrencyCode == null ? UnionPayMessages.CurrencyCny : t.CurrencyCode;
            return UnionPayMessages.Settlement(_header, t, totals.ToUnionPay(currency), _operatorCode);
        }

        /// <inheritdoc />
        public SettlementVerdict ReadReconciliation(Iso8583Message answer)
        {
            if (answer.GetString(39) != "00") return SettlementVerdict.Refused;
            UnionPaySettlementTotals totals;
            try
            {
                string field48 = answer.GetString(48);
                if (field48 == null) return SettlementVerdict.Refused;
                totals = UnionPaySettlementTotals.Parse(field48);
            }
            catch (Iso8583Exception)
            {
                return SettlementVerdict.Refused;
            }
            int domestic = totals.Domestic.Result;
            int foreign = totals.Foreign.Result;
            if (domestic == UnionPayCardTotals.ResultBalanced && foreign == UnionPayCardTotals.ResultBalanced) return SettlementVerdict.Balanced;
            if ((domestic == UnionPayCardTotals.ResultBalanced || domestic == UnionPayCardTotals.ResultNotBalanced)
                && (foreign == UnionPayCardTotals.ResultBalanced || foreign == UnionPayCardTotals.ResultNotBalanced))
                return SettlementVerdict.NotBalanced;
            return SettlementVerdict.Refused;
        }

        /// <summary>
        /// 0320 (60.3 201) of one counted transaction. DE 48 = count "01", the original trace (6 digits) and the
        /// amount (12 digits) [K: the detail layout of the acquirer's specification is not public].
        /// </summary>
        public Iso8583Message BatchUpload(JournalTransaction transaction, TransactionFields t)
        {
            string detail = string.Concat("01", Digits.Pad(transaction.Trace, 6, 48), Digits.Pad(transaction.Amount, 12, 48));
            return UnionPayMessages.BatchUpload(_header, t, detail, UnionPayMessages.NetSettlement);
        }

        /// <inheritdoc />
        public Iso8583Message BatchUploadEnd(TransactionFields t, int uploaded, bool balanced)
        {
            return UnionPayMessages.BatchUploadEnd(_header, t, uploaded, balanced);
        }
    }
}
