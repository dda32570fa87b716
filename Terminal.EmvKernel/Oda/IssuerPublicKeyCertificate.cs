using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// Retrieval of the Issuer Public Key from the Issuer Public Key Certificate (tag 90) under a Certification
    /// Authority public key (EMV 4.4 Book 2, 5.3 and 6.3; format 02, Table 6). Layout of the recovered data
    /// (N = N_CA): header 6A | format 02 | issuer identifier (4) | expiration MMYY (2) | serial number (3) |
    /// hash algorithm (1) | public key algorithm (1) | issuer public key length N_I (1) | exponent length (1) |
    /// leftmost N_CA-36 bytes of the issuer public key (BB padded) | hash (20) | trailer BC.
    /// </summary>
    public sealed class IssuerPublicKeyCertificate : PublicKeyCertificate
    {
        /// <summary>Certificate format of the issuer public key certificate.</summary>
        public const byte CertificateFormat = 0x02;
        private const int IssuerIdentifierLength = 4;

        private IssuerPublicKeyCertificate() : base(IssuerIdentifierLength)
        {
        }

        /// <summary>RID of the CA key used (5 bytes), or null when the key was not found.</summary>
        public byte[] CaRid { get; private set; }

        /// <summary>Index of the CA key used.</summary>
        public byte CaIndex { get; private set; }

        /// <summary>Issuer Identifier: leftmost 3-8 PAN digits padded with F (4 bytes).</summary>
        public byte[] IssuerIdentifier { get; private set; }

        /// <summary>
        /// Looks the CA key up in the store (RID = aidOrRid[0..5), index = 8F) on the transaction date and
        /// recovers the issuer public key as <see cref="Recover(ICryptoProvider, CaPublicKey, byte[], byte[], byte[], byte[], EmvDate, CertificateRevocationList)"/>,
        /// checking the store's revocation list. A missing or expired key gives CaKeyMissing or CaKeyExpired.
        /// </summary>
        public static IssuerPublicKeyCertificate Recover(CaPublicKeyStore store, byte[] aidOrRid, byte caIndex,
            byte[] certificate, byte[] remainder, byte[] exponent, byte[] pan, EmvDate transactionDate)
        {
            if (store == null) throw new System.ArgumentNullException("store");
            CaPublicKey key;
            CaPublicKeyStatus status = store.Lookup(aidOrRid, 0, caIndex, transactionDate, out key);
            if (status != CaPublicKeyStatus.Found)
            {
                IssuerPublicKeyCertificate missing = new IssuerPublicKeyCertificate();
                missing.CaIndex = caIndex;
                missing.Failure = status == CaPublicKeyStatus.Expired ? OdaFailure.CaKeyExpired : OdaFailure.CaKeyMissing;
                return missing;
            }
            return Recover(store.Crypto, key, certificate, remainder, exponent, pan, transactionDate, store.Revocations);
        }

        /// <summary>
        /// EMV 4.4 Book 2, 5.3 steps 1-12 under the given CA key: certificate (90), remainder (92; null or empty
        /// when absent), exponent (9F32), Application PAN (5A), transaction date (9A) and the revocation list
        /// (null: none). Never throws for card data: the outcome is <see cref="RecoveredSignature.Failure"/>.
        /// </summary>
        public static IssuerPublicKeyCertificate Recover(ICryptoProvider crypto, CaPublicKey caKey, byte[] certificate,
            byte[] remainder, byte[] exponent, byte[] pan, EmvDate transactionDate, CertificateRevocationList revocations)
        {
            if (caKey == null) throw new System.ArgumentNullException("caKey");
            if (!transactionDate.IsKnown) throw new System.ArgumentException("the transaction date is required", "transactionDate");
            IssuerPublicKeyCertificate r = new IssuerPublicKeyCertificate();
            r.CaRid = caKey.Rid;
            r.CaIndex = caKey.Index;
            r.Failure = r.Check(crypto, caKey, certificate, remainder, exponent, pan, transactionDate, revocations);
            return r;
        }

        private OdaFailure Check(ICryptoProvider crypto, CaPublicKey caKey, byte[] certificate, byte[] remainder,
            byte[] exponent, byte[] pan, EmvDate date, CertificateRevocationList revocations)
        {
            // Steps 1-4 and the hash algorithm of step 6.
            OdaFailure f = RecoverFields(crypto, caKey.ModulusBytes, caKey.ExponentBytes, certificate, CertificateFormat);
            if (Recovered == null) return f;
            IssuerIdentifier = Bytes.Slice(Recovered, 2, IssuerIdentifierLength);
            if (f != OdaFailure.None) return f;
            if (exponent == null) return OdaFailure.MissingData;
            // Steps 5-7: hash over format .. leftmost digits | remainder | exponent.
            f = SignatureRecovery.CheckHash(crypto, this, remainder, exponent, null);
            if (f != OdaFailure.None) return f;
            // Step 8: issuer identifier against the PAN.
            if (pan == null) return OdaFailure.MissingData;
            if (!CertificateChecks.IssuerIdentifierMatchesPan(Recovered, 2, pan)) return OdaFailure.IssuerIdentifierMismatch;
            // Step 9: expiration date.
            f = CheckExpiration(date);
            if (f != OdaFailure.None) return f;
            // Step 10: RID | CA index | serial number not revoked.
            if (revocations != null && revocations.IsRevoked(caKey.RidBytes, 0, caKey.Index, Recovered, SerialOffset)) return OdaFailure.Revoked;
            // Steps 11-12: public key algorithm, then the issuer public key.
            return CompleteKey(remainder, exponent);
        }
    }
}
