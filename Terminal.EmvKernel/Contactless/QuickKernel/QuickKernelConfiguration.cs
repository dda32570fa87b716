using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// The quick kernel's configuration for one combination {AID, kernel}: the CA keys for fDDA and the few
    /// switches Book C-3 leaves to the reader. The reader's capabilities themselves are the TTQ '9F66' that Entry
    /// Point pre-processing puts in the terminal data.
    /// </summary>
    public sealed class QuickKernelConfiguration
    {
        /// <summary>A configuration verifying fDDA under <paramref name="caKeys"/>.</summary>
        public QuickKernelConfiguration(CaPublicKeyStore caKeys)
        {
            if (caKeys == null) throw new System.ArgumentNullException("caKeys");
            CaKeys = caKeys;
            CheckApplicationExpiry = true;
        }

        /// <summary>The CA public keys of the terminal's set (test or live).</summary>
        public CaPublicKeyStore CaKeys { get; private set; }

        /// <summary>
        /// True (default): an offline TC for an application whose expiry date '5F24' is before the transaction
        /// date goes online when the CTQ says so, else declines (Book C-3 offline processing [K]).
        /// </summary>
        public bool CheckApplicationExpiry { get; set; }

        /// <summary>
        /// The terminal exception file (hot list), or null: a listed card's offline approval (TC) is declined and
        /// TVR B1b5 "card appears on terminal exception file" is set (Book C-3 offline processing [K]).
        /// </summary>
        public IExceptionFile ExceptionFile { get; set; }

        /// <summary>
        /// True: run fDDA for an ARQC too when TTQ B1b1 (ODA for online authorisations) is set and the card sent
        /// a signature; a failure is then only reported in the TVR. Default false.
        /// </summary>
        public bool FddaForOnline { get; set; }
    }
}
