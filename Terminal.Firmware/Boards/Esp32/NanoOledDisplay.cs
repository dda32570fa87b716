using System.Device.I2c;
using Iot.Device.Ssd13xx;
using Iot.Device.Ssd13xx.Commands.Ssd1306Commands;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Oled;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IDisplay on an SSD1306 128x64 over I2C1: the portable PageTextRenderer draws the frame, which goes to display
    /// RAM in one write. Signatures: Iot.Device.Ssd13xx.txt (Ssd1306(I2cDevice, DisplayResolution, ...),
    /// SendCommand(ISsd1306Command), SetColumnAddress, SetPageAddress, SetMemoryAddressingMode, SendData(SpanByte))
    /// and System.Device.I2c.txt. That the three command classes implement ISsd1306Command is taken from the
    /// dotnet/iot binding the nano one was ported from [K: the listing does not show interfaces].
    /// </summary>
    internal sealed class NanoOledDisplay : IDisplay
    {
        private const int Width = 128;
        private const int Height = 64;
        private readonly Ssd1306 _device;
        private readonly IGlyphSource _font;

        public NanoOledDisplay(IGlyphSource font)
        {
            _font = font;
            I2cDevice i2c = I2cDevice.Create(new I2cConnectionSettings(BoardPins.I2cBus, BoardPins.DisplayAddress));
            _device = new Ssd1306(i2c, Ssd13xx.DisplayResolution.OLED128x64);
            _device.SendCommand(new SetMemoryAddressingMode(SetMemoryAddressingMode.AddressingMode.Horizontal));
        }

        public int Rows { get { return Height / 8; } }

        public int Columns { get { return Width / _font.CellWidth; } }

        public void Show(string[] lines)
        {
            byte[] frame = PageTextRenderer.Render(lines, Width, Height, _font);
            _device.SendCommand(new SetColumnAddress(0, Width - 1));
            _device.SendCommand(new SetPageAddress(PageAddress.Page0, PageAddress.Page7));
            _device.SendData(frame);
        }
    }
}
