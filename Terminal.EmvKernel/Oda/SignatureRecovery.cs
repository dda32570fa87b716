using Terminal.EmvKernel.Util;
using System;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// The steps shared by every RSA-signed EMV block (EMV 4.4 Book 2, 5.3, 5.4, 6.3, 6.4, 6.5.2, 6.6.2):
    /// length check, recovery, trailer, header, format, hash algorithm, and the hash over the recovered data
    /// from the format byte to just before the hash result, followed by the step's extra data.
    /// </summary>
    internal static class SignatureRecovery
    {
        public const byte RecoveredDataHeader = 0x6A;
        public const byte RecoveredDataTrailer = 0xBC;
        public const byte HashAlgorithmSha1 = Capk.CaPublicKey.HashAlgorithmSha1;
        public const byte PublicKeyAlgorithmRsa = Capk.CaPublicKey.PublicKeyAlgorithmRsa;
        public const int HashLength = 20;

        /// <summary>
        /// Steps 1-4 and the hash algorithm check. Fills Recovered, Header, Format, HashAlgorithmIndicator,
        /// HashResult and Trailer of the target and returns the first failure (None when all passed).
        /// minimumLength is the shortest block the layout fits in.
        /// </summary>
        public static OdaFailure Recover(ICryptoProvider crypto, byte[] modulus, byte[] exponent, byte[] signature,
            int minimumLength, byte format, int hashAlgorithmOffset, RecoveredSignature target)
        {
            if (crypto == null) throw new ArgumentNullException("crypto");
            if (signature == null || modulus == null || exponent == null || modulus.Length == 0 || exponent.Length == 0)
                return OdaFailure.MissingData;
            if (!IsUsableKey(modulus, exponent)) return OdaFailure.InvalidPublicKey;
            // Step 1: the signature has the length of the modulus.
            if (signature.Length != modulus.Length || modulus.Length < minimumLength) return OdaFailure.CertificateLengthMismatch;
            if (!IsBelow(signature, modulus)) return OdaFailure.SignatureOutOfRange;

            byte[] x = crypto.RsaPublic(modulus, exponent, signature);
            int n = x.Length;
            target.Recovered = x;
            target.Header = x[0];
            target.Format = x[1];
            target.HashAlgorithmIndicator = x[hashAlgorithmOffset];
            target.HashResult = Bytes.Slice(x, n - 1 - HashLength, HashLength);
            target.Trailer = x[n - 1];

            if (x[n - 1] != RecoveredDataTrailer) return OdaFailure.BadTrailer;   // step 2
            if (x[0] != RecoveredDataHeader) return OdaFailure.BadHeader;        // step 3
            if (x[1] != format) return OdaFailure.BadFormat;                     // step 4
            if (x[hashAlgorithmOffset] != HashAlgorithmSha1) return OdaFailure.UnsupportedAlgorithm;
            return OdaFailure.None;
        }

        /// <summary>
        /// Steps 5-7: SHA-1 over recovered[1 .. N-22] | a | b | c (null parts are skipped) compared with the
        /// recovered hash. Fills HashInput and ComputedHash.
        /// </summary>
        public static OdaFailure CheckHash(ICryptoProvider crypto, RecoveredSignature target, byte[] a, byte[] b, byte[] c)
        {
            byte[] x = target.Recovered;
            int signedLength = x.Length - 2 - HashLength;
            int total = signedLength + LengthOf(a) + LengthOf(b) + LengthOf(c);
            byte[] input = new byte[total];
            Array.Copy(x, 1, input, 0, signedLength);
            int at = signedLength;
            at = Append(input, at, a);
            at = Append(input, at, b);
            Append(input, at, c);
            target.HashInput = input;
            target.ComputedHash = crypto.Sha1(input, 0, input.Length);
            return Bytes.Equal(target.ComputedHash, 0, target.HashResult, 0, HashLength) ? OdaFailure.None : OdaFailure.HashMismatch;
        }

        private static int LengthOf(byte[] a) { return a == null ? 0 : a.Length; }

        private static int Append(byte[] into, int at, byte[] part)
        {
            if (part == null) return at;
            Array.Copy(part, 0, into, at, part.Length);
            return at + part.Length;
        }

        // An RSA public key the recovery can use: modulus of at most 1984 bits (EMV 4.4 Book 2, 5.1) and odd,
        // exponent not zero and not longer than the modulus.
        private static bool IsUsableKey(byte[] modulus, byte[] exponent)
        {
            if (modulus.Length > Capk.CaPublicKey.MaxModulusLength || (modulus[modulus.Length - 1] & 1) == 0) return false;
            if (exponent.Length > modulus.Length) return false;
            for (int i = 0; i < exponent.Length; i++)
                if (exponent[i] != 0) return true;
            return false;
        }

        // Big-endian comparison of two numbers of the same byte length.
        private static bool IsBelow(byte[] value, byte[] modulus)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] != modulus[i]) return value[i] < modulus[i];
            }
            return false;
        }
    }
}
