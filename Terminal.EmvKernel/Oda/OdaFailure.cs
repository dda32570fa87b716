namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// Why a certificate or signature failed offline data authentication (EMV 4.4 Book 2, 5.3, 5.4, 6.3-6.6).
    /// Failures are data: the kernel maps them to TVR bits ("SDA failed", "DDA failed", "CDA failed",
    /// "ICC data missing") and continues the transaction.
    /// </summary>
    public enum OdaFailure
    {
        /// <summary>Valid: every check passed.</summary>
        None = 0,
        /// <summary>The store holds no CA public key with this RID and index (EMV 4.4 Book 3, 10.3).</summary>
        CaKeyMissing = 1,
        /// <summary>The CA public key is held but expired on the transaction date.</summary>
        CaKeyExpired = 2,
        /// <summary>A card data element needed for the step is absent (certificate, exponent, PAN, signature).</summary>
        MissingData = 3,
        /// <summary>The certificate or signature length differs from the modulus length of the key that signed it (step 1).</summary>
        CertificateLengthMismatch = 4,
        /// <summary>The signature, read as a number, is not below the modulus, so it cannot be an RSA signature under this key.</summary>
        SignatureOutOfRange = 5,
        /// <summary>The recovered data does not end with BC (step 2).</summary>
        BadTrailer = 6,
        /// <summary>The recovered data does not start with 6A (step 3).</summary>
        BadHeader = 7,
        /// <summary>The format byte is not 02, 03, 04 or 05 as the step requires (step 4).</summary>
        BadFormat = 8,
        /// <summary>The hash algorithm or public key algorithm indicator is not 01 (SHA-1, RSA).</summary>
        UnsupportedAlgorithm = 9,
        /// <summary>The recovered hash differs from the hash computed over the signed data (step 7).</summary>
        HashMismatch = 10,
        /// <summary>The issuer identifier is not the leftmost 3-8 digits of the PAN (EMV 4.4 Book 2, 5.3 step 8).</summary>
        IssuerIdentifierMismatch = 11,
        /// <summary>The PAN in the ICC certificate differs from the Application PAN 5A (EMV 4.4 Book 2, 6.4 step 8).</summary>
        PanMismatch = 12,
        /// <summary>The certificate expiration date is not a valid MMYY date.</summary>
        InvalidExpirationDate = 13,
        /// <summary>The certificate expired before the current month (EMV 4.4 Book 2, 5.3 step 9, 6.4 step 9).</summary>
        Expired = 14,
        /// <summary>The issuer certificate (RID, CA index, serial number) is on the revocation list (5.3 step 10).</summary>
        Revoked = 15,
        /// <summary>The public key length or exponent length in the certificate does not agree with the remainder or exponent supplied.</summary>
        KeyLengthMismatch = 16,
        /// <summary>The ICC dynamic data length does not fit the signature, or (CDA) the dynamic data is too short for its fields.</summary>
        DynamicDataLengthInvalid = 17,
        /// <summary>CDA: the CID in the signature differs from the CID (9F27) in the GENERATE AC response (6.6.2 step 6).</summary>
        CryptogramInformationMismatch = 18,
        /// <summary>CDA: the transaction data hash code differs from the one the terminal computed (6.6.2 step 12).</summary>
        TransactionDataHashMismatch = 19,
        /// <summary>The key to verify with is not a usable RSA public key (modulus even or over 1984 bits, exponent zero or longer than the modulus).</summary>
        InvalidPublicKey = 20
    }

    /// <summary>Names of <see cref="OdaFailure"/> values (Enum.ToString gives a number on the device).</summary>
    public static class OdaFailureNames
    {
        private static readonly string[] Names =
        {
            "None", "CaKeyMissing", "CaKeyExpired", "MissingData", "CertificateLengthMismatch", "SignatureOutOfRange",
            "BadTrailer", "BadHeader", "BadFormat", "UnsupportedAlgorithm", "HashMismatch", "IssuerIdentifierMismatch",
            "PanMismatch", "InvalidExpirationDate", "Expired", "Revoked", "KeyLengthMismatch", "DynamicDataLengthInvalid",
            "CryptogramInformationMismatch", "TransactionDataHashMismatch", "InvalidPublicKey"
        };

        /// <summary>The value's name, e.g. "HashMismatch"; "Unknown" for an undefined value.</summary>
        public static string Name(OdaFailure failure)
        {
            int i = (int)failure;
            return i >= 0 && i < Names.Length ? Names[i] : "Unknown";
        }
    }
}
