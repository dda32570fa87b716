using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.Emulator.Devices;
using Terminal.Emulator.Flow;
using Terminal.Emulator.Host;
using Terminal.Emulator.Output;
using Terminal.Emulator.Script;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
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
}

/// <summary>
/// One emulator run: the emulated devices (<see cref="TerminalHardware"/>) over the input, the host (in-process
/// <see cref="EmulatorHost"/> or TCP), the terminal flow, and the checks of the scenario's expectations.
/// </summary>
public sealed class EmulatorSession
{
    /// <summary>Which terminal logic drives the devices (reported in the record).</summary>
    public const string TerminalName = "interim flow (tools/Terminal.Emulator/Flow) over ContactTransaction and Entry Point + quick kernel";

    private readonly TerminalInput _input;
    private readonly EmulatorOptions _options;
    private readonly RunRecord _record = new();
    private readonly ScreenDisplay _display;
    private readonly EmulatorHost _host;
    private int _screenMark;

    /// <summary>Wires a run.</summary>
    public EmulatorSession(TerminalInput input, EmulatorOptions options, IScreenRenderer renderer)
    {
        _input = input;
        _options = options;
        _display = new ScreenDisplay(() => input.Clock.NowMilliseconds, renderer);
        Cards = new EmulatorCards(options.Library);
        Func<DateTime> now = () => options.Now ?? DateTime.Now;
        IHostConnection connection;
        if (options.Host == null)
        {
            _host = new EmulatorHost(options.Library, () => now().ToUniversalTime());
            connection = _host.Connection;
        }
        else
        {
            int colon = options.Host.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(options.Host.AsSpan(colon + 1), out int port))
                throw new ArgumentException("--host takes host:port, e.g. localhost:5000");
            connection = new TcpHostConnection(options.Host.Substring(0, colon), port);
        }
        ICryptoProvider crypto = new BclCryptoProvider();
        var journal = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());
        var session = new HostSession(connection, input.Clock, journal, Generic87SessionMessages.Instance);
        Hardware = new TerminalHardware
        {
            Keypad = new EmulatedKeypad(input),
            Display = _display,
            ContactlessReader = new VirtualContactlessReader(input, Cards),
            ContactReader = new VirtualContactReader(input, Cards),
            MagstripeReader = new VirtualMagstripeReader(input, Cards),
            Indicators = new EmulatedIndicators(),
            Printer = new TextPrinter(),
            Network = new EmulatedNetwork(),
            HostConnection = connection,
            JournalStorage = new MemoryJournalStorage(),
            Settings = new MemorySettingsStorage(),
            Clock = input.Clock,
            WallClock = new EmulatedWallClock(options.Now),
            Crypto = crypto,
            Random = new SystemRandomSource(),
        };
        var caKeys = new CaPublicKeyStore(CaPublicKeySet.Test, crypto);
        CaKeyFile.Load(File.ReadAllText(Path.Combine(options.Library, "pki", "test-ca-keys.txt")), caKeys);
        Terminal = new InterimTerminal(Hardware, (VirtualContactReader)Hardware.ContactReader, (VirtualContactlessReader)Hardware.ContactlessReader,
            (VirtualMagstripeReader)Hardware.MagstripeReader, caKeys, new HostAuthoriser(session, now))
        {
            Completed = r =>
            {
                r.Number = _record.Transactions.Count + 1;
                _record.Transactions.Add(r);
            },
            Traced = t =>
            {
                if (_options.Trace != null) TracePrinter.Write(_options.Trace, t);
            },
        };
        input.Control = Control;
        input.Taken = _ => _screenMark = _display.Screens.Count;
    }

    /// <summary>The card library.</summary>
    public EmulatorCards Cards { get; }

    /// <summary>The emulated devices.</summary>
    public TerminalHardware Hardware { get; }

    /// <summary>The terminal flow.</summary>
    public InterimTerminal Terminal { get; }

    /// <summary>Runs until the input ends; returns the record (<see cref="RunRecord.Passed"/> says whether all held).</summary>
    public RunRecord Run()
    {
        _record.Terminal = TerminalName;
        try
        {
            Terminal.Run();
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
        // Expectations after the last input (the terminal stopped asking for more).
        while (_input.Peek(true) != null)
        {
            ScriptStep s = _input.Peek(true);
            _record.Error ??= "the terminal never took " + s;
            _input.Take();
        }
        foreach (Screen s in _display.Screens) _record.Screens.Add(string.Join("|", s.Lines.Select(l => l.TrimEnd())).TrimEnd('|'));
        _record.Passed = _record.Error == null && _record.Expectations.All(e => e.Passed);
        if (_record.Error != null) _options.Log.WriteLine("error: " + _record.Error);
        return _record;
    }

    /// <summary>Host control from the console (down, up): only for the in-process host.</summary>
    public void ApplyHost(string mode) => _host?.Apply(mode);

    private void Control(ScriptStep step)
    {
        switch (step.Kind)
        {
            case StepKind.Host:
                if (_host == null) throw new ScriptStuckException(step);
                _host.Apply(step.Text);
                _options.Log.WriteLine("host " + step.Text);
                break;
            case StepKind.ExpectScreen:
                int from = Math.Max(0, _screenMark - 1);
                bool found = _display.Screens.Skip(from).Any(s => s.Contains(step.Text));
                Expect(step, found, found ? null : "screens since the last input: "
                    + string.Join(" / ", _display.Screens.Skip(from).Select(s => string.Join(" ", s.Lines.Where(l => l.Length > 0)))));
                break;
            case StepKind.ExpectField:
                TransactionRecord last = _record.Transactions.LastOrDefault();
                string actual = last?.Field(step.Field);
                Expect(step, actual != null && string.Equals(actual, step.Text, StringComparison.OrdinalIgnoreCase),
                    last == null ? "no transaction yet" : step.Field + " = " + (actual ?? "(none)"));
                break;
        }
    }

    private void Expect(ScriptStep step, bool passed, string actual)
    {
        _record.Expectations.Add(new ExpectationResult { Line = step.Line, Expect = step.Source, Passed = passed, Actual = passed ? null : actual });
        _options.Log.WriteLine((passed ? "ok      " : "FAILED  ") + step + (passed ? "" : "  (" + actual + ")"));
    }
}
