using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.IO;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Keypad;
using Terminal.Firmware.Core.Display;
using Terminal.Firmware.Core.Readers.Alpar;
using Terminal.Firmware.Core.Readers.Pn532;
using Terminal.Pc.Crypto;
using Terminal.Pc.HostLink;
using Terminal.Pc.Journal;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// Opens every device of the board from a <see cref="BoardConfig"/> and fills a <see cref="TerminalHardware"/>.
    /// Disposing closes them.
    /// </summary>
    public sealed class LinuxBoard : IDisposable
    {
        private readonly List<IDisposable> _owned = new();

        /// <summary>The devices for the firmware core.</summary>
        public TerminalHardware Hardware { get; } = new TerminalHardware();

        /// <summary>The second journal slot (the first is <see cref="TerminalHardware.JournalStorage"/>).</summary>
        public FileJournalStorage JournalSlotB { get; private set; }

        /// <summary>Opens the board.</summary>
        public static LinuxBoard Open(BoardConfig config)
        {
            var board = new LinuxBoard();
            try
            {
                board.OpenDevices(config);
                return board;
            }
            catch
            {
                board.Dispose();
                throw;
            }
        }

        private void OpenDevices(BoardConfig config)
        {
            var gpio = Own(new GpioController());
            var clock = new StopwatchClock();
            TerminalHardware h = Hardware;
            h.Clock = clock;
            h.WallClock = new SystemWallClock();
            h.Crypto = new BclCryptoProvider();
            h.Random = new SystemRandomSource();
            h.Network = new LinuxNetworkLink();

            var keypad = new MatrixKeypad(KeyMap.Parse(config.KeypadLayout), config.KeypadDebounceMs);
            Own(new KeyMatrixPump(config, gpio, keypad, clock));
            h.Keypad = keypad;

            h.Display = new FramebufferDisplay(new MonoFramebuffer(config.DisplayWidth, config.DisplayHeight), Own(new Ssd1306FrameSink(config)));
            h.Indicators = Own(new GpioIndicators(config, gpio));

            if (config.Pn532Bus != Pn532Bus.None)
                h.ContactlessReader = new Pn532ContactlessReader(Own(LinuxPn532Port.Open(config, gpio)), config.Pn532Polls);
            if (config.ContactUart != null)
                h.ContactReader = new AlparContactReader(new AlparLink(Own(new SerialPortLink(config.ContactUart, config.ContactBaud))));

            Directory.CreateDirectory(config.DataDirectory);
            h.Settings = new FileSettingsStorage(Path.Combine(config.DataDirectory, "settings"));
            h.JournalStorage = Own(new FileJournalStorage(Path.Combine(config.DataDirectory, "journal-a.bin")));
            JournalSlotB = Own(new FileJournalStorage(Path.Combine(config.DataDirectory, "journal-b.bin")));
            // The host endpoint and its TLS pin come from the provisioned configuration (set host, set tlspin).
            h.HostConnector = new TcpHostConnector();
        }

        private T Own<T>(T device) where T : IDisposable
        {
            _owned.Add(device);
            return device;
        }

        /// <summary>Closes the devices in reverse order of opening.</summary>
        public void Dispose()
        {
            for (int i = _owned.Count - 1; i >= 0; i--)
            {
                try { _owned[i].Dispose(); }
                catch (Exception) { /* closing the rest matters more */ }
            }
            _owned.Clear();
        }
    }
}
