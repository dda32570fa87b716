namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>Outcome of <see cref="HostSession.Authorise"/> and <see cref="HostSession.Complete"/>.</summary>
    public enum AuthorisationStatus
    {
        /// <summary>Nothing was sent and nothing recorded (host unreachable, reversals pending, journal failure).</summary>
        NotSent = 1,
        /// <summary>The host approved; the journal keeps the transaction in flight until <see cref="HostSession.Complete"/>.</summary>
        HostApproved = 2,
        /// <summary>The host declined; final.</summary>
        Declined = 3,
        /// <summary>Outcome unknown or card declined after approval: the reversal is pending (not yet acknowledged).</summary>
        ReversalPending = 4,
        /// <summary>The reversal was sent and acknowledged: the transaction does not exist for the host.</summary>
        Reversed = 5,
        /// <summary>Approved by host and card; counted in the batch. Final.</summary>
        Approved = 6,
    }
}
