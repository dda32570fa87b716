using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// Retrieval of the ICC Public Key from the ICC Public Key Certificate (tag 9F46) under the issuer public
    /// key (EMV 4.4 Book 2, 6.4; format 04, Table 14). Layout of the recovered data (N = N_I): header 6A |
    /// format 04 | Application PAN (10, F padded) | expiration MMYY (2) | serial number (3) | hash algorithm (1) |
    /// public key algorithm (1) | ICC public key length N_IC (1) | exponent length (1) | leftmost N_I-42 bytes of
    /// the ICC public key (BB padded) | hash (20) | trailer BC.
    /// </summary>
    public sealed class IccPublicKeyCertificate : PublicKeyCertificate
    {
        /// <summary>Certificate format of the ICC public key certificate.</summary>
        public const byte CertificateFormat = 0x04;

        private IccPublicKeyCertificate() : base(CertificateChecks.CertificatePanLength)
        {
        }

        /// <summary>Application PAN from the certificate (10 bytes, padded with F).</summary>
        public byte[] Pan { get; private set; }

        /// <summary>As the other overload, with the key of a valid <see cref="IssuerPublicKeyCertificate"/>.</summary>
        public static IccPublicKeyCertificate Recover(ICryptoProvider crypto, IssuerPublicKeyCertificate issuer, byte[] certificate,
            byte[] remainder, byte[] exponent, byte[] pan, byte[] staticDataToBeAuthenticated, EmvDate transactionDate)
        {
            if (issuer == null || !issuer.IsValid) throw new System.ArgumentException("a valid issuer public key is required", "issuer");
            return Recover(crypto, issuer.Modulus, issuer.Exponent, certificate, remainder, exponent, pan,
                staticDataToBeAuthenticated, transactionDate);
        }

        /// <summary>
        /// EMV 4.4 Book 2, 6.4 steps 1-11 under the issuer public key: certificate (9F46), remainder (9F48; null
        /// or empty when absent), exponent (9F47), Application PAN (5A), the static data to be authenticated
        /// (records marked for ODA, then the data of the SDA tag list 9F4A, as built by the kernel) and the
        /// transaction date (9A). Never throws for card data: the outcome is <see cref="RecoveredSignature.Failure"/>.
        /// </summary>
        public static IccPublicKeyCertificate Recover(ICryptoProvider crypto, byte[] issuerModulus, byte[] issuerExponent,
            byte[] certificate, byte[] remainder, byte[] exponent, byte[] pan, byte[] staticDataToBeAuthenticated,
            EmvDate transactionDate)
        {
            if (staticDataToBeAuthenticated == null) throw new System.ArgumentNullException("staticDataToBeAuthenticated");
            if (!transactionDate.IsKnown) throw new System.ArgumentException("the transaction date is required", "transactionDate");
            IccPublicKeyCertificate r = new IccPublicKeyCertificate();
            r.Failure = r.Check(crypto, issuerModulus, issuerExponent, certificate, remainder, exponent, pan,
                staticDataToBeAuthenticated, transactionDate);
            return r;
        }

        private OdaFailure Check(ICryptoProvider crypto, byte[] issuerModulus, byte[] issuerExponent, byte[] certificate,
            byte[] remainder, byte[] exponent, byte[] pan, byte[] staticData, EmvDate date)
        {
            // Steps 1-4 and the hash algorithm of step 6.
            OdaFailure f = RecoverFields(crypto, issuerModulus, issuerExponent, certificate, CertificateFormat);
            if (Recovered == null) return f;
            Pan = Bytes.Slice(Recovered, 2, CertificateChecks.CertificatePanLength);
            if (f != OdaFailure.None) return f;
            if (exponent == null) return OdaFailure.MissingData;
            // Steps 5-7: hash over format .. leftmost digits | remainder | exponent | static data.
            f = SignatureRecovery.CheckHash(crypto, this, remainder, exponent, staticData);
            if (f != OdaFailure.None) return f;
            // Step 8: the certificate's PAN is the Application PAN.
            if (pan == null) return OdaFailure.MissingData;
            if (!CertificateChecks.CertificatePanMatches(Recovered, 2, pan)) return OdaFailure.PanMismatch;
            // Step 9: expiration date.
            f = CheckExpiration(date);
            if (f != OdaFailure.None) return f;
            // Steps 10-11: public key algorithm, then the ICC public key.
            return CompleteKey(remainder, exponent);
        }
    }
}
