namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>How issuer-script command data is enciphered for secure messaging for confidentiality.</summary>
    public enum DataEncipherment
    {
        /// <summary>EMV (Common Core Definitions): TDES-CBC, IV zero, over the data padded with ISO/IEC 9797-1 method 2.</summary>
        Emv = 1,
        /// <summary>Mastercard: TDES-CBC, IV zero; padding method 2 only when the data is not a multiple of 8 bytes.</summary>
        Mastercard = 2,
        /// <summary>Visa: TDES-ECB over (length byte || data) padded with ISO/IEC 9797-1 method 2.</summary>
        Visa = 3
    }
}
