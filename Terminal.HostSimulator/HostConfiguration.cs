using System;
using System.Collections.Generic;
using System.IO;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.Pc.Crypto;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.HostSimulation
{
    /// <summary>
    /// The simulator's rules file (same syntax as the card profiles, docs/card-profiles.md: <c>[section argument]</c>,
    /// <c>key = value</c>, <c>#</c> comments):
    /// <code>
    /// [rules]                  decline-above = 50000 (minor units), amount-limit-code = 61, cryptogram-failure-code = 05,
    ///                          mac-failure-code = A0, require-mac = yes|no, check-expiry = yes|no
    /// [keys]                   tdes-bdk, aes-bdk, tmk (hex); tmk.TERMID = hex for one terminal
    /// [account PAN]            psn, expiry (YYMM), pin, balance, cvn (visa-10 ... interac-133),
    ///                          mk-ac/mk-smi/mk-smc (ICC master keys) or imk-ac/imk-smi/imk-smc (issuer master keys,
    ///                          derived with the version's option, EMV 4.4 Book 2 A1.4), arc, csu (hex),
    ///                          script = 71|72 CLAINSP1P2 [DATA] (hex; several allowed)
    /// [card FILE]              every application of a test card profile (relative to the rules file) becomes an
    ///                          account: pan, psn, expiry, pin, cvn and mk-ac/mk-smi/mk-smc; balance and pin may be set
    /// </code>
    /// Errors are <see cref="FormatException"/> naming the line, never a key or PIN value.
    /// </summary>
    public sealed class HostConfiguration
    {
        /// <summary>Default balance of an account without one (minor units).</summary>
        public const long DefaultBalance = 100_000_000;

        /// <summary>The rules.</summary>
        public HostRules Rules { get; } = new HostRules();
        /// <summary>The acquirer keys (test keys unless replaced).</summary>
        public HostKeys Keys { get; } = HostKeys.TestKeys();
        /// <summary>The accounts.</summary>
        public List<HostAccount> Accounts { get; } = new List<HostAccount>();

        /// <summary>Reads a rules file.</summary>
        public static HostConfiguration Load(string path)
        {
            return Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));
        }

        /// <summary>Parses rules text; card files are resolved against <paramref name="baseDirectory"/>.</summary>
        public static HostConfiguration Parse(string text, string baseDirectory)
        {
            HostConfiguration c = new HostConfiguration();
            ProfileDocument doc;
            try
            {
                doc = ProfileDocument.Parse(text);
            }
            catch (CardProfileException e)
            {
                throw new FormatException("rules file: " + e.Message);
            }
            for (int i = 0; i < doc.Count; i++)
            {
                ProfileSection s = doc.SectionAt(i);
                switch (s.Name)
                {
                    case "rules": c.ReadRules(s); break;
                    case "keys": c.ReadKeys(s); break;
                    case "account":
                        if (s.Argument == null) throw Error(s.Line, "[account PAN] needs the PAN");
                        c.Accounts.Add(ReadAccount(new HostAccount(s.Argument), s));
                        break;
                    case "card":
                        if (s.Argument == null) throw Error(s.Line, "[card FILE] needs the file");
                        string file = Path.IsPathRooted(s.Argument) ? s.Argument : Path.Combine(baseDirectory ?? ".", s.Argument);
                        foreach (HostAccount a in FromCardProfile(File.ReadAllText(file)))
                            c.Accounts.Add(ReadAccount(a, s));
                        break;
                    default:
                        throw Error(s.Line, "unknown section [" + s.Name + "]");
                }
            }
            return c;
        }

        /// <summary>Accounts for every application of a test card profile (cards/*.card): PAN, PSN, expiry, PIN, CVN and ICC master keys.</summary>
        public static List<HostAccount> FromCardProfile(string profileText)
        {
            CardProfile p = CardProfile.Parse(profileText);
            List<HostAccount> list = new List<HostAccount>();
            for (int i = 0; i < p.ApplicationCount; i++)
            {
                ProfileApplication app = p.ApplicationAt(i);
                string pan = app.Application.Text("pan");
                if (pan == null) continue;
                HostAccount a = new HostAccount(pan);
                a.Balance = DefaultBalance;
                string psn = app.Application.Text("psn");
                if (psn != null) a.Psn = psn;
                string expiry = app.Application.Text("expiry");
                if (expiry != null && expiry.Length >= 7) a.Expiry = expiry.Substring(2, 2) + expiry.Substring(5, 2);
                a.Pin = app.Application.Text("pin");
                string cvn = app.Application.Text("cvn");
                if (cvn != null) a.CryptogramVersion = VersionOf(cvn, app.Application.Line);
                if (app.Keys != null && app.Keys.Text("mk-ac") != null)
                    a.MasterKeys = new IccMasterKeys(Hex(app.Keys.Text("mk-ac"), app.Keys.Line), Hex(app.Keys.Text("mk-smi"), app.Keys.Line), Hex(app.Keys.Text("mk-smc"), app.Keys.Line));
                list.Add(a);
            }
            return list;
        }

        /// <summary>"visa-10", "mastercard-16", ... to the cryptogram version.</summary>
        public static CryptogramVersion VersionOf(string name, int line)
        {
            int dash = name.LastIndexOf('-');
            int number;
            if (dash > 0 && int.TryParse(name.Substring(dash + 1), out number))
            {
                string scheme = name.Substring(0, dash).ToLowerInvariant();
                scheme = scheme == "visa" ? "Visa" : scheme == "mastercard" ? "Mastercard" : scheme == "interac" ? "Interac" : scheme;
                CryptogramVersion v = CryptogramVersion.Find(scheme, number);
                if (v != null) return v;
            }
            throw Error(line, "unknown cryptogram version '" + name + "'");
        }

        private void ReadRules(ProfileSection s)
        {
            for (int i = 0; i < s.Count; i++)
            {
                ProfileEntry e = s.EntryAt(i);
                switch (e.Key)
                {
                    case "decline-above": Rules.DeclineAbove = Number(e); break;
                    case "amount-limit-code": Rules.AmountLimitCode = Code(e); break;
                    case "cryptogram-failure-code": Rules.CryptogramFailureCode = Code(e); break;
                    case "mac-failure-code": Rules.MacFailureCode = Code(e); break;
                    case "require-mac": Rules.RequireMac = YesNo(e); break;
                    case "check-expiry": Rules.CheckExpiry = YesNo(e); break;
                    default: throw Error(e.Line, "unknown rule '" + e.Key + "'");
                }
            }
        }

        private void ReadKeys(ProfileSection s)
        {
            for (int i = 0; i < s.Count; i++)
            {
                ProfileEntry e = s.EntryAt(i);
                if (e.Key == "tdes-bdk") Keys.TdesBdk = Hex(e.Value, e.Line);
                else if (e.Key == "aes-bdk") Keys.AesBdk = Hex(e.Value, e.Line);
                else if (e.Key == "tmk") Keys.DefaultMasterKey = Hex(e.Value, e.Line);
                else if (e.Key.StartsWith("tmk.", StringComparison.Ordinal)) Keys.SetMasterKey(e.Key.Substring(4), Hex(e.Value, e.Line));
                else throw Error(e.Line, "unknown key entry '" + e.Key + "'");
            }
        }

        private static HostAccount ReadAccount(HostAccount a, ProfileSection s)
        {
            if (a.Balance == long.MaxValue / 4) a.Balance = DefaultBalance;
            byte[] imkAc = null, imkSmi = null, imkSmc = null, mkAc = null, mkSmi = null, mkSmc = null;
            for (int i = 0; i < s.Count; i++)
            {
                ProfileEntry e = s.EntryAt(i);
                switch (e.Key)
                {
                    case "psn": a.Psn = e.Value; break;
                    case "expiry": a.Expiry = e.Value; break;
                    case "pin": a.Pin = e.Value; break;
                    case "balance": a.Balance = Number(e); break;
                    case "cvn": a.CryptogramVersion = VersionOf(e.Value, e.Line); break;
                    case "mk-ac": mkAc = Hex(e.Value, e.Line); break;
                    case "mk-smi": mkSmi = Hex(e.Value, e.Line); break;
                    case "mk-smc": mkSmc = Hex(e.Value, e.Line); break;
                    case "imk-ac": imkAc = Hex(e.Value, e.Line); break;
                    case "imk-smi": imkSmi = Hex(e.Value, e.Line); break;
                    case "imk-smc": imkSmc = Hex(e.Value, e.Line); break;
                    case "arc": a.ApprovalArc = Hex(e.Value, e.Line); break;
                    case "csu": a.ApprovalCsu = Hex(e.Value, e.Line); break;
                    case "script":
                        string[] parts = e.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (parts.Length < 2 || parts.Length > 3) throw Error(e.Line, "script = 71|72 CLAINSP1P2 [DATA]");
                        a.Scripts.Add(new IssuerScript(Convert.ToInt32(parts[0], 16), Hex(parts[1], e.Line), parts.Length == 3 ? Hex(parts[2], e.Line) : null));
                        break;
                    default: throw Error(e.Line, "unknown account entry '" + e.Key + "'");
                }
            }
            if (mkAc != null)
            {
                if (mkSmi == null || mkSmc == null) throw Error(s.Line, "mk-ac, mk-smi and mk-smc go together");
                a.MasterKeys = new IccMasterKeys(mkAc, mkSmi, mkSmc);
            }
            else if (imkAc != null)
            {
                if (imkSmi == null || imkSmc == null) throw Error(s.Line, "imk-ac, imk-smi and imk-smc go together");
                if (a.CryptogramVersion == null) throw Error(s.Line, "issuer master keys need the cvn");
                a.MasterKeys = IccMasterKeys.Derive(new BclCryptoProvider(), a.CryptogramVersion.MasterKeyDerivation, imkAc, imkSmi, imkSmc, a.Pan, a.Psn);
            }
            return a;
        }

        private static long Number(ProfileEntry e)
        {
            long n;
            if (!long.TryParse(e.Value, out n) || n < -1) throw Error(e.Line, "'" + e.Key + "' needs a whole number");
            return n;
        }

        private static string Code(ProfileEntry e)
        {
            if (e.Value == null || e.Value.Length != 2) throw Error(e.Line, "'" + e.Key + "' needs a 2-character response code");
            return e.Value;
        }

        private static bool YesNo(ProfileEntry e)
        {
            if (e.Value == "yes") return true;
            if (e.Value == "no") return false;
            throw Error(e.Line, "'" + e.Key + "' is yes or no");
        }

        private static byte[] Hex(string value, int line)
        {
            try
            {
                return Convert.FromHexString(value ?? "");
            }
            catch (FormatException)
            {
                throw Error(line, "not hexadecimal");
            }
        }

        private static FormatException Error(int line, string message)
        {
            return new FormatException("rules file line " + line + ": " + message);
        }
    }
}
