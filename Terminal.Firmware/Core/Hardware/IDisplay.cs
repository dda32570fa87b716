namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The cashier/cardholder display: a small text screen (an SSD1306 on the boards, a console box
    /// in the emulator). Text may hold Simplified Chinese; the device renders it from the generated glyph
    /// subset.</summary>
    public interface IDisplay
    {
        /// <summary>Text lines that fit on the screen.</summary>
        int Rows { get; }

        /// <summary>Characters per line (a Chinese character counts as two).</summary>
        int Columns { get; }

        /// <summary>Replaces the whole screen with <paramref name="lines"/> (at most <see cref="Rows"/>;
        /// longer lines are cut).</summary>
        void Show(string[] lines);
    }
}
