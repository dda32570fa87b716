using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// Dialect A message security with DUKPT (docs/host-protocol.md, "DUKPT fields" and "MAC scope"): one DUKPT
    /// transaction key per request, named by its KSN in DE 62 (layout <see cref="GenericSecurityFields"/>); the PIN
    /// block (TDES: ISO 9564 format 0 under the X9.24-1 PIN key, DE 52; AES: format 4 under the X9.24-3 PIN key of
    /// usage 1000, after the KSN in DE 62) and DE 57 card data use that same key; the request's DE 64/128 is the
    /// retail MAC (ISO 9797-1 algorithm 3) under the X9.24-1 MAC request key, or AES-CMAC under the AES MAC
    /// generation key (usage 2000); the answer must carry the MAC under the MAC response key (TDES variant, AES
    /// usage 2001) of the same KSN.
    /// A transaction that needs a PIN or enciphered card data calls <see cref="BeginTransaction"/> first and gives
    /// the KSN to the request (<see cref="AuthorisationRequest.Ksn"/>); any other request gets a fresh key in
    /// <see cref="Sign"/> without disturbing the current transaction's key, so a reversal or advice sent between the
    /// PIN entry and the request does not orphan the PIN block's KSN. Keys are wiped when the next transaction
    /// starts. One session thread.
    /// </summary>
    public sealed class DukptMessageAuthenticator : IMessageAuthenticator, ICardDataCipher
    {
        private readonly TdesDukptTerminal _tdes;
        private readonly AesDukptTerminal _aes;
        private readonly Iso8583Packager _packager;
        private readonly IRandomSource _random;
        private byte[] _key;
        private byte[] _ksn;
        private byte[] _responseKey;

        /// <summary>TDES DUKPT (ANSI X9.24-1:2009) over <paramref name="packager"/> (dialect A's).</summary>
        public DukptMessageAuthenticator(TdesDukptTerminal dukpt, Iso8583Packager packager)
        {
            if (dukpt == null || packager == null) throw new System.ArgumentNullException("dukpt", "DUKPT store and packager are required");
            _tdes = dukpt;
            _packager = packager;
        }

        /// <summary>AES DUKPT (ANSI X9.24-3:2017, AES-128 working keys); <paramref name="random"/> fills the format 4 PIN field.</summary>
        public DukptMessageAuthenticator(AesDukptTerminal dukpt, Iso8583Packager packager, IRandomSource random)
        {
            if (dukpt == null || packager == null || random == null) throw new System.ArgumentNullException("dukpt", "DUKPT store, packager and random source are required");
            _aes = dukpt;
            _packager = packager;
            _random = random;
        }

        /// <summary>True for AES DUKPT (12-byte KSN, AES-CMAC, PIN block format 4).</summary>
        public bool IsAes
        {
            get { return _aes != null; }
        }

        /// <summary>Told after every counter step (persist the DUKPT state), or null.</summary>
        public IDukptCounterListener CounterListener { get; set; }

        /// <summary>The MAC algorithm of this scheme.</summary>
        public MessageMacAlgorithm Algorithm
        {
            get { return _aes != null ? MessageMacAlgorithm.AesCmac : MessageMacAlgorithm.RetailMac; }
        }

        /// <summary>
        /// Moves to the next DUKPT transaction key and returns its KSN (a copy). The PIN block and card data of the
        /// coming request use it; <see cref="SecurityError.KsnExhausted"/> when the device has no key left.
        /// </summary>
        public byte[] BeginTransaction()
        {
            Forget();
            byte[] ksn;
            _key = NextKey(out ksn);
            _ksn = ksn;
            return Bytes.Copy(ksn);
        }

        /// <summary>The next transaction key and its KSN; the listener is told before the key is used.</summary>
        private byte[] NextKey(out byte[] ksn)
        {
            byte[] key = _aes != null ? _aes.NextTransaction(out ksn) : _tdes.NextTransaction(out ksn);
            if (CounterListener != null) CounterListener.CounterAdvanced();
            return key;
        }

        /// <summary>
        /// The PIN block of the current transaction: TDES 8 bytes (format 0, for DE 52), AES 16 bytes (format 4, after
        /// the KSN in DE 62). <paramref name="pinDigits"/> (values 0..9) is the caller's to wipe.
        /// </summary>
        public byte[] EncipherPin(byte[] pinDigits, string pan)
        {
            RequireTransaction();
            byte[] pinKey = _aes != null ? WorkingKey(AesDukpt.UsagePinEncryption) : TdesDukpt.PinKey(_key);
            try
            {
                return _aes != null ? PinBlockFormat4.Encipher(pinKey, pinDigits, pan, _random) : TdesDukpt.EncryptPinBlock(pinKey, pinDigits, pan);
            }
            finally
            {
                KeyBytes.Wipe(pinKey);
            }
        }

        /// <inheritdoc />
        public byte[] Encipher(CardDataRecord record, byte[] ksn)
        {
            RequireTransaction();
            if (ksn == null || !Bytes.Equal(ksn, _ksn)) throw new SecurityException(SecurityError.BadKsn, "card data must use the current transaction's KSN");
            byte[] dataKey = _aes != null ? CardDataEncryption.AesDataKey(_key, _ksn) : CardDataEncryption.TdesDataKey(_key);
            try
            {
                return _aes != null ? CardDataEncryption.EncipherAes(dataKey, record) : CardDataEncryption.EncipherTdes(dataKey, record);
            }
            finally
            {
                KeyBytes.Wipe(dataKey);
            }
        }

        /// <summary>
        /// MACs the request. When its DE 62 names the current transaction's KSN that key is used; otherwise (no
        /// DUKPT fields: a request without PIN, a stored reversal or advice) the next key is taken for this message
        /// alone and DE 53/62 written; the current transaction's key stays. A request naming another KSN is refused
        /// (<see cref="SecurityException"/> BadKsn): its PIN block or DE 57 would not decipher.
        /// </summary>
        public void Sign(Iso8583Message request)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            byte[] named = GenericSecurityFields.ReadKsn(request);
            byte[] key;
            byte[] ksn;
            bool own = named == null;
            if (own)
            {
                key = NextKey(out ksn);
                GenericSecurityFields.Write(request, ksn, null, false);
            }
            else if (_ksn == null || !Bytes.Equal(named, _ksn))
            {
                throw new SecurityException(SecurityError.BadKsn, "the request names a KSN that is not the current transaction's");
            }
            else
            {
                key = _key;
                ksn = _ksn;
            }
            byte[] requestKey = null;
            try
            {
                requestKey = _aes != null ? WorkingKey(key, ksn, AesDukpt.UsageMacGeneration) : TdesDukpt.MacRequestKey(key);
                KeyBytes.Wipe(_responseKey);
                _responseKey = _aes != null ? WorkingKey(key, ksn, AesDukpt.UsageMacVerification) : TdesDukpt.MacResponseKey(key);
                MessageMacing.Sign(_packager, request, Algorithm, requestKey);
            }
            finally
            {
                KeyBytes.Wipe(requestKey);
                if (own) KeyBytes.Wipe(key);
            }
        }

        /// <summary>True when the answer carries the MAC of the last signed request's response key.</summary>
        public bool Verify(Iso8583Message answer)
        {
            if (answer == null || _responseKey == null) return false;
            return MessageMacing.Verify(_packager, answer, Algorithm, _responseKey);
        }

        private byte[] WorkingKey(int usage)
        {
            return WorkingKey(_key, _ksn, usage);
        }

        private static byte[] WorkingKey(byte[] key, byte[] ksn, int usage)
        {
            return AesDukpt.DeriveWorkingKey(key, ksn, usage, AesDukpt.AlgorithmAes128, 128);
        }

        private void RequireTransaction()
        {
            if (_key == null) throw new SecurityException(SecurityError.NoInitialKey, "no DUKPT transaction begun");
        }

        private void Forget()
        {
            KeyBytes.Wipe(_key);
            _key = null;
            _ksn = null;
        }
    }
}
