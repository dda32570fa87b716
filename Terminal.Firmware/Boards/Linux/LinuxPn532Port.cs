using System;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using Iot.Device.Pn532;
using Iot.Device.Pn532.ListPassive;
using Iot.Device.Pn532.RfConfiguration;
using Terminal.Firmware.Core.Readers.Pn532;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// <see cref="IPn532Port"/> over dotnet/iot's PN532 binding (Iot.Device.Bindings 4.2.0). The APDU path is
    /// <c>TransceiveAdvance</c>, i.e. InDataExchange, where the PN532 firmware runs ISO 14443-4.
    /// </summary>
    public sealed class LinuxPn532Port : IPn532Port, IDisposable
    {
        private readonly Pn532 _pn532;

        private LinuxPn532Port(Pn532 pn532)
        {
            _pn532 = pn532;
        }

        /// <summary>Opens the PN532 on the configured bus.</summary>
        public static LinuxPn532Port Open(BoardConfig config, GpioController gpio)
        {
            switch (config.Pn532Bus)
            {
                case Pn532Bus.Spi:
                    // The PN532 talks SPI mode 0, LSB first [K: PN532 User Manual 6.2.5]; the binding toggles its own chip
                    // select GPIO, so the spidev node's hardware CS line is left unwired.
                    var spi = SpiDevice.Create(new SpiConnectionSettings(config.Pn532SpiBus, config.Pn532SpiDevice)
                    {
                        ClockFrequency = Pn532.SpiClockFrequency,
                        Mode = Pn532.SpiMode,
                        DataFlow = DataFlow.LsbFirst,
                    });
                    return new LinuxPn532Port(new Pn532(spi, config.Pn532SpiChipSelectGpio, gpio, false));
                case Pn532Bus.I2c:
                    var i2c = I2cDevice.Create(new I2cConnectionSettings(config.Pn532I2cBus, Pn532.I2cDefaultAddress));
                    return new LinuxPn532Port(new Pn532(i2c));
                case Pn532Bus.Uart:
                    return new LinuxPn532Port(new Pn532(config.Pn532Uart));
                default:
                    throw new InvalidOperationException("no PN532 configured");
            }
        }

        /// <inheritdoc/>
        public byte[] ListPassiveTypeA(int maxTargets) =>
            _pn532.ListPassiveTarget(maxTargets >= 2 ? MaxTarget.Two : MaxTarget.One, TargetBaudRate.B106kbpsTypeA);

        /// <inheritdoc/>
        public int Exchange(byte target, byte[] command, byte[] response) => _pn532.TransceiveAdvance(target, command, response);

        /// <inheritdoc/>
        public bool Release(byte target) => _pn532.ReleaseTarget(target);

        /// <inheritdoc/>
        public bool SetField(bool on) => _pn532.SetRfField(on ? RfFieldMode.RF : RfFieldMode.None);

        /// <summary>Closes the binding.</summary>
        public void Dispose() => _pn532.Dispose();
    }
}
