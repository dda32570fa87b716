namespace Terminal.Firmware.Core.Oled
{
    /// <summary>
    /// Column bitmaps of characters for a page-organised monochrome display (SSD1306): one byte per column, bit 0
    /// the top pixel. <see cref="Ascii5x8Font"/> covers printable ASCII; the generated Chinese glyph subset plugs in
    /// as another source.
    /// </summary>
    public interface IGlyphSource
    {
        /// <summary>Cell width in pixels including the gap to the next character.</summary>
        int CellWidth { get; }

        /// <summary>The columns of <paramref name="c"/>, or null when the font lacks it.</summary>
        byte[] Columns(char c);
    }
}
