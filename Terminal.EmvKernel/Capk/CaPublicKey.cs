using System;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Capk
{
    /// <summary>
    /// A Certification Authority public key as held by the terminal (EMV 4.4 Book 2, 5.1 and 11.2): RID,
    /// CA public key index (8F / 9F22), hash and public key algorithm indicators, modulus, exponent, SHA-1
    /// checksum, optional expiry date and the set (test or live) it belongs to. Immutable; the byte-array
    /// properties return copies. The constructor checks the fields' form; the checksum is verified when the
    /// key is added to a <see cref="CaPublicKeyStore"/>.
    /// </summary>
    public sealed class CaPublicKey
    {
        /// <summary>RID length in bytes.</summary>
        public const int RidLength = 5;
        /// <summary>Shortest accepted modulus in bytes (512 bits).</summary>
        public const int MinModulusLength = 64;
        /// <summary>Longest modulus in bytes (1984 bits, EMV 4.4 Book 2, 5.1).</summary>
        public const int MaxModulusLength = 248;
        /// <summary>SHA-1 checksum length in bytes.</summary>
        public const int ChecksumLength = 20;
        /// <summary>Hash algorithm indicator for SHA-1 (EMV 4.4 Book 2, Annex B3).</summary>
        public const byte HashAlgorithmSha1 = 0x01;
        /// <summary>Public key algorithm indicator for RSA (EMV 4.4 Book 2, Annex B2).</summary>
        public const byte PublicKeyAlgorithmRsa = 0x01;

        private readonly byte[] _rid;
        private readonly byte[] _modulus;
        private readonly byte[] _exponent;
        private readonly byte[] _checksum;

        /// <summary>
        /// Creates a key. Throws <see cref="CaPublicKeyException"/> (<see cref="CaKeyError.InvalidField"/>, naming
        /// the field) when: the set is not Test/Live; the RID is not 5 bytes; the modulus is not 64-248 bytes or
        /// starts with 00; the exponent is not 03 or 010001 (EMV 4.4 Book 2, 5.1: e = 3 or 2^16+1); an indicator
        /// is not 01 (SHA-1, RSA: the only algorithms of Book 2 for these keys); the checksum is not 20 bytes.
        /// </summary>
        public CaPublicKey(CaPublicKeySet set, byte[] rid, byte index, byte hashAlgorithmIndicator,
            byte publicKeyAlgorithmIndicator, byte[] modulus, byte[] exponent, byte[] checksum, EmvDate expiry)
        {
            string name = rid != null && rid.Length == RidLength ? NameOf(rid, 0, index) : null;
            if (!CaPublicKeySetNames.IsDefined(set)) throw Invalid("set", name, "must be test or live");
            if (rid == null || rid.Length != RidLength) throw Invalid("rid", name, "must be 5 bytes");
            if (hashAlgorithmIndicator != HashAlgorithmSha1) throw Invalid("hash-alg", name, "only 01 (SHA-1) is supported");
            if (publicKeyAlgorithmIndicator != PublicKeyAlgorithmRsa) throw Invalid("pk-alg", name, "only 01 (RSA) is supported");
            if (modulus == null || modulus.Length < MinModulusLength || modulus.Length > MaxModulusLength)
                throw Invalid("modulus", name, "must be 64 to 248 bytes");
            if (modulus[0] == 0) throw Invalid("modulus", name, "must not start with 00");
            if (!IsAllowedExponent(exponent)) throw Invalid("exponent", name, "must be 03 or 010001");
            if (checksum == null || checksum.Length != ChecksumLength) throw Invalid("checksum", name, "must be 20 bytes");

            Set = set;
            Index = index;
            HashAlgorithmIndicator = hashAlgorithmIndicator;
            PublicKeyAlgorithmIndicator = publicKeyAlgorithmIndicator;
            Expiry = expiry;
            _rid = Bytes.Copy(rid);
            _modulus = Bytes.Copy(modulus);
            _exponent = Bytes.Copy(exponent);
            _checksum = Bytes.Copy(checksum);
        }

        /// <summary>Test or live.</summary>
        public CaPublicKeySet Set { get; private set; }

        /// <summary>Registered Application Provider Identifier (5 bytes, the first 5 bytes of the AID).</summary>
        public byte[] Rid { get { return Bytes.Copy(_rid); } }

        /// <summary>Certification Authority Public Key Index (8F on the card, 9F22 in the terminal).</summary>
        public byte Index { get; private set; }

        /// <summary>Certification Authority Hash Algorithm Indicator (01 = SHA-1).</summary>
        public byte HashAlgorithmIndicator { get; private set; }

        /// <summary>Certification Authority Public Key Algorithm Indicator (01 = RSA).</summary>
        public byte PublicKeyAlgorithmIndicator { get; private set; }

        /// <summary>Modulus, big-endian.</summary>
        public byte[] Modulus { get { return Bytes.Copy(_modulus); } }

        /// <summary>Modulus length in bytes (N_CA).</summary>
        public int ModulusLength { get { return _modulus.Length; } }

        /// <summary>Public exponent (03 or 010001).</summary>
        public byte[] Exponent { get { return Bytes.Copy(_exponent); } }

        /// <summary>Stored Certification Authority Public Key Check Sum (20 bytes).</summary>
        public byte[] Checksum { get { return Bytes.Copy(_checksum); } }

        /// <summary>Last day the key may be used, or <see cref="EmvDate.None"/> when not known.</summary>
        public EmvDate Expiry { get; private set; }

        /// <summary>"RID A000000003 index 94": how errors and logs name the key (no key material).</summary>
        public string Name { get { return NameOf(_rid, 0, Index); } }

        /// <summary>True when the key has an expiry date before the given date (it is valid through its expiry date).</summary>
        public bool IsExpiredOn(EmvDate date)
        {
            return Expiry.IsKnown && Expiry.CompareTo(date) < 0;
        }

        /// <summary>
        /// SHA-1(RID | index | modulus | exponent), the value the stored checksum must equal
        /// (EMV 4.4 Book 2, 11.2).
        /// </summary>
        public byte[] ComputeChecksum(ICryptoProvider crypto)
        {
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            byte[] input = new byte[RidLength + 1 + _modulus.Length + _exponent.Length];
            Array.Copy(_rid, 0, input, 0, RidLength);
            input[RidLength] = Index;
            Array.Copy(_modulus, 0, input, RidLength + 1, _modulus.Length);
            Array.Copy(_exponent, 0, input, RidLength + 1 + _modulus.Length, _exponent.Length);
            return crypto.Sha1(input, 0, input.Length);
        }

        /// <summary>True when the stored checksum equals <see cref="ComputeChecksum"/>.</summary>
        public bool HasValidChecksum(ICryptoProvider crypto)
        {
            byte[] computed = ComputeChecksum(crypto);
            for (int i = 0; i < ChecksumLength; i++)
                if (computed[i] != _checksum[i]) return false;
            return true;
        }

        /// <summary>True when this key has the given RID (rid[offset..offset+5)) and index; false when the array is too short.</summary>
        public bool Matches(byte[] rid, int offset, byte index)
        {
            if (index != Index || rid == null || offset < 0 || offset > rid.Length - RidLength) return false;
            for (int i = 0; i < RidLength; i++)
                if (rid[offset + i] != _rid[i]) return false;
            return true;
        }

        /// <summary>The key's name (see <see cref="Name"/>); never key material.</summary>
        public override string ToString() { return Name + " (" + CaPublicKeySetNames.Name(Set) + ")"; }

        // Internal read-only access for the ODA recovery code (no copies).
        internal byte[] ModulusBytes { get { return _modulus; } }
        internal byte[] ExponentBytes { get { return _exponent; } }
        internal byte[] RidBytes { get { return _rid; } }

        /// <summary>"RID A000000003 index 94" for a RID at rid[offset..offset+5).</summary>
        public static string NameOf(byte[] rid, int offset, byte index)
        {
            return "RID " + Hex.Encode(rid, offset, RidLength) + " index " + Hex.Encode(new byte[] { index });
        }

        private static bool IsAllowedExponent(byte[] e)
        {
            if (e == null) return false;
            if (e.Length == 1) return e[0] == 0x03;
            return e.Length == 3 && e[0] == 0x01 && e[1] == 0x00 && e[2] == 0x01;
        }

        private static CaPublicKeyException Invalid(string field, string name, string detail)
        {
            return new CaPublicKeyException(CaKeyError.InvalidField, field, 0, name, detail);
        }

    }
}
