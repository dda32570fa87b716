#nullable enable
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// The reference terminal of docs/card-profiles.md ("Reference transaction of the statements"): type 22, country
/// and currency 0156, capabilities E0F8C8, application version 0096, floor limit 100.00, terminal action codes zero,
/// date 2026-06-15, purchase.
/// </summary>
internal static class ReferenceTerminal
{
    public static readonly string[] Aids =
    {
        "A0000000031010", "A0000000032010", "A0000000041010", "A00000002501",
        "A000000333010101", "A000000333010102", "A000000333010103"
    };

    public static KernelConfiguration Configuration(Action<TerminalParameters>? terminal = null, Action<AidParameters>? aid = null)
    {
        var t = new TerminalParameters
        {
            CountryCode = Hex.Decode("0156"),
            CurrencyCode = Hex.Decode("0156"),
            CurrencyExponent = 2,
            Capabilities = Hex.Decode("E0F8C8"),
            TerminalType = 0x22,
            PseSupported = true,
        };
        terminal?.Invoke(t);
        var list = new List<AidParameters>();
        foreach (string a in Aids)
        {
            var p = new AidParameters(Hex.Decode(a))
            {
                ApplicationVersion = Hex.Decode(a.StartsWith("A000000004") ? "0002" : a.StartsWith("A000000025") ? "0001" : a.StartsWith("A000000333") ? "0030" : "0096"),
                PartialMatch = true,
                FloorLimit = 10000,
                TacDenial = new byte[5],
                TacOnline = new byte[5],
                TacDefault = new byte[5],
                DefaultDdol = Hex.Decode("9F3704"),
                VelocityChecking = true,
            };
            aid?.Invoke(p);
            list.Add(p);
        }
        return new KernelConfiguration(t, list.ToArray());
    }

    /// <summary>The test CA keys of cards/pki (set "test", with its revocation list).</summary>
    public static CaPublicKeyStore CaKeys() => LibraryOdaTests.TestCaStore();

    public static TransactionRequest Purchase(long amount) =>
        new(amount, Hex.Decode("260615"), Hex.Decode("120000")) { SequenceCounter = 1 };
}

/// <summary>A PIN pad answering from a script of (result, PIN) pairs; online PIN per <see cref="Online"/>.</summary>
internal sealed class ScenarioPinPad(params (PinEntryResult Result, string Pin)[] offline) : ICardholderVerificationMethods
{
    private int _next;
    public PinEntryResult Online { get; init; } = PinEntryResult.Entered;
    public List<int> TriesShown { get; } = new();
    public int OnlinePrompts { get; private set; }

    public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
    {
        TriesShown.Add(remainingTries);
        var (result, pin) = _next < offline.Length ? offline[_next++] : (PinEntryResult.Bypassed, "");
        pinDigits = result == PinEntryResult.Entered ? pin.Select(c => (byte)(c - '0')).ToArray() : null!;
        return result;
    }

    public PinEntryResult EnterOnlinePin()
    {
        OnlinePrompts++;
        return Online;
    }
}

/// <summary>
/// A test issuer independent of the kernel: it checks the ARQC of field 55 with the card's ICC master key
/// (Book 2, 8.1, through the CVN's rules) and answers with an ARPC (Book 2, 8.2). Modes follow the card
/// profiles' `host` key: approve, decline, unreachable, bad-arpc, approve-with-scripts.
/// </summary>
internal sealed class ScenarioHost(CardApplication app, string mode) : IOnlineAuthoriser
{
    private static readonly ICryptoProvider Crypto = new PortableCryptoProvider();
    public List<OnlineRequest> Requests { get; } = new();
    public bool ArqcValid { get; private set; }
    public byte[]? Scripts71 { get; set; }
    public byte[]? Scripts72 { get; set; }

    public OnlineResponse? Authorise(OnlineRequest request)
    {
        Requests.Add(request);
        if (mode == "unreachable") return null;
        TlvList icc = TlvParser.Parse(request.IccData);
        byte[] V(int tag) => icc.FindValue(tag) ?? throw new InvalidOperationException("field 55 lacks " + tag.ToString("X"));
        // Book 2, 8.1.1 Table 26: 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37, then AIP, ATC and the IAD part.
        byte[] terminalData = Bytes.Concat(Bytes.Concat(V(0x9F02), V(0x9F03), V(0x9F1A)), Bytes.Concat(V(0x95), V(0x5F2A), V(0x9A)),
            Bytes.Concat(V(0x9C), V(0x9F37)));
        CryptogramVersion cv = app.CryptogramVersion;
        ArqcValid = cv.VerifyAc(Crypto, app.MasterKeys.MkAc, terminalData, V(0x82), V(0x9F36), V(0x9F37), V(0x9F10), V(0x9F26));
        bool approve = ArqcValid && mode != "decline";
        byte[] arc = approve ? "00"u8.ToArray() : "05"u8.ToArray();
        byte[] csuOrArc = cv.ArpcMethod == 1 ? arc : Hex.Decode(approve ? "00820000" : "00000000");
        byte[] iad = cv.GenerateIssuerAuthenticationData(Crypto, app.MasterKeys.MkAc, V(0x9F36), V(0x9F37), V(0x9F26), csuOrArc, null);
        if (mode == "bad-arpc") iad[0] ^= 0x01;
        var response = new OnlineResponse(arc, approve) { IssuerAuthenticationData = iad };
        if (mode == "approve-with-scripts")
        {
            var scripts = new List<byte>();
            if (Scripts71 != null) scripts.AddRange(Scripts71);
            if (Scripts72 != null) scripts.AddRange(Scripts72);
            response.IssuerScripts = scripts.ToArray();
        }
        return response;
    }

    /// <summary>A '71' or '72' template with script identifier and commands MACed for this card (CVN rules).</summary>
    public byte[] Script(int template, string scriptId, byte[] arqc, byte[] atc, params (string Header, string? Data)[] commands)
    {
        var body = new List<byte>();
        body.AddRange(Tlv(0x9F18, Hex.Decode(scriptId)));
        foreach (var (header, data) in commands)
        {
            byte[] command = app.CryptogramVersion.BuildScriptCommand(Crypto, app.MasterKeys.MkSmi, atc, arqc, Hex.Decode(header),
                data == null ? null : Hex.Decode(data));
            body.AddRange(Tlv(0x86, command));
        }
        return Tlv(template, body.ToArray());
    }

    private static byte[] Tlv(int tag, byte[] value)
    {
        var w = new TlvWriter();
        w.Write(tag, value);
        return w.ToArray();
    }
}

/// <summary>One scenario: a library card through the whole kernel.</summary>
internal sealed class Scenario
{
    public required string CardName { get; init; }
    public required CardProfile Profile { get; init; }
    public required VirtualCard Card { get; init; }
    public required CardApplication Application { get; init; }
    public required ScenarioHost Host { get; init; }
    public required ScenarioPinPad Pad { get; init; }
    public required TransactionOutcome Outcome { get; init; }

    public string Tvr => Hex.Encode(Outcome.Tvr);
    public string Tsi => Hex.Encode(Outcome.Tsi);
    public string? Cvm => Outcome.CvmResults == null ? null : Hex.Encode(Outcome.CvmResults);
    public string Arc => Outcome.Arc == null ? "" : System.Text.Encoding.ASCII.GetString(Outcome.Arc);

    /// <summary>The statement's amount (default 10.00) in minor units.</summary>
    public static long StatementAmount(CardProfile profile)
    {
        string? text = profile.Card.Text("amount");
        if (string.IsNullOrEmpty(text)) return 1000;
        return long.Parse(text.Replace(".", ""));
    }

    public static Scenario Run(string cardName, long? amount = null, string? host = null, ScenarioPinPad? pad = null,
        KernelConfiguration? configuration = null, Action<ContactTransaction>? setup = null, Action<TransactionRequest>? request = null,
        Action<ScenarioHost, CardApplication>? scripts = null, int application = 0, Func<string, string>? edit = null)
    {
        // edit: a test's change to the library profile text (the file in cards/ is never changed).
        CardProfile profile = edit == null ? CardLibrary.Profile(cardName)
            : CardProfile.Parse(edit(File.ReadAllText(Path.Combine(CardLibrary.Root, cardName + ".card"))));
        CardImage image = CardLibrary.Image(profile);
        var card = new VirtualCard(image, new CountingRandom(), CardLibrary.Crypto);
        var app = (CardApplication)image.Applications[application]!;
        string mode = host ?? profile.Card.Text("host") ?? "approve";
        if (string.IsNullOrEmpty(mode)) mode = "approve";
        var issuer = new ScenarioHost(app, mode);
        scripts?.Invoke(issuer, app);
        pad ??= new ScenarioPinPad((PinEntryResult.Entered, "1234"));
        var kernel = new ContactTransaction(configuration ?? ReferenceTerminal.Configuration(), ReferenceTerminal.CaKeys(), new CountingRandom())
        {
            Cardholder = pad,
            Host = issuer,
        };
        setup?.Invoke(kernel);
        TransactionRequest req = ReferenceTerminal.Purchase(amount ?? StatementAmount(profile));
        request?.Invoke(req);
        TransactionOutcome outcome = kernel.Run(card, req);
        return new Scenario
        {
            CardName = cardName, Profile = profile, Card = card, Application = app, Host = issuer, Pad = pad, Outcome = outcome
        };
    }
}
