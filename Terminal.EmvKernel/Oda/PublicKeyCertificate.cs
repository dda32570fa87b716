using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// What the issuer (format 02, EMV 4.4 Book 2 Table 6) and ICC (format 04, Table 14) public key certificates
    /// share. Both lay out: header | format | identity (issuer identifier 4 or PAN 10) | expiration MMYY (2) |
    /// serial number (3) | hash algorithm (1) | public key algorithm (1) | public key length (1) | exponent length (1) |
    /// public key or its leftmost digits, BB padded | hash (20) | trailer.
    /// </summary>
    public abstract class PublicKeyCertificate : RecoveredSignature
    {
        // Bytes of the layout other than the identity and the key field: header, format, MMYY, serial, hash
        // algorithm, key algorithm, key length, exponent length, hash and trailer.
        private const int FixedLength = 32;
        private readonly int _identityLength;

        internal PublicKeyCertificate(int identityLength)
        {
            _identityLength = identityLength;
        }

        /// <summary>Certificate Expiration Date MMYY (2 bytes, BCD).</summary>
        public byte[] ExpirationDate { get; private set; }

        /// <summary>Certificate Serial Number (3 bytes).</summary>
        public byte[] SerialNumber { get; private set; }

        /// <summary>Public Key Algorithm Indicator of the certified key (01 = RSA).</summary>
        public byte PublicKeyAlgorithmIndicator { get; private set; }

        /// <summary>Length in bytes of the certified public key, as stated in the certificate.</summary>
        public int PublicKeyLength { get; private set; }

        /// <summary>Length in bytes of the certified key's exponent, as stated in the certificate.</summary>
        public int PublicKeyExponentLength { get; private set; }

        /// <summary>The key field of the certificate: the certified public key or its leftmost digits, with any BB padding.</summary>
        public byte[] PublicKeyOrLeftmostDigits { get; private set; }

        /// <summary>The certified public key modulus (leftmost digits | remainder), only when <see cref="RecoveredSignature.IsValid"/>.</summary>
        public byte[] Modulus { get; private set; }

        /// <summary>The certified public key exponent, only when <see cref="RecoveredSignature.IsValid"/>.</summary>
        public byte[] Exponent { get; private set; }

        /// <summary>Offset of the expiration date in the recovered data.</summary>
        internal int ExpirationOffset { get { return 2 + _identityLength; } }

        /// <summary>Offset of the serial number in the recovered data.</summary>
        internal int SerialOffset { get { return 4 + _identityLength; } }

        /// <summary>
        /// Steps 1-4 and the hash algorithm check, then reads the fields. Returns the first failure; the fields
        /// are read whenever the data was recovered.
        /// </summary>
        internal OdaFailure RecoverFields(ICryptoProvider crypto, byte[] signerModulus, byte[] signerExponent, byte[] certificate, byte format)
        {
            int id = _identityLength;
            OdaFailure f = SignatureRecovery.Recover(crypto, signerModulus, signerExponent, certificate,
                FixedLength + id + 1, format, 7 + id, this);
            if (Recovered == null) return f;
            byte[] x = Recovered;
            ExpirationDate = Bytes.Slice(x, ExpirationOffset, 2);
            SerialNumber = Bytes.Slice(x, SerialOffset, 3);
            PublicKeyAlgorithmIndicator = x[8 + id];
            PublicKeyLength = x[9 + id];
            PublicKeyExponentLength = x[10 + id];
            PublicKeyOrLeftmostDigits = Bytes.Slice(x, 11 + id, x.Length - FixedLength - id);
            return f;
        }

        /// <summary>The expiry step (Book 2, 5.3 step 9 and 6.4 step 9).</summary>
        internal OdaFailure CheckExpiration(EmvDate date)
        {
            return CertificateChecks.CheckExpiration(Recovered, ExpirationOffset, date);
        }

        /// <summary>
        /// The last steps (Book 2, 5.3 steps 11-12 and 6.4 steps 10-11): the public key algorithm must be RSA, and
        /// the key is the key field (when it fits) or the whole field followed by the remainder; the stated
        /// lengths must agree with the remainder and exponent supplied.
        /// </summary>
        internal OdaFailure CompleteKey(byte[] remainder, byte[] exponent)
        {
            if (PublicKeyAlgorithmIndicator != SignatureRecovery.PublicKeyAlgorithmRsa) return OdaFailure.UnsupportedAlgorithm;
            byte[] modulus = AssembleModulus(remainder);
            if (modulus == null || PublicKeyExponentLength != exponent.Length) return OdaFailure.KeyLengthMismatch;
            Modulus = modulus;
            Exponent = Bytes.Slice(exponent, 0, exponent.Length);
            return OdaFailure.None;
        }

        private byte[] AssembleModulus(byte[] remainder)
        {
            byte[] field = PublicKeyOrLeftmostDigits;
            int keyLength = PublicKeyLength;
            if (keyLength == 0) return null;
            if (keyLength <= field.Length) return Bytes.Slice(field, 0, keyLength);
            int remainderLength = remainder == null ? 0 : remainder.Length;
            if (remainderLength != keyLength - field.Length) return null;
            return Bytes.Concat(field, remainder);
        }
    }
}
