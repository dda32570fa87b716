using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Oda;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>Which public key <see cref="OfflinePinEncipherment"/> enciphers the PIN with (EMV 4.4 Book 2, 7.1).</summary>
    public enum PinEnciphermentKeySource
    {
        /// <summary>No key was retrieved (yet, or retrieval failed).</summary>
        None = 0,
        /// <summary>The ICC PIN Encipherment Public Key, certificate '9F2D' / exponent '9F2E' / remainder '9F2F'.</summary>
        IccPinEnciphermentKey = 1,
        /// <summary>The ICC Public Key, certificate '9F46' / exponent '9F47' / remainder '9F48' (as for DDA).</summary>
        IccPublicKey = 2
    }

    /// <summary>
    /// Personal Identification Number encipherment for offline enciphered PIN (CVM 04 and 05), EMV 4.4 Book 2, 7:
    /// retrieval of the RSA key (7.1) and encipherment of the PIN data (7.2). The key is the ICC PIN Encipherment
    /// Public Key when the card holds its certificate '9F2D', else the ICC Public Key. Its certificate has the
    /// format of the ICC Public Key Certificate (Book 2, Table 14; format 04) recovered under the issuer public key,
    /// except that the hash of the ICC PIN Encipherment Public Key Certificate covers only the certificate fields,
    /// the remainder and the exponent (no static data to be authenticated). Keys that offline data
    /// authentication already recovered can be handed in (<see cref="IssuerKey"/>, <see cref="IccKey"/>); missing
    /// ones are recovered here with the CA key of the store (RID = first 5 bytes of the DF Name '84', index '8F').
    /// The transaction date is '9A' of the terminal data. The retrieved key is kept for the PIN tries of the
    /// transaction.
    /// </summary>
    public sealed class OfflinePinEncipherment
    {
        /// <summary>'9F2D' ICC PIN Encipherment Public Key Certificate.</summary>
        public const int PinKeyCertificateTag = 0x9F2D;
        /// <summary>'9F2E' ICC PIN Encipherment Public Key Exponent.</summary>
        public const int PinKeyExponentTag = 0x9F2E;
        /// <summary>'9F2F' ICC PIN Encipherment Public Key Remainder.</summary>
        public const int PinKeyRemainderTag = 0x9F2F;
        /// <summary>Header of the data to encipher (Book 2, 7.2, Table 23).</summary>
        public const byte DataHeader = 0x7F;
        /// <summary>Length of the ICC Unpredictable Number returned by GET CHALLENGE.</summary>
        public const int ChallengeLength = 8;
        /// <summary>Header, PIN block and ICC Unpredictable Number: the fixed part of the enciphered data (1 + 8 + 8).</summary>
        public const int FixedDataLength = 1 + CardholderVerificationPinBlock.Length + ChallengeLength;

        private const int TagCaIndex = 0x8F;
        private const int TagIccCertificate = 0x9F46;
        private const int TagDfName = 0x84;
        private const int TagPan = 0x5A;
        private const int TagTransactionDate = 0x9A;
        private const int RidLength = 5;

        private readonly CaPublicKeyStore _store;
        private readonly CardData _card;
        private readonly TerminalData _terminal;
        private readonly IRandomSource _random;
        private bool _retrieved;
        private byte[] _modulus;
        private byte[] _exponent;

        /// <summary>Encipherment for the transaction's card and terminal data, CA keys of <paramref name="store"/> and padding from <paramref name="random"/>.</summary>
        public OfflinePinEncipherment(CaPublicKeyStore store, CardData card, TerminalData terminal, IRandomSource random)
        {
            if (store == null) throw new System.ArgumentNullException("store");
            if (card == null) throw new System.ArgumentNullException("card");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (random == null) throw new System.ArgumentNullException("random");
            _store = store;
            _card = card;
            _terminal = terminal;
            _random = random;
        }

        /// <summary>The issuer public key already recovered by offline data authentication (null: recover it here when needed).</summary>
        public IssuerPublicKeyCertificate IssuerKey { get; set; }

        /// <summary>The ICC public key already recovered by DDA or CDA (null: recover it here when the card has no '9F2D').</summary>
        public IccPublicKeyCertificate IccKey { get; set; }

        /// <summary>
        /// The static data to be authenticated as built for offline data authentication (ODA records, then the AIP
        /// when '9F4A' lists it; Book 3, 10.3). Needed only to recover the ICC Public Key here ('9F46' hash, Book 2,
        /// 6.4 step 5) when <see cref="IccKey"/> is not given; null then makes the retrieval fail.
        /// </summary>
        public byte[] StaticDataToBeAuthenticated { get; set; }

        /// <summary>The key retrieved by <see cref="RetrieveKey"/>, or None.</summary>
        public PinEnciphermentKeySource KeySource { get; private set; }

        /// <summary>Why the retrieval failed (<see cref="OdaFailure.None"/> when it succeeded or has not run).</summary>
        public OdaFailure Failure { get; private set; }

        /// <summary>Length N of the retrieved key's modulus in bytes (the length of the enciphered PIN data), 0 when none.</summary>
        public int ModulusLength { get { return _modulus == null ? 0 : _modulus.Length; } }

        /// <summary>
        /// Book 2, 7.1: retrieves the encipherment key once per instance and returns true when a usable key is held.
        /// '9F2D' present: the ICC PIN Encipherment Public Key (no fall-back to the ICC key when its recovery
        /// fails). Otherwise the ICC Public Key. Never throws for card data; on failure <see cref="Failure"/> says why.
        /// </summary>
        public bool RetrieveKey()
        {
            if (_retrieved) return _modulus != null;
            _retrieved = true;
            OdaFailure f = Retrieve();
            Failure = f;
            if (f != OdaFailure.None)
            {
                _modulus = null;
                _exponent = null;
                KeySource = PinEnciphermentKeySource.None;
                return false;
            }
            return true;
        }

        /// <summary>
        /// Book 2, 7.2: RSA-enciphers '7F' || <paramref name="pinBlock"/> (8, the VERIFY plaintext PIN block) ||
        /// <paramref name="challenge"/> (8, ICC Unpredictable Number from GET CHALLENGE) || N - 17 random pad bytes
        /// with the retrieved key and returns the N-byte result for VERIFY P2 '88'. The clear data is wiped before
        /// returning; <paramref name="pinBlock"/> stays the caller's to wipe. Calling it without a retrieved key is a
        /// programming error (InvalidOperationException).
        /// </summary>
        public byte[] Encipher(byte[] pinBlock, byte[] challenge)
        {
            if (pinBlock == null) throw new System.ArgumentNullException("pinBlock");
            if (challenge == null) throw new System.ArgumentNullException("challenge");
            if (pinBlock.Length != CardholderVerificationPinBlock.Length) throw new System.ArgumentException("the PIN block has 8 bytes", "pinBlock");
            if (challenge.Length != ChallengeLength) throw new System.ArgumentException("the ICC unpredictable number has 8 bytes", "challenge");
            if (_modulus == null) throw new System.InvalidOperationException("no PIN encipherment key was retrieved");
            int n = _modulus.Length;
            byte[] data = new byte[n];
            try
            {
                data[0] = DataHeader;
                System.Array.Copy(pinBlock, 0, data, 1, CardholderVerificationPinBlock.Length);
                System.Array.Copy(challenge, 0, data, 1 + CardholderVerificationPinBlock.Length, ChallengeLength);
                _random.NextBytes(data, FixedDataLength, n - FixedDataLength);
                return _store.Crypto.RsaPublic(_modulus, _exponent, data);
            }
            finally
            {
                System.Array.Clear(data, 0, data.Length);
            }
        }

        private OdaFailure Retrieve()
        {
            EmvDate date;
            byte[] dateValue = _terminal.Get(TagTransactionDate);
            if (dateValue == null || dateValue.Length != 3 || !EmvDate.TryFromYymmdd(dateValue, 0, out date))
                return OdaFailure.MissingData;
            byte[] pan = _card.Get(TagPan);
            bool pinKey = _card.Contains(PinKeyCertificateTag);
            IccPublicKeyCertificate icc = pinKey ? null : IccKey;
            if (icc == null || !icc.IsValid)
            {
                if (!pinKey && !_card.Contains(TagIccCertificate)) return OdaFailure.MissingData;
                IssuerPublicKeyCertificate issuer = IssuerKey;
                if (issuer == null || !issuer.IsValid)
                {
                    OdaFailure f = RecoverIssuer(date, out issuer);
                    if (f != OdaFailure.None) return f;
                }
                if (pinKey)
                {
                    // Book 2, 7.1: format 04 under the issuer key; the hash covers no static data.
                    icc = IccPublicKeyCertificate.Recover(_store.Crypto, issuer, _card.Get(PinKeyCertificateTag),
                        _card.Get(PinKeyRemainderTag), _card.Get(PinKeyExponentTag), pan, new byte[0], date);
                }
                else
                {
                    if (StaticDataToBeAuthenticated == null) return OdaFailure.MissingData;
                    icc = CardPublicKeys.Icc(_store.Crypto, issuer, _card, StaticDataToBeAuthenticated, date);
                }
                if (!icc.IsValid) return icc.Failure;
            }
            byte[] modulus = icc.Modulus;
            // The data '7F' ... must be a number below the modulus and hold the 17 fixed bytes: a key whose
            // leading byte is below 80 or shorter than that cannot carry it.
            if (modulus == null || icc.Exponent == null || modulus.Length < FixedDataLength || modulus[0] < 0x80)
                return OdaFailure.InvalidPublicKey;
            _modulus = modulus;
            _exponent = icc.Exponent;
            KeySource = pinKey ? PinEnciphermentKeySource.IccPinEnciphermentKey : PinEnciphermentKeySource.IccPublicKey;
            return OdaFailure.None;
        }

        // Book 2, 6.2-6.3: CA key by RID (DF Name) and '8F', then the issuer key.
        private OdaFailure RecoverIssuer(EmvDate date, out IssuerPublicKeyCertificate issuer)
        {
            issuer = null;
            byte[] rid = _card.Get(TagDfName);
            byte[] caIndex = _card.Get(TagCaIndex);
            if (rid == null || rid.Length < RidLength || caIndex == null || caIndex.Length != 1) return OdaFailure.MissingData;
            issuer = CardPublicKeys.Issuer(_store, _card, rid, caIndex[0], date);
            return issuer.Failure;
        }
    }
}
