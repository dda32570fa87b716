namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The outcome the M/Chip-style (GENERATE AC) kernel hands to Entry Point outcome processing (EMV Contactless
    /// Book A, 6.2; Book C-2 outcomes).
    /// </summary>
    public enum GenerateAcKernelOutcome
    {
        /// <summary>The card approved offline (TC) and CDA verified.</summary>
        Approved = 1,
        /// <summary>Declined: the card returned an AAC, or CDA failed.</summary>
        Declined = 2,
        /// <summary>Send the authorisation request (ARQC).</summary>
        OnlineRequest = 3,
        /// <summary>Use another interface: the amount is at or over the contactless transaction limit, or the card has no EMV mode.</summary>
        TryAnotherInterface = 4,
        /// <summary>
        /// The transaction ends. With <see cref="GenerateAcKernelResult.Restart"/> Entry Point restarts at B: the card
        /// left the field during GENERATE AC (torn transaction, tap again) or the phone asks the cardholder to act
        /// ("see phone").
        /// </summary>
        EndApplication = 5,
        /// <summary>GPO answered other than '9000': Entry Point selects the next combination.</summary>
        SelectNext = 6,
        /// <summary>The card left the field before GENERATE AC: tap again.</summary>
        TryAgain = 7
    }

    /// <summary>Names of the kernel's outcomes (Enum.ToString gives a number on the device).</summary>
    public static class GenerateAcKernelNames
    {
        /// <summary>A short machine-friendly name of the outcome.</summary>
        public static string Of(GenerateAcKernelOutcome outcome)
        {
            switch (outcome)
            {
                case GenerateAcKernelOutcome.Approved: return "approved";
                case GenerateAcKernelOutcome.Declined: return "declined";
                case GenerateAcKernelOutcome.OnlineRequest: return "online-request";
                case GenerateAcKernelOutcome.TryAnotherInterface: return "try-another-interface";
                case GenerateAcKernelOutcome.SelectNext: return "select-next";
                case GenerateAcKernelOutcome.TryAgain: return "try-again";
                default: return "end-application";
            }
        }
    }
}
