namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>How an ICC master key is derived from the issuer master key (EMV 4.4 Book 2, Annex A1.4).</summary>
    public enum MasterKeyDerivation
    {
        /// <summary>Option A (A1.4.1): rightmost 16 digits of PAN || PSN.</summary>
        OptionA = 1,
        /// <summary>Option B (A1.4.2): SHA-1 of PAN || PSN, decimalised, for PANs longer than 16 digits.</summary>
        OptionB = 2
    }
}
