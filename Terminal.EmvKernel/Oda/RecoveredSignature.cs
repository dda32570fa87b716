namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// What the terminal recovered from one RSA-signed EMV block (a certificate or signed application data,
    /// EMV 4.4 Book 2, 5 and 6) and the outcome of its checks. The fields common to every block are here; each
    /// block type adds its own. Fields are filled as far as recovery got, also on failure (for diagnostics); a
    /// recovered public key is only given when <see cref="IsValid"/>. Arrays belong to the caller.
    /// </summary>
    public abstract class RecoveredSignature
    {
        /// <summary>None when valid, else the first check that failed.</summary>
        public OdaFailure Failure { get; internal set; }

        /// <summary>True when every check passed.</summary>
        public bool IsValid { get { return Failure == OdaFailure.None; } }

        /// <summary>The whole recovered block (signature^e mod n), or null when recovery was not attempted.</summary>
        public byte[] Recovered { get; internal set; }

        /// <summary>Recovered Data Header (6A when valid).</summary>
        public byte Header { get; internal set; }

        /// <summary>Certificate or Signed Data Format (02, 03, 04 or 05).</summary>
        public byte Format { get; internal set; }

        /// <summary>Hash Algorithm Indicator (01 = SHA-1).</summary>
        public byte HashAlgorithmIndicator { get; internal set; }

        /// <summary>Hash Result recovered from the block (20 bytes).</summary>
        public byte[] HashResult { get; internal set; }

        /// <summary>Recovered Data Trailer (BC when valid).</summary>
        public byte Trailer { get; internal set; }

        /// <summary>The data the terminal hashed: recovered bytes from the format to before the hash, then the step's extra data.</summary>
        public byte[] HashInput { get; internal set; }

        /// <summary>SHA-1 of <see cref="HashInput"/>, or null when the hash was not computed.</summary>
        public byte[] ComputedHash { get; internal set; }
    }
}
