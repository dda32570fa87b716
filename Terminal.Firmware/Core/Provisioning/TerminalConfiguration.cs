using System.Collections;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>
    /// The terminal's provisioned settings: network, host, identities, language and currency, limits, AIDs, CA
    /// keys and key material. Filled by <see cref="ProvisioningConsole"/> from console commands or the
    /// configuration file; <see cref="ProvisioningConsole.Describe"/> shows it with keys as check values only.
    /// Key fields hold secrets: never log or display them.
    /// </summary>
    public sealed class TerminalConfiguration
    {
        /// <summary>Defaults: Chinese yuan with the symbol, English, no fallback, PIN bypass off, 30 s PIN timeout.</summary>
        public TerminalConfiguration()
        {
            HostPort = 0;
            Language = Language.English;
            CurrencyNumeric = "156";
            Currency = CurrencyFormat.Cny(true);
            MaxAmount = 99999999;
            PinTimeoutMs = 30000;
            CardTimeoutMs = 60000;
            AdminPasscode = "000000";
            ContactlessTransactionLimit = -1;
            ContactlessCvmLimit = -1;
            ContactlessFloorLimit = -1;
            Aids = new ArrayList();
            CaKeyLines = new ArrayList();
        }

        /// <summary>Wi-Fi network name, or null.</summary>
        public string WifiSsid;
        /// <summary>Wi-Fi password (secret), or null.</summary>
        public string WifiPassword;
        /// <summary>Acquirer host address (IPv4 or name), or null.</summary>
        public string HostAddress;
        /// <summary>Acquirer host TCP port (1-65535), 0 when not set.</summary>
        public int HostPort;
        /// <summary>The ISO 8583 dialect the acquirer host speaks (docs/host-protocol.md); default generic.</summary>
        public HostDialect HostDialect;
        /// <summary>SHA-256 of the host certificate's public key (32 bytes) for TLS pinning, or null: no TLS.</summary>
        public byte[] TlsPin;
        /// <summary>
        /// The X.509 certificate (DER) of the CA that signed the host's TLS certificate, or null (<c>set hostca</c>).
        /// Boards whose TLS stack has no certificate-validation callback (the ESP32 under nanoFramework) verify the
        /// host against it instead of <see cref="TlsPin"/>. Not secret.
        /// </summary>
        public byte[] HostCaCertificate;
        /// <summary>Terminal identification, 8 characters (ISO 8583 DE 41, '9F1C').</summary>
        public string TerminalId;
        /// <summary>Merchant identifier, 15 characters (DE 42, '9F16').</summary>
        public string MerchantId;
        /// <summary>Merchant name for receipts.</summary>
        public string MerchantName;
        /// <summary>Message language.</summary>
        public Language Language;
        /// <summary>ISO 4217 numeric currency code, 3 digits (DE 49).</summary>
        public string CurrencyNumeric;
        /// <summary>How amounts are shown (exponent = '5F36').</summary>
        public CurrencyFormat Currency;
        /// <summary>Largest amount the cashier may key, in minor units.</summary>
        public long MaxAmount;
        /// <summary>Magstripe fallback allowed after a chip failure.</summary>
        public bool FallbackAllowed;
        /// <summary>PIN bypass (OK on an empty PIN) allowed.</summary>
        public bool PinBypassAllowed;
        /// <summary>PIN entry timeout, ms (between key presses).</summary>
        public int PinTimeoutMs;
        /// <summary>Time the terminal waits for a card, ms.</summary>
        public int CardTimeoutMs;
        /// <summary>Passcode of the admin menu (4-8 digits; secret).</summary>
        public string AdminPasscode;
        /// <summary>Reader contactless transaction limit (minor units), -1 absent.</summary>
        public long ContactlessTransactionLimit;
        /// <summary>Reader CVM required limit (minor units), -1 absent.</summary>
        public long ContactlessCvmLimit;
        /// <summary>Reader contactless floor limit (minor units), -1 absent.</summary>
        public long ContactlessFloorLimit;
        /// <summary>Accepted applications: <see cref="AidEntry"/> items in priority order.</summary>
        public ArrayList Aids;
        /// <summary>CA public key records as strings in the CA key file format (docs/ca-keys.md).</summary>
        public ArrayList CaKeyLines;
        /// <summary>DUKPT initial key (IPEK, 16 bytes; secret), or null.</summary>
        public byte[] DukptInitialKey;
        /// <summary>DUKPT initial key serial number (10 bytes), or null.</summary>
        public byte[] DukptInitialKsn;
        /// <summary>Terminal master key (16 bytes; secret), or null.</summary>
        public byte[] TerminalMasterKey;

        /// <summary>
        /// What is missing for transactions: host address and port, terminal and merchant IDs, one AID and a PIN
        /// key (DUKPT or master key; the UnionPay dialect needs the master key). Empty when ready.
        /// </summary>
        public string[] MissingForTransactions()
        {
            ArrayList missing = new ArrayList();
            if (HostAddress == null || HostPort == 0) missing.Add("host (set host <address>:<port>)");
            if (TerminalId == null) missing.Add("terminal id (set tid <8 characters>)");
            if (MerchantId == null) missing.Add("merchant id (set mid <15 characters>)");
            if (Aids.Count == 0) missing.Add("at least one AID (aid add <hex>)");
            // UnionPay: the working keys of every MAC and PIN block arrive at sign-on under the TMK; DUKPT is no use there.
            if (HostDialect == HostDialect.UnionPay)
            {
                if (TerminalMasterKey == null) missing.Add("the terminal master key for UnionPay sign-on (key tmk ...)");
            }
            else if (DukptInitialKey == null && TerminalMasterKey == null) missing.Add("a PIN key (key dukpt ... or key tmk ...)");
            return (string[])missing.ToArray(typeof(string));
        }
    }

    /// <summary>One accepted application: its AID and the contactless kernel that serves it (0: contact only).</summary>
    public sealed class AidEntry
    {
        /// <summary>An AID (5-16 bytes) and its contactless kernel ID.</summary>
        public AidEntry(byte[] aid, int kernelId)
        {
            Aid = aid;
            KernelId = kernelId;
        }

        /// <summary>The AID.</summary>
        public byte[] Aid { get; private set; }

        /// <summary>Contactless kernel ID (2, 3, 7, ...), 0 for contact only.</summary>
        public int KernelId { get; private set; }
    }
}
