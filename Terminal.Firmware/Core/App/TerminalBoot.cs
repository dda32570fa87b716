using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.SelfTest;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The boot sequence every board shares (docs/boards/*.md, "Boot"): reads the provisioned configuration from
    /// <see cref="TerminalHardware.Settings"/> (<see cref="ConfigurationStore"/>), loads its CA key records into the
    /// kernels' CA key store, brings the network up (a failure leaves the terminal offline-capable), opens the
    /// journal, builds the host session in the provisioned dialect (<see cref="TerminalConfiguration.HostDialect"/>)
    /// with its <see cref="SessionPaymentHost"/>, message authenticator and PIN cipher, the kernels, and returns the
    /// <see cref="TerminalApplication"/> the board then steps forever. A terminal that cannot run raises
    /// <see cref="BootException"/> naming what to fix.
    /// Generic dialect: with a DUKPT key every request carries a DE 64 MAC (<see cref="DukptMessageAuthenticator"/>)
    /// and the online PIN block shares the request's KSN. UnionPay: the TMK is loaded, the session signs on
    /// (<see cref="UnionPaySignOn"/>) at boot when the network is up and again before any request that needs the
    /// working keys while it is not signed on; the MAC (<see cref="MasterSessionMessageAuthenticator"/>) and the
    /// online PIN block use the working keys of the last accepted sign-on. A failed sign-on never stops the boot:
    /// online requests end unsent ("not signed on"), offline paths keep working.
    /// </summary>
    public sealed class TerminalBoot
    {
        /// <summary>How long <see cref="Start"/> waits for the network by default, ms.</summary>
        public const int DefaultNetworkTimeoutMs = 20000;

        /// <summary>Default UnionPay TPDU destination address (NII) [K: acquirer-assigned].</summary>
        public const int DefaultUnionPayDestination = 3;

        /// <summary>Default UnionPay operator code (DE 63.1 of sign-on and settlement) [K: acquirer-assigned].</summary>
        public const string DefaultOperatorCode = "001";

        private readonly TerminalHardware _hw;
        private readonly IJournalStorage _journalSlotB;

        /// <summary>
        /// A boot on <paramref name="hardware"/> (its <see cref="TerminalHardware.JournalStorage"/> is the journal's
        /// slot A) with the journal's second slot <paramref name="journalSlotB"/>, loading the CA key records of
        /// <paramref name="caKeySet"/> (test terminals: test; production: live; records of the other set are skipped).
        /// </summary>
        public TerminalBoot(TerminalHardware hardware, IJournalStorage journalSlotB, CaPublicKeySet caKeySet)
        {
            if (hardware == null) throw new System.ArgumentNullException("hardware");
            if (!CaPublicKeySetNames.IsDefined(caKeySet)) throw new System.ArgumentOutOfRangeException("caKeySet");
            _hw = hardware;
            _journalSlotB = journalSlotB;
            CaKeySet = caKeySet;
            NetworkTimeoutMs = DefaultNetworkTimeoutMs;
            UnionPayDestination = DefaultUnionPayDestination;
            OperatorCode = DefaultOperatorCode;
            UnionPayMacAlgorithm = MessageMacAlgorithm.UnionPayEcb;
        }

        /// <summary>UnionPay: the TPDU destination address (NII, 0..9999) of every request.</summary>
        public int UnionPayDestination { get; set; }

        /// <summary>UnionPay: the operator code (3 characters) of sign-on and settlement.</summary>
        public string OperatorCode { get; set; }

        /// <summary>UnionPay: the MAC algorithm the acquirer uses (default: the UnionPay POS ECB MAC).</summary>
        public MessageMacAlgorithm UnionPayMacAlgorithm { get; set; }

        /// <summary>UnionPay: the sign-on built by the last <see cref="Start"/>, or null (generic dialect).</summary>
        public UnionPaySignOn SignOn { get; private set; }

        /// <summary>
        /// UnionPay: the outcome of the sign-on at boot (None: signed on; <see cref="SessionFailure.NotSignedOn"/>
        /// when the network was down and none was tried). Generic dialect: None.
        /// </summary>
        public SessionFailure SignOnFailure { get; private set; }

        /// <summary>The CA key set the kernels trust.</summary>
        public CaPublicKeySet CaKeySet { get; private set; }

        /// <summary>How long to wait for the network, ms.</summary>
        public int NetworkTimeoutMs { get; set; }

        /// <summary>The kernels' terminal and AID parameters; null (default): <see cref="ReferenceTerminal.Configuration"/>.</summary>
        public KernelConfiguration Kernel { get; set; }

        /// <summary>The configuration read by the last <see cref="Start"/>, or null.</summary>
        public TerminalConfiguration Configuration { get; private set; }

        /// <summary>The CA key store built by the last <see cref="Start"/>, or null.</summary>
        public CaPublicKeyStore CaKeys { get; private set; }

        /// <summary>Number of provisioned CA key and revocation records loaded by the last <see cref="Start"/>.</summary>
        public int CaRecordsLoaded { get; private set; }

        /// <summary>Number of provisioned CA records skipped because they belong to the other set.</summary>
        public int CaRecordsSkipped { get; private set; }

        /// <summary>True when the network came up during the last <see cref="Start"/>.</summary>
        public bool NetworkUp { get; private set; }

        /// <summary>The journal opened by the last <see cref="Start"/>, or null.</summary>
        public TransactionJournal Journal { get; private set; }

        /// <summary>The host session built by the last <see cref="Start"/>, or null.</summary>
        public HostSession Session { get; private set; }

        /// <summary>
        /// Runs the boot sequence and returns the application. Throws <see cref="BootException"/> when the terminal
        /// is not provisioned, its configuration or CA keys do not load, a needed device is missing or the journal
        /// cannot be opened.
        /// </summary>
        public TerminalApplication Start()
        {
            CheckHardware();
            TerminalConfiguration config = LoadConfiguration();
            CaPublicKeyStore caKeys = LoadCaKeys(config);
            NetworkUp = ConnectNetwork(config);
            TransactionJournal journal;
            try
            {
                journal = TransactionJournal.Open(_hw.JournalStorage, _journalSlotB);
            }
            catch (JournalException e)
            {
                throw new BootException(BootFailure.JournalUnavailable, "the journal cannot be opened: " + e.Message, new string[0]);
            }
            Journal = journal;
            IHostConnection connection = OpenHostConnection(config);
            IPaymentHost host;
            OnlinePinCipher pinCipher;
            SignOn = null;
            SignOnFailure = SessionFailure.None;
            KernelConfiguration kernel = Kernel != null ? Kernel : ReferenceTerminal.Configuration();
            if (config.HostDialect == HostDialect.UnionPay)
            {
                host = UnionPayHost(config, connection, journal, out pinCipher);
                GoOnlineForEverySale(kernel, config);
            }
            else host = GenericHost(config, connection, journal, out pinCipher);
            PaymentKernels kernels = new PaymentKernels(kernel, caKeys, _hw.Random, PaymentKernels.CombinationsOf(config));
            return new TerminalApplication(_hw, config, kernels, host, pinCipher);
        }

        /// <summary>
        /// Dialect A: the session with the DUKPT message authenticator when a DUKPT key is provisioned (the PIN block
        /// under the same transaction key, the state persisted at every counter step), else unsigned messages.
        /// </summary>
        private IPaymentHost GenericHost(TerminalConfiguration config, IHostConnection connection, TransactionJournal journal, out OnlinePinCipher pinCipher)
        {
            Session = new HostSession(connection, _hw.Clock, journal, Generic87SessionMessages.Instance);
            TdesDukptTerminal dukpt = LoadDukpt(config, _hw.Settings);
            if (dukpt != null)
            {
                DukptMessageAuthenticator messages = new DukptMessageAuthenticator(dukpt, Generic87Dialect.Packager);
                Session.Authenticator = messages;
                pinCipher = new OnlinePinCipher(messages, dukpt, _hw.Settings);
            }
            else
            {
                pinCipher = new OnlinePinCipher(null, null);
            }
            return SessionPaymentHost.Generic(Session, config, _hw.WallClock);
        }

        /// <summary>
        /// UnionPay: the session with the TPDU/header, the master/session MAC, the sign-on (tried now when the network
        /// is up) and the PIN cipher under the session PIN key, which signs on when a PIN is needed and none is held.
        /// </summary>
        private IPaymentHost UnionPayHost(TerminalConfiguration config, IHostConnection connection, TransactionJournal journal, out OnlinePinCipher pinCipher)
        {
            UnionPayHeader header;
            try
            {
                header = UnionPayHeader.ForHost(UnionPayDestination);
            }
            catch (Iso8583Exception e)
            {
                throw new BootException(BootFailure.ConfigurationInvalid, "the UnionPay header cannot be built", new string[] { e.Message });
            }
            if (OperatorCode == null || OperatorCode.Length != 3)
                throw new BootException(BootFailure.ConfigurationInvalid, "the UnionPay operator code is not 3 characters", new string[] { "operator code" });
            MasterSessionKeys keys = new MasterSessionKeys();
            try
            {
                keys.LoadMasterKey(config.TerminalMasterKey);
            }
            catch (SecurityException e)
            {
                // The message names the rule broken, never the key (SecurityException's contract).
                throw new BootException(BootFailure.ConfigurationInvalid, "the provisioned terminal master key does not load", new string[] { e.Message });
            }
            Session = new HostSession(connection, _hw.Clock, journal, new UnionPaySessionMessages(header, OperatorCode));
            Session.Authenticator = new MasterSessionMessageAuthenticator(keys, UnionPayDialect.Packager, UnionPayMacAlgorithm);
            SignOn = new UnionPaySignOn(Session, keys, header, config.TerminalId, config.MerchantId, OperatorCode);
            Session.SignOn = SignOn;
            SignOnFailure = NetworkUp ? SignOnAtBoot() : SessionFailure.NotSignedOn;
            pinCipher = new OnlinePinCipher(null, keys);
            pinCipher.SignOn = SignOn;
            return SessionPaymentHost.UnionPay(Session, config, _hw.WallClock, header);
        }

        /// <summary>The boot's sign-on; nothing it meets may stop the boot (the session signs on again before use).</summary>
        private SessionFailure SignOnAtBoot()
        {
            try
            {
                return SignOn.SignOn();
            }
            catch (System.Exception)
            {
                // A board driver fault during the exchange: not signed on, retried before the first online request.
                return SessionFailure.NotSignedOn;
            }
        }

        /// <summary>
        /// The UnionPay dialect here has no offline-sale advice, so an offline approval could not be recorded for the
        /// host (the application declines it, "not recorded"). To send every sale online instead, the boot sets every
        /// floor limit to zero: contact AIDs (terminal floor limit '9F1B' and the random-selection threshold; an amount
        /// above the floor limit sets TVR B4b8 and the TAC-Online sends it online, Book 3 10.6.1 and 10.7) and the
        /// contactless reader floor limit (Book B pre-processing: above it the card is asked for an ARQC). A card
        /// that approves offline when the host cannot be reached (Y3) is still declined as not recorded.
        /// </summary>
        private static void GoOnlineForEverySale(KernelConfiguration kernel, TerminalConfiguration config)
        {
            for (int i = 0; i < kernel.AidCount; i++)
            {
                AidParameters aid = kernel.AidAt(i);
                aid.Threshold = 0;
                aid.FloorLimit = 0;
            }
            config.ContactlessFloorLimit = 0;
        }

        private void CheckHardware()
        {
            string missing = null;
            if (_hw.Settings == null) missing = "settings storage";
            else if (_hw.JournalStorage == null || _journalSlotB == null || _hw.JournalStorage == _journalSlotB) missing = "two journal slots";
            else if (_hw.HostConnector == null) missing = "host connector";
            else if (_hw.Keypad == null || _hw.Display == null) missing = "keypad and display";
            else if (_hw.Clock == null || _hw.WallClock == null) missing = "clock and wall clock";
            else if (_hw.Crypto == null || _hw.Random == null) missing = "crypto provider and random source";
            if (missing != null) throw new BootException(BootFailure.HardwareMissing, "the board provides no " + missing, new string[] { missing });
        }

        private TerminalConfiguration LoadConfiguration()
        {
            TerminalConfiguration config;
            string[] errors = ConfigurationStore.Load(_hw.Settings, _hw.Crypto, out config);
            if (errors.Length > 0)
                throw new BootException(BootFailure.ConfigurationInvalid, "the stored configuration has errors", errors);
            if (config == null)
                throw new BootException(BootFailure.NotProvisioned, "the terminal is not provisioned",
                    new TerminalConfiguration().MissingForTransactions());
            string[] missing = config.MissingForTransactions();
            if (missing.Length > 0) throw new BootException(BootFailure.Incomplete, "the configuration is incomplete", missing);
            Configuration = config;
            return config;
        }

        /// <summary>The provisioned records of <see cref="CaKeySet"/> as one CA key file (docs/ca-keys.md), loaded whole.</summary>
        private CaPublicKeyStore LoadCaKeys(TerminalConfiguration config)
        {
            CaPublicKeyStore store = new CaPublicKeyStore(CaKeySet, _hw.Crypto);
            string wanted = " " + CaPublicKeySetNames.Name(CaKeySet) + " ";
            string file = "";
            int skipped = 0;
            for (int i = 0; i < config.CaKeyLines.Count; i++)
            {
                // A record is "key <set> ..." or "revoke <set> ..." (ProvisioningConsole stores it from its verb on).
                string record = (string)config.CaKeyLines[i];
                if (record.IndexOf(wanted) > 0) file += record + "\n";
                else skipped++;
            }
            int loaded;
            try
            {
                loaded = CaKeyFile.Load(file, store);
            }
            catch (CaPublicKeyException e)
            {
                throw new BootException(BootFailure.CaKeysInvalid, "the provisioned CA keys do not load", new string[] { e.Message });
            }
            CaKeys = store;
            CaRecordsLoaded = loaded;
            CaRecordsSkipped = skipped;
            return store;
        }

        /// <summary>The connection to the provisioned host endpoint; a board that cannot make it stops the boot.</summary>
        private IHostConnection OpenHostConnection(TerminalConfiguration config)
        {
            try
            {
                IHostConnection connection = _hw.HostConnector.Open(config.HostAddress, config.HostPort, config.TlsPin, config.HostCaCertificate);
                if (connection != null) return connection;
            }
            catch (System.NotSupportedException e)
            {
                throw new BootException(BootFailure.ConfigurationInvalid, "the host connection cannot be made", new string[] { e.Message });
            }
            throw new BootException(BootFailure.HardwareMissing, "the board made no host connection", new string[] { "host connection" });
        }

        /// <summary>Joins the network; any failure (false or a device error) leaves the terminal offline-capable.</summary>
        private bool ConnectNetwork(TerminalConfiguration config)
        {
            if (_hw.Network == null) return false;
            try
            {
                return _hw.Network.IsUp || _hw.Network.Connect(config.WifiSsid, config.WifiPassword, NetworkTimeoutMs);
            }
            catch (System.Exception)
            {
                // A radio or driver error at boot must not stop the terminal: offline approvals and the journal
                // still work, and the host session reconnects per exchange.
                return false;
            }
        }

        /// <summary>The provisioned DUKPT resumed from its saved state (<see cref="OnlinePinCipher.LoadDukpt"/>), or null.</summary>
        private static TdesDukptTerminal LoadDukpt(TerminalConfiguration config, ISettingsStorage settings)
        {
            if (config.DukptInitialKey == null || config.DukptInitialKsn == null) return null;
            try
            {
                return OnlinePinCipher.LoadDukpt(config.DukptInitialKey, config.DukptInitialKsn, settings);
            }
            catch (SecurityException e)
            {
                // The message names the rule broken, never the key (SecurityException's contract).
                throw new BootException(BootFailure.ConfigurationInvalid, "the provisioned PIN key does not load", new string[] { e.Message });
            }
        }
    }
}
