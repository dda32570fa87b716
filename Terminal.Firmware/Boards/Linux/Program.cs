using System;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.SelfTest;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// The Linux board's entry point: <c>Terminal.Boards.Linux [--config /etc/terminal/board.conf] [--check] [--selftest]</c>.
    /// --check parses the configuration and exits (no hardware touched). --selftest runs the self-test scenarios
    /// through the firmware application (virtual cards, in-memory acquirer; no hardware touched), prints PASS/FAIL
    /// and the time per transaction, and exits 0 when all passed, 1 otherwise.
    /// </summary>
    internal static class Program
    {
        private const string DefaultConfig = "/etc/terminal/board.conf";

        private static int Main(string[] args)
        {
            string path = null;
            bool check = false;
            bool selfTest = false;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--config" && i + 1 < args.Length) path = args[++i];
                else if (args[i] == "--check") check = true;
                else if (args[i] == "--selftest") selfTest = true;
                else
                {
                    Console.Error.WriteLine("usage: Terminal.Boards.Linux [--config FILE] [--check] [--selftest]");
                    return 2;
                }
            }
            if (selfTest)
            {
                // The device's portable crypto, so the verdicts are the ESP32's and the PC test suite's.
                SelfTestReport report = new SelfTestRunner(new Terminal.EmvKernel.Crypto.PortableCryptoProvider(),
                    new Terminal.Pc.Crypto.SystemRandomSource(), new Terminal.Pc.HostLink.StopwatchClock()).RunAll(new ConsoleSelfTestOutput());
                return report.AllPassed ? 0 : 1;
            }
            BoardConfig config;
            try
            {
                config = path != null ? BoardConfig.Load(path)
                    : System.IO.File.Exists(DefaultConfig) ? BoardConfig.Load(DefaultConfig) : BoardConfig.Default();
            }
            catch (Exception e) when (e is BoardConfigException || e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            if (check)
            {
                Console.WriteLine("configuration OK");
                return 0;
            }

            using LinuxBoard board = LinuxBoard.Open(config);
            TerminalHardware hardware = board.Hardware;
            hardware.Display.Show(new[] { "Terminal", "starting..." });
            TerminalApplication app = Boot(new TerminalBoot(hardware, board.JournalSlotB, config.CaKeySet), hardware);
            if (app == null) return 3;
            // The application never sleeps: each Step polls the keypad (its own timeout paces the loop) and the readers.
            while (true) app.Step();
        }

        /// <summary>
        /// Runs the shared boot; while the terminal is not provisioned (or its stored configuration is refused) it
        /// says what is missing and runs the provisioning console on stdin until <c>save</c>, then boots again.
        /// Null when it cannot start (no console input, or a board/journal/CA key failure).
        /// </summary>
        private static TerminalApplication Boot(TerminalBoot boot, TerminalHardware hardware)
        {
            while (true)
            {
                try
                {
                    TerminalApplication app = boot.Start();
                    Console.WriteLine("terminal " + boot.Configuration.TerminalId + " started; network " + (boot.NetworkUp ? "up" : "down (offline-capable)")
                        + "; CA records " + boot.CaRecordsLoaded + " loaded, " + boot.CaRecordsSkipped + " of the other set skipped");
                    return app;
                }
                catch (BootException e)
                {
                    Console.Error.WriteLine(e.Message + ":");
                    foreach (string p in e.Problems) Console.Error.WriteLine("  " + p);
                    hardware.Display.Show(new[] { "Terminal", "not ready:", "see console" });
                    bool provisionable = e.Failure == BootFailure.NotProvisioned || e.Failure == BootFailure.Incomplete
                        || e.Failure == BootFailure.ConfigurationInvalid || e.Failure == BootFailure.CaKeysInvalid;
                    if (!provisionable || !Provision(hardware)) return null;
                }
            }
        }

        /// <summary>The provisioning console on stdin/stdout over the stored configuration; true once a save succeeded.</summary>
        private static bool Provision(TerminalHardware hardware)
        {
            string[] errors = ConfigurationStore.Load(hardware.Settings, hardware.Crypto, out TerminalConfiguration stored);
            TerminalConfiguration start = errors.Length == 0 && stored != null ? stored : new TerminalConfiguration();
            var console = new ProvisioningConsole(start, hardware.Crypto) { Storage = hardware.Settings };
            Console.WriteLine("provisioning console: 'help' lists the commands, 'save' stores them and starts the terminal");
            for (string line = Console.ReadLine(); line != null; line = Console.ReadLine())
            {
                string[] answer = console.Execute(line);
                foreach (string a in answer) Console.WriteLine(a);
                if (line.Trim().ToLowerInvariant() == "save" && answer.Length > 0 && answer[0].StartsWith("OK", StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }
}
