using System;
using Terminal.Firmware.Core.Oled;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// ASCII straight from dotnet/iot's 5x8 font (Iot.Device.Graphics.Font5x8, a BDF font: one bit row per pixel
    /// line); the board draws with the portable <see cref="Ascii5x8Font"/> generated from it, and a test keeps the two equal.
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
