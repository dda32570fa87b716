using System.Device.Gpio;
using System.Device.Spi;
using Iot.Device.Pn532;
using Iot.Device.Pn532.ListPassive;
using Iot.Device.Pn532.RfConfiguration;
using Terminal.Firmware.Core.Readers.Pn532;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IPn532Port over nanoFramework's PN532 binding on SPI1. Signatures: Iot.Device.Pn532.txt (constructor,
    /// ListPassiveTarget, TransceiveAdvance(byte, SpanByte, SpanByte), ReleaseTarget, SetRfField) and
    /// System.Device.Spi.txt; byte[] converts to SpanByte implicitly (mscorlib.txt SpanByte.op_Implicit).
    /// </summary>
    internal sealed class NanoPn532Port : IPn532Port
    {
        private readonly Pn532 _pn532;

        public NanoPn532Port(GpioController gpio)
        {
            // The binding drives chip select itself: settings with line -1, the pin goes to the constructor
            // (nanoframework-api/README.md). Mode, clock and bit order from the binding's constants (Pn532.SpiMode,
            // Pn532.SpiClockFrequency) and the PN532's LSB-first SPI [K].
            SpiConnectionSettings settings = new SpiConnectionSettings(BoardPins.SpiBus, -1);
            settings.Mode = Pn532.SpiMode;
            settings.ClockFrequency = Pn532.SpiClockFrequency;
            settings.DataFlow = DataFlow.LsbFirst;
            SpiDevice spi = SpiDevice.Create(settings);
            _pn532 = new Pn532(spi, BoardPins.Pn532ChipSelect, gpio, false);
        }

        public byte[] ListPassiveTypeA(int maxTargets)
        {
            return _pn532.ListPassiveTarget(maxTargets >= 2 ? MaxTarget.Two : MaxTarget.One, TargetBaudRate.B106kbpsTypeA);
        }

        public int Exchange(byte target, byte[] command, byte[] response)
        {
            return _pn532.TransceiveAdvance(target, command, response);
        }

        public bool Release(byte target)
        {
            return _pn532.ReleaseTarget(target);
        }

        public bool SetField(bool on)
        {
            return _pn532.SetRfField(on ? RfFieldMode.RF : RfFieldMode.None);
        }
    }
}
