namespace Terminal.EmvKernel.Kernel
{
    /// <summary>What one GENERATE AC returned (Book 3, 6.5.5.4), after the kernel's checks.</summary>
    public sealed class GenerateAcResult
    {
        internal GenerateAcResult(int requested, bool cdaRequested, byte cid, byte[] cdolData, byte[] responseData)
        {
            ResponseData = responseData;
            Requested = requested;
            CdaRequested = cdaRequested;
            Cid = cid;
            CdolData = cdolData;
        }

        /// <summary>The cryptogram type asked for (AAC 00, TC 40, ARQC 80).</summary>
        public int Requested { get; private set; }

        /// <summary>True when P1 asked for a CDA signature (b5).</summary>
        public bool CdaRequested { get; private set; }

        /// <summary>The Cryptogram Information Data '9F27' returned.</summary>
        public byte Cid { get; private set; }

        /// <summary>The cryptogram type returned (CID b8-b7: 00, 40 or 80).</summary>
        public int CryptogramType
        {
            get { return Cid & 0xC0; }
        }

        /// <summary>The CDOL-related data sent.</summary>
        public byte[] CdolData { get; private set; }

        /// <summary>The R-APDU data (the '80' or '77' object).</summary>
        public byte[] ResponseData { get; private set; }

        /// <summary>True when CDA was requested and the signature did not verify (TVR B1b3 is then set).</summary>
        public bool CdaFailed { get; internal set; }
    }
}
