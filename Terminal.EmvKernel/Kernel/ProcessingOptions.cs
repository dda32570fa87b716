using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>The GET PROCESSING OPTIONS result (EMV 4.4 Book 3, 6.5.8.4): AIP '82' and the validated AFL '94'.</summary>
    public sealed class ProcessingOptions
    {
        internal ProcessingOptions(SelectedApplication application, byte[] aip, ApplicationFileLocator afl, bool format2, byte[] pdolData)
        {
            PdolData = pdolData;
            Application = application;
            Aip = aip;
            InterchangeProfile = new ApplicationInterchangeProfile(aip);
            Afl = afl;
            IsFormat2 = format2;
        }

        /// <summary>The application the GPO was accepted for (after any '6985' reselection).</summary>
        public SelectedApplication Application { get; private set; }

        /// <summary>AIP '82', 2 bytes.</summary>
        public byte[] Aip { get; private set; }

        /// <summary>The AIP decoded.</summary>
        public ApplicationInterchangeProfile InterchangeProfile { get; private set; }

        /// <summary>The AFL '94', validated.</summary>
        public ApplicationFileLocator Afl { get; private set; }

        /// <summary>
        /// The PDOL-related data sent in GET PROCESSING OPTIONS (the value of '83', empty when the card has no PDOL);
        /// CDA hashes it into the Transaction Data Hash Code (Book 2, 6.6.1).
        /// </summary>
        public byte[] PdolData { get; private set; }

        /// <summary>True when the response was format 2 ('77'), false for format 1 ('80').</summary>
        public bool IsFormat2 { get; private set; }
    }
}
