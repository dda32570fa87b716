#nullable enable
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.Tests.Kernel.Scenarios;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.Kernel.Faults;

/// <summary>
/// The host of the fault sweep: the scenario issuer (ARQC check, ARPC), plus, for cards whose profile says
/// "approve-with-scripts", a '71' script (PUT DATA 9F14 = 07) and a '72' script (APPLICATION BLOCK) MACed for the
/// ARQC and ATC of this request. Remembers whether it approved, for the reversal rule.
/// </summary>
internal sealed class FaultHost(ScenarioHost issuer, bool withScripts) : IOnlineAuthoriser
{
    public bool Approved { get; private set; }

    public OnlineResponse? Authorise(OnlineRequest request)
    {
        OnlineResponse? response = issuer.Authorise(request);
        if (response == null) return null;
        if (withScripts)
        {
            TlvList icc = TlvParser.Parse(request.IccData);
            byte[] arqc = icc.FindValue(0x9F26)!;
            byte[] atc = icc.FindValue(0x9F36)!;
            response.IssuerScripts =
            [
                .. issuer.Script(0x71, "00000071", arqc, atc, ("84DA9F14", "07")),
                .. issuer.Script(0x72, "00000072", arqc, atc, ("841E0000", null)),
            ];
        }
        Approved = response.Approved;
        return response;
    }
}

/// <summary>One run of a library card through <see cref="ContactTransaction"/> behind a wrapping channel.</summary>
internal sealed class FaultRun
{
    public required TransactionOutcome Outcome { get; init; }
    public required bool HostApproved { get; init; }

    /// <summary>Personalised images per card name; each run gets a fresh image (the card is stateful: ATC, PIN tries).</summary>
    private static readonly Dictionary<string, CardProfile> Profiles = new();

    /// <summary>
    /// visa-online-host-approves with a lower (9F14 = 05) and upper (9F23 = 0A) consecutive offline limit in its
    /// unsigned record 1.2, so terminal risk management does velocity checking with GET DATA ATC and LATC
    /// (Book 3, 10.6.3). No library card carries these limits.
    /// </summary>
    public const string VelocityCard = "visa-online-host-approves+velocity";

    private static CardProfile VelocityProfile()
    {
        string text = File.ReadAllText(Path.Combine(CardLibrary.Root, "visa-online-host-approves.card"));
        string edited = text.Replace("record.1.2 = 57 5F20 9F49", "record.1.2 = 57 5F20 9F49 9F14 9F23")
            .Replace("\natc = ", "\n9F14 = 05\n9F23 = 0A\natc = ");
        if (edited == text || !edited.Contains("9F14 = 05")) throw new InvalidOperationException("visa-online-host-approves.card changed: the velocity edit no longer applies");
        return CardProfile.Parse(edited);
    }

    public static CardProfile Profile(string card)
    {
        lock (Profiles)
        {
            if (!Profiles.TryGetValue(card, out CardProfile? p)) Profiles[card] = p = card == VelocityCard ? VelocityProfile() : CardLibrary.Profile(card);
            return p;
        }
    }

    /// <summary>
    /// Runs <paramref name="card"/> at the reference terminal (amount from the statement, PIN 1234, the card's
    /// host mode) with the card behind <paramref name="wrap"/>. An exception escaping Run propagates to the test.
    /// </summary>
    public static FaultRun Run(string card, Func<ICardChannel, ICardChannel> wrap)
    {
        CardProfile profile = Profile(card);
        CardImage image = CardLibrary.Image(profile);
        var app = (CardApplication)image.Applications[0]!;
        string mode = profile.Card.Text("host") ?? "approve";
        bool scripts = mode == "approve-with-scripts";
        if (string.IsNullOrEmpty(mode) || scripts) mode = "approve";
        var host = new FaultHost(new ScenarioHost(app, mode), scripts);
        var kernel = new ContactTransaction(ReferenceTerminal.Configuration(), ReferenceTerminal.CaKeys(), new CountingRandom())
        {
            Cardholder = new ScenarioPinPad((PinEntryResult.Entered, "1234")),
            Host = host,
        };
        var channel = wrap(new VirtualCard(image, new CountingRandom(), CardLibrary.Crypto));
        TransactionOutcome outcome = kernel.Run(channel, ReferenceTerminal.Purchase(Scenario.StatementAmount(profile)));
        return new FaultRun { Outcome = outcome, HostApproved = host.Approved };
    }
}
