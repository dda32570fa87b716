using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.CardTool;

/// <summary>
/// The cardtool commands (tools/Terminal.CardTool/README.md):
/// <code>
/// ca create --rid A000000003 --index 50 --bits 1408 [--exponent 3] [--expiry YYYYMMDD] [--dir cards/pki]
/// issuer create --ca FILE --id 476173 --expiry MMYY --serial 000001 --bits 1152 --out FILE [--exponent 3] [--comment TEXT]
/// icc create --bits 1024 --out FILE [--exponent 3] [--comment TEXT]
/// icc certify --issuer FILE --pan DIGITS --expiry MMYY --serial HEX --icc FILE --static-data HEX
/// sda sign --issuer FILE --dac HEX --static-data HEX
/// revoke --ca FILE --serial HEX [--dir cards/pki]
/// personalise PROFILE [--out FILE] [--library DIR]
/// list [--library DIR]
/// </code>
/// Returns 0 on success, 1 for a profile or key error, 2 for a usage error.
/// </summary>
public static class CardToolCommand
{
    private const string CaKeysFile = "test-ca-keys.txt";
    private static readonly ICryptoProvider Crypto = new PortableCryptoProvider();

    /// <summary>Runs one command.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0) return Usage(error, "no command");
            var options = Options.Parse(args);
            switch (options.Verb)
            {
                case "ca create": return CaCreate(options, output);
                case "issuer create": return IssuerCreate(options, output);
                case "icc create": return IccCreate(options, output);
                case "icc certify": return IccCertify(options, output);
                case "sda sign": return SdaSign(options, output);
                case "revoke": return Revoke(options, output);
                case "personalise": return Personalise(options, output);
                case "list": return List(options, output);
                default: return Usage(error, $"unknown command '{options.Verb}'");
            }
        }
        catch (UsageException e) { return Usage(error, e.Message); }
        catch (CardProfileException e) { error.WriteLine(e.Message); return 1; }
        catch (CaPublicKeyException e) { error.WriteLine(e.Message); return 1; }
    }

    private static int Usage(TextWriter error, string why)
    {
        error.WriteLine($"cardtool: {why}");
        error.WriteLine("usage: cardtool ca create | issuer create | icc create | icc certify | sda sign | revoke | personalise PROFILE | list  (see tools/Terminal.CardTool/README.md)");
        return 2;
    }

    private static int CaCreate(Options o, TextWriter output)
    {
        byte[] rid = o.Hex("rid", 5);
        byte index = o.Hex("index", 1)[0];
        string dir = o.Get("dir", "cards/pki");
        string expiry = o.Get("expiry", "-");
        if (expiry != "-" && !EmvDate.TryParseYyyymmdd(expiry, out _)) throw new UsageException("--expiry is YYYYMMDD or -");
        Directory.CreateDirectory(dir);
        string publicFile = Path.Combine(dir, CaKeysFile);
        string existing = File.Exists(publicFile) ? File.ReadAllText(publicFile) : null;
        if (existing != null && existing.Contains($"key test {Hex.Encode(rid)} {index:X2} "))
            throw new UsageException($"{publicFile} already holds RID {Hex.Encode(rid)} index {index:X2}");
        GeneratedRsaKey k = RsaKeyGenerator.Generate(o.Int("bits"), o.Int("exponent", 3));
        string keyFile = Path.Combine(dir, $"ca-{Hex.Encode(rid)}-{index:X2}.key");
        File.WriteAllText(keyFile, PkiFiles.CaFile(rid, index, k));
        string header = "# TEST CA public keys of the virtual card library (cardtool ca create). TEST KEYS ONLY:\n" +
                        "# their private keys are public in this directory. Load into a TEST store only.\n" +
                        "# Format: docs/ca-keys.md. Indexes chosen not to collide with config/ca-keys/test.txt.\n";
        File.WriteAllText(publicFile, (existing ?? header) + PkiFiles.CaPublicKeyLine(rid, index, k.Modulus, k.Exponent, expiry) + "\n");
        output.WriteLine($"wrote {keyFile} and the public key to {publicFile}");
        return 0;
    }

    private static int IssuerCreate(Options o, TextWriter output)
    {
        PkiKeyFile ca = LoadKeyFile(o.Get("ca"));
        if (ca.CaRid == null || ca.HasIssuerCertificate) throw new UsageException("--ca must name a CA key file");
        string id = o.Get("id");
        if (id.Length < 3 || id.Length > 8 || !id.All(char.IsAsciiDigit)) throw new UsageException("--id is 3 to 8 PAN digits");
        byte[] issuerId = Hex.Decode(id.PadRight(8, 'F'));
        byte[] expiry = o.Hex("expiry", 2);
        byte[] serial = o.Hex("serial", 3);
        GeneratedRsaKey k = RsaKeyGenerator.Generate(o.Int("bits"), o.Int("exponent", 3));
        byte[] cert = CertificateFactory.IssuerCertificate(Crypto, ca.PrivateKey, issuerId, expiry, serial, k.Modulus, k.Exponent, out byte[] remainder);
        string comment = o.Get("comment", $"Test issuer {id} certified by CA {Hex.Encode(ca.CaRid)} {ca.CaIndex:X2}");
        string outFile = o.Get("out");
        File.WriteAllText(outFile, PkiFiles.IssuerFile(comment, ca.CaRid, (byte)ca.CaIndex, issuerId, expiry, serial, cert, remainder, k));
        output.WriteLine($"wrote {outFile}");
        return 0;
    }

    private static int IccCreate(Options o, TextWriter output)
    {
        GeneratedRsaKey k = RsaKeyGenerator.Generate(o.Int("bits"), o.Int("exponent", 3));
        string outFile = o.Get("out");
        File.WriteAllText(outFile, PkiFiles.IccFile(o.Get("comment", "Test ICC key pair; its certificate (9F46) is made per card by personalise"), k));
        output.WriteLine($"wrote {outFile}");
        return 0;
    }

    private static int IccCertify(Options o, TextWriter output)
    {
        PkiKeyFile issuer = LoadKeyFile(o.Get("issuer"));
        PkiKeyFile icc = LoadKeyFile(o.Get("icc"));
        string pan = o.Get("pan");
        if (pan.Length < 12 || pan.Length > 19 || !pan.All(char.IsAsciiDigit)) throw new UsageException("--pan is 12 to 19 digits");
        byte[] pan10 = Hex.Decode(pan.PadRight(20, 'F'));
        byte[] cert = CertificateFactory.IccCertificate(Crypto, issuer.PrivateKey, pan10, o.Hex("expiry", 2), o.Hex("serial", 3),
            icc.PrivateKey.Modulus, icc.PrivateKey.PublicExponent, o.Hex("static-data", -1), out byte[] remainder);
        output.WriteLine($"9F46 = {Hex.Encode(cert)}");
        output.WriteLine($"9F48 = {Hex.Encode(remainder)}");
        output.WriteLine($"9F47 = {Hex.Encode(icc.PrivateKey.PublicExponent)}");
        return 0;
    }

    private static int SdaSign(Options o, TextWriter output)
    {
        PkiKeyFile issuer = LoadKeyFile(o.Get("issuer"));
        output.WriteLine($"93 = {Hex.Encode(CertificateFactory.SignedStaticData(Crypto, issuer.PrivateKey, o.Hex("dac", 2), o.Hex("static-data", -1)))}");
        return 0;
    }

    private static int Revoke(Options o, TextWriter output)
    {
        PkiKeyFile ca = LoadKeyFile(o.Get("ca"));
        if (ca.CaRid == null || ca.HasIssuerCertificate) throw new UsageException("--ca must name a CA key file");
        byte[] serial = o.Hex("serial", 3);
        string publicFile = Path.Combine(o.Get("dir", "cards/pki"), CaKeysFile);
        if (!File.Exists(publicFile)) throw new UsageException($"{publicFile} does not exist (run ca create first)");
        File.AppendAllText(publicFile, $"revoke test {Hex.Encode(ca.CaRid)} {ca.CaIndex:X2} {Hex.Encode(serial)}\n");
        output.WriteLine($"revoked serial {Hex.Encode(serial)} of CA {Hex.Encode(ca.CaRid)} {ca.CaIndex:X2} in {publicFile}");
        return 0;
    }

    private static int Personalise(Options o, TextWriter output)
    {
        if (o.Positional.Count != 1) throw new UsageException("personalise takes one profile file");
        string profileFile = o.Positional[0];
        if (!File.Exists(profileFile)) throw new UsageException($"{profileFile} does not exist");
        string library = o.Get("library", Path.GetDirectoryName(Path.GetFullPath(profileFile)));
        CardProfile profile = CardProfile.Parse(File.ReadAllText(profileFile));
        var image = Personaliser.Personalise(profile, new FilePkiSource(library), Crypto);
        string text = CardImageText.Write(image);
        string outFile = o.Get("out", null);
        if (outFile == null) output.Write(text);
        else { File.WriteAllText(outFile, text); output.WriteLine($"wrote {outFile}"); }
        return 0;
    }

    private static int List(Options o, TextWriter output)
    {
        string library = o.Get("library", "cards");
        foreach (string file in Directory.GetFiles(library, "*.card").OrderBy(f => f, StringComparer.Ordinal))
        {
            CardProfile p = CardProfile.Parse(File.ReadAllText(file));
            output.WriteLine($"{p.Name}: {p.Statement}");
        }
        return 0;
    }

    private static PkiKeyFile LoadKeyFile(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path} does not exist");
        return PkiKeyFile.Parse(File.ReadAllText(path));
    }

    private sealed class UsageException(string message) : Exception(message);

    private sealed class Options
    {
        public string Verb;
        public readonly List<string> Positional = new();
        private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

        public static Options Parse(string[] args)
        {
            var o = new Options();
            int i = 0;
            bool twoWord = args.Length > 1 && (args[0] is "ca" or "issuer" or "icc" or "sda");
            o.Verb = twoWord ? args[0] + " " + args[1] : args[0];
            i = twoWord ? 2 : 1;
            for (; i < args.Length; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    if (i + 1 >= args.Length) throw new UsageException($"{args[i]} needs a value");
                    o._named[args[i][2..]] = args[++i];
                }
                else o.Positional.Add(args[i]);
            }
            return o;
        }

        public string Get(string name) => _named.TryGetValue(name, out var v) ? v : throw new UsageException($"--{name} is required");
        public string Get(string name, string defaultValue) => _named.TryGetValue(name, out var v) ? v : defaultValue;

        public int Int(string name, int? defaultValue = null)
        {
            if (!_named.TryGetValue(name, out var v))
                return defaultValue ?? throw new UsageException($"--{name} is required");
            return int.TryParse(v, out int n) ? n : throw new UsageException($"--{name} is a number");
        }

        /// <summary>A hex option of the given byte length (-1: any length).</summary>
        public byte[] Hex(string name, int length)
        {
            string v = Get(name);
            if (!Terminal.EmvKernel.Util.Hex.IsHex(v) || (length >= 0 && v.Length != 2 * length))
                throw new UsageException(length >= 0 ? $"--{name} is {length} bytes hex" : $"--{name} is hex");
            return Terminal.EmvKernel.Util.Hex.Decode(v);
        }
    }
}
