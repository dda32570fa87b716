using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// Verification of the Signed Static Application Data (tag 93) for SDA under the issuer public key
    /// (EMV 4.4 Book 2, 5.4; format 03, Table 7). Layout of the recovered data (N = N_I): header 6A | format 03 |
    /// hash algorithm (1) | Data Authentication Code (2) | pad BB (N_I-26) | hash (20) | trailer BC.
    /// </summary>
    public sealed class SignedStaticApplicationData : RecoveredSignature
    {
        /// <summary>Signed data format of the SSAD.</summary>
        public const byte SignedDataFormat = 0x03;
        private const int FixedLength = 26;

        /// <summary>Data Authentication Code (2 bytes); the kernel stores it as 9F45 when the SSAD is valid.</summary>
        public byte[] DataAuthenticationCode { get; private set; }

        /// <summary>The pad pattern (N_I-26 bytes, BB when well formed).</summary>
        public byte[] Pad { get; private set; }

        /// <summary>As the other overload, with the key of a valid <see cref="IssuerPublicKeyCertificate"/>.</summary>
        public static SignedStaticApplicationData Verify(ICryptoProvider crypto, IssuerPublicKeyCertificate issuer,
            byte[] signedStaticData, byte[] staticDataToBeAuthenticated)
        {
            if (issuer == null || !issuer.IsValid) throw new System.ArgumentException("a valid issuer public key is required", "issuer");
            return Verify(crypto, issuer.Modulus, issuer.Exponent, signedStaticData, staticDataToBeAuthenticated);
        }

        /// <summary>
        /// EMV 4.4 Book 2, 5.4 steps 1-7: recovers the SSAD (93) with the issuer public key and checks the hash
        /// over format .. pad | static data to be authenticated. Never throws for card data.
        /// </summary>
        public static SignedStaticApplicationData Verify(ICryptoProvider crypto, byte[] issuerModulus, byte[] issuerExponent,
            byte[] signedStaticData, byte[] staticDataToBeAuthenticated)
        {
            if (staticDataToBeAuthenticated == null) throw new System.ArgumentNullException("staticDataToBeAuthenticated");
            SignedStaticApplicationData r = new SignedStaticApplicationData();
            OdaFailure f = SignatureRecovery.Recover(crypto, issuerModulus, issuerExponent, signedStaticData,
                FixedLength, SignedDataFormat, 2, r);
            if (r.Recovered != null)
            {
                r.DataAuthenticationCode = Bytes.Slice(r.Recovered, 3, 2);
                r.Pad = Bytes.Slice(r.Recovered, 5, r.Recovered.Length - FixedLength);
                if (f == OdaFailure.None) f = SignatureRecovery.CheckHash(crypto, r, staticDataToBeAuthenticated, null, null);
            }
            r.Failure = f;
            return r;
        }
    }
}
