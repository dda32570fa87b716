using Terminal.EmvKernel.Apdu;
using Terminal.Tests.Support;
using Xunit;
using static Terminal.Tests.Apdu.ApduTestSupport;

namespace Terminal.Tests.Apdu;

/// <summary>The transcript text format of shared/vectors/transcripts/FORMAT.md.</summary>
public class TranscriptReaderTests
{
    [SkippableFact]
    public void Visa_transcript_has_16_pairs_lower_case_and_no_final_newline()
    {
        string text = File.ReadAllText(SharedVectors.PathOf("transcripts/contact-visa-in.txt"));
        Assert.False(text.EndsWith('\n'));
        var t = TranscriptReader.Parse(text);
        Assert.Equal(16, t.Count);
        Assert.Equal(H("00A4040007A000000003101000"), t[0].Command);
        Assert.Equal(H("00B2010C00"), t[2].Command);
        Assert.Equal(H("00000000"), t[2].Response); // the broken response is kept as raw bytes
        Assert.Equal(H("80AE40001F303000000000100000000000000000368000008040003612031600D3173A1F00"), t[15].Command);
        Assert.Equal(H("8012400029BB31D191BCED0CF206010A0364BC009000"), t[15].Response);
    }

    [SkippableFact]
    public void Mastercard_transcript_has_7_pairs_upper_case_and_a_final_newline()
    {
        string text = File.ReadAllText(SharedVectors.PathOf("transcripts/contactless-mastercard-in.txt"));
        Assert.EndsWith("\n", text);
        var t = TranscriptReader.Parse(text);
        Assert.Equal(7, t.Count);
        Assert.Equal(H("00A4040007A000000004101000"), t[0].Command);
        Assert.Equal(H("7716820259809410080101001001010118010200200102009000"), t[1].Response);
        Assert.Equal(0x80, t[6].Command[0]);
        Assert.Equal(0xAE, t[6].Command[1]);
        Assert.Equal(0x50, t[6].Command[2]);
    }

    [Theory]
    [InlineData("00b2010c00\n9000")]
    [InlineData("00b2010c00\n9000\n")]
    [InlineData("00B2010C00\r\n9000\r\n")]
    [InlineData("00B2010c00\n9000")]
    public void Line_ends_and_case_are_accepted(string text)
    {
        var t = TranscriptReader.Parse(text);
        Assert.Equal(1, t.Count);
        Assert.Equal(H("00B2010C00"), t[0].Command);
        Assert.Equal(H("9000"), t[0].Response);
    }

    [Fact]
    public void Empty_text_is_an_empty_transcript()
    {
        Assert.Equal(0, TranscriptReader.Parse("").Count);
    }

    [Theory]
    [InlineData("00b2010c00", 1)]                 // odd number of lines
    [InlineData("00b2010c00\n9000\n0084000000", 3)]
    [InlineData("00b2010c00\n\n9000", 2)]         // blank line
    [InlineData("\n", 1)]
    [InlineData("00b2010c00\n900", 2)]            // odd digits
    [InlineData("00b2010c0g\n9000", 1)]           // not hex
    [InlineData("00 b2 01 0c 00\n9000", 1)]       // no separators in the format
    [InlineData("00b2010c00\n9000\n\n", 3)]       // only one final LF is allowed
    public void Malformed_text_names_the_line(string text, int line)
    {
        var e = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Parse(text));
        Assert.Equal(line, e.Line);
        Assert.Contains("line " + line, e.Message);
    }

    [Fact]
    public void Null_text_is_a_format_error()
    {
        Assert.Equal(0, Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Parse(null)).Line);
    }
}
