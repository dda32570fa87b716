using Terminal.EmvKernel.Kernel;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The acquirer as the application sees it: the host link with its journal and reversals
    /// (<see cref="SessionPaymentHost"/> over HostSession on the device and in the emulator; fakes in tests).
    /// </summary>
    public interface IPaymentHost
    {
        /// <summary>
        /// Sends an authorisation (sale, refund, void) and returns the answer. An unknown outcome leaves a
        /// reversal pending (journaled) and returns <see cref="HostAnswerStatus.Unreachable"/>.
        /// </summary>
        HostAnswer Authorise(PaymentRequest request);

        /// <summary>
        /// After the card's final decision on a host-approved chip authorisation: accepted, the approval is final;
        /// not accepted (card declined at the second GENERATE AC, card removed), the approval is reversed.
        /// </summary>
        void Complete(HostAnswer answer, bool cardAccepted, byte[] finalIccData);

        /// <summary>Records an offline (card) approval (<paramref name="outcome"/> ApprovedOffline) so that it goes to the host as an
        /// advice. Returns the advice's trace number (its receipt's trace number), or 0 when no advice was recorded.</summary>
        int RecordOfflineApproval(PaymentRequest request, TransactionOutcome outcome);

        /// <summary>The number of the open batch (printed on receipts).</summary>
        int BatchNumber { get; }

        /// <summary>Sends pending reversals and advices; true when none remain.</summary>
        bool SendPending();

        /// <summary>The journaled transaction with trace <paramref name="trace"/> of the open batch, or null.</summary>
        JournalTransaction Find(int trace);

        /// <summary>Closes the batch with the host.</summary>
        SettlementSummary Settle();
    }
}
