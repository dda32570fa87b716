using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// What the host session needs from a dialect: its packer, how a reversal, a reconciliation and a batch upload
    /// are built, and how the reconciliation answer is read. <see cref="Generic87SessionMessages"/> implements it for
    /// dialect A (docs/host-protocol.md, "Message flows").
    /// </summary>
    public interface ISessionMessages
    {
        /// <summary>The dialect that packs and parses.</summary>
        Iso8583Dialect Dialect { get; }

        /// <summary>True when a reversal carries its own new trace number (dialect A); false when it reuses the original's.</summary>
        bool ReversalHasOwnTrace { get; }

        /// <summary>True when retries are sent as repeats (0401, 0221).</summary>
        bool UsesRepeats { get; }

        /// <summary>True when DE 39 <paramref name="responseCode"/> of an authorization answer approves.</summary>
        bool IsApproval(string responseCode);

        /// <summary>DE 39 reason code of a reversal for <paramref name="cause"/>.</summary>
        string ReasonCode(ReversalCause cause);

        /// <summary>
        /// The reversal of <paramref name="request"/>, built before the request is sent. <paramref name="reversalTrace"/>
        /// is used when <see cref="ReversalHasOwnTrace"/>.
        /// </summary>
        Iso8583Message Reversal(Iso8583Message request, int reversalTrace, ReversalCause cause);

        /// <summary>A stored reversal re-armed for a new cause, with the final DE 55 of the card when given.</summary>
        Iso8583Message Rearm(Iso8583Message storedReversal, ReversalCause cause, byte[] finalIccData);

        /// <summary>The 0500 for the batch: <paramref name="t"/> carries DE 7, 11, 41, 42, batch number and currency.</summary>
        Iso8583Message Reconciliation(TransactionFields t, BatchTotals totals);

        /// <summary>Reads the 0510.</summary>
        SettlementVerdict ReadReconciliation(Iso8583Message answer);

        /// <summary>
        /// The 0320 of one counted transaction, rebuilt from its stored message (reversal or advice) and the
        /// answer data the journal kept; <paramref name="t"/> carries the new DE 7 and DE 11.
        /// </summary>
        Iso8583Message BatchUpload(JournalTransaction transaction, TransactionFields t);

        /// <summary>True when the dialect ends a batch upload with a message of its own (<see cref="BatchUploadEnd"/>).</summary>
        bool HasBatchUploadEnd { get; }

        /// <summary>
        /// The message that ends the settlement (only called when <see cref="HasBatchUploadEnd"/>): after an upload
        /// (<paramref name="balanced"/> false) or after totals that agreed at once (true).
        /// </summary>
        Iso8583Message BatchUploadEnd(TransactionFields t, int uploaded, bool balanced);

        /// <summary>True when the 0500 is sent again after the upload (dialect A).</summary>
        bool ResendReconciliationAfterUpload { get; }
    }
}
