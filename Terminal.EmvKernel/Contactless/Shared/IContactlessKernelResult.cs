using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.Shared
{
    /// <summary>
    /// What every contactless kernel's result gives the application alike (QuickKernelResult, GenerateAcKernelResult):
    /// the transaction outcome, the authorisation / clearing data and the completion of an online request.
    /// </summary>
    public interface IContactlessKernelResult
    {
        /// <summary>The transaction outcome (null for an online request until <see cref="CompleteOnline"/>).</summary>
        TransactionOutcome Transaction { get; }

        /// <summary>The authorisation / clearing data (field 55, PAN fields), or null when the card gave no cryptogram.</summary>
        OnlineRequest AuthorisationData { get; }

        /// <summary>Completes an online request with the host's answer (no second cryptogram in either kernel).</summary>
        TransactionOutcome CompleteOnline(bool hostApproved, byte[] authorisationResponseCode);
    }
}
