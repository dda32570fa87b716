using System.Device.I2c;
using Iot.Device.Ssd13xx;
using Iot.Device.Ssd13xx.Commands.Ssd1306Commands;
using Terminal.Firmware.Core.Display;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IFrameSink on an SSD1306 128x64 over I2C1: the portable FramebufferDisplay draws the frame (glyph subset,
    /// Chinese included) in SSD1306 page order, which goes to display RAM in one write. Signatures:
    /// Iot.Device.Ssd13xx.txt (Ssd1306(I2cDevice, DisplayResolution, ...), SendCommand(ISsd1306Command),
    /// SetColumnAddress, SetPageAddress, SetMemoryAddressingMode, SendData(SpanByte)) and System.Device.I2c.txt. That
    /// the three command classes implement ISsd1306Command is taken from the dotnet/iot binding the nano one was
    /// ported from [K: the listing does not show interfaces].
    /// </summary>
    internal sealed class NanoOledSink : IFrameSink
    {
        private readonly Ssd1306 _device;

        public NanoOledSink()
        {
            I2cDevice i2c = I2cDevice.Create(new I2cConnectionSettings(BoardPins.I2cBus, BoardPins.DisplayAddress));
            _device = new Ssd1306(i2c, Ssd13xx.DisplayResolution.OLED128x64);
            _device.SendCommand(new SetMemoryAddressingMode(SetMemoryAddressingMode.AddressingMode.Horizontal));
        }

        public void Send(MonoFramebuffer frame)
        {
            // The whole 128x64 screen as the write window, then the 1024-byte frame.
            _device.SendCommand(new SetColumnAddress(0, MonoFramebuffer.Ssd1306Width - 1));
            _device.SendCommand(new SetPageAddress(PageAddress.Page0, PageAddress.Page7));
            _device.SendData(frame.Buffer);
        }
    }
}
