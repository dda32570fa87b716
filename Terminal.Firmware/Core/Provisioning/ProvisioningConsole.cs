using System.Collections;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>
    /// The serial console command set and the configuration file: one command per line,
    /// '#' starts a comment. The file is the same commands, so a saved configuration is a script the console
    /// replays. Every value is validated; a refused command changes nothing and answers "ERROR: ..." with the rule
    /// broken. Keys, passwords and passcodes are never echoed: key commands answer with the key check value only.
    /// <code>
    /// set wifi &lt;ssid&gt; &lt;password&gt;      set host &lt;address&gt;:&lt;port&gt;   set tlspin &lt;64 hex&gt; | off   set dialect generic | unionpay
    /// set hostca &lt;base64 DER X.509 certificate&gt; | off
    /// set tid &lt;8 chars&gt;   set mid &lt;15 chars&gt;   set merchant &lt;name...&gt;   set language en | zh
    /// set currency &lt;numeric&gt; &lt;alpha&gt; &lt;exponent&gt; symbol|code [symbol]   set maxamount &lt;minor units&gt;
    /// set fallback on|off   set pinbypass on|off   set pintimeout &lt;s&gt;   set cardtimeout &lt;s&gt;
    /// set passcode &lt;4-8 digits&gt;   set cllimit | cvmlimit | clfloor &lt;minor units&gt; | off
    /// aid add &lt;hex&gt; [kernel &lt;n&gt;]   aid clear   capk key ... | capk revoke ... (CA key file record)   capk clear
    /// key dukpt &lt;IPEK 32 hex&gt; &lt;KSN 20 hex&gt;   key tmk &lt;32 hex&gt;   show   check   save   help
    /// </code>
    /// </summary>
    public sealed class ProvisioningConsole
    {
        private readonly TerminalConfiguration _config;
        private readonly ICryptoProvider _crypto;

        /// <summary>A console over <paramref name="configuration"/>; <paramref name="crypto"/> checks CA key records.</summary>
        public ProvisioningConsole(TerminalConfiguration configuration, ICryptoProvider crypto)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            _config = configuration;
            _crypto = crypto;
        }

        /// <summary>Where <c>save</c> writes the configuration (<see cref="ConfigurationStore"/>), or null: save is refused.</summary>
        public Terminal.Firmware.Core.Hardware.ISettingsStorage Storage { get; set; }

        /// <summary>The configuration being edited.</summary>
        public TerminalConfiguration Configuration
        {
            get { return _config; }
        }

        /// <summary>Runs one console command and returns the answer lines ("OK ...", "ERROR: ...", or the listing).</summary>
        public string[] Execute(string line)
        {
            try
            {
                string[] shown = Apply(line, 0);
                return shown != null ? shown : new string[] { "OK" };
            }
            catch (ProvisioningException e)
            {
                return new string[] { "ERROR: " + e.Message };
            }
        }

        /// <summary>
        /// Reads a configuration file into a new configuration. Every line is checked; the errors, each
        /// "line N: ...", are returned (empty when the file is good). <paramref name="result"/> is null when there is
        /// an error, so a bad file never half-applies.
        /// </summary>
        public static string[] LoadFile(string text, ICryptoProvider crypto, out TerminalConfiguration result)
        {
            result = null;
            if (text == null) throw new System.ArgumentNullException("text");
            TerminalConfiguration config = new TerminalConfiguration();
            ProvisioningConsole console = new ProvisioningConsole(config, crypto);
            ArrayList errors = new ArrayList();
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                try
                {
                    string l = lines[i];
                    string trimmed = l.Trim();
                    if (trimmed == "show" || trimmed == "help" || trimmed == "check" || trimmed == "save") continue;
                    console.Apply(l, i + 1);
                }
                catch (ProvisioningException e)
                {
                    errors.Add("line " + (i + 1).ToString() + ": " + e.Message);
                }
            }
            if (errors.Count == 0) result = config;
            return (string[])errors.ToArray(typeof(string));
        }

        /// <summary>
        /// The configuration as a file (commands), keys included: for the settings storage only, never for display.
        /// </summary>
        public static string Serialize(TerminalConfiguration c)
        {
            if (c == null) throw new System.ArgumentNullException("c");
            ArrayList l = new ArrayList();
            if (c.WifiSsid != null) l.Add("set wifi " + c.WifiSsid + " " + (c.WifiPassword == null ? "" : c.WifiPassword));
            if (c.HostAddress != null) l.Add("set host " + c.HostAddress + ":" + c.HostPort.ToString());
            if (c.TlsPin != null) l.Add("set tlspin " + Hex.Encode(c.TlsPin));
            if (c.HostCaCertificate != null) l.Add("set hostca " + System.Convert.ToBase64String(c.HostCaCertificate));
            l.Add("set dialect " + DialectName(c.HostDialect));
            if (c.TerminalId != null) l.Add("set tid " + c.TerminalId);
            if (c.MerchantId != null) l.Add("set mid " + c.MerchantId);
            if (c.MerchantName != null) l.Add("set merchant " + c.MerchantName);
            l.Add("set language " + (c.Language == Language.SimplifiedChinese ? "zh" : "en"));
            l.Add("set currency " + c.CurrencyNumeric + " " + c.Currency.AlphaCode + " " + c.Currency.Exponent.ToString() + " "
                + (c.Currency.UseSymbol ? "symbol" : "code") + (c.Currency.Symbol.Length > 0 ? " " + c.Currency.Symbol : ""));
            l.Add("set maxamount " + c.MaxAmount.ToString());
            l.Add("set fallback " + (c.FallbackAllowed ? "on" : "off"));
            l.Add("set pinbypass " + (c.PinBypassAllowed ? "on" : "off"));
            l.Add("set pintimeout " + (c.PinTimeoutMs / 1000).ToString());
            l.Add("set cardtimeout " + (c.CardTimeoutMs / 1000).ToString());
            l.Add("set passcode " + c.AdminPasscode);
            l.Add("set cllimit " + Limit(c.ContactlessTransactionLimit));
            l.Add("set cvmlimit " + Limit(c.ContactlessCvmLimit));
            l.Add("set clfloor " + Limit(c.ContactlessFloorLimit));
            for (int i = 0; i < c.Aids.Count; i++)
            {
                AidEntry a = (AidEntry)c.Aids[i];
                l.Add("aid add " + Hex.Encode(a.Aid) + (a.KernelId == 0 ? "" : " kernel " + a.KernelId.ToString()));
            }
            for (int i = 0; i < c.CaKeyLines.Count; i++) l.Add("capk " + (string)c.CaKeyLines[i]);
            if (c.DukptInitialKey != null) l.Add("key dukpt " + Hex.Encode(c.DukptInitialKey) + " " + Hex.Encode(c.DukptInitialKsn));
            if (c.TerminalMasterKey != null) l.Add("key tmk " + Hex.Encode(c.TerminalMasterKey));
            string text = "";
            for (int i = 0; i < l.Count; i++) text += (string)l[i] + "\n";
            return text;
        }

        /// <summary>The configuration for display: secrets as "set" or key check values, never their values.</summary>
        public static string[] Describe(TerminalConfiguration c, ICryptoProvider crypto)
        {
            if (c == null) throw new System.ArgumentNullException("c");
            ArrayList l = new ArrayList();
            l.Add("tid " + Show(c.TerminalId) + " mid " + Show(c.MerchantId));
            l.Add("host " + Show(c.HostAddress) + ":" + c.HostPort.ToString() + (c.TlsPin == null ? (c.HostCaCertificate == null ? " plain" : " tls") : " tls pinned")
                + " dialect " + DialectName(c.HostDialect));
            if (c.HostCaCertificate != null)
            {
                // The CA certificate is public: its size and SHA-256 fingerprint identify it (first 8 bytes shown).
                byte[] fingerprint = crypto.Sha256(c.HostCaCertificate, 0, c.HostCaCertificate.Length);
                l.Add("hostca " + c.HostCaCertificate.Length.ToString() + " bytes SHA-256 " + Hex.Encode(fingerprint, 0, 8) + "...");
            }
            l.Add("wifi " + Show(c.WifiSsid) + (c.WifiPassword == null ? "" : " (password set)"));
            l.Add("merchant " + Show(c.MerchantName));
            l.Add("language " + (c.Language == Language.SimplifiedChinese ? "zh" : "en") + " currency " + c.CurrencyNumeric + " "
                + c.Currency.Format(123456));
            l.Add("maxamount " + c.Currency.Format(c.MaxAmount) + " fallback " + (c.FallbackAllowed ? "on" : "off")
                + " pinbypass " + (c.PinBypassAllowed ? "on" : "off"));
            l.Add("cllimit " + Limit(c.ContactlessTransactionLimit) + " cvmlimit " + Limit(c.ContactlessCvmLimit)
                + " clfloor " + Limit(c.ContactlessFloorLimit));
            l.Add("aids " + c.Aids.Count.ToString() + " capk records " + c.CaKeyLines.Count.ToString());
            l.Add("dukpt " + (c.DukptInitialKey == null ? "none" : "KCV " + Kcv(c.DukptInitialKey) + " KSN " + Hex.Encode(c.DukptInitialKsn)));
            l.Add("tmk " + (c.TerminalMasterKey == null ? "none" : "KCV " + Kcv(c.TerminalMasterKey)));
            return (string[])l.ToArray(typeof(string));
        }

        /// <summary>The key check value (first 3 bytes of the key's encipherment of zeros, hex) shown instead of a key.</summary>
        public static string Kcv(byte[] key)
        {
            byte[] kcv = MasterSessionKeys.CheckValue(key);
            return Hex.Encode(kcv, 0, 3);
        }

        private static string Show(string s)
        {
            return s == null ? "-" : s;
        }

        private static string Limit(long v)
        {
            return v < 0 ? "off" : v.ToString();
        }

        /// <summary>Applies one line; returns lines to show, or null for a plain OK. Throws on a refused line.</summary>
        internal string[] Apply(string line, int lineNumber)
        {
            if (line == null) return null;
            int hash = line.IndexOf('#');
            string text = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
            if (text.Length == 0) return null;
            string[] w = Words(text);
            string verb = w[0].ToLower();
            if (verb == "set") return Set(w, text, lineNumber);
            if (verb == "aid") return Aid(w, lineNumber);
            if (verb == "capk") return Capk(w, text, lineNumber);
            if (verb == "key") return Key(w, lineNumber);
            if (verb == "show") return Describe(_config, _crypto);
            if (verb == "save")
            {
                if (Storage == null) throw new ProvisioningException(lineNumber, "no settings storage to save to");
                ConfigurationStore.Save(Storage, _config);
                return new string[] { "OK saved" };
            }
            if (verb == "check")
            {
                string[] missing = _config.MissingForTransactions();
                if (missing.Length == 0) return new string[] { "OK ready" };
                string[] r = new string[missing.Length];
                for (int i = 0; i < missing.Length; i++) r[i] = "missing: " + missing[i];
                return r;
            }
            if (verb == "help") return new string[] { "set <item> <value> (wifi host tlspin hostca dialect tid mid merchant language currency maxamount fallback pinbypass pintimeout cardtimeout passcode cllimit cvmlimit clfloor) | aid add|clear | capk key|revoke|clear | key dukpt|tmk | show | check | save" };
            throw new ProvisioningException(lineNumber, "unknown command " + Quoted(w[0]) + " (try help)");
        }

        private static string DialectName(HostDialect d)
        {
            return d == HostDialect.UnionPay ? "unionpay" : "generic";
        }

        private string[] Set(string[] w, string text, int n)
        {
            if (w.Length < 3) throw new ProvisioningException(n, "set needs an item and a value");
            string item = w[1].ToLower();
            switch (item)
            {
                case "wifi":
                    if (w.Length != 4) throw new ProvisioningException(n, "set wifi needs <ssid> <password>");
                    if (w[2].Length > 32) throw new ProvisioningException(n, "Wi-Fi SSID is at most 32 characters");
                    if (w[3].Length < 8 || w[3].Length > 63) throw new ProvisioningException(n, "Wi-Fi password must be 8 to 63 characters");
                    _config.WifiSsid = w[2];
                    _config.WifiPassword = w[3];
                    return new string[] { "OK wifi " + w[2] + " (password set)" };
                case "host":
                    One(w, n);
                    int colon = w[2].LastIndexOf(':');
                    if (colon <= 0 || colon == w[2].Length - 1) throw new ProvisioningException(n, "host must be <address>:<port>");
                    long port = Number(w[2].Substring(colon + 1), n, "port");
                    if (port < 1 || port > 65535) throw new ProvisioningException(n, "port must be 1 to 65535");
                    string address = w[2].Substring(0, colon);
                    if (!ValidHostName(address)) throw new ProvisioningException(n, "host address must be an IPv4 address or a host name");
                    _config.HostAddress = address;
                    _config.HostPort = (int)port;
                    return null;
                case "tlspin":
                    One(w, n);
                    if (w[2].ToLower() == "off")
                    {
                        _config.TlsPin = null;
                        return null;
                    }
                    _config.TlsPin = HexBytes(w[2], 32, 32, n, "TLS pin (SHA-256 of the host public key)");
                    return null;
                case "hostca":
                    One(w, n);
                    if (w[2].ToLower() == "off")
                    {
                        _config.HostCaCertificate = null;
                        return null;
                    }
                    _config.HostCaCertificate = HostCaCertificate.Parse(w[2], n);
                    return new string[] { "OK hostca " + _config.HostCaCertificate.Length.ToString() + " bytes" };
                case "dialect":
                    One(w, n);
                    string dialect = w[2].ToLower();
                    if (dialect == "generic") _config.HostDialect = HostDialect.Generic87;
                    else if (dialect == "unionpay") _config.HostDialect = HostDialect.UnionPay;
                    else throw new ProvisioningException(n, "dialect must be generic or unionpay");
                    return null;
                case "tid":
                    One(w, n);
                    _config.TerminalId = Printable(w[2], 8, n, "terminal id");
                    return null;
                case "mid":
                    One(w, n);
                    _config.MerchantId = Printable(w[2], 15, n, "merchant id");
                    return null;
                case "merchant":
                    string name = text.Substring(text.IndexOf(w[1]) + w[1].Length).Trim();
                    if (name.Length == 0 || name.Length > 40) throw new ProvisioningException(n, "merchant name must be 1 to 40 characters");
                    _config.MerchantName = name;
                    return null;
                case "language":
                    One(w, n);
                    string lang = w[2].ToLower();
                    if (lang == "en") _config.Language = Language.English;
                    else if (lang == "zh") _config.Language = Language.SimplifiedChinese;
                    else throw new ProvisioningException(n, "language must be en or zh");
                    return null;
                case "currency":
                    return Currency(w, n);
                case "maxamount":
                    One(w, n);
                    long max = Number(w[2], n, "maxamount");
                    if (max < 1 || max > 999999999999L) throw new ProvisioningException(n, "maxamount must be 1 to 999999999999 minor units");
                    _config.MaxAmount = max;
                    return null;
                case "fallback":
                    One(w, n);
                    _config.FallbackAllowed = OnOff(w[2], n);
                    return null;
                case "pinbypass":
                    One(w, n);
                    _config.PinBypassAllowed = OnOff(w[2], n);
                    return null;
                case "pintimeout":
                case "cardtimeout":
                    One(w, n);
                    long s = Number(w[2], n, item);
                    if (s < 5 || s > 300) throw new ProvisioningException(n, item + " must be 5 to 300 seconds");
                    if (item == "pintimeout") _config.PinTimeoutMs = (int)s * 1000;
                    else _config.CardTimeoutMs = (int)s * 1000;
                    return null;
                case "passcode":
                    One(w, n);
                    if (!DecimalText.IsDigits(w[2], 4, 8)) throw new ProvisioningException(n, "passcode must be 4 to 8 digits");
                    _config.AdminPasscode = w[2];
                    return new string[] { "OK passcode set" };
                case "cllimit":
                case "cvmlimit":
                case "clfloor":
                    One(w, n);
                    long v = w[2].ToLower() == "off" ? -1 : Number(w[2], n, item);
                    if (v > 999999999999L) throw new ProvisioningException(n, item + " must be at most 999999999999 minor units");
                    if (item == "cllimit") _config.ContactlessTransactionLimit = v;
                    else if (item == "cvmlimit") _config.ContactlessCvmLimit = v;
                    else _config.ContactlessFloorLimit = v;
                    return null;
                default:
                    throw new ProvisioningException(n, "unknown setting " + Quoted(w[1]));
            }
        }

        private string[] Currency(string[] w, int n)
        {
            if (w.Length < 6 || w.Length > 7) throw new ProvisioningException(n, "set currency needs <numeric> <alpha> <exponent> symbol|code [symbol]");
            if (!DecimalText.IsDigits(w[2], 3, 3)) throw new ProvisioningException(n, "currency numeric code is 3 digits (ISO 4217)");
            if (w[3].Length != 3) throw new ProvisioningException(n, "currency alphabetic code is 3 letters (ISO 4217)");
            long exponent = Number(w[4], n, "exponent");
            if (exponent > 3) throw new ProvisioningException(n, "currency exponent is 0 to 3");
            string style = w[5].ToLower();
            if (style != "symbol" && style != "code") throw new ProvisioningException(n, "currency style must be symbol or code");
            string symbol = w.Length == 7 ? w[6] : (w[3].ToUpper() == "CNY" ? "\u00A5" : "");
            if (style == "symbol" && symbol.Length == 0) throw new ProvisioningException(n, "symbol style needs a symbol");
            _config.CurrencyNumeric = w[2];
            _config.Currency = new CurrencyFormat(w[3].ToUpper(), symbol, (int)exponent, style == "symbol");
            return null;
        }

        private string[] Aid(string[] w, int n)
        {
            if (w.Length >= 2 && w[1].ToLower() == "clear" && w.Length == 2)
            {
                _config.Aids.Clear();
                return null;
            }
            if (w.Length < 3 || w[1].ToLower() != "add") throw new ProvisioningException(n, "aid add <hex> [kernel <n>] or aid clear");
            byte[] aid = HexBytes(w[2], 5, 16, n, "AID");
            int kernel = 0;
            if (w.Length == 5 && w[3].ToLower() == "kernel")
            {
                long k = Number(w[4], n, "kernel");
                if (k < 1 || k > 255) throw new ProvisioningException(n, "kernel ID must be 1 to 255");
                kernel = (int)k;
            }
            else if (w.Length != 3) throw new ProvisioningException(n, "aid add <hex> [kernel <n>]");
            for (int i = 0; i < _config.Aids.Count; i++)
            {
                if (Bytes.Equal(((AidEntry)_config.Aids[i]).Aid, aid)) throw new ProvisioningException(n, "AID " + Hex.Encode(aid) + " is already configured");
            }
            _config.Aids.Add(new AidEntry(aid, kernel));
            return null;
        }

        private string[] Capk(string[] w, string text, int n)
        {
            if (w.Length == 2 && w[1].ToLower() == "clear")
            {
                _config.CaKeyLines.Clear();
                return null;
            }
            if (w.Length < 3 || (w[1] != "key" && w[1] != "revoke")) throw new ProvisioningException(n, "capk key ... | capk revoke ... (CA key file record) or capk clear");
            string record = text.Substring(text.IndexOf(w[1]));
            // Check the record with every record already accepted (duplicates, checksum, set) in a scratch store.
            CaPublicKeySet set = CaPublicKeySet.Test;
            if (!CaPublicKeySetNames.TryParse(w[2], out set)) throw new ProvisioningException(n, "CA key set must be test or live");
            CaPublicKeyStore scratch = new CaPublicKeyStore(set, _crypto);
            string all = "";
            for (int i = 0; i < _config.CaKeyLines.Count; i++)
            {
                string r = (string)_config.CaKeyLines[i];
                if (r.IndexOf(" " + w[2] + " ") > 0) all += r + "\n";
            }
            try
            {
                CaKeyFile.Load(all + record + "\n", scratch);
            }
            catch (CaPublicKeyException e)
            {
                throw new ProvisioningException(n, "CA key record refused: " + e.Message);
            }
            _config.CaKeyLines.Add(record);
            return null;
        }

        private string[] Key(string[] w, int n)
        {
            // Never echo a key: errors name the rule, answers give the check value.
            if (w.Length >= 2 && w[1].ToLower() == "dukpt")
            {
                if (w.Length != 4) throw new ProvisioningException(n, "key dukpt needs <IPEK 32 hex> <KSN 20 hex>");
                byte[] ipek = HexBytes(w[2], 16, 16, n, "IPEK");
                byte[] ksn = HexBytes(w[3], 10, 10, n, "KSN");
                if (TdesDukpt.Counter(ksn) != 0) throw new ProvisioningException(n, "the initial KSN must have counter 0");
                KeyBytes.Wipe(_config.DukptInitialKey);
                _config.DukptInitialKey = ipek;
                _config.DukptInitialKsn = ksn;
                return new string[] { "OK dukpt KCV " + Kcv(ipek) + " KSN " + Hex.Encode(ksn) };
            }
            if (w.Length >= 2 && w[1].ToLower() == "tmk")
            {
                if (w.Length != 3) throw new ProvisioningException(n, "key tmk needs <32 hex>");
                byte[] tmk = HexBytes(w[2], 16, 16, n, "terminal master key");
                KeyBytes.Wipe(_config.TerminalMasterKey);
                _config.TerminalMasterKey = tmk;
                return new string[] { "OK tmk KCV " + Kcv(tmk) };
            }
            throw new ProvisioningException(n, "key dukpt <IPEK> <KSN> or key tmk <key>");
        }

        private static void One(string[] w, int n)
        {
            if (w.Length != 3) throw new ProvisioningException(n, "set " + w[1] + " takes one value");
        }

        private static bool OnOff(string s, int n)
        {
            string v = s.ToLower();
            if (v == "on") return true;
            if (v == "off") return false;
            throw new ProvisioningException(n, "value must be on or off");
        }

        private static long Number(string s, int n, string what)
        {
            if (!DecimalText.IsDigits(s, 1, 12)) throw new ProvisioningException(n, what + " must be a whole number (digits only)");
            long v = 0;
            for (int i = 0; i < s.Length; i++) v = v * 10 + (s[i] - '0');
            return v;
        }

        /// <summary>Hex of <paramref name="min"/>..<paramref name="max"/> bytes; the message never quotes the value (it may be a key).</summary>
        private static byte[] HexBytes(string s, int min, int max, int n, string what)
        {
            if (s.Length % 2 != 0 || !Hex.IsHex(s)) throw new ProvisioningException(n, what + " must be hexadecimal digits, an even number of them");
            int len = s.Length / 2;
            if (len < min || len > max)
            {
                string size = min == max ? min.ToString() : min.ToString() + " to " + max.ToString();
                throw new ProvisioningException(n, what + " must be " + size + " bytes (" + (min * 2).ToString() + (min == max ? "" : "+") + " hex digits)");
            }
            return Hex.Decode(s);
        }

        private static string Printable(string s, int length, int n, string what)
        {
            if (s.Length != length) throw new ProvisioningException(n, what + " must be exactly " + length.ToString() + " characters");
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < 0x21 || s[i] > 0x7E) throw new ProvisioningException(n, what + " must be printable ASCII");
            }
            return s;
        }

        private static bool ValidHostName(string s)
        {
            if (s.Length == 0 || s.Length > 253) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
                if (!ok) return false;
            }
            return true;
        }

        /// <summary>
        /// An unknown word for an error message: quoted when it looks like a mistyped command (letters and '-' only,
        /// at most 16), otherwise not repeated - it may be a pasted key or password.
        /// </summary>
        private static string Quoted(string word)
        {
            if (word.Length > 16) return "(not shown)";
            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
                bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!letter) return "(not shown)";
            }
            return "'" + word + "'";
        }

        private static string[] Words(string text)
        {
            ArrayList words = new ArrayList();
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) i++;
                int start = i;
                while (i < text.Length && text[i] != ' ' && text[i] != '\t' && text[i] != '\r') i++;
                if (i > start) words.Add(text.Substring(start, i - start));
            }
            return (string[])words.ToArray(typeof(string));
        }
    }
}
