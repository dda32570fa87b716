using System;
using System.Device.I2c;
using Iot.Device.Ssd13xx;
using Iot.Device.Ssd13xx.Commands.Ssd1306Commands;
using Terminal.Firmware.Core.Display;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// <see cref="IFrameSink"/> on an SSD1306 OLED over I2C: the portable <see cref="FramebufferDisplay"/> draws the
    /// text (glyph subset, Chinese included) into a <see cref="MonoFramebuffer"/> already in SSD1306 page order,
    /// and this writes it to display RAM in one go.
    /// </summary>
    public sealed class Ssd1306FrameSink : IFrameSink, IDisposable
    {
        private readonly Ssd1306 _device;
        private readonly int _width;
        private readonly int _height;

        /// <summary>Opens the display on the configured bus and address.</summary>
        public Ssd1306FrameSink(BoardConfig config)
        {
            _width = config.DisplayWidth;
            _height = config.DisplayHeight;
            var i2c = I2cDevice.Create(new I2cConnectionSettings(config.DisplayI2cBus, config.DisplayI2cAddress));
            _device = new Ssd1306(i2c, _width, _height);
            _device.SendCommand(new SetMemoryAddressingMode(SetMemoryAddressingMode.AddressingMode.Horizontal));
        }

        /// <inheritdoc/>
        public void Send(MonoFramebuffer frame)
        {
            if (frame == null) throw new ArgumentNullException(nameof(frame));
            if (frame.Width != _width || frame.Height != _height)
                throw new ArgumentException("frame size differs from the display's", nameof(frame));
            // The whole screen as the write window (horizontal addressing, set above), then the frame
            // (SSD1306 datasheet 10.1.3/10.1.4: column and page address set the window).
            _device.SendCommand(new SetColumnAddress(0, (byte)(_width - 1)));
            _device.SendCommand(new SetPageAddress(PageAddress.Page0, (PageAddress)(_height / 8 - 1)));
            _device.SendData(frame.Buffer);
        }

        /// <summary>Closes the device.</summary>
        public void Dispose() => _device.Dispose();
    }
}
