namespace Terminal.Firmware.Core.Display
{
    /// <summary>Where a finished frame goes: the board's SSD1306 driver (I2C or SPI), or a test.</summary>
    public interface IFrameSink
    {
        /// <summary>Sends the whole frame (<see cref="MonoFramebuffer.Buffer"/>, SSD1306 page order).</summary>
        void Send(MonoFramebuffer frame);
    }
}
