using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Terminal.Boards.Linux
{
    /// <summary>Which bus the PN532 hangs on.</summary>
    public enum Pn532Bus
    {
        /// <summary>No contactless reader.</summary>
        None = 0,
        /// <summary>SPI (mode 0, LSB first, the binding drives chip select on a GPIO).</summary>
        Spi = 1,
        /// <summary>I2C at address 0x24.</summary>
        I2c = 2,
        /// <summary>HSU (UART, 115200 8N1).</summary>
        Uart = 3
    }

    /// <summary>
    /// The Linux board's wiring and settings, read from a "key = value" file (docs/boards/linux.md lists every key;
    /// '#' starts a comment). GPIO numbers are the kernel's (BCM on a Raspberry Pi). Parsing checks every value and
    /// that no GPIO is wired twice; errors are <see cref="BoardConfigException"/> naming the line and key.
    /// </summary>
    public sealed class BoardConfig
    {
        /// <summary>PN532 bus.</summary>
        public Pn532Bus Pn532Bus { get; private set; } = Pn532Bus.Spi;
        /// <summary>SPI bus number (/dev/spidev{bus}.{device}).</summary>
        public int Pn532SpiBus { get; private set; }
        /// <summary>SPI device (chip select line of the spidev node).</summary>
        public int Pn532SpiDevice { get; private set; }
        /// <summary>GPIO the PN532 binding drives as chip select (wired to the PN532's SS).</summary>
        public int Pn532SpiChipSelectGpio { get; private set; } = 25;
        /// <summary>I2C bus of the PN532.</summary>
        public int Pn532I2cBus { get; private set; } = 1;
        /// <summary>Serial device of the PN532 in HSU mode.</summary>
        public string Pn532Uart { get; private set; } = "/dev/ttyS0";
        /// <summary>Polls per Activate before "no card".</summary>
        public int Pn532Polls { get; private set; } = 10;

        /// <summary>Serial device of a TDA8029 contact reader, or null for none.</summary>
        public string ContactUart { get; private set; }
        /// <summary>TDA8029 serial speed (38400 after reset [K]).</summary>
        public int ContactBaud { get; private set; } = 38400;

        /// <summary>GPIOs driving the keypad rows (KeyMatrix outputs).</summary>
        public int[] KeypadRows { get; private set; } = { 5, 6, 13, 19 };
        /// <summary>GPIOs reading the keypad columns (KeyMatrix inputs).</summary>
        public int[] KeypadColumns { get; private set; } = { 12, 16, 20, 21 };
        /// <summary>Keypad layout (Terminal.Firmware.Core.Keypad.KeyMap syntax).</summary>
        public string KeypadLayout { get; private set; } = Terminal.Firmware.Core.Keypad.KeyMap.Default4x4;
        /// <summary>Debounce time in milliseconds.</summary>
        public int KeypadDebounceMs { get; private set; } = 20;
        /// <summary>KeyMatrix scan interval in milliseconds.</summary>
        public int KeypadScanMs { get; private set; } = 15;

        /// <summary>I2C bus of the SSD1306.</summary>
        public int DisplayI2cBus { get; private set; } = 1;
        /// <summary>I2C address of the SSD1306 (0x3C or 0x3D).</summary>
        public int DisplayI2cAddress { get; private set; } = 0x3C;
        /// <summary>Display width in pixels.</summary>
        public int DisplayWidth { get; private set; } = 128;
        /// <summary>Display height in pixels (32 or 64).</summary>
        public int DisplayHeight { get; private set; } = 64;

        /// <summary>Green LED GPIO, or -1.</summary>
        public int LedGreen { get; private set; } = 17;
        /// <summary>Red LED GPIO, or -1.</summary>
        public int LedRed { get; private set; } = 27;
        /// <summary>Buzzer GPIO (active high), or -1.</summary>
        public int Buzzer { get; private set; } = 22;

        /// <summary>Directory of settings files and journal slots.</summary>
        public string DataDirectory { get; private set; } = "/var/lib/terminal";

        /// <summary>The CA public key set the kernels trust (<c>ca.set</c>): test keys on a test terminal, live in production.</summary>
        public Terminal.EmvKernel.Capk.CaPublicKeySet CaKeySet { get; private set; } = Terminal.EmvKernel.Capk.CaPublicKeySet.Test;

        /// <summary>The defaults (the wiring of docs/boards/linux.md).</summary>
        public static BoardConfig Default() => Parse("");

        /// <summary>Reads and parses a file.</summary>
        public static BoardConfig Load(string path) => Parse(File.ReadAllText(path));

        /// <summary>Parses the text; unknown keys and bad values are errors.</summary>
        public static BoardConfig Parse(string text)
        {
            var c = new BoardConfig();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string[] lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                int hash = line.IndexOf('#');
                if (hash >= 0) line = line.Substring(0, hash);
                line = line.Trim();
                if (line.Length == 0) continue;
                int eq = line.IndexOf('=');
                if (eq <= 0) throw new BoardConfigException(n + 1, line, "expected key = value");
                string key = line.Substring(0, eq).Trim().ToLowerInvariant();
                string value = line.Substring(eq + 1).Trim();
                if (!seen.Add(key)) throw new BoardConfigException(n + 1, key, "given twice");
                c.Set(n + 1, key, value);
            }
            c.CheckPins();
            return c;
        }

        private void Set(int line, string key, string v)
        {
            switch (key)
            {
                case "pn532.bus":
                    Pn532Bus = v.ToLowerInvariant() switch
                    {
                        "spi" => Pn532Bus.Spi, "i2c" => Pn532Bus.I2c, "uart" => Pn532Bus.Uart, "none" => Pn532Bus.None,
                        _ => throw new BoardConfigException(line, key, "must be spi, i2c, uart or none"),
                    };
                    break;
                case "pn532.spi.bus": Pn532SpiBus = Int(line, key, v, 0, 7); break;
                case "pn532.spi.device": Pn532SpiDevice = Int(line, key, v, 0, 7); break;
                case "pn532.spi.cs-gpio": Pn532SpiChipSelectGpio = Gpio(line, key, v); break;
                case "pn532.i2c.bus": Pn532I2cBus = Int(line, key, v, 0, 31); break;
                case "pn532.uart": Pn532Uart = Device(line, key, v); break;
                case "pn532.polls": Pn532Polls = Int(line, key, v, 1, 1000); break;
                case "contact.uart": ContactUart = v.ToLowerInvariant() == "none" ? null : Device(line, key, v); break;
                case "contact.baud": ContactBaud = Int(line, key, v, 9600, 115200); break;
                case "keypad.rows": KeypadRows = Pins(line, key, v); break;
                case "keypad.columns": KeypadColumns = Pins(line, key, v); break;
                case "keypad.layout": KeypadLayout = v; break;
                case "keypad.debounce-ms": KeypadDebounceMs = Int(line, key, v, 0, 500); break;
                case "keypad.scan-ms": KeypadScanMs = Int(line, key, v, 1, 500); break;
                case "display.i2c.bus": DisplayI2cBus = Int(line, key, v, 0, 31); break;
                case "display.i2c.address":
                    DisplayI2cAddress = Int(line, key, v, 0x03, 0x77);
                    break;
                case "display.width": DisplayWidth = Int(line, key, v, 64, 128); break;
                case "display.height":
                    DisplayHeight = Int(line, key, v, 32, 64);
                    if (DisplayHeight % 8 != 0) throw new BoardConfigException(line, key, "must be a multiple of 8");
                    break;
                case "led.green": LedGreen = OptionalGpio(line, key, v); break;
                case "led.red": LedRed = OptionalGpio(line, key, v); break;
                case "buzzer": Buzzer = OptionalGpio(line, key, v); break;
                case "data.dir": DataDirectory = Device(line, key, v); break;
                case "host.address":
                case "host.port":
                case "host.tls":
                    // One place for the acquirer endpoint: the provisioned terminal configuration.
                    throw new BoardConfigException(line, key, "moved to the terminal configuration (set host, set tlspin)");
                case "ca.set":
                    if (!Terminal.EmvKernel.Capk.CaPublicKeySetNames.TryParse(v.ToLowerInvariant(), out Terminal.EmvKernel.Capk.CaPublicKeySet set))
                        throw new BoardConfigException(line, key, "must be test or live");
                    CaKeySet = set;
                    break;
                default:
                    throw new BoardConfigException(line, key, "unknown key");
            }
            if (key == "keypad.layout")
            {
                try { Terminal.Firmware.Core.Keypad.KeyMap.Parse(v); }
                catch (Terminal.Firmware.Core.Keypad.KeyMapException e) { throw new BoardConfigException(line, key, e.Message); }
            }
        }

        private void CheckPins()
        {
            var layout = Terminal.Firmware.Core.Keypad.KeyMap.Parse(KeypadLayout);
            if (layout.Rows != KeypadRows.Length || layout.Columns != KeypadColumns.Length)
                throw new BoardConfigException(0, "keypad.layout", string.Concat("is ", layout.Rows.ToString(CultureInfo.InvariantCulture), "x",
                    layout.Columns.ToString(CultureInfo.InvariantCulture), " but the wiring has ", KeypadRows.Length.ToString(CultureInfo.InvariantCulture),
                    " rows and ", KeypadColumns.Length.ToString(CultureInfo.InvariantCulture), " columns"));
            var used = new Dictionary<int, string>();
            void Use(int pin, string what)
            {
                if (pin < 0) return;
                if (used.TryGetValue(pin, out string other))
                    throw new BoardConfigException(0, what, string.Concat("GPIO ", pin.ToString(CultureInfo.InvariantCulture), " is already used by ", other));
                used[pin] = what;
            }
            foreach (int p in KeypadRows) Use(p, "keypad.rows");
            foreach (int p in KeypadColumns) Use(p, "keypad.columns");
            if (Pn532Bus == Pn532Bus.Spi) Use(Pn532SpiChipSelectGpio, "pn532.spi.cs-gpio");
            Use(LedGreen, "led.green");
            Use(LedRed, "led.red");
            Use(Buzzer, "buzzer");
        }

        private static int Int(int line, string key, string v, int min, int max)
        {
            bool ok = v.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? int.TryParse(v.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int n)
                : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n);
            if (!ok || n < min || n > max)
                throw new BoardConfigException(line, key, string.Concat("must be a number from ", min.ToString(CultureInfo.InvariantCulture), " to ",
                    max.ToString(CultureInfo.InvariantCulture)));
            return n;
        }

        private static int Gpio(int line, string key, string v) => Int(line, key, v, 0, 511);

        private static int OptionalGpio(int line, string key, string v) =>
            v.ToLowerInvariant() == "none" ? -1 : Gpio(line, key, v);

        private static int[] Pins(int line, string key, string v)
        {
            string[] parts = v.Split(',');
            var pins = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++) pins[i] = Gpio(line, key, parts[i].Trim());
            if (pins.Length > 8) throw new BoardConfigException(line, key, "at most 8 lines");
            return pins;
        }

        private static string Device(int line, string key, string v)
        {
            if (v.Length == 0 || v[0] != '/') throw new BoardConfigException(line, key, "must be an absolute path");
            return v;
        }
    }

    /// <summary>A board configuration that cannot be used.</summary>
    public sealed class BoardConfigException : Exception
    {
        /// <summary>Creates the exception; line 0 means a check over the whole file.</summary>
        public BoardConfigException(int line, string key, string problem)
            : base(line > 0 ? string.Concat("board config line ", line.ToString(CultureInfo.InvariantCulture), ": ", key, " ", problem)
                : string.Concat("board config: ", key, " ", problem))
        {
            Line = line;
            Key = key;
        }

        /// <summary>The 1-based line, or 0.</summary>
        public int Line { get; }

        /// <summary>The key (or text) at fault.</summary>
        public string Key { get; }
    }
}
