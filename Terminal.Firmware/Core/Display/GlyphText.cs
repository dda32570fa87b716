namespace Terminal.Firmware.Core.Display
{
    /// <summary>
    /// Draws text with the generated <see cref="GlyphSubset"/> (WenQuanYi Bitmap Song 12 px, only the characters
    /// the terminal shows) into a <see cref="MonoFramebuffer"/>. A character without a glyph is drawn as a hollow
    /// box ("tofu") of <see cref="MissingAdvance"/> pixels, so a missing translation is visible, never a crash.
    /// </summary>
    public static class GlyphText
    {
        /// <summary>Advance of the box drawn for a character outside the subset.</summary>
        public const int MissingAdvance = 6;

        /// <summary>Line height in pixels.</summary>
        public static int LineHeight
        {
            get { return GlyphSubset.Height; }
        }

        /// <summary>Index of the character in the subset (binary search), or -1.</summary>
        public static int IndexOf(char c)
        {
            string chars = GlyphSubset.Characters;
            int lo = 0, hi = chars.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                char m = chars[mid];
                if (m == c) return mid;
                if (m < c) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }

        /// <summary>True when the subset has the character.</summary>
        public static bool HasGlyph(char c)
        {
            return IndexOf(c) >= 0;
        }

        /// <summary>Width of the text in pixels.</summary>
        public static int Measure(string text)
        {
            if (text == null) return 0;
            int w = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int g = IndexOf(text[i]);
                w += g < 0 ? MissingAdvance : GlyphSubset.Advances[g];
            }
            return w;
        }

        /// <summary>
        /// Draws the text with its top-left corner at (x, y), setting ink pixels and clearing the rest of each
        /// cell; clipped at the screen edges. Returns the x after the last character.
        /// </summary>
        public static int Draw(MonoFramebuffer target, string text, int x, int y)
        {
            if (target == null) throw new System.ArgumentNullException("target");
            if (text == null) return x;
            for (int i = 0; i < text.Length; i++)
            {
                int g = IndexOf(text[i]);
                if (g < 0)
                {
                    DrawMissing(target, x, y);
                    x += MissingAdvance;
                    continue;
                }
                int advance = GlyphSubset.Advances[g];
                int rowBytes = (advance + 7) >> 3;
                int offset = GlyphSubset.Offsets[g];
                for (int row = 0; row < GlyphSubset.Height; row++)
                {
                    for (int col = 0; col < advance; col++)
                    {
                        bool on = (GlyphSubset.Bits[offset + row * rowBytes + (col >> 3)] & (0x80 >> (col & 7))) != 0;
                        target.SetPixel(x + col, y + row, on);
                    }
                }
                x += advance;
            }
            return x;
        }

        // A box one pixel in from the cell: columns 0..4, rows 1..Ascent.
        private static void DrawMissing(MonoFramebuffer target, int x, int y)
        {
            for (int row = 0; row < GlyphSubset.Height; row++)
            {
                for (int col = 0; col < MissingAdvance; col++)
                {
                    bool edge = row >= 1 && row <= GlyphSubset.Ascent && col <= 4
                        && (row == 1 || row == GlyphSubset.Ascent || col == 0 || col == 4);
                    target.SetPixel(x + col, y + row, edge);
                }
            }
        }
    }
}
