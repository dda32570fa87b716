using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>Everything the firmware core needs from a board, in one place. Each board (ESP32, Linux,
    /// the PC emulator, tests) fills it in; the core never names a board type. Optional devices may be
    /// null: <see cref="MagstripeReader"/>, <see cref="Printer"/>, <see cref="Indicators"/>.</summary>
    public sealed class TerminalHardware
    {
        /// <summary>Keypad.</summary>
        public IKeypad Keypad;
        /// <summary>Display.</summary>
        public IDisplay Display;
        /// <summary>Contactless reader (Entry Point's reader interface).</summary>
        public IContactlessReader ContactlessReader;
        /// <summary>Contact card slot.</summary>
        public IContactCardReader ContactReader;
        /// <summary>Magstripe head, or null.</summary>
        public IMagstripeReader MagstripeReader;
        /// <summary>LEDs and beeper, or null.</summary>
        public IIndicators Indicators;
        /// <summary>Receipt printer, or null (the receipt is then shown).</summary>
        public IReceiptPrinter Printer;
        /// <summary>Network interface.</summary>
        public INetworkLink Network;
        /// <summary>Makes the connection to the provisioned acquirer host.</summary>
        public IHostConnector HostConnector;
        /// <summary>Journal storage.</summary>
        public IJournalStorage JournalStorage;
        /// <summary>Settings storage.</summary>
        public ISettingsStorage Settings;
        /// <summary>Monotonic clock for timeouts.</summary>
        public IMonotonicClock Clock;
        /// <summary>Date and time.</summary>
        public IWallClock WallClock;
        /// <summary>Cryptography (portable on the device, BCL on a PC).</summary>
        public ICryptoProvider Crypto;
        /// <summary>Random numbers (unpredictable numbers, PIN pad padding, key generation).</summary>
        public IRandomSource Random;
    }
}
