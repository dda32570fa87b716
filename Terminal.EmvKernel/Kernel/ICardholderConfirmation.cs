namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The terminal's way to let the cardholder choose or confirm an application (EMV 4.4 Book 1, 12.4). The
    /// kernel knows nothing of keypads or displays; the firmware implements this. A terminal without the
    /// facility passes no implementation, and applications that require confirmation are then dropped.
    /// </summary>
    public interface ICardholderConfirmation
    {
        /// <summary>
        /// Presents the candidates in priority order (label '50', or preferred name '9F12') and returns the index
        /// of the one the cardholder accepts, or -1 when the cardholder declines them all. Called with one
        /// candidate to confirm a single application whose '87' b8 requires confirmation.
        /// </summary>
        int Choose(CandidateList candidates);
    }
}
