using System.Text.Json;
using Terminal.Decode;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Decode;

/// <summary>The decoder's transcript command over the recorded transcripts and small hand-made ones.</summary>
public class TranscriptDecoderTests
{
    private static string Text(string file) => File.ReadAllText(SharedVectors.PathOf("transcripts/" + file));

    [SkippableFact]
    public void Visa_transcript_command_by_command()
    {
        var steps = TranscriptDecoder.Decode(Text("contact-visa-in.txt"));
        Assert.Equal(16, steps.Count);
        Assert.Equal(new[] { "SELECT", "GET PROCESSING OPTIONS", "READ RECORD", "READ RECORD", "READ RECORD", "READ RECORD",
            "SELECT", "GET PROCESSING OPTIONS", "READ RECORD", "READ RECORD", "READ RECORD", "READ RECORD",
            "GET DATA", "GENERATE AC", "EXTERNAL AUTHENTICATE", "GENERATE AC" }, steps.Select(s => s.Command.Name));

        // Step 1: SELECT by name, first occurrence; FCI with label "VISA TEST".
        Assert.Equal(new[] { "P1 04: select by DF name", "P2 00: first or only occurrence" }, steps[0].Command.Parameters);
        Assert.Equal("9000", steps[0].Response.Sw);
        Assert.Equal("VISA TEST", steps[0].Response.DataObjects[0].Children[1].Children[0].Text);

        // Step 2: format 1 response split into AIP 1C00 and AFL.
        var format1 = steps[1].Response.DataObjects[0];
        Assert.Equal("80", format1.Tag);
        Assert.Equal(new[] { "82", "94" }, format1.Children.Select(c => c.Tag));
        Assert.Equal("1C00", format1.Children[0].Value);
        Assert.Equal("080101001001010018030400", format1.Children[1].Value);

        // Step 3: the broken response 00000000.
        Assert.Null(steps[2].Response.Sw);
        Assert.Contains("invalid status word", steps[2].Response.Error);
        Assert.Equal(new[] { "P1 01: record 1", "P2 0C: SFI 1, P1 is a record number" }, steps[2].Command.Parameters);

        // Step 14: GENERATE AC (ARQC), data split by CDOL1 = 9F0206 9F0306 9F1A02 9505 5F2A02 9A03 9C01 9F3704.
        var genAc = steps[13];
        Assert.Equal(new[] { "P1 80: ARQC requested" }, genAc.Command.Parameters);
        Assert.Equal(new[] { "9F02", "9F03", "9F1A", "95", "5F2A", "9A", "9C", "9F37" }, genAc.Command.DataObjects.Select(d => d.Tag));
        Assert.Equal("000000001000", genAc.Command.DataObjects[0].Value);
        Assert.Equal("8000008000", genAc.Command.DataObjects[3].Value);
        // Response format 1: CID 80, ATC 0029, AC 7CB3BA090724C524, IAD.
        Assert.Equal(new[] { "9F27", "9F36", "9F26", "9F10" }, genAc.Response.DataObjects[0].Children.Select(c => c.Tag));
        Assert.Equal(new[] { "80", "0029", "7CB3BA090724C524" }, genAc.Response.DataObjects[0].Children.Take(3).Select(c => c.Value));

        // Step 15: EXTERNAL AUTHENTICATE, 6700.
        Assert.Equal("6700", steps[14].Response.Sw);
        Assert.Equal("Wrong length", steps[14].Response.Status);

        // Step 16: second GENERATE AC (TC), split by CDOL2 = 8A02 + the CDOL1 entries; ARC "00".
        Assert.Equal(new[] { "P1 40: TC requested" }, steps[15].Command.Parameters);
        Assert.Equal("8A", steps[15].Command.DataObjects[0].Tag);
        Assert.Equal("00", steps[15].Command.DataObjects[0].Text);
    }

    [SkippableFact]
    public void Mastercard_transcript_cda_request_and_format_2()
    {
        var steps = TranscriptDecoder.Decode(Text("contactless-mastercard-in.txt"));
        Assert.Equal(7, steps.Count);
        Assert.Equal(new[] { "P1 50: TC requested, CDA signature requested" }, steps[6].Command.Parameters);
        var template = steps[6].Response.DataObjects[0];
        Assert.Equal("77", template.Tag);
        Assert.Equal(new[] { "9F27", "9F36", "9F4B", "9F10" }, template.Children.Select(c => c.Tag));
    }

    [SkippableTheory]
    [InlineData("contact-visa-in.txt", "4761340000000050")]
    [InlineData("contactless-mastercard-in.txt", "5413330089600044")]
    public void Transcript_output_never_shows_a_full_pan(string file, string pan)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string path = SharedVectors.PathOf("transcripts/" + file);
        Assert.Equal(0, DecodeCommandLine.Run(["transcript", path], output, error));
        Assert.DoesNotContain(pan, output.ToString());
        Assert.Contains(pan.Substring(0, 6) + "******" + pan.Substring(12), output.ToString());

        output = new StringWriter();
        Assert.Equal(0, DecodeCommandLine.Run(["transcript", path, "--json"], output, error));
        Assert.DoesNotContain(pan, output.ToString());
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Equal(file.StartsWith("contact-") ? 16 : 7, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Text_layout_of_a_small_transcript()
    {
        // GET DATA 9F36 (ATC) -> 9F36 02 0029 9000; VERIFY plaintext PIN -> 63C2
        string text = "80CA9F3600\n9F360200299000\n0020008008241234FFFFFFFFFF\n63C2\n";
        var output = new StringWriter { NewLine = "\n" };
        TextOutput.Write(output, TranscriptDecoder.Decode(text));
        Assert.Equal(
            "#1 GET DATA 80CA9F3600\n" +
            "  P1-P2 9F36: Application Transaction Counter (ATC)\n" +
            "  Le 00\n" +
            "  SW 9000 Process completed normally, 5 bytes of data\n" +
            "    9F36 Application Transaction Counter (ATC) [b, 2 bytes] 0029\n" +
            "\n" +
            "#2 VERIFY 0020008008<8 bytes withheld>\n" +
            "  P2 80: plaintext PIN\n" +
            "  data [8 bytes] withheld\n" +
            "  SW 63C2 Warning: verification failed, 2 tries left\n",
            output.ToString());
    }

    [Fact]
    public void Invalid_command_and_non_tlv_response_are_reported_inline()
    {
        var steps = TranscriptDecoder.Decode("00A404\n9000\n00B2010C00\n01029000\n");
        Assert.Equal("INVALID", steps[0].Command.Name);
        Assert.Contains("command too short", steps[0].Command.Error);
        Assert.Equal("9000", steps[1].Response.Sw);
        Assert.StartsWith("data is not BER-TLV", steps[1].Response.Error);
    }
}
