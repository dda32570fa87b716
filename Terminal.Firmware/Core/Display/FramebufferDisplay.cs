using Terminal.Firmware.Core.Hardware;

namespace Terminal.Firmware.Core.Display
{
    /// <summary>
    /// The firmware's <see cref="IDisplay"/> on a 1-bpp screen: each <see cref="Show"/> clears the framebuffer,
    /// draws the lines with the glyph subset (one line per <see cref="GlyphSubset.Height"/> rows, cut at the right
    /// edge) and sends the frame. On the 128 x 64 SSD1306: 4 rows of 21 columns (a Chinese character takes two).
    /// </summary>
    public sealed class FramebufferDisplay : IDisplay
    {
        private const int AsciiAdvance = 6; // the subset's ASCII cell width (docs/display-font.md)
        private readonly MonoFramebuffer _frame;
        private readonly IFrameSink _sink;

        /// <summary>A display drawing into <paramref name="frame"/> and sending it to <paramref name="sink"/>.</summary>
        public FramebufferDisplay(MonoFramebuffer frame, IFrameSink sink)
        {
            if (frame == null) throw new System.ArgumentNullException("frame");
            if (sink == null) throw new System.ArgumentNullException("sink");
            _frame = frame;
            _sink = sink;
        }

        /// <inheritdoc/>
        public int Rows
        {
            get { return _frame.Height / GlyphSubset.Height; }
        }

        /// <inheritdoc/>
        public int Columns
        {
            get { return _frame.Width / AsciiAdvance; }
        }

        /// <inheritdoc/>
        public void Show(string[] lines)
        {
            _frame.Clear();
            if (lines != null)
            {
                int n = lines.Length < Rows ? lines.Length : Rows;
                for (int i = 0; i < n; i++) GlyphText.Draw(_frame, lines[i], 0, i * GlyphSubset.Height);
            }
            _sink.Send(_frame);
        }
    }
}
