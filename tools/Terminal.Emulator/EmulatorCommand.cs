using System.CommandLine;
using System.Text.Json;
using Terminal.Emulator.Devices;
using Terminal.Emulator.Output;
using Terminal.Emulator.Script;
using Terminal.Pc.HostLink;
using Terminal.VirtualReader;

namespace Terminal.Emulator;

/// <summary>
/// The emulator's command line. Without --script: the interactive terminal in the console. With --script: the
/// scenario runs without a human, the transcript (screens in order, expectation results) goes to standard output,
/// --record writes the JSON record, and the exit code is 0 only when every expectation held (1: an expectation
/// failed or the run stopped early; 2: bad arguments or scenario). With --selftest: the firmware's self-test
/// (Terminal.Firmware/Core/SelfTest, the scenarios the board runs) with the device's portable crypto, one PASS/FAIL
/// line per scenario; exit code 0 only when all passed.
/// </summary>
public static class EmulatorCommand
{
    /// <summary>Exit code: every expectation held.</summary>
    public const int Passed = 0;
    /// <summary>Exit code: an expectation failed or the terminal never took a step.</summary>
    public const int Failed = 1;
    /// <summary>Exit code: bad arguments, scenario or card library.</summary>
    public const int Usage = 2;

    /// <summary>Runs the command with the given writers (tests call it in-process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var script = new Option<FileInfo>("--script") { Description = "run this scenario file without a human (see README.md)" };
        var record = new Option<FileInfo>("--record") { Description = "write the JSON transaction record here" };
        var trace = new Option<bool>("--trace") { Description = "print each kernel run's APDU trace with names decoded (PAN masked)" };
        var language = new Option<string>("--language") { Description = "en or zh (default: the terminal configuration's)" };
        language.AcceptOnlyFromAmong("en", "zh");
        var host = new Option<string>("--host") { Description = "host:port of a running host simulator, overriding the configuration's set host (default: one in this process)" };
        var dialect = new Option<string>("--dialect") { Description = "generic or unionpay: the host dialect (default: the terminal configuration's set dialect)" };
        dialect.AcceptOnlyFromAmong("generic", "unionpay");
        var config = new Option<FileInfo>("--config") { Description = "terminal provisioning file (default: terminal.conf beside the emulator)" };
        var library = new Option<DirectoryInfo>("--library") { Description = "test-card library (default: the nearest cards/ folder)" };
        var selfTest = new Option<bool>("--selftest") { Description = "run the firmware self-test scenarios (as on the board) and exit" };
        var root = new RootCommand("EMV payment terminal emulator (TEST KEYS AND TEST CARDS ONLY)") { script, record, trace, host, library, language, config, dialect, selfTest };
        int code = Usage;
        root.SetAction(parse =>
        {
            if (parse.GetValue(selfTest))
            {
                code = SelfTest(output);
                return code;
            }
            code = Execute(parse.GetValue(script), parse.GetValue(record), parse.GetValue(trace), parse.GetValue(host),
                parse.GetValue(library), parse.GetValue(language), parse.GetValue(config), parse.GetValue(dialect), output, error);
            return code;
        });
        int parseCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return parseCode != 0 && code == Usage ? Usage : code;
    }

    private static int Execute(FileInfo script, FileInfo recordFile, bool trace, string host, DirectoryInfo library, string language, FileInfo config, string dialect, TextWriter output, TextWriter error)
    {
        string dir = library?.FullName ?? CardLoader.FindLibrary();
        if (dir == null || !File.Exists(Path.Combine(dir, "pki", "test-ca-keys.txt")))
        {
            error.WriteLine("no test-card library found (cards/ with pki/test-ca-keys.txt); pass --library <dir>");
            return Usage;
        }
        var options = new EmulatorOptions { Library = dir, Host = host, Trace = trace ? output : null, Log = output, Language = language, Dialect = dialect };
        if (config != null)
        {
            try
            {
                options.Configuration = File.ReadAllText(config.FullName);
            }
            catch (IOException e)
            {
                error.WriteLine("--config: " + e.Message);
                return Usage;
            }
        }
        try
        {
            if (script == null)
            {
                if (Console.IsInputRedirected)
                {
                    error.WriteLine("the interactive terminal needs a console (keyboard); for a non-interactive run use --script scenario.txt");
                    return Usage;
                }
                return Interactive(options, output);
            }
            List<ScriptStep> steps;
            try
            {
                steps = ScenarioScript.Parse(File.ReadAllText(script.FullName));
            }
            catch (Exception e) when (e is ScriptFormatException or IOException)
            {
                error.WriteLine(e.Message);
                return Usage;
            }
            options.Now = EmulatedWallClock.ScriptDate;
            output.WriteLine("scenario " + script.Name + " (" + steps.Count + " steps)");
            var session = new EmulatorSession(new ScriptedInput(steps), options, new TranscriptRenderer(output));
            RunRecord run = session.Run();
            run.Scenario = script.Name;
            int passed = run.Expectations.Count(e => e.Passed);
            output.WriteLine((run.Passed ? "PASSED" : "FAILED") + ": " + passed + " of " + run.Expectations.Count + " expectations held"
                + (run.Error != null ? "; " + run.Error : ""));
            if (recordFile != null)
                File.WriteAllText(recordFile.FullName, JsonSerializer.Serialize(run, new JsonSerializerOptions { WriteIndented = true }));
            return run.Passed ? Passed : Failed;
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return Usage;
        }
    }

    /// <summary>The board's self-test on this PC: same runner, same portable crypto, so the same verdicts.</summary>
    private static int SelfTest(TextWriter output)
    {
        var runner = new Terminal.Firmware.Core.SelfTest.SelfTestRunner(new Terminal.EmvKernel.Crypto.PortableCryptoProvider(),
            new Terminal.Pc.Crypto.SystemRandomSource(), new StopwatchClock());
        return runner.RunAll(new WriterSelfTestOutput(output)).AllPassed ? Passed : Failed;
    }

    private sealed class WriterSelfTestOutput(TextWriter writer) : Terminal.Firmware.Core.SelfTest.ISelfTestOutput
    {
        public void WriteLine(string line) => writer.WriteLine(line);
    }

    private static int Interactive(EmulatorOptions options, TextWriter output)
    {
        var cards = new EmulatorCards(options.Library);
        string[] names = cards.Names();
        EmulatorSession session = null;
        var input = new ConsoleInput(new StopwatchClock(), names, output, mode => session?.ApplyHost(mode));
        var screen = new ConsoleScreen(output, names, () => options.Host == null ? "host: in-process simulator" : "host: " + options.Host);
        session = new EmulatorSession(input, options, screen);
        RunRecord run = session.Run();
        output.WriteLine("bye: " + run.Transactions.Count + " transactions");
        return Passed;
    }
}
