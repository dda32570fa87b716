using System.Text.Json;
using Terminal.Decode;
using Xunit;

namespace Terminal.Tests.Decode;

/// <summary>
/// The decoder tool's output for hand-checked examples. Expected texts are written out by hand: names from
/// EMV 4.4 Book 3 Annex A, bit meanings from Annex C, and the line layout of <see cref="TextOutput"/>.
/// </summary>
public class DecoderTests
{
    private static (int code, string output, string error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = DecodeCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Readme_example_tlv_tree()
    {
        // 6F 1A                                   FCI template, 26 bytes
        //   84 0E 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31   DF name "1PAY.SYS.DDF01"
        //   A5 08                                 FCI proprietary template, 8 bytes
        //     88 01 02                            SFI of the directory file: 2
        //     5F2D 02 65 6E                       language preference "en"
        var (code, output, error) = Run("tlv", "6F1A840E315041592E5359532E4444463031A5088801025F2D02656E");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(
            "6F File Control Information (FCI) Template [var, 26 bytes]\n" +
            "  84 Dedicated File (DF) Name [b, 14 bytes] 315041592E5359532E4444463031 \"1PAY.SYS.DDF01\"\n" +
            "  A5 File Control Information (FCI) Proprietary Template [var, 8 bytes]\n" +
            "    88 Short File Identifier (SFI) [b, 1 byte] 02\n" +
            "    5F2D Language Preference [an, 2 bytes] 656E \"en\"\n",
            output);
    }

    [Fact]
    public void Readme_example_as_json()
    {
        var (code, output, _) = Run("tlv", "6F1A840E315041592E5359532E4444463031A5088801025F2D02656E", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var fci = doc.RootElement[0];
        Assert.Equal("6F", fci.GetProperty("tag").GetString());
        Assert.Equal(26, fci.GetProperty("length").GetInt32());
        Assert.False(fci.TryGetProperty("value", out _));
        var dfName = fci.GetProperty("children")[0];
        Assert.Equal("84", dfName.GetProperty("tag").GetString());
        Assert.Equal("Dedicated File (DF) Name", dfName.GetProperty("name").GetString());
        Assert.Equal("b", dfName.GetProperty("format").GetString());
        Assert.Equal("315041592E5359532E4444463031", dfName.GetProperty("value").GetString());
        Assert.Equal("1PAY.SYS.DDF01", dfName.GetProperty("text").GetString());
        var language = fci.GetProperty("children")[1].GetProperty("children")[1];
        Assert.Equal("5F2D", language.GetProperty("tag").GetString());
        Assert.Equal("en", language.GetProperty("text").GetString());
    }

    [Fact]
    public void Tvr_floor_limit_exceeded()
    {
        // 00 00 00 80 00: only byte 4 bit 8 set = "Transaction exceeds floor limit" (Annex C5)
        var (code, output, _) = Run("tvr", "0000008000");
        Assert.Equal(0, code);
        Assert.Equal(
            "95 Terminal Verification Results [b, 5 bytes] 0000008000\n" +
            "  - B4b8 Transaction exceeds floor limit\n",
            output);
    }

    [Fact]
    public void Tvr_with_several_bits()
    {
        // 80 00 00 80 40: B1b8 ODA not performed, B4b8 floor limit exceeded, B5b7 issuer authentication failed
        var (_, output, _) = Run("tvr", "8000008040");
        Assert.Equal(
            "95 Terminal Verification Results [b, 5 bytes] 8000008040\n" +
            "  - B1b8 Offline data authentication was not performed\n" +
            "  - B4b8 Transaction exceeds floor limit\n" +
            "  - B5b7 Issuer authentication failed\n",
            output);
    }

    [Fact]
    public void Cvm_list_example()
    {
        // X = 0, Y = 0; 42 03 enciphered PIN online if supported, next rule on failure;
        // 1E 03 signature if supported; 1F 00 no CVM required, always.
        var (code, output, _) = Run("cvm", "00000000", "00000000", "4203", "1E03", "1F00");
        Assert.Equal(0, code);
        Assert.Equal(
            "8E Cardholder Verification Method (CVM) List [b, 14 bytes] 000000000000000042031E031F00\n" +
            "  - Amount X: 0\n" +
            "  - Amount Y: 0\n" +
            "  - Rule 1: 42 03 Enciphered PIN verified online; If terminal supports the CVM; apply succeeding rule if unsuccessful\n" +
            "  - Rule 2: 1E 03 Signature (paper); If terminal supports the CVM; fail cardholder verification if unsuccessful\n" +
            "  - Rule 3: 1F 00 No CVM required; Always; fail cardholder verification if unsuccessful\n",
            output);
    }

    [Fact]
    public void Aip_tsi_and_cid()
    {
        // AIP 1C 00: B1b5, B1b4, B1b3 (Annex C1)
        Assert.Equal(
            "82 Application Interchange Profile [b, 2 bytes] 1C00\n" +
            "  - B1b5 Cardholder verification is supported\n" +
            "  - B1b4 Terminal risk management is to be performed\n" +
            "  - B1b3 Issuer authentication is supported\n",
            Run("aip", "1C00").output);
        // TSI 68 00: B1b7 cardholder verification performed, B1b6 card risk management performed, B1b4 terminal risk management performed
        Assert.Equal(
            "9B Transaction Status Information [b, 2 bytes] 6800\n" +
            "  - B1b7 Cardholder verification was performed\n" +
            "  - B1b6 Card risk management was performed\n" +
            "  - B1b4 Terminal risk management was performed\n",
            Run("tsi", "6800").output);
        // CID 80 = b8-b7 10: ARQC
        Assert.Equal(
            "9F27 Cryptogram Information Data [b, 1 byte] 80\n" +
            "  - B1b8-b7 ARQC\n",
            Run("tag", "9F27", "80").output);
    }

    [Fact]
    public void Ttq_and_ctq_decode_their_bits()
    {
        // TTQ 36 00 00 00: byte 1 = 0011 0110 -> B1b6 EMV mode, B1b5 EMV contact chip, B1b3 online PIN, B1b2 signature
        var ttq = Run("ttq", "36000000");
        Assert.Equal(0, ttq.code);
        Assert.StartsWith("9F66 Terminal Transaction Qualifiers (TTQ) [b, 4 bytes] 36000000\n", ttq.output);
        Assert.Contains("  - B1b6 EMV mode supported\n", ttq.output);
        var ctq = Run("ctq", "0080");
        Assert.Equal(0, ctq.code);
        Assert.Contains("  - B2b8 Consumer Device CVM Performed\n", ctq.output);
    }

    [Fact]
    public void Wrong_length_for_a_bit_map_is_an_error_line_and_exit_1()
    {
        var (code, output, _) = Run("tvr", "00000080");
        Assert.Equal(1, code);
        Assert.StartsWith("95 Terminal Verification Results [b, 4 bytes] 00000080\n  ! ", output);
    }

    [Theory]
    [InlineData("5A", "4761340000000050", "476134******0050")]
    [InlineData("5A", "5413330089600044FF", "541333******0044")]
    [InlineData("57", "4761340000000050D1712201125234515F", "476134******0050D1712201*********")]
    [InlineData("9F6B", "5413330089600044D14122010123409172", "541333******0044D1412201**********")] // 17 digits after D: 7 shown, 10 masked
    public void Pans_are_masked(string tag, string value, string masked)
    {
        var (code, output, _) = Run("tag", tag, value);
        Assert.Equal(0, code);
        Assert.Contains(" " + masked + " (masked)\n", output);
        Assert.DoesNotContain(value.Substring(0, 16), output);
        Assert.DoesNotContain(value.Substring(0, 16), Run("tag", tag, value, "--json").output);
    }

    [Fact]
    public void Track_1_pan_is_masked()
    {
        // "B4761340000000050^CARD 5/VISA TEST^1712201123400000"
        byte[] track1 = System.Text.Encoding.ASCII.GetBytes("B4761340000000050^CARD 5/VISA TEST^1712201123400000");
        var node = EmvDecoder.DecodeTag(0x56, track1);
        Assert.Equal("B476134******0050^CARD 5/VISA TEST^1712201*********", node.Value);
        Assert.True(node.Masked);
        Assert.Null(node.Text);
    }

    [Fact]
    public void Pan_inside_a_template_is_masked()
    {
        // 70 0A 5A 08 4761340000000050
        var (_, output, _) = Run("tlv", "700A5A084761340000000050");
        Assert.Equal(
            "70 READ RECORD Response Message Template [var, 10 bytes]\n" +
            "  5A Application Primary Account Number (PAN) [cn, 8 bytes] 476134******0050 (masked)\n",
            output);
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "frobnicate", "00" }, 2)]
    [InlineData(new[] { "tlv", "6F1" }, 1)]          // odd number of hex digits
    [InlineData(new[] { "tlv", "6F05840301" }, 1)]   // truncated TLV
    [InlineData(new[] { "tag", "XYZ", "00" }, 1)]
    [InlineData(new[] { "tag" }, 2)]
    [InlineData(new[] { "transcript" }, 2)]
    [InlineData(new[] { "transcript", "/nonexistent/transcript.txt" }, 1)]
    public void Bad_input_gives_an_error_and_exit_code(string[] args, int expected)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(expected, code);
        Assert.Equal("", output);
        Assert.NotEqual("", error);
    }

    [Fact]
    public void Help_goes_to_standard_output()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.StartsWith("usage: Terminal.Decode", output);
    }
}
