using System;

namespace Terminal.Boards.Linux
{
    /// <summary>Column bitmaps of characters: bit 0 is the top pixel, one byte per column.</summary>
    public interface IGlyphSource
    {
        /// <summary>Cell width in pixels including the gap to the next character.</summary>
        int CellWidth { get; }

        /// <summary>The columns of <paramref name="c"/>, or null when the font lacks it.</summary>
        byte[] Columns(char c);
    }

    /// <summary>
    /// Renders text lines into an SSD1306 frame in page order: byte (page p, column x) holds pixels (x, 8p .. 8p+7),
    /// bit 0 at the top (SSD1306 datasheet, 10.1.3 page addressing). One text row per 8-pixel page; a character the
    /// font lacks is drawn as '?'. The Chinese glyph subset plugs in as another <see cref="IGlyphSource"/>.
    /// </summary>
    public static class TextRaster
    {
        /// <summary>The frame (width x height / 8 bytes) for <paramref name="lines"/>; lines and rows beyond the screen are cut.</summary>
        public static byte[] Render(string[] lines, int width, int height, IGlyphSource font)
        {
            if (width <= 0 || height <= 0 || height % 8 != 0) throw new ArgumentOutOfRangeException(nameof(height));
            byte[] frame = new byte[width * height / 8];
            int pages = height / 8;
            for (int row = 0; row < pages && lines != null && row < lines.Length; row++)
            {
                string text = lines[row] ?? "";
                int x = 0;
                foreach (char c in text)
                {
                    byte[] cols = font.Columns(c) ?? font.Columns('?') ?? Array.Empty<byte>();
                    for (int i = 0; i < cols.Length && x + i < width; i++) frame[row * width + x + i] = cols[i];
                    x += font.CellWidth;
                    if (x >= width) break;
                }
            }
            return frame;
        }
    }

    /// <summary>
    /// ASCII from dotnet/iot's 5x8 font (Iot.Device.Graphics.Font5x8, a BDF font: one bit row per pixel line).
    /// The rows are turned into SSD1306 column bytes; where the leftmost pixel sits in a row word (right-aligned to
    /// the width, or left-aligned in a byte or a 16-bit word) is found from the data itself, since the binding does
    /// not document it.
    /// </summary>
    public sealed class Ascii5x8Glyphs : IGlyphSource
    {
        private readonly byte[][] _glyphs = new byte[0x7F][];

        /// <summary>Converts the printable ASCII glyphs once.</summary>
        public Ascii5x8Glyphs()
        {
            Iot.Device.Graphics.BdfFont font = new Iot.Device.Graphics.Font5x8();
            int width = font.Width;
            int height = Math.Min(8, font.Height);
            var rows = new ushort[0x7F][];
            int mask = 0;
            for (char c = ' '; c <= '~'; c++)
            {
                font.GetCharData(c, out ReadOnlySpan<ushort> data);
                rows[c] = data.ToArray();
                foreach (ushort r in rows[c]) mask |= r;
            }
            int leftmost = GlyphColumns.LeftmostBit(mask, width);
            for (char c = ' '; c <= '~'; c++) _glyphs[c] = GlyphColumns.FromRows(rows[c], width, height, leftmost);
        }

        /// <inheritdoc/>
        public int CellWidth => 6;

        /// <inheritdoc/>
        public byte[] Columns(char c) => c >= ' ' && c <= '~' ? _glyphs[c] : null;
    }

    /// <summary>Row-bitmap to column-byte conversion for <see cref="IGlyphSource"/> implementations.</summary>
    public static class GlyphColumns
    {
        /// <summary>
        /// The bit of a row word holding the leftmost pixel, from the OR of all rows: right-aligned (bit width-1)
        /// when no bit at or above the width is set, else bit 7 when the rows fit a byte, else bit 15.
        /// </summary>
        public static int LeftmostBit(int rowMask, int width)
        {
            if (rowMask < (1 << width)) return width - 1;
            return rowMask < 0x100 ? 7 : 15;
        }

        /// <summary>Column bytes (bit 0 = top row) of a glyph given as rows.</summary>
        public static byte[] FromRows(ushort[] rows, int width, int height, int leftmostBit)
        {
            var cols = new byte[width];
            for (int y = 0; y < height && y < rows.Length; y++)
                for (int x = 0; x < width; x++)
                    if (((rows[y] >> (leftmostBit - x)) & 1) != 0) cols[x] |= (byte)(1 << y);
            return cols;
        }
    }
}
