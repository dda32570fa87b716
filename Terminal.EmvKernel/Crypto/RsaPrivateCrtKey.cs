using Terminal.EmvKernel.Crypto.BigNumbers;

namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// An RSA private key in Chinese Remainder Theorem form (PKCS #1 v2.2, 3.2, second representation):
    /// modulus N = p q, public exponent e, dP = d mod (p-1), dQ = d mod (q-1), qInv = q^-1 mod p.
    /// Used by the card simulator with <see cref="Rsa.PrivateOperation"/>. All values are big-endian
    /// unsigned bytes (leading zeros allowed). The constructor checks the parts that are cheap to check
    /// (p q = N, p and q odd, dP &lt; p, dQ &lt; q, qInv &lt; p) and throws <see cref="System.ArgumentException"/>
    /// naming the rule, never a key value. The inputs are copied; the key does not change afterwards.
    /// </summary>
    public sealed class RsaPrivateCrtKey
    {
        private readonly byte[] _modulus;
        private readonly byte[] _publicExponent;

        /// <summary>Builds the key from its big-endian CRT parts.</summary>
        public RsaPrivateCrtKey(byte[] modulus, byte[] publicExponent, byte[] p, byte[] q, byte[] dP, byte[] dQ, byte[] qInv)
        {
            N = Rsa.CheckedModulus(modulus, "modulus");
            if (publicExponent == null) throw new System.ArgumentNullException("publicExponent");
            if (BigNat.FromBytes(publicExponent).IsZero) throw new System.ArgumentException("RSA private key: public exponent must not be zero");
            P = Part(p, "p");
            Q = Part(q, "q");
            DP = Part(dP, "dP");
            DQ = Part(dQ, "dQ");
            QInv = Part(qInv, "qInv");
            if (!P.IsOdd || !Q.IsOdd || BigNat.Compare(P, BigNat.One) == 0 || BigNat.Compare(Q, BigNat.One) == 0)
            {
                throw new System.ArgumentException("RSA private key: p and q must be odd and greater than 1");
            }
            if (!BigNat.Multiply(P, Q).Equals(N)) throw new System.ArgumentException("RSA private key: p * q does not equal the modulus");
            if (BigNat.Compare(DP, P) >= 0 || BigNat.Compare(DQ, Q) >= 0 || BigNat.Compare(QInv, P) >= 0)
            {
                throw new System.ArgumentException("RSA private key: dP, dQ and qInv must be below p, q and p respectively");
            }
            _modulus = (byte[])modulus.Clone();
            _publicExponent = (byte[])publicExponent.Clone();
        }

        /// <summary>Length of the modulus in bytes, as given; inputs and results have this length.</summary>
        public int ModulusLength { get { return _modulus.Length; } }

        /// <summary>A copy of the modulus bytes.</summary>
        public byte[] Modulus { get { return (byte[])_modulus.Clone(); } }

        /// <summary>A copy of the public exponent bytes.</summary>
        public byte[] PublicExponent { get { return (byte[])_publicExponent.Clone(); } }

        internal BigNat N { get; private set; }
        internal BigNat P { get; private set; }
        internal BigNat Q { get; private set; }
        internal BigNat DP { get; private set; }
        internal BigNat DQ { get; private set; }
        internal BigNat QInv { get; private set; }

        private static BigNat Part(byte[] value, string name)
        {
            if (value == null) throw new System.ArgumentNullException(name);
            return BigNat.FromBytes(value);
        }
    }
}
