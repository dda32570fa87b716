using Terminal.EmvKernel.Crypto.BigNumbers;

namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// Raw RSA (no padding) on the project's own big-number code (<see cref="BigNat"/>), portable to the
    /// device. EMV uses raw RSA for certificate and signature recovery (EMV 4.4 Book 2, 5.3 and 6.3:
    /// X = S^e mod N, where S has the length of N).
    /// <para>
    /// Errors: every invalid argument throws <see cref="System.ArgumentException"/> (null arrays throw its
    /// subclass <see cref="System.ArgumentNullException"/>) with a message naming the rule broken. Messages
    /// give lengths only, never key or data bytes. Rules: the modulus is 1 to <see cref="MaxModulusLength"/>
    /// bytes, odd and greater than 1 (leading zero bytes are allowed and count towards its length); the
    /// exponent is non-zero and no longer than the modulus; the input has exactly the modulus length and is
    /// numerically below the modulus.
    /// </para>
    /// A private operation without CRT is <see cref="PublicOperation"/> with the private exponent d.
    /// </summary>
    public static class Rsa
    {
        /// <summary>Largest modulus accepted, in bytes (2048 bits; EMV keys are at most 1984 bits).</summary>
        public const int MaxModulusLength = 256;

        /// <summary>
        /// input^exponent mod modulus, all big-endian. The input must have the modulus length and be below
        /// the modulus; the result is left-padded to the modulus length.
        /// </summary>
        public static byte[] PublicOperation(byte[] modulus, byte[] exponent, byte[] input)
        {
            BigNat n = CheckedModulus(modulus, "modulus");
            if (exponent == null) throw new System.ArgumentNullException("exponent");
            if (exponent.Length > modulus.Length)
            {
                throw new System.ArgumentException("RSA exponent is " + exponent.Length + " bytes, longer than the " + modulus.Length + "-byte modulus");
            }
            BigNat e = BigNat.FromBytes(exponent);
            if (e.IsZero) throw new System.ArgumentException("RSA exponent must not be zero");
            BigNat x = CheckedInput(n, modulus.Length, input);
            return BigNat.ModPow(x, e, n).ToBytes(modulus.Length);
        }

        /// <summary>
        /// input^d mod N with the key's CRT parameters (PKCS #1 v2.2, 5.1.2, RSADP method 2):
        /// m1 = c^dP mod p, m2 = c^dQ mod q, h = qInv (m1 - m2) mod p, m = m2 + q h.
        /// The input must have the modulus length and be below the modulus; the result is left-padded to
        /// the modulus length. For the card simulator; not constant-time.
        /// </summary>
        public static byte[] PrivateOperation(RsaPrivateCrtKey key, byte[] input)
        {
            if (key == null) throw new System.ArgumentNullException("key");
            BigNat c = CheckedInput(key.N, key.ModulusLength, input);
            BigNat m1 = BigNat.ModPow(c, key.DP, key.P);
            BigNat m2 = BigNat.ModPow(c, key.DQ, key.Q);
            BigNat m2ModP = BigNat.Mod(m2, key.P);
            BigNat difference = BigNat.Compare(m1, m2ModP) >= 0
                ? BigNat.Subtract(m1, m2ModP)
                : BigNat.Subtract(BigNat.Add(m1, key.P), m2ModP);
            BigNat h = BigNat.Mod(BigNat.Multiply(key.QInv, difference), key.P);
            BigNat m = BigNat.Add(m2, BigNat.Multiply(key.Q, h));
            return m.ToBytes(key.ModulusLength);
        }

        /// <summary>The modulus as a number, after the length, oddness and size checks.</summary>
        internal static BigNat CheckedModulus(byte[] modulus, string name)
        {
            if (modulus == null) throw new System.ArgumentNullException(name);
            if (modulus.Length == 0 || modulus.Length > MaxModulusLength)
            {
                throw new System.ArgumentException("RSA " + name + " is " + modulus.Length + " bytes; 1 to " + MaxModulusLength + " bytes are supported");
            }
            BigNat n = BigNat.FromBytes(modulus);
            if (!n.IsOdd || BigNat.Compare(n, BigNat.One) == 0)
            {
                throw new System.ArgumentException("RSA " + name + " must be odd and greater than 1");
            }
            return n;
        }

        private static BigNat CheckedInput(BigNat modulus, int modulusLength, byte[] input)
        {
            if (input == null) throw new System.ArgumentNullException("input");
            if (input.Length != modulusLength)
            {
                throw new System.ArgumentException("RSA input is " + input.Length + " bytes; it must have the modulus length, " + modulusLength + " bytes");
            }
            BigNat x = BigNat.FromBytes(input);
            if (BigNat.Compare(x, modulus) >= 0)
            {
                throw new System.ArgumentException("RSA input is not below the modulus");
            }
            return x;
        }
    }
}
