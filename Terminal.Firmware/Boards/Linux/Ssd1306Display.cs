using System;
using System.Device.I2c;
using Iot.Device.Ssd13xx;
using Iot.Device.Ssd13xx.Commands.Ssd1306Commands;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Oled;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// <see cref="IDisplay"/> on an SSD1306 OLED over I2C: text rendered by <see cref="PageTextRenderer"/> and written as
    /// one frame of display RAM. 128x64 gives 8 rows of 21 characters.
    /// </summary>
    public sealed class Ssd1306Display : IDisplay, IDisposable
    {
        private readonly Ssd1306 _device;
        private readonly int _width;
        private readonly int _height;
        private readonly IGlyphSource _font;

        /// <summary>Opens the display on the configured bus and address.</summary>
        public Ssd1306Display(BoardConfig config, IGlyphSource font)
        {
            _width = config.DisplayWidth;
            _height = config.DisplayHeight;
            _font = font;
            var i2c = I2cDevice.Create(new I2cConnectionSettings(config.DisplayI2cBus, config.DisplayI2cAddress));
            _device = new Ssd1306(i2c, _width, _height);
            _device.SendCommand(new SetMemoryAddressingMode(SetMemoryAddressingMode.AddressingMode.Horizontal));
        }

        /// <inheritdoc/>
        public int Rows => _height / 8;

        /// <inheritdoc/>
        public int Columns => _width / _font.CellWidth;

        /// <inheritdoc/>
        public void Show(string[] lines)
        {
            byte[] frame = PageTextRenderer.Render(lines, _width, _height, _font);
            // The whole screen as the write window (horizontal addressing, set above), then the frame.
            _device.SendCommand(new SetColumnAddress(0, (byte)(_width - 1)));
            _device.SendCommand(new SetPageAddress(PageAddress.Page0, (PageAddress)(_height / 8 - 1)));
            _device.SendData(frame);
        }

        /// <summary>Closes the device.</summary>
        public void Dispose() => _device.Dispose();
    }
}
