using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// Dialect A rules of the host session (docs/host-protocol.md, dialect A and "Message flows"): reversals with
    /// their own DE 11 and DE 90, repeats 0401/0221, 0500 totals in DE 74-97 answered DE 39 00 (balanced) or 95
    /// (not balanced) [K], 0320 upload of each counted transaction then the 0500 again.
    /// </summary>
    public sealed class Generic87SessionMessages : ISessionMessages
    {
        /// <summary>DE 39 of the 0510 when the totals agree.</summary>
        public const string Balanced = "00";
        /// <summary>DE 39 of the 0510 when the totals differ (reconcile error) [K].</summary>
        public const string NotBalanced = "95";
        /// <summary>Reversal reason: response not received or received too late [K].</summary>
        public const string ReasonNoAnswer = "68";
        /// <summary>Reversal reason: card declined after host approval (other reason) [K].</summary>
        public const string ReasonCardDeclined = "06";
        /// <summary>Reversal reason: the answer's MAC was wrong [K].</summary>
        public const string ReasonMacError = "A0";
        /// <summary>Reversal reason: customer cancellation, a void by the cashier (ISO 8583:1987 DE 39 "17") [K].</summary>
        public const string ReasonVoided = "17";

        private static readonly Generic87SessionMessages TheInstance = new Generic87SessionMessages();

        /// <summary>The one instance.</summary>
        public static Generic87SessionMessages Instance
        {
            get { return TheInstance; }
        }

        /// <inheritdoc />
        public Iso8583Dialect Dialect
        {
            get { return Generic87Dialect.Dialect; }
        }

        /// <inheritdoc />
        public bool ReversalHasOwnTrace
        {
            get { return true; }
        }

        /// <inheritdoc />
        public bool UsesRepeats
        {
            get { return true; }
        }

        /// <inheritdoc />
        public bool ResendReconciliationAfterUpload
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
            return ReasonOf(cause);
        }

        /// <summary>DE 39 reason code of a reversal cause.</summary>
        public static string ReasonOf(ReversalCause cause)
        {
            if (cause == ReversalCause.CardDeclined) return ReasonCardDeclined;
            if (cause == ReversalCause.MacError) return ReasonMacError;
            if (cause == ReversalCause.Voided) return ReasonVoided;
            return ReasonNoAnswer;
        }

        /// <inheritdoc />
        public Iso8583Message Reversal(Iso8583Message request, int reversalTrace, ReversalCause cause)
        {
            // DE 7 of the reversal: the request's own transmission time (the reversal is built before sending).
            return Generic87Messages.Reversal(request, reversalTrace, request.GetString(7), ReasonOf(cause));
        }

        /// <inheritdoc />
        public Iso8583Message Rearm(Iso8583Message storedReversal, ReversalCause cause, byte[] finalIccData)
        {
            Iso8583Message m = storedReversal.Clone();
            m.SetString(39, ReasonOf(cause));
            if (finalIccData != null) m.SetBytes(55, finalIccData);
            return m;
        }

        /// <inheritdoc />
        public Iso8583Message Reconciliation(TransactionFields t, BatchTotals totals)
        {
            return Generic87Messages.Reconciliation(t, totals.ToGeneric87(t.CurrencyCode));
        }

        /// <inheritdoc />
        public SettlementVerdict ReadReconciliation(Iso8583Message answer)
        {
            string code = answer.GetString(39);
            if (code == Balanced) return SettlementVerdict.Balanced;
            if (code == NotBalanced) return SettlementVerdict.NotBalanced;
            return SettlementVerdict.Refused;
        }

        /// <inheritdoc />
        public Iso8583Message BatchUpload(JournalTransaction transaction, TransactionFields t)
        {
            // The stored message holds the original's card and amount fields (reversal: DE 2-4, 12-14, 22-25, 41,
            // 42, 49, 55; advice: the same plus 38/39). Restore the original MTI and DE 11 and merge the answer.
            byte[] stored = transaction.Advice != null ? transaction.Advice : transaction.Reversal;
            Iso8583Message approved = Dialect.Parse(stored);
            approved.Mti = transaction.Mti;
            Dialect.Packager.SetNumeric(approved, 11, transaction.Trace);
            if (transaction.Advice == null) approved.Remove(39);   // a reversal's DE 39 is its reason, not the answer
            if (transaction.Rrn != null) approved.SetString(37, transaction.Rrn);
            if (transaction.AuthorizationCode != null) approved.SetString(38, transaction.AuthorizationCode);
            if (transaction.ResponseCode != null) approved.SetString(39, transaction.ResponseCode);
            return Generic87Messages.BatchUpload(approved, t.Stan, t.TransmissionDateTime);
        }

        /// <inheritdoc />
        public bool HasBatchUploadEnd
        {
            get { return false; }
        }

        /// <inheritdoc />
        public Iso8583Message BatchUploadEnd(TransactionFields t, int uploaded, bool balanced)
        {
            throw new System.NotSupportedException("dialect A has no end-of-upload message");
        }
    }
}
