using Terminal.Boards.Linux;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Keypad;
using Terminal.Firmware.Core.Oled;
using Xunit;

namespace Terminal.Tests.Boards.Linux;

/// <summary>The Linux board's logic without hardware: keypad queue, text rendering, indicator table, settings files.</summary>
public class LinuxBoardLogicTests
{
    [Fact]
    public void MatrixEventsBecomeDebouncedKeys()
    {
        var keypad = new MatrixKeypad(KeyMap.Parse(KeyMap.Default4x4), 20);
        Assert.False(keypad.TryReadKey(0, out _));
        keypad.Feed(2, 3, true, 100);   // row 3, column 4 of the default layout: ENTER
        keypad.Feed(2, 3, false, 105);  // bounce
        keypad.Feed(2, 3, true, 106);   // bounce
        keypad.Feed(2, 3, false, 300);
        keypad.Feed(3, 1, true, 400);   // 0
        Assert.True(keypad.TryReadKey(0, out KeyCode k1));
        Assert.Equal(KeyCode.Enter, k1);
        Assert.True(keypad.TryReadKey(0, out KeyCode k2));
        Assert.Equal(KeyCode.Digit0, k2);
        Assert.False(keypad.TryReadKey(0, out _));
    }

    [Fact]
    public void GapPositionsGiveNoKey()
    {
        var keypad = new MatrixKeypad(KeyMap.Parse("1 - / 2 3"), 0);
        keypad.Feed(0, 1, true, 0);
        Assert.False(keypad.TryReadKey(0, out _));
    }

    /// <summary>Glyphs: 'A' = columns 01 02 03, anything else unknown except '?' = 0F 0F 0F; cells 4 wide.</summary>
    private sealed class TinyFont : IGlyphSource
    {
        public int CellWidth => 4;
        public byte[] Columns(char c) => c == 'A' ? new byte[] { 1, 2, 3 } : c == '?' ? new byte[] { 0x0F, 0x0F, 0x0F } : null;
    }

    [Fact]
    public void TextIsRenderedInSsd1306PageOrder()
    {
        // 16x16 screen = 2 pages of 16 columns; page p column x is byte p * 16 + x.
        byte[] frame = PageTextRenderer.Render(new[] { "", "AA", "A" }, 16, 16, new TinyFont());
        Assert.Equal(32, frame.Length);
        Assert.All(frame.AsSpan(0, 16).ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(new byte[] { 1, 2, 3, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, frame.AsSpan(16, 16).ToArray());
        // The third line has no page on a 16-pixel screen: cut.
    }

    [Fact]
    public void MissingGlyphsAreQuestionMarksAndLongLinesAreCut()
    {
        byte[] frame = PageTextRenderer.Render(new[] { "A\u4EA4AAA" }, 10, 8, new TinyFont());
        // Cells at x = 0, 4, 8: 'A', '?' (for 交), then 'A' cut at column 10.
        Assert.Equal(new byte[] { 1, 2, 3, 0, 0x0F, 0x0F, 0x0F, 0, 1, 2 }, frame);
    }

    [Theory]
    // Row words for a 5-wide font: right-aligned (max bit 4), left-aligned in a byte (bit 7), in a word (bit 15).
    [InlineData(0x1F, 5, 4)]
    [InlineData(0xF8, 5, 7)]
    [InlineData(0xF800, 5, 15)]
    public void LeftmostBitIsFoundFromTheRows(int mask, int width, int expected) =>
        Assert.Equal(expected, GlyphColumns.LeftmostBit(mask, width));

    [Fact]
    public void RowsBecomeColumnBytesWithBit0AtTheTop()
    {
        // An 'L' in a 3x3 cell, right-aligned rows: 100 / 100 / 111.
        // Column 0 has rows 0, 1, 2 -> 07; columns 1 and 2 only row 2 -> 04.
        Assert.Equal(new byte[] { 0x07, 0x04, 0x04 }, GlyphColumns.FromRows(new ushort[] { 0b100, 0b100, 0b111 }, 3, 3, 2));
    }

    [Fact]
    public void TheBindingsFontComesOutUpright()
    {
        // Independent of how the binding stores rows: '!' is a centred bar with a dot below it, '_' lies on the
        // bottom rows, ' ' is empty.
        var font = new Ascii5x8Glyphs();
        byte[] bang = font.Columns('!');
        Assert.Equal(0, bang[0]);
        Assert.Equal(0, bang[4]);
        int bar = bang[1] | bang[2] | bang[3];
        Assert.NotEqual(0, bar);
        Assert.True((bar & 0x01) != 0 || (bar & 0x02) != 0, "the bar starts at the top");
        byte[] underscore = font.Columns('_');
        Assert.All(underscore, b => Assert.True(b == 0 || b >= 0x20, "only bottom rows"));
        Assert.Contains(underscore, b => b != 0);
        Assert.All(font.Columns(' '), b => Assert.Equal(0, b));
        Assert.Null(font.Columns('\u4EA4'));
    }

    [Fact]
    public void PortableFontEqualsTheBindingsFont()
    {
        // Ascii5x8Font (portable, for the ESP32 too) was generated from Iot.Device.Graphics.Font5x8; on a mismatch
        // the table the library gives now is written to the temp directory for review.
        var library = new Ascii5x8Glyphs();
        var portable = new Ascii5x8Font();
        var table = new System.Text.StringBuilder();
        bool same = true;
        for (char c = ' '; c <= '~'; c++)
        {
            byte[] expected = library.Columns(c);
            table.Append("            ").Append(string.Join(", ", expected.Select(b => "0x" + b.ToString("X2")))).Append(", // ")
                .Append(c == '\\' ? "backslash" : c == ' ' ? "space" : c.ToString()).Append('\n');
            same &= expected.AsSpan().SequenceEqual(portable.Columns(c) ?? Array.Empty<byte>());
        }
        if (!same) File.WriteAllText(Path.Combine(Path.GetTempPath(), "ascii5x8-table.txt"), table.ToString());
        Assert.True(same, "Ascii5x8Font differs from Iot.Device.Graphics.Font5x8; see ascii5x8-table.txt in the temp directory");
        Assert.Null(portable.Columns('\u007F'));
        Assert.Equal(6, portable.CellWidth);
    }

    [Theory]
    [InlineData(Signal.Success, true, false, true)]
    [InlineData(Signal.Failure, false, true, true)]
    [InlineData(Signal.Ready, true, false, false)]
    [InlineData(Signal.Off, false, false, false)]
    [InlineData(Signal.KeyClick, false, false, true)]
    public void IndicatorTable(Signal signal, bool green, bool red, bool beeps)
    {
        IndicatorPattern p = IndicatorPattern.For(signal);
        Assert.Equal((green, red, beeps), (p.Green, p.Red, p.BeepMs > 0));
    }

    [Fact]
    public void SettingsFilesAreReplacedWhole()
    {
        string dir = Path.Combine(Path.GetTempPath(), "terminal-settings-" + Guid.NewGuid().ToString("N"));
        try
        {
            var s = new FileSettingsStorage(dir);
            Assert.Null(s.Read("terminal.conf"));
            s.Write("terminal.conf", new byte[] { 1, 2, 3 });
            s.Write("terminal.conf", new byte[] { 4 });
            Assert.Equal(new byte[] { 4 }, s.Read("terminal.conf"));
            Assert.Equal(new[] { "terminal.conf" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());
            Assert.Throws<ArgumentException>(() => s.Read("../etc/passwd"));
            Assert.Throws<ArgumentException>(() => s.Write("a/b", new byte[1]));
            Assert.Throws<ArgumentException>(() => s.Read(".."));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
