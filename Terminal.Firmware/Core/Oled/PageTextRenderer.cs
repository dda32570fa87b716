namespace Terminal.Firmware.Core.Oled
{
    /// <summary>
    /// Renders text lines into a monochrome frame in SSD1306 page order: byte (page p, column x) holds pixels
    /// (x, 8p .. 8p+7), bit 0 at the top (SSD1306 datasheet, 10.1.3 page addressing). One text row per 8-pixel page;
    /// a character the font lacks is drawn as '?'; lines and characters beyond the screen are cut.
    /// </summary>
    public static class PageTextRenderer
    {
        /// <summary>The frame (width x height / 8 bytes) for <paramref name="lines"/>.</summary>
        public static byte[] Render(string[] lines, int width, int height, IGlyphSource font)
        {
            if (font == null) throw new System.ArgumentNullException("font");
            if (width <= 0 || height <= 0 || height % 8 != 0) throw new System.ArgumentOutOfRangeException("height");
            byte[] frame = new byte[width * height / 8];
            int pages = height / 8;
            for (int row = 0; row < pages && lines != null && row < lines.Length; row++)
            {
                string text = lines[row];
                if (text == null) continue;
                int x = 0;
                for (int k = 0; k < text.Length && x < width; k++)
                {
                    byte[] cols = font.Columns(text[k]);
                    if (cols == null) cols = font.Columns('?');
                    if (cols != null)
                        for (int i = 0; i < cols.Length && x + i < width; i++) frame[row * width + x + i] = cols[i];
                    x += font.CellWidth;
                }
            }
            return frame;
        }
    }
}
