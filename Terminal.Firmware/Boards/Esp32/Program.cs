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
using Terminal.Firmware.Core.Storage;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// The ESP32 firmware's entry point: routes the pins, opens every device into a TerminalHardware, offers the
    /// provisioning console on COM3 (Enter within 3 s of power-up), runs the shared boot (TerminalBoot) and steps the
    /// firmware application forever. While the boot finds the terminal not provisioned, incomplete or its configuration
    /// refused, it runs the provisioning console (SerialProvisioningSession) and boots again after a save. Everything
    /// that decides anything is portable code; this file only wires. Wi-Fi, host, TLS CA, IDs and keys all come from
    /// the provisioned configuration (docs/boards/esp32.md, "Configuration over the serial console").
    /// </summary>
    public static class Program
    {
        // Local time for receipts: UTC (SNTP) + 8 h (China).
        private const int UtcOffsetHours = 8;
        // Self-test mode: the Menu key pressed within this time after power-on runs the self-test instead of the terminal.
        private const int SelfTestWindowMs = 2000;

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
            // Durable storage on the LittleFS partition I:\ (LittleFsFiles): atomic settings, power-cut-safe journal slots.
            LittleFsFiles flash = new LittleFsFiles();
            h.Settings = new FlashSettingsStorage(flash);
            h.JournalStorage = new FlashJournalSlot(flash, "journal-a");
            FlashJournalSlot journalSlotB = new FlashJournalSlot(flash, "journal-b");
            h.Network = new WifiNetworkLink();
            h.HostConnector = new NanoHostConnector();
            NanoSerialPort console = new NanoSerialPort(BoardPins.ConsolePort, BoardPins.ConsoleBaud);

            h.Display.Show(new string[] { "Terminal", "MENU: self-test" });
            KeyCode pressed;
            if (h.Keypad.TryReadKey(SelfTestWindowMs, out pressed) && pressed == KeyCode.Menu)
            {
                RunSelfTest(h);
                Thread.Sleep(Timeout.Infinite);
                return;
            }
            h.Display.Show(new string[] { "Terminal", "Enter on console:", "provisioning" });
            if (SerialProvisioningSession.WaitForEnter(console, h.Clock, BoardPins.ConsoleWindowMs))
                SerialProvisioningSession.ForStoredConfiguration(console, h.Settings, h.Crypto, h.Clock).Run(null);

            TerminalBoot boot = new TerminalBoot(h, journalSlotB, CaPublicKeySet.Test);
            TerminalApplication app = null;
            while (app == null)
            {
                h.Display.Show(new string[] { "Terminal", "starting..." });
                try
                {
                    app = boot.Start();
                }
                catch (BootException e)
                {
                    Console.WriteLine(e.Message);
                    for (int i = 0; i < e.Problems.Length; i++) Console.WriteLine("  " + e.Problems[i]);
                    h.Display.Show(new string[] { "NOT READY", e.Problems.Length > 0 ? e.Problems[0] : e.Message, "see console" });
                    bool provisionable = e.Failure == BootFailure.NotProvisioned || e.Failure == BootFailure.Incomplete
                        || e.Failure == BootFailure.ConfigurationInvalid || e.Failure == BootFailure.CaKeysInvalid;
                    if (!provisionable)
                    {
                        // A device or the journal failed: nothing the console can fix.
                        Thread.Sleep(Timeout.Infinite);
                        return;
                    }
                    // The session ends on save (boot again), exit or idle (boot again: asks again while still not ready).
                    SerialProvisioningSession session = SerialProvisioningSession.ForStoredConfiguration(console, h.Settings, h.Crypto, h.Clock);
                    session.Run(Notes(e));
                }
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

        /// <summary>The boot's findings as console lines: the message, then each problem.</summary>
        private static string[] Notes(BootException e)
        {
            string[] notes = new string[e.Problems.Length + 1];
            notes[0] = "not ready: " + e.Message;
            for (int i = 0; i < e.Problems.Length; i++) notes[i + 1] = "  " + e.Problems[i];
            return notes;
        }
    }
}
