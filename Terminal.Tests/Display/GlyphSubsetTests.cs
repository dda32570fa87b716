using Terminal.Firmware.Core.Display;
using Terminal.Firmware.Core.Ui;
using Terminal.GlyphGen;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Display;

/// <summary>
/// The display glyph subset (docs/display-font.md): complete for the catalog, equal to a fresh generation from the
/// font, and drawn correctly. Hand-drawn rows below come from the WenQuanYi Bitmap Song 12 px glyphs as its PCF
/// file holds them (checked with an independent reader): '1' is 6 px wide with ink rows 8 above the baseline,
/// '卡' 12 px wide with 10 above and 1 below; the cell is 13 rows with the baseline under row 10 (Ascent 11).
/// </summary>
public class GlyphSubsetTests
{
    [Fact]
    public void Every_character_of_every_catalog_string_has_a_glyph()
    {
        foreach (Language language in new[] { Language.English, Language.SimplifiedChinese })
        {
            for (int id = 0; id < MessageCatalog.Count; id++)
            {
                string text = MessageCatalog.Text((MessageId)id, language);
                foreach (char c in text) Assert.True(GlyphText.HasGlyph(c), $"no glyph for '{c}' (U+{(int)c:X4}) of \"{text}\"");
            }
        }
        foreach (string text in MessageCatalog.AllStrings())
            foreach (char c in text) Assert.True(GlyphText.HasGlyph(c), $"no glyph for U+{(int)c:X4}");
        for (char c = ' '; c <= '~'; c++) Assert.True(GlyphText.HasGlyph(c), $"no glyph for ASCII '{c}'");
        Assert.True(GlyphText.HasGlyph('\u00A5'));   // CurrencyFormat.Cny symbol
    }

    [Fact]
    public void Table_is_consistent()
    {
        string chars = GlyphSubset.Characters;
        for (int i = 1; i < chars.Length; i++) Assert.True(chars[i - 1] < chars[i], "characters not sorted at " + i);
        Assert.Equal(chars.Length, GlyphSubset.Advances.Length);
        Assert.Equal(chars.Length, GlyphSubset.Offsets.Length);
        int expected = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            Assert.Equal(expected, GlyphSubset.Offsets[i]);
            expected += (GlyphSubset.Advances[i] + 7) / 8 * GlyphSubset.Height;
        }
        Assert.Equal(expected, GlyphSubset.Bits.Length);
    }

    [SkippableFact]
    public void Checked_in_table_equals_a_fresh_generation_from_the_font()
    {
        string font = GlyphSubsetGenerator.DefaultFontPath;
        if (!File.Exists(font))
        {
            string message = $"font {font} absent (Debian package xfonts-wqy; scripts/install-deps.sh installs it)";
            // Under CI the install step is in place (it lists xfonts-wqy), so a missing font is a failure.
            if (SharedVectors.IsCi && InstallStepListsFont()) Assert.Fail(message + "; under CI=true this is a failure");
            Skip.If(true, message);
        }
        string generated = GlyphSubsetGenerator.Generate(new PcfFont(File.ReadAllBytes(font)), Path.GetFileName(font));
        string checkedIn = File.ReadAllText(Path.Combine(RepositoryRoot(), GlyphSubsetGenerator.OutputPath));
        Assert.True(generated == checkedIn,
            "Terminal.Firmware/Core/Display/GlyphSubset.g.cs is stale: run `dotnet run --project tools/Terminal.GlyphGen`");
    }

    [Fact]
    public void Rendered_string_matches_hand_drawn_rows()
    {
        var fb = new MonoFramebuffer();
        int end = GlyphText.Draw(fb, "1卡", 2, 3);
        Assert.Equal(2 + 6 + 12, end);
        string[] expected =
        {
            //   '1'   '卡'
            "......" + "............",
            "......" + "....#.......",
            "......" + "....#####...",
            "###..." + "....#.......",
            "..#..." + "....#.......",
            "..#..." + "###########.",
            "..#..." + "....#.......",
            "..#..." + "....#.#.....",
            "..#..." + "....#..#....",
            "..#..." + "....#...#...",
            "#####." + "....#.......",
            "......" + "....#.......",
            "......" + "............",
        };
        Assert.Equal(13, GlyphSubset.Height);
        for (int row = 0; row < expected.Length; row++)
        {
            var actual = new string(Enumerable.Range(2, 18).Select(x => fb.GetPixel(x, 3 + row) ? '#' : '.').ToArray());
            Assert.Equal(expected[row], actual);
        }
        // Nothing outside the text's cells.
        int outside = 0;
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 128; x++)
                if ((x < 2 || x >= 20 || y < 3 || y >= 16) && fb.GetPixel(x, y)) outside++;
        Assert.Equal(0, outside);
    }

    // SSD1306 page addressing: byte page * 128 + x, bit = y % 8 (bit 0 the top row of the page).
    [Fact]
    public void Framebuffer_uses_the_ssd1306_page_layout()
    {
        var fb = new MonoFramebuffer();
        Assert.Equal(1024, fb.Buffer.Length);
        fb.SetPixel(0, 0, true);
        fb.SetPixel(5, 9, true);       // page 1, bit 1
        fb.SetPixel(127, 63, true);    // page 7, bit 7
        fb.SetPixel(128, 0, true);     // clipped
        Assert.Equal(0x01, fb.Buffer[0]);
        Assert.Equal(0x02, fb.Buffer[128 + 5]);
        Assert.Equal(0x80, fb.Buffer[7 * 128 + 127]);
        Assert.Equal(3, fb.Buffer.Count(b => b != 0));
        fb.SetPixel(5, 9, false);
        Assert.Equal(0, fb.Buffer[128 + 5]);
    }

    [Fact]
    public void A_character_outside_the_subset_is_a_box_not_a_crash()
    {
        char absent = '\u9F98';        // a rare ideograph no message uses
        Assert.False(GlyphText.HasGlyph(absent));
        var fb = new MonoFramebuffer();
        Assert.Equal(GlyphText.MissingAdvance, GlyphText.Draw(fb, absent.ToString(), 0, 0));
        Assert.True(fb.GetPixel(0, 1) && fb.GetPixel(4, 1) && fb.GetPixel(0, GlyphSubset.Ascent) && !fb.GetPixel(2, 5));
        Assert.Equal(6 + 12 + GlyphText.MissingAdvance, GlyphText.Measure("1卡" + absent));
    }

    [Fact]
    public void Pcf_reader_refuses_other_files()
    {
        Assert.Throws<InvalidDataException>(() => new PcfFont(new byte[] { 0x53, 0x54, 0x41, 0x52, 0, 0, 0, 0 }));
    }

    private static bool InstallStepListsFont()
    {
        string script = Path.Combine(RepositoryRoot(), "scripts", "install-deps.sh");
        return File.Exists(script) && File.ReadAllText(script).Contains("xfonts-wqy");
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "nf.proj"))) return d.FullName;
        throw new InvalidOperationException("repository root (nf.proj) not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The IDisplay over the framebuffer.</summary>
public class FramebufferDisplayTests
{
    private sealed class Frames : IFrameSink
    {
        public List<byte[]> Sent { get; } = new();
        public void Send(MonoFramebuffer frame) => Sent.Add((byte[])frame.Buffer.Clone());
    }

    // 64 rows / 13 = 4 lines; 128 px / 6 = 21 ASCII columns.
    [Fact]
    public void Shows_lines_in_13_pixel_rows_and_sends_each_frame()
    {
        var fb = new MonoFramebuffer();
        var sink = new Frames();
        var display = new FramebufferDisplay(fb, sink);
        Assert.Equal((4, 21), (display.Rows, display.Columns));
        display.Show(new[] { "1", "卡", "x", "y", "fifth line is dropped" });
        Assert.Single(sink.Sent);
        Assert.True(fb.GetPixel(0, 0 + 10));        // '1' bottom bar: row 10 of line 0
        Assert.True(fb.GetPixel(0, 13 + 5));        // '卡' long stroke: row 5 of line 1
        Assert.False(fb.GetPixel(0, 52 + 5));       // nothing in the 12 rows under the 4th line
        display.Show(Array.Empty<string>());
        Assert.All(sink.Sent[1], b => Assert.Equal(0, b));
    }

    // Clipping at the right edge: 22 cells of 6 px reach column 132 > 127, so every character after the 22nd lies
    // wholly off screen and a 30-character line must give the same frame as its first 22 characters.
    [Fact]
    public void A_line_wider_than_the_screen_is_cut_at_the_edge()
    {
        var sink = new Frames();
        var display = new FramebufferDisplay(new MonoFramebuffer(), sink);
        display.Show(new[] { new string('8', 30) });
        display.Show(new[] { new string('8', 22) });
        Assert.Equal(1024, sink.Sent[0].Length);
        Assert.Equal(sink.Sent[1], sink.Sent[0]);
    }

    // The 128 x 32 SSD1306 module (a Linux board option): 32 / 13 = 2 text rows, 512-byte frames.
    [Fact]
    public void A_32_row_module_has_two_text_rows()
    {
        var sink = new Frames();
        var display = new FramebufferDisplay(new MonoFramebuffer(128, 32), sink);
        Assert.Equal((2, 21), (display.Rows, display.Columns));
        display.Show(new[] { "1", "2", "3" });
        Assert.Equal(512, sink.Sent[0].Length);
    }
}
