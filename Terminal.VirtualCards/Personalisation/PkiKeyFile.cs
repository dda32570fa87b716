using Terminal.EmvKernel.Crypto;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// A test PKI key file of cards/pki (docs/card-profiles.md, "Test PKI"), in the profile line syntax:
    /// <c>[rsa-private-key]</c> (modulus, exponent, p, q, dp, dq, qinv), and for a CA <c>[ca]</c> (rid, index),
    /// for an issuer <c>[issuer-certificate]</c> (ca-rid, ca-index, issuer-identifier, expiry, serial,
    /// certificate, remainder, exponent: the values of 8F, 90, 92, 9F32). TEST KEYS ONLY.
    /// </summary>
    public sealed class PkiKeyFile
    {
        private static readonly string[] KeyKeys = new string[] { "modulus", "exponent", "p", "q", "dp", "dq", "qinv" };
        private static readonly string[] CaKeys = new string[] { "rid", "index" };
        private static readonly string[] IssuerKeys = new string[] { "ca-rid", "ca-index", "issuer-identifier", "expiry", "serial", "certificate", "remainder", "exponent" };

        private PkiKeyFile() { }

        /// <summary>The RSA private key (CRT form).</summary>
        public RsaPrivateCrtKey PrivateKey { get; private set; }

        /// <summary>CA files: the RID (5 bytes), else null.</summary>
        public byte[] CaRid { get; private set; }

        /// <summary>CA files: the CA public key index; issuer files: the index of the certifying CA (8F). -1 when absent.</summary>
        public int CaIndex { get; private set; }

        /// <summary>Issuer files: the issuer identifier of the certificate (4 bytes), else null.</summary>
        public byte[] IssuerIdentifier { get; private set; }

        /// <summary>Issuer files: certificate expiry MMYY, else null.</summary>
        public byte[] Expiry { get; private set; }

        /// <summary>Issuer files: certificate serial number (3 bytes), else null.</summary>
        public byte[] Serial { get; private set; }

        /// <summary>Issuer files: the issuer public key certificate (90), else null.</summary>
        public byte[] Certificate { get; private set; }

        /// <summary>Issuer files: the issuer public key remainder (92), empty when none; null for other files.</summary>
        public byte[] Remainder { get; private set; }

        /// <summary>True when the file holds an issuer certificate.</summary>
        public bool HasIssuerCertificate { get { return Certificate != null; } }

        /// <summary>Parses a key file; throws <see cref="CardProfileException"/> naming line and field.</summary>
        public static PkiKeyFile Parse(string text)
        {
            ProfileDocument doc = ProfileDocument.Parse(text);
            PkiKeyFile f = new PkiKeyFile();
            f.CaIndex = -1;
            ProfileSection keySection = null;
            for (int i = 0; i < doc.Count; i++)
            {
                ProfileSection s = doc.SectionAt(i);
                if (s.Name == "rsa-private-key") { s.CheckKeys(KeyKeys, false); keySection = s; }
                else if (s.Name == "ca")
                {
                    s.CheckKeys(CaKeys, false);
                    f.CaRid = Fixed(s, "rid", 5);
                    f.CaIndex = Fixed(s, "index", 1)[0];
                }
                else if (s.Name == "issuer-certificate")
                {
                    s.CheckKeys(IssuerKeys, false);
                    f.CaRid = Fixed(s, "ca-rid", 5);
                    f.CaIndex = Fixed(s, "ca-index", 1)[0];
                    f.IssuerIdentifier = Fixed(s, "issuer-identifier", 4);
                    f.Expiry = Fixed(s, "expiry", 2);
                    f.Serial = Fixed(s, "serial", 3);
                    f.Certificate = s.RequiredHex("certificate");
                    f.Remainder = s.RequiredHex("remainder");
                    byte[] e = s.RequiredHex("exponent");
                    if (keySection != null && !Same(e, keySection.RequiredHex("exponent")))
                        throw new CardProfileException(CardProfileError.Inconsistent, s.Find("exponent").Line, "exponent", "differs from the key's exponent");
                }
                else throw new CardProfileException(CardProfileError.UnknownSection, s.Line, s.Name, "not a key file section");
            }
            if (keySection == null) throw new CardProfileException(CardProfileError.Missing, 0, "rsa-private-key", "key file without [rsa-private-key]");
            try
            {
                f.PrivateKey = new RsaPrivateCrtKey(keySection.RequiredHex("modulus"), keySection.RequiredHex("exponent"),
                    keySection.RequiredHex("p"), keySection.RequiredHex("q"), keySection.RequiredHex("dp"),
                    keySection.RequiredHex("dq"), keySection.RequiredHex("qinv"));
            }
            catch (System.ArgumentException)
            {
                // The key constructor's message is about lengths only; do not repeat key values.
                throw new CardProfileException(CardProfileError.InvalidValue, keySection.Line, "rsa-private-key", "not a usable RSA CRT key");
            }
            return f;
        }

        private static byte[] Fixed(ProfileSection s, string key, int length)
        {
            byte[] v = s.RequiredHex(key);
            if (v.Length != length) throw ProfileValues.Invalid(s.Find(key), "expected " + length.ToString() + " bytes");
            return v;
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }
    }
}
