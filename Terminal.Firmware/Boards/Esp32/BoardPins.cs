namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// The ESP32 board's wiring (docs/boards/esp32.md has the table). GPIO numbers of a classic ESP32-WROVER
    /// (PSRAM on GPIO16/17, so the UART uses 26/27). Change them here and in the document together.
    /// </summary>
    internal static class BoardPins
    {
        // SPI1 (VSPI pins) to the PN532; the binding drives its chip select itself (Iot.Device.Pn532.txt / README.md).
        public const int SpiBus = 1;
        public const int SpiMosi = 23;
        public const int SpiMiso = 19;
        public const int SpiClock = 18;
        public const int Pn532ChipSelect = 5;

        // I2C1 to the SSD1306 OLED at 0x3C.
        public const int I2cBus = 1;
        public const int I2cData = 21;
        public const int I2cClock = 22;
        public const int DisplayAddress = 0x3C;

        // COM2 to the TDA8029 (ALPAR, 38400 8N1 after reset [K]).
        public const string ContactPort = "COM2";
        public const int ContactTx = 27;
        public const int ContactRx = 26;
        public const int ContactBaud = 38400;

        // COM3 (UART2): the provisioning console, 115200 8N1, to a 3.3 V USB-serial adapter. UART0 (GPIO1/3, the
        // board's USB bridge) carries nanoFramework's wire protocol (debugger, deployment) [K], so the console has its
        // own UART. Every other free GPIO of a WROVER is taken; GPIO2 and GPIO0 are boot strapping pins: TX on GPIO2
        // is only sampled in download mode, and the adapter's idle-high TX on GPIO0 selects the normal boot. Unplug
        // the adapter while flashing (download mode needs GPIO0 low).
        public const string ConsolePort = "COM3";
        public const int ConsoleTx = 2;
        public const int ConsoleRx = 0;
        public const int ConsoleBaud = 115200;
        // At power-up the console opens when Enter arrives within this window (ms).
        public const int ConsoleWindowMs = 3000;

        // 4x4 keypad: rows are driven, columns read. 34-39 are input-only without internal pulls: fit 10 kOhm
        // pull-down resistors on the column lines.
        public static readonly int[] KeypadRows = new int[] { 4, 13, 14, 15 };
        public static readonly int[] KeypadColumns = new int[] { 34, 35, 36, 39 };
        public const int KeypadScanMs = 15;
        public const int KeypadDebounceMs = 20;

        // Status LEDs and an active buzzer.
        public const int LedGreen = 32;
        public const int LedRed = 33;
        public const int Buzzer = 25;
    }
}
