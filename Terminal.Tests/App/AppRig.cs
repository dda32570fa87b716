#nullable enable
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.Kernel.Scenarios;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// A terminal on test hardware: a scripted keypad on a virtual clock, a recording display/printer/LEDs, a
/// virtual chip slot, contactless field and magstripe head holding library cards, and a host. Nothing sleeps:
/// waits move the clock.
/// </summary>
internal sealed class AppRig
{
    /// <summary>
    /// The provisioning file of the rig (a real configuration file through <see cref="ProvisioningConsole.LoadFile"/>):
    /// Visa and UnionPay on both interfaces, reader CVM limit 50.00, DUKPT key of the ANSI X9.24-1 test vector
    /// (BDK 0123456789ABCDEFFEDCBA9876543210, KSN FFFF9876543210E00000 -> IPEK 6AC292FAA1315B4D858AB3A3D7D5933A).
    /// </summary>
    public const string ConfigurationFile = """
        # rig terminal
        set host 10.0.0.5:5000
        set tid TERM0001
        set mid MERCHANT0000001
        set merchant TEST SHOP
        set language en
        set currency 156 CNY 2 symbol
        set maxamount 100000
        set fallback on
        set pinbypass off
        set pintimeout 30
        set cardtimeout 60
        set passcode 314159
        set cvmlimit 5000
        aid add A0000000031010 kernel 3
        aid add A000000333010101 kernel 7
        aid add A0000000041010
        key dukpt 6AC292FAA1315B4D858AB3A3D7D5933A FFFF9876543210E00000
        """;

    public FakeClock Clock { get; } = new();
    public ScriptedKeypad Keypad { get; }
    public RecordingDisplay Display { get; } = new();
    public RecordingPrinter Printer { get; } = new();
    public RecordingIndicators Indicators { get; } = new();
    public VirtualSlot Slot { get; } = new();
    public VirtualField Field { get; } = new();
    public MagstripeHead Head { get; } = new();
    public TerminalConfiguration Configuration { get; }
    public IPaymentHost Host { get; }
    public TerminalApplication App { get; }
    public List<string> Log { get; } = new();

    public AppRig(Func<AppRig, IPaymentHost>? host = null, Action<TerminalConfiguration>? configure = null)
    {
        Keypad = new ScriptedKeypad(Clock, Display);
        string[] errors = ProvisioningConsole.LoadFile(ConfigurationFile, CardLibrary.Crypto, out TerminalConfiguration? config);
        Assert.Empty(errors);
        Configuration = config!;
        configure?.Invoke(Configuration);
        var hardware = new TerminalHardware
        {
            Keypad = Keypad, Display = Display, Printer = Printer, Indicators = Indicators, ContactReader = Slot,
            ContactlessReader = Field, MagstripeReader = Head, Clock = Clock, WallClock = new FixedWallClock(),
            Crypto = CardLibrary.Crypto, Random = new CountingRandom(),
        };
        var kernels = new PaymentKernels(ReferenceTerminal.Configuration(), ReferenceTerminal.CaKeys(), new CountingRandom(),
            PaymentKernels.CombinationsOf(Configuration));
        var dukpt = new Terminal.Firmware.Core.HostLink.Security.TdesDukptTerminal();
        dukpt.LoadInitialKey(Configuration.DukptInitialKey, Configuration.DukptInitialKsn);
        Host = host?.Invoke(this) ?? new FakeHost();
        App = new TerminalApplication(hardware, Configuration, kernels, Host, new OnlinePinCipher(dukpt, null)) { Log = new ListLog(Log) };
    }

    public FakeHost Fake => (FakeHost)Host;

    /// <summary>Steps until <paramref name="state"/> (at most 200 steps).</summary>
    public void StepUntil(AppState state)
    {
        for (int i = 0; i < 200; i++)
        {
            if (App.State == state) return;
            App.Step();
        }
        Assert.Fail("state " + AppStateNames.Of(state) + " not reached; now " + AppStateNames.Of(App.State) + " screen " + string.Join("|", App.Screen.Lines));
    }

    /// <summary>Steps while keys are queued, then once more.</summary>
    public void Drain()
    {
        for (int i = 0; i < 200 && Keypad.Pending > 0; i++) App.Step();
        App.Step();
    }

    /// <summary>Keys an amount ("1000" = 10.00) and OK: the terminal waits for a card.</summary>
    public void Amount(string digits)
    {
        Keypad.Type(digits + "\n");
        Drain();
        Assert.Equal(AppState.PresentCard, App.State);
    }

    public static VirtualCard Card(string name) => new(CardLibrary.Image(name), new CountingRandom(), CardLibrary.Crypto);

    /// <summary>The library card's first application (its issuer keys for the test issuer).</summary>
    public static CardApplication Application(VirtualCard card) => (CardApplication)card.Image.Applications[0]!;

    public string Text(MessageId id) => MessageCatalog.Text(id, Configuration.Language);

    public bool ScreenShows(MessageId id) => App.Screen.Lines.Contains(Text(id));
}

/// <summary>Keys typed in order; more keys can wait for a prompt. '\n' is OK, 'c' Cancel, 'x' Clear, 'm' Menu.</summary>
internal sealed class ScriptedKeypad(FakeClock clock, RecordingDisplay display) : IKeypad
{
    private readonly Queue<KeyCode> _keys = new();
    private readonly List<(string Prompt, string Keys)> _onPrompt = new();

    public int Pending => _keys.Count;

    public void Type(string keys)
    {
        foreach (char c in keys) _keys.Enqueue(Code(c));
    }

    /// <summary>Types <paramref name="keys"/> when a screen line starts with <paramref name="prompt"/> (once).</summary>
    public void When(string prompt, string keys) => _onPrompt.Add((prompt, keys));

    public static KeyCode Code(char c) => c switch
    {
        >= '0' and <= '9' => (KeyCode)(c - '0'),
        '\n' => KeyCode.Enter,
        'c' => KeyCode.Cancel,
        'x' => KeyCode.Clear,
        'm' => KeyCode.Menu,
        _ => throw new ArgumentException("no key for " + c),
    };

    public bool TryReadKey(int timeoutMs, out KeyCode key)
    {
        if (_keys.Count == 0)
        {
            int i = _onPrompt.FindIndex(p => display.Lines.Any(l => l.StartsWith(p.Prompt, StringComparison.Ordinal)));
            if (i >= 0)
            {
                Type(_onPrompt[i].Keys);
                _onPrompt.RemoveAt(i);
            }
        }
        if (_keys.Count > 0)
        {
            key = _keys.Dequeue();
            return true;
        }
        // Nothing pressed: the whole timeout passes (on the virtual clock).
        clock.Advance(timeoutMs);
        key = default;
        return false;
    }
}

internal sealed class RecordingDisplay : IDisplay
{
    public int Rows => 4;
    public int Columns => 20;
    public string[] Lines { get; private set; } = [];
    public List<string[]> Shown { get; } = new();

    public void Show(string[] lines)
    {
        Lines = (string[])lines.Clone();
        Shown.Add(Lines);
    }

    /// <summary>True when some screen so far had a line equal to <paramref name="text"/>.</summary>
    public bool EverShowed(string text) => Shown.Any(s => s.Contains(text));
}

internal sealed class RecordingPrinter : IReceiptPrinter
{
    public List<string[]> Printed { get; } = new();
    public void Print(string[] lines) => Printed.Add((string[])lines.Clone());
}

internal sealed class RecordingIndicators : IIndicators
{
    public List<Signal> Signals { get; } = new();
    public void Show(Signal signal) => Signals.Add(signal);
}

internal sealed class FixedWallClock : IWallClock
{
    public DateTime Now => new(2026, 6, 15, 12, 0, 0);
}

internal sealed class ListLog(List<string> lines) : IAppLog
{
    public void Write(string line) => lines.Add(line);
}

/// <summary>The chip slot: a card is inserted and removed; it may be pulled out after some commands.</summary>
internal sealed class VirtualSlot : IContactCardReader
{
    private ICardChannel? _card;
    public int RemoveAfterCommands { get; set; } = -1;
    public bool Mute { get; set; }
    public int PowerOns { get; private set; }

    public void Insert(ICardChannel card) => _card = card;
    public void Remove() => _card = null;

    public bool IsCardPresent => _card != null;

    public ICardChannel PowerOn(out byte[] atr)
    {
        PowerOns++;
        if (_card == null || Mute) throw new CardRemovedException(CardRemovedReason.Removed);
        atr = VirtualCard.DefaultAtr;
        return new SlotChannel(this, _card);
    }

    public void PowerOff() { }

    private sealed class SlotChannel(VirtualSlot slot, ICardChannel card) : ICardChannel
    {
        private int _count;

        public byte[] Transmit(byte[] command)
        {
            if (slot.RemoveAfterCommands >= 0 && _count++ >= slot.RemoveAfterCommands)
            {
                slot._card = null;
                throw new CardRemovedException(CardRemovedReason.Removed);
            }
            if (slot._card == null) throw new CardRemovedException(CardRemovedReason.Removed);
            return card.Transmit(command);
        }
    }
}

/// <summary>
/// The contactless field: a tapped card stays for one activation (a card tapped again is powered up afresh:
/// nothing selected); taps queue in order. <see cref="Collisions"/> activations first see two cards (ISO 14443-3
/// anticollision finds more than one: Book B 3.2.1.4).
/// </summary>
internal sealed class VirtualField : IContactlessReader, IContactlessPresence
{
    private readonly Queue<ICardChannel> _taps = new();
    public int Activations { get; private set; }
    public int Collisions { get; set; }

    public void Tap(ICardChannel card) => _taps.Enqueue(card);

    public bool IsCardInField => _taps.Count > 0 || Collisions > 0;

    public ICardChannel Card { get; private set; } = null!;

    public ProtocolActivationResult Activate()
    {
        Activations++;
        if (Collisions > 0)
        {
            Collisions--;
            return ProtocolActivationResult.Collision;
        }
        if (_taps.Count == 0) return ProtocolActivationResult.NoCard;
        Card = _taps.Dequeue();
        if (Card is VirtualCard v) v.Reset();
        return ProtocolActivationResult.CardActivated;
    }

    public void FieldOff(int holdTime) { }
}

internal sealed class MagstripeHead : IMagstripeReader
{
    private MagstripeSwipe? _swipe;

    /// <summary>Swipes the track 2 of a card profile ("...D..." in the profile becomes '=' on the stripe, ISO/IEC 7813).</summary>
    public void Swipe(string profileTrack2) => _swipe = new MagstripeSwipe(null, profileTrack2.Replace('D', '='));

    public MagstripeSwipe? TakeSwipe()
    {
        var s = _swipe;
        _swipe = null;
        return s;
    }
}

/// <summary>
/// A host for app tests: chip requests go to the kernel scenarios' independent issuer (<see cref="ScenarioHost"/>,
/// which verifies the ARQC with the card's keys and answers with an ARPC); swipes, voids and refunds are approved
/// with "00" unless <see cref="Mode"/> says otherwise. Keeps the requests, completions and a journal of approvals.
/// </summary>
internal sealed class FakeHost : IPaymentHost
{
    private int _trace;
    public string Mode { get; set; } = "approve";
    public CardApplication? Issuer { get; set; }
    public List<PaymentRequest> Requests { get; } = new();
    public List<(int Trace, bool Accepted)> Completions { get; } = new();
    public List<PaymentRequest> OfflineApprovals { get; } = new();
    public List<JournalTransaction> Approved { get; } = new();
    public bool SettleFails { get; set; }
    public int Settlements { get; private set; }

    /// <summary>Runs while the host is "on line" with a request (e.g. the cashier pressing keys during the wait).</summary>
    public Action? DuringAuthorise { get; set; }

    public HostAnswer Authorise(PaymentRequest request)
    {
        DuringAuthorise?.Invoke();
        Requests.Add(request);
        int trace = ++_trace;
        if (Mode == "unreachable")
            return new HostAnswer(HostAnswerStatus.Unreachable, null) { Trace = trace, ReversalPending = true, FailureReason = "no answer from host" };
        HostAnswer answer;
        if (request.Chip != null && Issuer != null && request.Kind == TransactionKind.Sale)
        {
            OnlineResponse? r = new ScenarioHost(Issuer, Mode).Authorise(request.Chip);
            string code = System.Text.Encoding.ASCII.GetString(r!.AuthorisationResponseCode);
            answer = new HostAnswer(r.Approved ? HostAnswerStatus.Approved : HostAnswerStatus.Declined, code)
            {
                IssuerAuthenticationData = r.IssuerAuthenticationData, IssuerScripts = r.IssuerScripts,
            };
        }
        else
        {
            bool ok = Mode != "decline";
            answer = new HostAnswer(ok ? HostAnswerStatus.Approved : HostAnswerStatus.Declined, ok ? "00" : "05");
        }
        answer.Trace = trace;
        answer.Batch = 1;
        if (answer.Status == HostAnswerStatus.Approved)
        {
            answer.AuthorisationCode = "A" + trace.ToString("D5");
            answer.Rrn = "000000" + trace.ToString("D6");
            if (request.Kind == TransactionKind.Sale)
            {
                var tx = new JournalTransaction(trace, request.Kind, CardScheme.Visa, request.Amount, "156", request.MaskedPan, "0200")
                {
                    Reversal = [0x04, 0x00],                       // the journal requires an armed reversal in flight
                };
                Journal.RecordRequest(tx);
                Journal.MarkApproved(trace, answer.Rrn, answer.AuthorisationCode, "00");
                Approved.Add(Journal.Find(trace));
            }
        }
        return answer;
    }

    public void Complete(HostAnswer answer, bool cardAccepted, byte[]? finalIccData) => Completions.Add((answer.Trace, cardAccepted));

    /// <summary>When true the host link records no advice (as a dialect without an offline advice, or a full journal).</summary>
    public bool RefuseAdvices { get; set; }

    public int RecordOfflineApproval(PaymentRequest request, TransactionOutcome outcome)
    {
        if (RefuseAdvices) return 0;
        OfflineApprovals.Add(request);
        return 900 + OfflineApprovals.Count;
    }

    public int BatchNumber => 7;

    public bool SendPending() => true;

    /// <summary>Approved sales, kept in a real journal so that a void finds them counted.</summary>
    public TransactionJournal Journal { get; } = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());

    public JournalTransaction? Find(int trace) => Journal.Find(trace);

    public SettlementSummary Settle()
    {
        Settlements++;
        return SettleFails
            ? new SettlementSummary(false, ["Reason: host unreachable"])
            : new SettlementSummary(true, ["Sales " + Approved.Count, "Net " + Approved.Sum(t => t.Amount)]);
    }
}
