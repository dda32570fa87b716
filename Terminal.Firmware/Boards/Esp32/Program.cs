using System;
using System.Device.Gpio;
using System.Threading;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Capk;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Display;
using Terminal.Firmware.Core.Readers.Alpar;
using Terminal.Firmware.Core.Readers.Pn532;
using Terminal.Firmware.Core.SelfTest;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// The ESP32 firmware's entry point: routes the pins, opens every device into a TerminalHardware, runs the shared
    /// boot (TerminalBoot) and steps the firmware application forever. Everything that decides anything is portable code; this file only wires.
    /// </summary>
    public static class Program
    {
        // Provisioning (issue 7): Wi-Fi, host and CA come from the configuration; these are the first-boot defaults.
        private const string WifiSsid = "terminal-test";
        private const string WifiPassword = "change-me";
        private const string HostName = "acquirer.example";
        private const int HostPort = 5000;
        private const string HostCaPem = "-----BEGIN CERTIFICATE-----\n(provision the acquirer's CA certificate)\n-----END CERTIFICATE-----";
        private const int UtcOffsetHours = 8;
        // Self-test mode: the Menu key pressed within this time after power-on runs the self-test instead of the terminal.
        private const int SelfTestWindowMs = 2000;

        // First-boot provisioning file (ProvisioningConsole commands), written to the empty settings
        // storage (RAM for now, so on every boot): Wi-Fi, host, identities and AIDs. CA public keys go in as "capk key ..."
        // records (docs/ca-keys.md). No secret key here: add "key dukpt <IPEK> <KSN>" in a local TEST build only; until
        // the serial provisioning console and durable storage exist, the boot otherwise stops with "a PIN key" missing.
        private static readonly string FirstBootConfiguration =
            "set wifi " + WifiSsid + " " + WifiPassword + "\n" +
            "set host " + HostName + ":" + HostPort.ToString() + "\n" +
            "set tid TERM0001\n" +
            "set mid MERCHANT0000001\n" +
            "set language zh\n" +
            "aid add A0000000031010 kernel 3\n" +
            "aid add A000000333010101 kernel 7\n";

        public static void Main()
        {
            PinSetup.Apply();
            GpioController gpio = new GpioController();

            TerminalHardware h = new TerminalHardware();
            h.Clock = new TickClock();
            h.WallClock = new OffsetWallClock(UtcOffsetHours);
            h.Crypto = new PortableCryptoProvider();
            h.Random = new PlatformRandomSource();
            h.Display = new FramebufferDisplay(new MonoFramebuffer(), new NanoOledSink());
            h.Keypad = new NanoKeypad(gpio);
            h.Indicators = new NanoIndicators(gpio);
            h.ContactlessReader = new Pn532ContactlessReader(new NanoPn532Port(gpio), 10);
            h.ContactReader = new AlparContactReader(new AlparLink(new NanoSerialPort(BoardPins.ContactPort, BoardPins.ContactBaud)));
            h.Network = new WifiNetworkLink(WifiSsid, WifiPassword);
            h.HostConnection = new TlsHostConnection(HostName, HostPort, HostCaPem);
            h.Settings = new RamSettingsStorage();
            h.JournalStorage = new RamJournalStorage();
            RamJournalStorage journalSlotB = new RamJournalStorage();

            h.Display.Show(new string[] { "Terminal", "MENU: self-test" });
            KeyCode pressed;
            if (h.Keypad.TryReadKey(SelfTestWindowMs, out pressed) && pressed == KeyCode.Menu)
            {
                RunSelfTest(h);
                Thread.Sleep(Timeout.Infinite);
                return;
            }
            h.Display.Show(new string[] { "Terminal", "starting..." });
            if (h.Settings.Read(ConfigurationStore.FileName) == null)
                h.Settings.Write(ConfigurationStore.FileName, Utf8Text.Encode(FirstBootConfiguration));

            TerminalBoot boot = new TerminalBoot(h, journalSlotB, CaPublicKeySet.Test);
            TerminalApplication app;
            try
            {
                app = boot.Start();
            }
            catch (BootException e)
            {
                // Not provisioned or refused: say so on the display and the debug console, and stop (nothing to run).
                Console.WriteLine(e.Message);
                for (int i = 0; i < e.Problems.Length; i++) Console.WriteLine("  " + e.Problems[i]);
                h.Display.Show(new string[] { "NOT READY", e.Problems.Length > 0 ? e.Problems[0] : e.Message });
                Thread.Sleep(Timeout.Infinite);
                return;
            }
            Console.WriteLine(boot.NetworkUp ? "terminal started, network up" : "terminal started offline-capable (network down)");
            // The application never sleeps on its own: each Step polls the keypad (its timeout paces the loop) and the readers.
            while (true) app.Step();
        }

        /// <summary>
        /// Self-test mode (issue 7 item 7; Terminal.Firmware/SelfTest.Device/README.md): every conformance scenario
        /// through the firmware application with virtual cards and the in-memory acquirer, one PASS/FAIL line with the
        /// transaction time per scenario on the serial console (Console: UART0), the summary on the display.
        /// </summary>
        private static void RunSelfTest(TerminalHardware h)
        {
            h.Display.Show(new string[] { "SELF-TEST", "running..." });
            SelfTestReport report = new SelfTestRunner(h.Crypto, h.Random, h.Clock).RunAll(new ConsoleSelfTestOutput());
            h.Display.Show(new string[] { "SELF-TEST", report.AllPassed ? "ALL PASSED" : "FAILED", report.Passed.ToString() + " passed",
                report.Failed.ToString() + " failed" });
        }
    }
}
