namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>Why a host session operation did not complete (<see cref="SessionFailure.None"/> when it did).</summary>
    public enum SessionFailure
    {
        /// <summary>No failure.</summary>
        None = 0,
        /// <summary>The host could not be reached (connect or TLS handshake failed).</summary>
        ConnectFailed = 1,
        /// <summary>No answer within the timeout.</summary>
        Timeout = 2,
        /// <summary>The link dropped during the exchange.</summary>
        Disconnected = 3,
        /// <summary>The answer was not a valid message.</summary>
        Malformed = 4,
        /// <summary>The answer's MAC did not verify.</summary>
        MacInvalid = 5,
        /// <summary>Reversals could not be delivered first, so no new request was sent.</summary>
        ReversalsPending = 6,
        /// <summary>Advices could not be delivered before settlement.</summary>
        AdvicesPending = 7,
        /// <summary>The journal could not record the transaction, so nothing was sent.</summary>
        JournalFailed = 8,
        /// <summary>The host answered with a refusal (settlement response code other than balanced/not balanced).</summary>
        HostRefused = 9,
        /// <summary>Totals still differ after the batch upload.</summary>
        TotalsDiffer = 10,
        /// <summary>
        /// A settlement's outcome is still unknown (no usable 0510 yet): the batch is frozen and new transactions are
        /// held until the retried 0500 is answered (docs/host-session.md, "Pending settlement").
        /// </summary>
        SettlementPending = 11,
        /// <summary>A host-approved transaction still waits for <see cref="HostSession.Complete"/>: settle after it.</summary>
        TransactionInFlight = 12,
        /// <summary>
        /// The request needs working keys the terminal does not have (UnionPay: not signed on, and signing on now
        /// failed); nothing was sent or journaled (<see cref="IHostSignOn"/>).
        /// </summary>
        NotSignedOn = 13,
        /// <summary>The host answered the sign-on with working keys whose check values do not match: keys refused, not used.</summary>
        WorkingKeysRefused = 14,
        /// <summary>The security layer could not sign the request (e.g. DUKPT keys exhausted); the request did not leave.</summary>
        SigningFailed = 15,
    }
}
