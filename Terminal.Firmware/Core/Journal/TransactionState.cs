namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// State of a journal transaction. Counted in the batch: <see cref="Approved"/>, <see cref="AdvicePending"/>,
    /// <see cref="Advised"/>. Final: Approved, Declined, Reversed, Advised. Stored as one byte.
    /// </summary>
    public enum TransactionState
    {
        /// <summary>Written before the request is sent; the reversal is armed. Reopened as <see cref="ReversalPending"/>.</summary>
        InFlight = 1,
        /// <summary>The host approved and the card accepted.</summary>
        Approved = 2,
        /// <summary>The host declined; nothing to reverse.</summary>
        Declined = 3,
        /// <summary>The outcome is unknown or the card declined after host approval: the stored 0400 must be sent.</summary>
        ReversalPending = 4,
        /// <summary>The 0410 arrived; the transaction does not exist for the host.</summary>
        Reversed = 5,
        /// <summary>Approved offline (or store-and-forward); the stored 0220 must be sent.</summary>
        AdvicePending = 6,
        /// <summary>The 0230 arrived.</summary>
        Advised = 7
    }
}
