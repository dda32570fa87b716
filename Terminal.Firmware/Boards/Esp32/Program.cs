using System;
using System.Device.Gpio;
using System.Threading;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Display;
using Terminal.Firmware.Core.Readers.Alpar;
using Terminal.Firmware.Core.Readers.Pn532;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// The ESP32 firmware's entry point: routes the pins, opens every device into a TerminalHardware and hands it to
    /// the firmware application. Everything that decides anything is portable code; this file only wires.
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

            h.Display.Show(new string[] { "Terminal", "starting..." });
            // FIRMWARE APPLICATION (branch h-app, not merged here): construct and run it at this line, i.e.
            //   new Terminal.Firmware.Core.App.TerminalApplication(h, configuration, kernels, host, pinCipher)
            // with the TerminalConfiguration loaded from the settings storage, the PaymentKernels (contact kernel,
            // Entry Point), a SessionPaymentHost over HostSession (journal slots h.JournalStorage and journalSlotB) and the OnlinePinCipher.
            // Until then the board only shows its banner.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
