using System.Collections;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Configuration
{
    /// <summary>
    /// Reads the line-based configuration format (docs/kernel-config.md): printable ASCII, LF or CRLF lines,
    /// '#' starts a comment, <c>[terminal]</c> and <c>[aid &lt;hex&gt;]</c> sections of <c>key = value</c> lines.
    /// One instance parses one text.
    /// </summary>
    internal sealed class ConfigurationParser
    {
        private const string TerminalSection = "terminal";
        private const int MaxLabelLength = 32;

        private static readonly string[] RequiredAidKeys =
            { "application-version", "floor-limit", "tac-denial", "tac-online", "tac-default" };

        private readonly TerminalParameters _terminal = new TerminalParameters();
        private readonly ArrayList _aids = new ArrayList();
        private readonly ArrayList _aidLines = new ArrayList();
        private int _terminalLine;

        // The section being read: its name ("terminal", "aid A0..."), header line, AID (null for [terminal])
        // and the keys seen with their lines.
        private string _section;
        private int _sectionLine;
        private AidParameters _aid;
        private readonly ArrayList _keys = new ArrayList();
        private readonly ArrayList _keyLines = new ArrayList();

        /// <summary>Parses the whole text or throws <see cref="ConfigurationException"/>.</summary>
        public KernelConfiguration Parse(string text)
        {
            int line = 0;
            int start = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0) end = text.Length;
                line++;
                int stop = end;
                if (stop > start && text[stop - 1] == '\r') stop--;
                ParseLine(text.Substring(start, stop - start), line);
                start = end + 1;
            }
            EndSection();
            if (_aids.Count == 0)
                throw new ConfigurationException(0, null, "aid", "no [aid <hex>] section: the terminal needs at least one application");
            return KernelConfiguration.FromList(_terminal, _aids);
        }

        private void ParseLine(string raw, int line)
        {
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c != '\t' && (c < ' ' || c > '~'))
                    throw new ConfigurationException(line, null, "text", "character code " + ((int)c).ToString()
                        + " at column " + (i + 1).ToString() + " (the file is printable ASCII)");
            }
            int hash = raw.IndexOf('#');
            string content = (hash >= 0 ? raw.Substring(0, hash) : raw).Trim();
            if (content.Length == 0) return;
            if (content[0] == '[')
            {
                StartSection(content, line);
                return;
            }
            int equals = content.IndexOf('=');
            string key = equals > 0 ? content.Substring(0, equals).Trim() : string.Empty;
            if (key.Length == 0)
                throw new ConfigurationException(line, _section, "line", "expected 'key = value' or a [section] header");
            if (_section == null)
                throw new ConfigurationException(line, null, key, "outside any section; start with [terminal] or [aid <hex>]");
            for (int i = 0; i < _keys.Count; i++)
            {
                if ((string)_keys[i] == key)
                    throw new ConfigurationException(line, _section, key, "duplicate key (first at line " + ((int)_keyLines[i]).ToString() + ")");
            }
            _keys.Add(key);
            _keyLines.Add(line);
            ConfigurationValue value = new ConfigurationValue(line, _section, key, content.Substring(equals + 1).Trim());
            if (_aid == null) TerminalKey(value);
            else AidKey(value);
        }

        private void StartSection(string content, int line)
        {
            if (content[content.Length - 1] != ']' || content.Length < 2)
                throw new ConfigurationException(line, null, "section", "expected a header like [terminal] or [aid A0000000031010]");
            EndSection();
            string name = content.Substring(1, content.Length - 2).Trim();
            if (name == TerminalSection)
            {
                if (_terminalLine > 0)
                    throw new ConfigurationException(line, null, "section", "[terminal] appears twice (first at line " + _terminalLine.ToString() + ")");
                _terminalLine = line;
                Begin(TerminalSection, line, null);
                return;
            }
            if (name.Length >= 3 && name.Substring(0, 3) == "aid" && (name.Length == 3 || name[3] == ' ' || name[3] == '\t'))
            {
                byte[] aid = new ConfigurationValue(line, null, "aid", name.Substring(3).Trim()).Hex(5, 16);
                for (int i = 0; i < _aids.Count; i++)
                {
                    if (Bytes.Equal(((AidParameters)_aids[i]).Aid, aid))
                        throw new ConfigurationException(line, null, "aid", "duplicate AID " + Hex.Encode(aid)
                            + " (first at line " + ((int)_aidLines[i]).ToString() + ")");
                }
                AidParameters parameters = new AidParameters(aid);
                _aids.Add(parameters);
                _aidLines.Add(line);
                Begin("aid " + Hex.Encode(aid), line, parameters);
                return;
            }
            throw new ConfigurationException(line, null, "section", "unknown section [" + name + "]; expected [terminal] or [aid <hex>]");
        }

        private void Begin(string section, int line, AidParameters aid)
        {
            _section = section;
            _sectionLine = line;
            _aid = aid;
            _keys.Clear();
            _keyLines.Clear();
        }

        private void EndSection()
        {
            if (_aid == null) return;
            for (int i = 0; i < RequiredAidKeys.Length; i++)
            {
                if (LineOf(RequiredAidKeys[i]) == 0)
                    throw new ConfigurationException(_sectionLine, _section, RequiredAidKeys[i], "missing (required in every [aid] section)");
            }
            // Book 3, 10.6.2: 0 <= target <= maximum target <= 99 and the threshold is below the floor limit.
            if (_aid.TargetPercent > _aid.MaxTargetPercent)
            {
                int line = LineOf("max-target-percent");
                string key = "max-target-percent";
                if (line == 0) { line = LineOf("target-percent"); key = "target-percent"; }
                throw new ConfigurationException(line, _section, key, "target-percent " + _aid.TargetPercent.ToString()
                    + " exceeds max-target-percent " + _aid.MaxTargetPercent.ToString() + " (Book 3, 10.6.2)");
            }
            if (_aid.Threshold > _aid.FloorLimit)
                throw new ConfigurationException(LineOf("threshold"), _section, "threshold", "threshold " + _aid.Threshold.ToString()
                    + " exceeds floor-limit " + _aid.FloorLimit.ToString() + " (Book 3, 10.6.2)");
            _aid = null;
            _section = null;
        }

        private int LineOf(string key)
        {
            for (int i = 0; i < _keys.Count; i++)
            {
                if ((string)_keys[i] == key) return (int)_keyLines[i];
            }
            return 0;
        }

        private void TerminalKey(ConfigurationValue v)
        {
            TerminalParameters t = _terminal;
            switch (v.Key)
            {
                case "country-code": t.CountryCode = v.Numeric(3, 3, 2); break;
                case "currency-code": t.CurrencyCode = v.Numeric(3, 3, 2); break;
                case "currency-exponent": t.CurrencyExponent = (int)v.Integer(0, 9); break;
                case "capabilities": t.Capabilities = v.Hex(3); break;
                case "additional-capabilities": t.AdditionalCapabilities = v.Hex(5); break;
                case "terminal-type": t.TerminalType = TerminalType(v); break;
                case "merchant-category-code": t.MerchantCategoryCode = v.Numeric(4, 4, 2); break;
                case "merchant-identifier": t.MerchantIdentifier = v.Characters(1, TerminalParameters.MerchantIdentifierLength); break;
                case "terminal-identification":
                    t.TerminalIdentification = v.Characters(TerminalParameters.IdentificationLength, TerminalParameters.IdentificationLength);
                    break;
                case "merchant-name-and-location": t.MerchantNameAndLocation = v.Characters(0, TerminalParameters.MaxMerchantNameLength); break;
                case "acquirer-identifier": t.AcquirerIdentifier = v.Numeric(6, 11, 6); break;
                case "ifd-serial-number":
                    t.IfdSerialNumber = ConfigurationValue.Ascii(v.Characters(TerminalParameters.IdentificationLength, TerminalParameters.IdentificationLength));
                    break;
                case "pse": t.PseSupported = v.Boolean(); break;
                case "max-issuer-script-length":
                    t.MaxIssuerScriptLength = (int)v.Integer(TerminalParameters.MinIssuerScriptLength, TerminalParameters.MaxIssuerScriptLengthLimit);
                    break;
                case "magstripe-fallback": t.MagstripeFallback = v.Boolean(); break;
                case "fallback-no-mutual-application": t.FallbackOnNoMutualApplication = v.Boolean(); break;
                case "fallback-chip-attempts": t.FallbackChipAttempts = (int)v.Integer(1, 9); break;
                default: throw v.Error("unknown key in [terminal]");
            }
        }

        /// <summary>n 2: operational control 1-3 and environment 1-6 (Book 4, Annex A1).</summary>
        private static byte TerminalType(ConfigurationValue v)
        {
            byte b = v.Numeric(2, 2, 1)[0];
            int control = b >> 4;
            int environment = b & 0x0F;
            if (control < 1 || control > 3 || environment < 1 || environment > 6)
                throw v.Error("expected operational control 1-3 then environment 1-6 (Book 4, Annex A1), found '" + v.Text + "'");
            return b;
        }

        private void AidKey(ConfigurationValue v)
        {
            AidParameters a = _aid;
            switch (v.Key)
            {
                case "label": a.Label = v.Characters(0, MaxLabelLength); break;
                case "partial-match": a.PartialMatch = v.Boolean(); break;
                case "application-version": a.ApplicationVersion = v.Hex(2); break;
                case "floor-limit": a.FloorLimit = v.Integer(0, AidParameters.MaxFloorLimit); break;
                case "tac-denial": a.TacDenial = v.Hex(AidParameters.ActionCodeLength); break;
                case "tac-online": a.TacOnline = v.Hex(AidParameters.ActionCodeLength); break;
                case "tac-default": a.TacDefault = v.Hex(AidParameters.ActionCodeLength); break;
                case "default-ddol": a.DefaultDdol = DefaultDdol(v); break;
                case "default-tdol": a.DefaultTdol = v.Dol(); break;
                case "threshold": a.Threshold = v.Integer(0, AidParameters.MaxFloorLimit); break;
                case "target-percent": a.TargetPercent = (int)v.Integer(0, AidParameters.MaxPercent); break;
                case "max-target-percent": a.MaxTargetPercent = (int)v.Integer(0, AidParameters.MaxPercent); break;
                case "velocity-checking": a.VelocityChecking = v.Boolean(); break;
                case "relay-min-grace": a.RelayMinimumGracePeriod = (int)v.Integer(0, 0xFFFF); break;
                case "relay-max-grace": a.RelayMaximumGracePeriod = (int)v.Integer(0, 0xFFFF); break;
                case "relay-expected-capdu": a.RelayExpectedCapduTime = (int)v.Integer(0, 0xFFFF); break;
                case "relay-expected-rapdu": a.RelayExpectedRapduTime = (int)v.Integer(0, 0xFFFF); break;
                case "relay-accuracy-threshold": a.RelayAccuracyThreshold = (int)v.Integer(0, 0xFFFF); break;
                case "relay-mismatch-percent": a.RelayMismatchPercent = (int)v.Integer(0, 0xFF); break;
                case "torn-log-records": a.TornLogRecords = (int)v.Integer(0, 0xFF); break;
                case "torn-log-lifetime": a.TornLogLifetimeSeconds = (int)v.Integer(1, 0xFFFF); break;
                default: throw v.Error("unknown key in [aid]");
            }
        }

        /// <summary>The default DDOL must ask for the Unpredictable Number '9F37', or DDA cannot succeed (Book 2, 6.5).</summary>
        private static byte[] DefaultDdol(ConfigurationValue v)
        {
            byte[] dol = v.Dol();
            if (!Dol.DataObjectList.Parse(dol).Contains(0x9F37))
                throw v.Error("must contain 9F37 (Unpredictable Number)");
            return dol;
        }
    }
}
