using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.Emulator.Devices;
using Terminal.Emulator.Host;
using Terminal.Emulator.Output;
using Terminal.Emulator.Script;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.SelfTest;
using Terminal.Firmware.Core.Ui;
using Terminal.Pc.Crypto;
using Terminal.Pc.HostLink;

namespace Terminal.Emulator;

/// <summary>What a run needs besides its input.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The card library directory (cards/).</summary>
    public string Library { get; set; }

    /// <summary>"host:port" of a real host simulator, or null for the in-process one.</summary>
    public string Host { get; set; }

    /// <summary>Where the APDU traces go (--trace), or null.</summary>
    public TextWriter Trace { get; set; }

    /// <summary>Where run messages (expectations, errors) go.</summary>
    public TextWriter Log { get; set; } = TextWriter.Null;

    /// <summary>Fixed wall clock (scripted runs), or null for the PC's.</summary>
    public DateTime? Now { get; set; }

    /// <summary>Terminal provisioning file text (--config; default: terminal.conf beside the emulator).</summary>
    public string Configuration { get; set; }

    /// <summary>"generic" or "unionpay" to override the configuration's host dialect (set dialect), or null.</summary>
    public string Dialect { get; set; }

    /// <summary>"en" or "zh" to override the configuration's language, or null.</summary>
    public string Language { get; set; }
}

/// <summary>
/// One emulator run: the firmware application (<see cref="TerminalApplication"/>, the portable cashier flow) started
/// by the shared boot (<see cref="TerminalBoot"/>) on emulated devices (<see cref="TerminalHardware"/>) over the input,
/// the host session to the in-process <see cref="EmulatorHost"/> (default) or, with --host, a TCP host that overrides
/// the provisioned <c>set host</c>; and the checks of the scenario's expectations.
/// </summary>
public sealed class EmulatorSession
{
    /// <summary>Which terminal logic drives the devices (reported in the record).</summary>
    public const string TerminalName = "Terminal.Firmware.Core.App.TerminalApplication";

    private readonly TerminalInput _input;
    private readonly EmulatorOptions _options;
    private readonly RunRecord _record = new();
    private readonly ScreenDisplay _display;
    private readonly EmulatorHost _host;
    private readonly CardTrace _trace = new();
    private readonly VirtualContactReader _contact;
    private readonly VirtualContactlessReader _contactless;
    private readonly VirtualMagstripeReader _magstripe;
    private int _screenMark;
    private int _seenTransactions;
    private string _lastCard;
    private string _lastSwipedCard;

    /// <summary>Wires a run; a bad configuration raises <see cref="ArgumentException"/>.</summary>
    public EmulatorSession(TerminalInput input, EmulatorOptions options, IScreenRenderer renderer)
    {
        _input = input;
        _options = options;
        _display = new ScreenDisplay(() => input.Clock.NowMilliseconds, renderer);
        Cards = new EmulatorCards(options.Library);
        ICryptoProvider crypto = new BclCryptoProvider();
        TerminalConfiguration config = Provisioned(options, crypto);
        var wall = new EmulatedWallClock(options.Now);
        IHostConnector connector;
        if (options.Host == null)
        {
            _host = new EmulatorHost(options.Library, () => wall.Now.ToUniversalTime(),
                config.HostDialect == Firmware.Core.Provisioning.HostDialect.UnionPay ? HostSimulation.HostDialect.UnionPay : HostSimulation.HostDialect.Generic,
                requireMac: true);
            connector = new InProcessHostConnector(_host.Connection);
        }
        else
        {
            int colon = options.Host.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(options.Host.AsSpan(colon + 1), out int port))
                throw new ArgumentException("--host takes host:port, e.g. localhost:5000");
            connector = new OverriddenHostConnector(options.Host.Substring(0, colon), port);
        }
        _contact = new VirtualContactReader(input, Cards, _trace);
        _contactless = new VirtualContactlessReader(input, Cards, _trace);
        _magstripe = new VirtualMagstripeReader(input, Cards);
        // The provisioned configuration goes into the settings storage, and the terminal starts through the shared
        // boot (TerminalBoot), as on the boards: configuration, CA keys, network, journal, host session, kernels, PIN cipher.
        var settings = new MemorySettingsStorage();
        ConfigurationStore.Save(settings, config);
        Hardware = new TerminalHardware
        {
            Keypad = new EmulatedKeypad(input),
            Display = _display,
            ContactlessReader = _contactless,
            ContactReader = _contact,
            MagstripeReader = _magstripe,
            Indicators = new EmulatedIndicators(),
            Printer = new TextPrinter { Printed = Printed },
            Network = new EmulatedNetwork(),
            HostConnector = connector,
            JournalStorage = new MemoryJournalStorage(),
            Settings = settings,
            Clock = input.Clock,
            WallClock = wall,
            Crypto = crypto,
            Random = new SystemRandomSource(),
        };
        Boot = new TerminalBoot(Hardware, new MemoryJournalStorage(), CaPublicKeySet.Test);
        try
        {
            App = Boot.Start();
        }
        catch (BootException e)
        {
            throw new ArgumentException("terminal configuration: " + e.Message + (e.Problems.Length > 0 ? ": " + string.Join("; ", e.Problems) : ""));
        }
        Configuration = Boot.Configuration;
        input.Check = Holds;
        input.Verdict = Verdict;
        input.Control = Control;
        input.Taken = Taken;
    }

    /// <summary>
    /// The terminal's provisioning: the configuration file (--config, default terminal.conf beside the emulator), the
    /// dialect and language overrides, and - when the file has no "capk" records - every record of the card library's test CA key
    /// file (pki/test-ca-keys.txt) as "capk" commands. A refused file raises <see cref="ArgumentException"/>.
    /// </summary>
    public static TerminalConfiguration Provisioned(EmulatorOptions options, ICryptoProvider crypto)
    {
        string text = options.Configuration ?? File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "terminal.conf"));
        string[] errors = ProvisioningConsole.LoadFile(text, crypto, out TerminalConfiguration config);
        if (errors.Length > 0) throw new ArgumentException("terminal configuration: " + string.Join("; ", errors));
        if (config.CaKeyLines.Count == 0)
        {
            var records = File.ReadAllLines(Path.Combine(options.Library, "pki", "test-ca-keys.txt"))
                .Where(l => l.StartsWith("key ", StringComparison.Ordinal) || l.StartsWith("revoke ", StringComparison.Ordinal))
                .Select(l => "capk " + l);
            errors = ProvisioningConsole.LoadFile(text + "\n" + string.Join("\n", records) + "\n", crypto, out config);
            if (errors.Length > 0) throw new ArgumentException("test CA keys: " + string.Join("; ", errors));
        }
        if (options.Dialect == "unionpay") config.HostDialect = Firmware.Core.Provisioning.HostDialect.UnionPay;
        else if (options.Dialect == "generic") config.HostDialect = Firmware.Core.Provisioning.HostDialect.Generic87;
        if (options.Language == "zh") config.Language = Firmware.Core.Ui.Language.SimplifiedChinese;
        else if (options.Language == "en") config.Language = Firmware.Core.Ui.Language.English;
        return config;
    }

    /// <summary>The boot that started the terminal (its journal, host session, CA keys).</summary>
    public TerminalBoot Boot { get; }

    /// <summary>The card library.</summary>
    public EmulatorCards Cards { get; }

    /// <summary>The emulated devices.</summary>
    public TerminalHardware Hardware { get; }

    /// <summary>The terminal's configuration.</summary>
    public TerminalConfiguration Configuration { get; }

    /// <summary>The firmware application.</summary>
    public TerminalApplication App { get; }

    /// <summary>Runs until the input ends; returns the record (<see cref="RunRecord.Passed"/> says whether all held).</summary>
    public RunRecord Run()
    {
        _record.Terminal = TerminalName;
        try
        {
            while (true)
            {
                int taken = _input.TakenCount;
                App.Step();
                Observe();
                if (_input.TakenCount == taken) _input.Idle(ScriptedInput.PollMs);
            }
        }
        catch (ScriptEndException)
        {
        }
        catch (ScriptStuckException e)
        {
            _record.Error = e.Message;
        }
        catch (Exception e) when (e is IOException or global::Terminal.VirtualCards.Personalisation.CardProfileException)
        {
            _record.Error = e.Message;
        }
        Observe();
        // Whatever is left: expectations get their verdict now, inputs were never taken.
        for (ScriptStep s = _input.DropHead(); s != null; s = _input.DropHead())
        {
            if (s.IsInput) _record.Error ??= "the terminal never took " + s;
            else if (s.Kind != StepKind.Host) Verdict(s, Holds(s));
        }
        foreach (Devices.Screen s in _display.Screens) _record.Screens.Add(string.Join("|", s.Lines.Select(l => l.TrimEnd())).TrimEnd('|'));
        _record.Passed = _record.Error == null && _record.Expectations.All(e => e.Passed);
        if (_record.Error != null) _options.Log.WriteLine("error: " + _record.Error);
        return _record;
    }

    /// <summary>Host control from the console (down, up): only for the in-process host.</summary>
    public void ApplyHost(string mode) => _host?.Apply(mode);

    private void Printed(string[] receipt)
    {
        _record.Receipts.Add(string.Join("\n", receipt));
        _options.Log.WriteLine("receipt " + _record.Receipts.Count + ":");
        foreach (string line in receipt) _options.Log.WriteLine("  " + line);
    }

    private void Taken(ScriptStep step)
    {
        _screenMark = _display.Screens.Count;
        if (step.Kind is StepKind.Tap or StepKind.Insert) _lastCard = step.Text;
        if (step.Kind == StepKind.Swipe) _lastSwipedCard = step.Text;
    }

    private void Observe()
    {
        if (App.TransactionCount == _seenTransactions) return;
        _seenTransactions = App.TransactionCount;
        Firmware.Core.App.TransactionRecord t = App.LastTransaction;
        if (t == null) return;
        bool card = t.EntryMode is EntryMode.Contact or EntryMode.Contactless;
        var r = new Output.TransactionRecord
        {
            Number = _record.Transactions.Count + 1,
            Type = KindName(t.Kind),
            Amount = t.Amount,
            Currency = Configuration.CurrencyNumeric,
            EntryMode = EntryName(t.EntryMode),
            Card = card ? _lastCard : _lastSwipedCard,
            MaskedPan = t.MaskedPan,
            Aid = t.Aid,
            Label = t.ApplicationLabel,
            Outcome = OutcomeOf(t),
            Decision = t.KernelDecision,
            Reason = MessageCatalog.Text(t.Reason, Firmware.Core.Ui.Language.English).ToLowerInvariant(),
            Tvr = t.Tvr,
            Tsi = t.Tsi,
            Cryptogram = t.ApplicationCryptogram,
            Cvm = t.CvmResults,
            Cid = t.Cid,
            ResponseCode = t.ResponseCode,
            AuthorizationCode = t.AuthorisationCode,
            Stan = t.Trace == 0 ? null : t.Trace,
            Reversal = t.Reversal,
            SignatureRequired = t.SignatureRequired,
        };
        _record.Transactions.Add(r);
        _options.Log.WriteLine("transaction " + r.Number + ": " + r.Outcome + " (" + r.EntryMode + ", " + (r.Card ?? "-") + ", "
            + (r.Decision ?? "-") + (r.ResponseCode != null ? ", response " + r.ResponseCode : "") + ")");
        if (_options.Trace != null && _trace.Count > 0) TracePrinter.Write(_options.Trace, _trace.TakeMasked());
        else _trace.TakeMasked();
    }

    private static string OutcomeOf(Firmware.Core.App.TransactionRecord t)
    {
        if (t.Approved) return "approved";
        switch (t.Reason)
        {
            case MessageId.CardTimeout: return "timeout";
            case MessageId.Cancelled: return "cancelled";
            case MessageId.PinTimeout: return "pin-timeout";
            case MessageId.CardRemoved: return "card-removed";
            case MessageId.HostUnavailable: return "host-unavailable";
        }
        return t.Headline switch
        {
            MessageId.Declined or MessageId.DeclinedByCard or MessageId.DeclinedByHost => "declined",
            MessageId.Cancelled => "cancelled",
            MessageId.CardTimeout => "timeout",
            MessageId.CardRemoved => "card-removed",
            MessageId.HostUnavailable => "host-unavailable",
            _ => MessageCatalog.Text(t.Headline, Firmware.Core.Ui.Language.English).ToLowerInvariant().Replace(' ', '-'),
        };
    }

    private static string EntryName(EntryMode mode) => mode switch
    {
        EntryMode.Contact => "contact",
        EntryMode.Contactless => "contactless",
        EntryMode.Magstripe => "magstripe",
        EntryMode.Fallback => "fallback",
        _ => "other",
    };

    private static string KindName(TransactionKind kind) => kind switch
    {
        TransactionKind.Sale => "sale",
        TransactionKind.Refund => "refund",
        TransactionKind.Void => "void",
        _ => "other",
    };

    private void Control(ScriptStep step)
    {
        if (_host == null) throw new ScriptStuckException(step);
        _host.Apply(step.Text);
        _options.Log.WriteLine("host " + step.Text);
    }

    private bool Holds(ScriptStep step)
    {
        Observe();
        if (step.Kind == StepKind.ExpectScreen)
        {
            int from = Math.Max(0, _screenMark - 1);
            return _display.Screens.Skip(from).Any(s => s.Contains(step.Text));
        }
        string actual = _record.Transactions.LastOrDefault()?.Field(step.Field);
        return actual != null && string.Equals(actual, step.Text, StringComparison.OrdinalIgnoreCase);
    }

    private void Verdict(ScriptStep step, bool passed)
    {
        string actual = null;
        if (!passed)
        {
            if (step.Kind == StepKind.ExpectScreen)
            {
                int from = Math.Max(0, _screenMark - 1);
                actual = "screens since the last input: " + string.Join(" / ", _display.Screens.Skip(from)
                    .Select(s => string.Join(" ", s.Lines.Where(l => l.Length > 0))));
            }
            else
            {
                Output.TransactionRecord last = _record.Transactions.LastOrDefault();
                actual = last == null ? "no transaction yet" : step.Field + " = " + (last.Field(step.Field) ?? "(none)");
            }
        }
        _record.Expectations.Add(new ExpectationResult { Line = step.Line, Expect = step.Source, Passed = passed, Actual = actual });
        _options.Log.WriteLine((passed ? "ok      " : "FAILED  ") + step + (passed ? "" : "  (" + actual + ")"));
    }
}
