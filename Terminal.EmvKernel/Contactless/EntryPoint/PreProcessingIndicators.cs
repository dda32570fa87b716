using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// The Entry Point Pre-Processing Indicators of one combination (EMV Contactless Book B, 3.1.1 and Table 5-3)
    /// and its Copy of the TTQ, which the kernel sends to the card.
    /// </summary>
    public sealed class PreProcessingIndicators
    {
        /// <summary>Indicators reset (Book B 3.1.1.1) and the TTQ copy taken from the configured value with byte 2 b8-b7 cleared (3.1.1.2).</summary>
        public PreProcessingIndicators(ContactlessCombination combination)
        {
            if (combination == null) throw new System.ArgumentNullException("combination");
            Combination = combination;
            Ttq = new TerminalTransactionQualifiers(combination.Ttq);
            Ttq.Clear(TerminalTransactionQualifiers.OnlineCryptogramRequired);
            Ttq.Clear(TerminalTransactionQualifiers.CvmRequired);
        }

        /// <summary>The combination these indicators belong to.</summary>
        public ContactlessCombination Combination { get; private set; }

        /// <summary>Status Check Requested (Book B 3.1.1.3).</summary>
        public bool StatusCheckRequested { get; internal set; }

        /// <summary>Contactless Application Not Allowed: the combination takes no part in selection (3.1.1.4, 3.1.1.5, 3.1.1.11).</summary>
        public bool ContactlessApplicationNotAllowed { get; internal set; }

        /// <summary>Zero Amount (Book B 3.1.1.4).</summary>
        public bool ZeroAmount { get; internal set; }

        /// <summary>Reader CVM Required Limit Exceeded (Book B 3.1.1.8).</summary>
        public bool CvmRequiredLimitExceeded { get; internal set; }

        /// <summary>Reader Contactless Floor Limit Exceeded (Book B 3.1.1.6).</summary>
        public bool ReaderFloorLimitExceeded { get; internal set; }

        /// <summary>Terminal Floor Limit ('9F1B') Exceeded, checked when the reader floor limit is absent (Book B 3.1.1.7).</summary>
        public bool TerminalFloorLimitExceeded { get; internal set; }

        /// <summary>The Copy of TTQ for this transaction (byte 2 b8 online cryptogram required, b7 CVM required set by 3.1.1.9-12).</summary>
        public TerminalTransactionQualifiers Ttq { get; private set; }
    }
}
