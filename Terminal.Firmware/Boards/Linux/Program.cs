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
                    if (!provisionable || !Provision(hardware, e.Problems)) return null;
                }
            }
        }

        /// <summary>
        /// The provisioning session (the ESP32's, SerialProvisioningSession) on the console over the stored
        /// configuration: no terminal echo, secrets shown as '*'; true once a save succeeded.
        /// </summary>
        private static bool Provision(TerminalHardware hardware, string[] notes)
        {
            var session = SerialProvisioningSession.ForStoredConfiguration(new ConsolePort(), hardware.Settings, hardware.Crypto, hardware.Clock);
            return session.Run(notes) == ProvisioningSessionEnd.Saved;
        }
    }
}
