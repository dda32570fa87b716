using nanoFramework.Hardware.Esp32;

namespace Terminal.Boards.Esp32
{
    /// <summary>Routes the ESP32's SPI1, I2C1, COM2 and COM3 to the board's pins; must run before any bus is opened.</summary>
    internal static class PinSetup
    {
        public static void Apply()
        {
            // Configuration.SetPinFunction(int pin, DeviceFunction value): nanoFramework.Hardware.Esp32.txt
            Configuration.SetPinFunction(BoardPins.SpiMosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(BoardPins.SpiMiso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(BoardPins.SpiClock, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(BoardPins.I2cData, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(BoardPins.I2cClock, DeviceFunction.I2C1_CLOCK);
            Configuration.SetPinFunction(BoardPins.ContactTx, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(BoardPins.ContactRx, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(BoardPins.ConsoleTx, DeviceFunction.COM3_TX);
            Configuration.SetPinFunction(BoardPins.ConsoleRx, DeviceFunction.COM3_RX);
        }
    }
}
