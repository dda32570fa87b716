using System.Collections;
using Terminal.EmvKernel.Crypto;

namespace Terminal.EmvKernel.Capk
{
    /// <summary>
    /// The terminal's Certification Authority public keys for ONE set (test or live), keyed by RID and CA
    /// public key index (EMV 4.4 Book 2, 11.2), with the issuer certificate revocation list of that set.
    /// Keys of the other set are rejected, so lookups only ever see this set: public test and live lists reuse
    /// the same indexes. Every key's checksum is verified when it is added.
    /// </summary>
    public sealed class CaPublicKeyStore
    {
        private readonly ArrayList _keys = new ArrayList();
        private readonly ICryptoProvider _crypto;

        /// <summary>An empty store for one set; the provider computes the key checksums.</summary>
        public CaPublicKeyStore(CaPublicKeySet set, ICryptoProvider crypto)
        {
            if (!CaPublicKeySetNames.IsDefined(set))
                throw new CaPublicKeyException(CaKeyError.InvalidField, "set", 0, null, "must be test or live");
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            Set = set;
            _crypto = crypto;
            Revocations = new CertificateRevocationList();
        }

        /// <summary>The set this store holds.</summary>
        public CaPublicKeySet Set { get; private set; }

        /// <summary>Revoked issuer certificates of this set (EMV 4.4 Book 2, 5.3 step 10).</summary>
        public CertificateRevocationList Revocations { get; private set; }

        /// <summary>The provider used for checksums (and by the ODA code that uses this store).</summary>
        public ICryptoProvider Crypto { get { return _crypto; } }

        /// <summary>Number of keys.</summary>
        public int Count { get { return _keys.Count; } }

        /// <summary>The key at position 0..Count-1, in the order added.</summary>
        public CaPublicKey KeyAt(int position) { return (CaPublicKey)_keys[position]; }

        /// <summary>
        /// Adds a key after checking it. Throws <see cref="CaPublicKeyException"/> naming the RID and index:
        /// <see cref="CaKeyError.WrongSet"/> when the key belongs to the other set,
        /// <see cref="CaKeyError.ChecksumMismatch"/> when SHA-1(RID | index | modulus | exponent) differs from
        /// the key's checksum (EMV 4.4 Book 2, 11.2), <see cref="CaKeyError.Duplicate"/> when a key with this
        /// RID and index is already held.
        /// </summary>
        public void Add(CaPublicKey key)
        {
            CheckCanAdd(key);
            _keys.Add(key);
        }

        // For CaKeyFile, which has already run CheckCanAdd on every key of the file.
        internal void AddChecked(CaPublicKey key) { _keys.Add(key); }

        /// <summary>The checks of <see cref="Add"/> without adding.</summary>
        public void CheckCanAdd(CaPublicKey key)
        {
            if (key == null) throw new System.ArgumentNullException("key");
            if (key.Set != Set)
                throw new CaPublicKeyException(CaKeyError.WrongSet, "set", 0, key.Name,
                    "a " + CaPublicKeySetNames.Name(key.Set) + " key cannot be loaded into a " + CaPublicKeySetNames.Name(Set) + " key store");
            if (!key.HasValidChecksum(_crypto))
                throw new CaPublicKeyException(CaKeyError.ChecksumMismatch, "checksum", 0, key.Name,
                    "SHA-1 of RID, index, modulus and exponent does not match the stored checksum");
            if (Find(key.RidBytes, 0, key.Index) != null)
                throw new CaPublicKeyException(CaKeyError.Duplicate, "index", 0, key.Name, "the store already holds this key");
        }

        /// <summary>
        /// The key with this RID (rid[offset..offset+5), so an AID can be passed directly) and index, whatever its
        /// expiry date; null when not held or when the array is too short.
        /// </summary>
        public CaPublicKey Find(byte[] rid, int offset, byte index)
        {
            if (rid == null || offset < 0 || offset > rid.Length - CaPublicKey.RidLength) return null;
            for (int i = 0; i < _keys.Count; i++)
            {
                CaPublicKey key = (CaPublicKey)_keys[i];
                if (key.Matches(rid, offset, index)) return key;
            }
            return null;
        }

        /// <summary>
        /// Looks a key up for a transaction on the given date (EMV 4.4 Book 3, 10.3: RID from the AID, index from
        /// 8F). Found: <paramref name="key"/> is set. Missing: no such key in this set. Expired: the key's expiry
        /// date is before <paramref name="transactionDate"/> (a key is usable through its expiry date; a key
        /// without expiry date never expires); <paramref name="key"/> is null and the caller treats the key as
        /// missing. Throws <see cref="System.ArgumentException"/> when the date is <see cref="EmvDate.None"/>
        /// (use <see cref="Find"/> to look a key up without a date).
        /// </summary>
        public CaPublicKeyStatus Lookup(byte[] rid, int offset, byte index, EmvDate transactionDate, out CaPublicKey key)
        {
            key = null;
            if (!transactionDate.IsKnown) throw new System.ArgumentException("the transaction date is required", "transactionDate");
            CaPublicKey found = Find(rid, offset, index);
            if (found == null) return CaPublicKeyStatus.Missing;
            if (found.IsExpiredOn(transactionDate)) return CaPublicKeyStatus.Expired;
            key = found;
            return CaPublicKeyStatus.Found;
        }
    }
}
