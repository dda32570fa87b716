namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// The outcome the quick (GPO-cryptogram) kernel hands to Entry Point outcome processing (EMV Contactless
    /// Book A, 6.2 and Book C-3, 5.x): the Entry Point acts on it (restart, prompt to insert, go online, ...).
    /// </summary>
    public enum QuickKernelOutcome
    {
        /// <summary>The card approved offline (TC) and fDDA verified.</summary>
        Approved = 1,
        /// <summary>Declined offline: the card returned an AAC, or a kernel rule declined (fDDA failed, expired, CVM).</summary>
        Declined = 2,
        /// <summary>Send the authorisation request (ARQC, or a TC the CTQ sends online).</summary>
        OnlineRequest = 3,
        /// <summary>Ask for another interface (GPO '6984', a CTQ switch-interface rule): insert the card.</summary>
        TryAnotherInterface = 4,
        /// <summary>The transaction ends (bad card response, unexpected status word, missing data).</summary>
        EndApplication = 5,
        /// <summary>GPO answered '6985': Entry Point selects the next combination.</summary>
        SelectNext = 6,
        /// <summary>Start again with a new tap: card removed too early, or GPO '6986' (see phone).</summary>
        TryAgain = 7
    }

    /// <summary>The cardholder verification the quick kernel asks for (Book C-3, CVM processing from the CTQ).</summary>
    public enum QuickKernelCvm
    {
        /// <summary>No CVM.</summary>
        NoCvm = 0,
        /// <summary>The firmware collects an online PIN for the authorisation request.</summary>
        OnlinePin = 1,
        /// <summary>The merchant obtains a signature on the receipt.</summary>
        Signature = 2,
        /// <summary>The phone verified the cardholder (Consumer Device CVM, "confirmation code verified").</summary>
        ConsumerDeviceCvm = 3
    }

    /// <summary>Names of the quick-kernel enums (Enum.ToString gives a number on the device).</summary>
    public static class QuickKernelNames
    {
        /// <summary>A short machine-friendly name of the outcome.</summary>
        public static string Of(QuickKernelOutcome outcome)
        {
            switch (outcome)
            {
                case QuickKernelOutcome.Approved: return "approved";
                case QuickKernelOutcome.Declined: return "declined";
                case QuickKernelOutcome.OnlineRequest: return "online-request";
                case QuickKernelOutcome.TryAnotherInterface: return "try-another-interface";
                case QuickKernelOutcome.SelectNext: return "select-next";
                case QuickKernelOutcome.TryAgain: return "try-again";
                default: return "end-application";
            }
        }

        /// <summary>A short machine-friendly name of the CVM.</summary>
        public static string Of(QuickKernelCvm cvm)
        {
            switch (cvm)
            {
                case QuickKernelCvm.OnlinePin: return "online-pin";
                case QuickKernelCvm.Signature: return "signature";
                case QuickKernelCvm.ConsumerDeviceCvm: return "consumer-device-cvm";
                default: return "no-cvm";
            }
        }
    }
}
