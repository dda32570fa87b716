namespace Terminal.EmvKernel.Kernel
{
    /// <summary>How a contact transaction ended.</summary>
    public enum TransactionDecision
    {
        /// <summary>The card generated a TC without an online authorisation (Y1, or Y3 when unable to go online).</summary>
        ApprovedOffline = 1,
        /// <summary>The host approved and the card generated a TC at the second GENERATE AC.</summary>
        ApprovedOnline = 2,
        /// <summary>An AAC without a host decline: terminal or card decided offline (Z1, or Z3 when unable to go online).</summary>
        DeclinedOffline = 3,
        /// <summary>The host declined, or the card declined at the second GENERATE AC after going online.</summary>
        DeclinedOnline = 4,
        /// <summary>The session ended without a cryptogram decision; see <see cref="TransactionOutcome.TerminationReason"/>.</summary>
        Terminated = 5
    }

    /// <summary>The machine-readable reason behind a <see cref="TransactionDecision"/>.</summary>
    public enum OutcomeReason
    {
        /// <summary>The card returned a TC to the first GENERATE AC.</summary>
        CardApprovedOffline = 1,
        /// <summary>Terminal action analysis found a denial code match and asked for an AAC (Book 3, 10.7).</summary>
        TerminalDenied = 2,
        /// <summary>The card returned an AAC to the first GENERATE AC although the terminal asked for more.</summary>
        CardDeclinedOffline = 3,
        /// <summary>The host approved and the card returned a TC to the second GENERATE AC.</summary>
        HostApproved = 4,
        /// <summary>The host declined.</summary>
        HostDeclined = 5,
        /// <summary>
        /// The host approved but the card returned an AAC to the second GENERATE AC (for example after a failed
        /// issuer authentication): the firmware must reverse the host approval.
        /// </summary>
        CardDeclinedAfterHostApproval = 6,
        /// <summary>Unable to go online; the default action allowed a TC ('8A' = Y3) and the card gave one.</summary>
        UnableToGoOnlineApproved = 7,
        /// <summary>Unable to go online; the default action or the card gave an AAC ('8A' = Z3).</summary>
        UnableToGoOnlineDeclined = 8,
        /// <summary>The CDA signature of a GENERATE AC did not verify: the transaction is declined (Book 2, 6.6.2).</summary>
        CdaFailed = 9,
        /// <summary>The kernel terminated the session (card error, card removed, no application, ...).</summary>
        Terminated = 10
    }

    /// <summary>Names for the outcome enums (Enum.ToString gives a number on the device).</summary>
    public static class OutcomeNames
    {
        /// <summary>A short machine-friendly name of the decision.</summary>
        public static string Of(TransactionDecision decision)
        {
            switch (decision)
            {
                case TransactionDecision.ApprovedOffline: return "approved-offline";
                case TransactionDecision.ApprovedOnline: return "approved-online";
                case TransactionDecision.DeclinedOffline: return "declined-offline";
                case TransactionDecision.DeclinedOnline: return "declined-online";
                default: return "terminated";
            }
        }

        /// <summary>A short machine-friendly name of the reason.</summary>
        public static string Of(OutcomeReason reason)
        {
            switch (reason)
            {
                case OutcomeReason.CardApprovedOffline: return "card-approved-offline";
                case OutcomeReason.TerminalDenied: return "terminal-denied";
                case OutcomeReason.CardDeclinedOffline: return "card-declined-offline";
                case OutcomeReason.HostApproved: return "host-approved";
                case OutcomeReason.HostDeclined: return "host-declined";
                case OutcomeReason.CardDeclinedAfterHostApproval: return "card-declined-after-host-approval";
                case OutcomeReason.UnableToGoOnlineApproved: return "unable-online-approved";
                case OutcomeReason.UnableToGoOnlineDeclined: return "unable-online-declined";
                case OutcomeReason.CdaFailed: return "cda-failed";
                default: return "terminated";
            }
        }
    }
}
