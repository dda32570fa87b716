using System;

namespace Terminal.Firmware.Core.Display
{
    /// <summary>
    /// A 1 bit per pixel framebuffer in the SSD1306 memory layout (SSD1306 datasheet, 10.1.3 page addressing): the
    /// screen is cut in pages of 8 rows; byte <c>page * Width + x</c> holds column x of that page, bit 0 the top row.
    /// The board sends <see cref="Buffer"/> as it is (128 x 64: 1024 bytes, 8 pages).
    /// </summary>
    public sealed class MonoFramebuffer
    {
        /// <summary>SSD1306 module width.</summary>
        public const int Ssd1306Width = 128;

        /// <summary>SSD1306 module height (the 128 x 64 module).</summary>
        public const int Ssd1306Height = 64;

        /// <summary>A blank framebuffer; the height must be a multiple of 8.</summary>
        public MonoFramebuffer(int width, int height)
        {
            if (width <= 0 || height <= 0 || height % 8 != 0) throw new ArgumentOutOfRangeException("height", "width > 0, height a positive multiple of 8");
            Width = width;
            Height = height;
            Buffer = new byte[width * height / 8];
        }

        /// <summary>A blank 128 x 64 SSD1306 framebuffer.</summary>
        public MonoFramebuffer() : this(Ssd1306Width, Ssd1306Height)
        {
        }

        /// <summary>Width in pixels.</summary>
        public int Width { get; private set; }

        /// <summary>Height in pixels.</summary>
        public int Height { get; private set; }

        /// <summary>The pixels in SSD1306 page order.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>Sets or clears a pixel; outside the screen nothing happens (clipping).</summary>
        public void SetPixel(int x, int y, bool on)
        {
            if (x < 0 || y < 0 || x >= Width || y >= Height) return;
            int i = (y >> 3) * Width + x;
            int bit = 1 << (y & 7);
            if (on) Buffer[i] = (byte)(Buffer[i] | bit);
            else Buffer[i] = (byte)(Buffer[i] & ~bit);
        }

        /// <summary>The pixel; false outside the screen.</summary>
        public bool GetPixel(int x, int y)
        {
            if (x < 0 || y < 0 || x >= Width || y >= Height) return false;
            return (Buffer[(y >> 3) * Width + x] & (1 << (y & 7))) != 0;
        }

        /// <summary>All pixels off.</summary>
        public void Clear()
        {
            for (int i = 0; i < Buffer.Length; i++) Buffer[i] = 0;
        }
    }
}
