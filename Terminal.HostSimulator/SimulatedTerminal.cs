using System;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;

namespace Terminal.HostSimulation
{
    /// <summary>
    /// A minimal terminal side for load runs and tests: builds requests with the firmware's message builders,
    /// enciphers the PIN and MACs them the way the simulator expects (generic dialect: DUKPT per request with
    /// <see cref="GenericSecurityControl"/>; UnionPay: working keys from sign-on under the terminal master key),
    /// and checks the answers' MAC. Not a journal: the real terminal logic lives in the firmware host link.
    /// </summary>
    public sealed class SimulatedTerminal
    {
        private readonly HostDialect _dialect;
        private readonly Iso8583Dialect _messages;
        private readonly TdesDukptTerminal _tdes;
        private readonly AesDukptTerminal _aes;
        private readonly MasterSessionKeys _session;
        private byte[] _pendingResponseMacKey;
        private MessageMacAlgorithm _pendingAlgorithm;
        private int _stan;

        /// <summary>
        /// Creates a terminal. Generic: its DUKPT initial key is derived here from the host's BDK and an initial KSN
        /// made from <paramref name="deviceId"/> (key injection in a real shop); UnionPay: the TMK is loaded.
        /// </summary>
        public SimulatedTerminal(HostDialect dialect, string terminalId, HostKeys keys, DukptScheme scheme = DukptScheme.Tdes, int deviceId = 1)
        {
            _dialect = dialect;
            _messages = dialect == HostDialect.UnionPay ? UnionPayDialect.Dialect
                : dialect == HostDialect.GenericWithTpdu ? Generic87Dialect.DialectWithTpdu : Generic87Dialect.Dialect;
            TerminalId = terminalId;
            MerchantId = "123456789012345";
            Scheme = scheme;
            Batch = 1;
            if (dialect == HostDialect.UnionPay)
            {
                _session = new MasterSessionKeys();
                _session.LoadMasterKey(keys.MasterKeyOf(terminalId));
            }
            else if (scheme == DukptScheme.Tdes)
            {
                byte[] ksn = Convert.FromHexString("FFFF9876543210E00000");
                ksn[4] = (byte)(deviceId >> 16); ksn[5] = (byte)(deviceId >> 8); ksn[6] = (byte)deviceId;
                _tdes = new TdesDukptTerminal();
                _tdes.LoadInitialKey(TdesDukpt.DeriveIpek(keys.TdesBdk, ksn), ksn);
            }
            else
            {
                byte[] id = Convert.FromHexString("1234567890123456");
                id[5] = (byte)(deviceId >> 16); id[6] = (byte)(deviceId >> 8); id[7] = (byte)deviceId;
                _aes = new AesDukptTerminal();
                _aes.LoadInitialKey(AesDukpt.DeriveInitialKey(keys.AesBdk, id), id);
            }
        }

        /// <summary>DE 41.</summary>
        public string TerminalId { get; }
        /// <summary>DE 42.</summary>
        public string MerchantId { get; set; }
        /// <summary>DUKPT scheme (generic dialect).</summary>
        public DukptScheme Scheme { get; }
        /// <summary>Batch number (UnionPay 60.2, generic DE 60 of the 0500).</summary>
        public int Batch { get; set; }
        /// <summary>Local date/time used in DE 7, 12, 13.</summary>
        public DateTime Now { get; set; } = new DateTime(2026, 6, 15, 10, 30, 0, DateTimeKind.Utc);
        /// <summary>The MAC algorithm of UnionPay messages (retail MAC with the double-length MAK).</summary>
        public MessageMacAlgorithm UnionPayMacAlgorithm { get; set; } = MessageMacAlgorithm.RetailMac;

        /// <summary>
        /// Generic dialect: send the PAN and track 2 enciphered in DE 57 under the DUKPT data key of each request's
        /// KSN (DE 53 digit 3 = 1), with DE 2 and DE 35 left out.
        /// </summary>
        public bool EncipherCardData { get; set; }

        /// <summary>The next trace number (1..999999).</summary>
        public int NextStan()
        {
            _stan = _stan % 999999 + 1;
            return _stan;
        }

        /// <summary>Transaction fields with terminal, clock and the next trace number filled in.</summary>
        public TransactionFields Fields(string pan, long amount)
        {
            TransactionFields t = new TransactionFields();
            t.Pan = pan;
            t.Amount = amount;
            t.Stan = NextStan();
            t.SetClock(Now, Now);
            t.TerminalId = TerminalId;
            t.MerchantId = MerchantId;
            t.PosEntryMode = "051";
            t.CurrencyCode = "156";
            t.BatchNumber = Batch;
            return t;
        }

        /// <summary>The UnionPay sign-on request (double-length keys).</summary>
        public Iso8583Message SignOn()
        {
            return UnionPayMessages.SignOn(UnionPayHeader.ForHost(3), Fields(null, -1), "001", UnionPayMessages.NetSignOnDoubleKeys);
        }

        /// <summary>Installs the working keys of a sign-on answer (verifies their check values).</summary>
        public void AcceptSignOn(Iso8583Message response)
        {
            _session.InstallWorkingKeys(UnionPayWorkingKeys.Parse(response.GetBytes(62)));
        }

        /// <summary>A sale (0200) with optional online PIN, DE 55 and track 2 equivalent data (DE 35).</summary>
        public Iso8583Message Sale(string pan, long amount, string pin, byte[] iccData, string track2 = null)
        {
            TransactionFields t = Fields(pan, amount);
            t.Track2 = track2;
            t.IccData = iccData;
            t.CardSequenceNumber = iccData == null ? null : "001";
            Iso8583Message m = _dialect == HostDialect.UnionPay ? UnionPayMessages.Sale(UnionPayHeader.ForHost(3), t) : Generic87Messages.Sale(t);
            if (_dialect != HostDialect.UnionPay && _messages.Header.Length > 0) m.Header = new Tpdu(3, 0).ToBytes();
            Pin(m, pan, pin);
            return m;
        }

        /// <summary>
        /// Puts the enciphered PIN into the message (DE 52, or DE 62 for AES DUKPT) and prepares its MAC keys;
        /// <see cref="Pack"/> must follow. <paramref name="pin"/> null: no PIN.
        /// </summary>
        public void Pin(Iso8583Message m, string pan, string pin)
        {
            byte[] digits = pin == null ? null : Digits(pin);
            if (_dialect == HostDialect.UnionPay)
            {
                if (digits != null)
                {
                    m.SetBytes(52, _session.EncryptPinBlock(digits, pan));
                    m.SetString(26, "12");
                    m.SetString(53, "2600000000000000");
                }
                return;
            }
            byte[] ksn;
            if (Scheme == DukptScheme.Tdes)
            {
                byte[] tk = _tdes.NextTransaction(out ksn);
                if (digits != null) m.SetBytes(52, TdesDukpt.EncryptPinBlock(TdesDukpt.PinKey(tk), digits, pan));
                _pendingAlgorithm = MessageMacAlgorithm.RetailMac;
                bool tdesEnciphered = EncipherCard(m, key => CardDataEncryption.EncipherTdes(key, Record(m)), CardDataEncryption.TdesDataKey(tk));
                new GenericSecurityControl(DukptScheme.Tdes, ksn, null, tdesEnciphered).WriteTo(m);
                _pendingRequestKey = TdesDukpt.MacRequestKey(tk);
                _pendingResponseMacKey = TdesDukpt.MacResponseKey(tk);
                return;
            }
            byte[] tka = _aes.NextTransaction(out ksn);
            byte[] block = null;
            if (digits != null)
            {
                byte[] pinKey = AesDukpt.DeriveWorkingKey(tka, ksn, AesDukpt.UsagePinEncryption, AesDukpt.AlgorithmAes128, 128);
                block = PinBlockFormat4.Encipher(pinKey, digits, pan, new Terminal.Pc.Crypto.SystemRandomSource());
            }
            bool aesEnciphered = EncipherCard(m, key => CardDataEncryption.EncipherAes(key, Record(m)), CardDataEncryption.AesDataKey(tka, ksn));
            new GenericSecurityControl(DukptScheme.Aes, ksn, block, aesEnciphered).WriteTo(m);
            _pendingAlgorithm = MessageMacAlgorithm.AesCmac;
            _pendingRequestKey = AesDukpt.DeriveWorkingKey(tka, ksn, AesDukpt.UsageMacGeneration, AesDukpt.AlgorithmAes128, 128);
            _pendingResponseMacKey = AesDukpt.DeriveWorkingKey(tka, ksn, AesDukpt.UsageMacVerification, AesDukpt.AlgorithmAes128, 128);
        }

        private byte[] _pendingRequestKey;

        // Replaces DE 2/35 of a card message by DE 57 when EncipherCardData is on; true when it did.
        private bool EncipherCard(Iso8583Message m, Func<byte[], byte[]> encipher, byte[] dataKey)
        {
            try
            {
                if (!EncipherCardData || (!m.Has(2) && !m.Has(35))) return false;
                m.SetBytes(57, encipher(dataKey));
                m.Remove(2);
                m.Remove(35);
                return true;
            }
            finally
            {
                Array.Clear(dataKey, 0, dataKey.Length);
            }
        }

        private static CardDataRecord Record(Iso8583Message m)
        {
            return new CardDataRecord(m.GetString(2), m.GetString(35));
        }

        /// <summary>MACs (with the keys <see cref="Pin"/> prepared; call it with pin null for messages without PIN) and packs.</summary>
        public byte[] Pack(Iso8583Message m)
        {
            if (_dialect == HostDialect.UnionPay)
            {
                byte[] input = MessageMacing.MacInput(_messages.Packager, m);
                byte[] mac = _session.ComputeMac(UnionPayMacAlgorithm, input, 0, input.Length);
                m.Remove(64);
                m.SetBytes(MessageMacing.MacField(m), Bytes.Slice(mac, 0, 8));
                return _messages.Pack(m);
            }
            MessageMacing.Sign(_messages.Packager, m, _pendingAlgorithm, _pendingRequestKey);
            return _messages.Pack(m);
        }

        /// <summary>Packs without MAC (sign-on, echo).</summary>
        public byte[] PackPlain(Iso8583Message m)
        {
            return _messages.Pack(m);
        }

        /// <summary>Parses an answer and checks its MAC with the last request's response key (UnionPay: the MAK).</summary>
        public Iso8583Message ParseResponse(byte[] payload, out bool macOk)
        {
            Iso8583Message r = _messages.Parse(payload);
            if (!r.Has(64) && !r.Has(128)) { macOk = false; return r; }
            if (_dialect == HostDialect.UnionPay)
            {
                byte[] input = MessageMacing.MacInput(_messages.Packager, r);
                byte[] mac = _session.ComputeMac(UnionPayMacAlgorithm, input, 0, input.Length);
                macOk = Bytes.FixedTimeEquals(Bytes.Slice(mac, 0, 8), 0, r.GetBytes(MessageMacing.MacField(r)), 0, 8);
                return r;
            }
            macOk = MessageMacing.Verify(_messages.Packager, r, _pendingAlgorithm, _pendingResponseMacKey);
            return r;
        }

        private static byte[] Digits(string pin)
        {
            byte[] d = new byte[pin.Length];
            for (int i = 0; i < pin.Length; i++) d[i] = (byte)(pin[i] - '0');
            return d;
        }
    }
}
