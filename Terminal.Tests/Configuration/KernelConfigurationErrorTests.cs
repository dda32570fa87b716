using Terminal.EmvKernel.Configuration;
using Xunit;
using static Terminal.Tests.Configuration.ConfigurationTestData;

namespace Terminal.Tests.Configuration;

/// <summary>
/// Every error is one ConfigurationException naming the line, the section and the field. Line numbers are
/// counted by hand in each text (1-based).
/// </summary>
public class KernelConfigurationErrorTests
{
    private static ConfigurationException Fails(string text)
    {
        return Assert.Throws<ConfigurationException>(() => KernelConfiguration.Parse(text));
    }

    [Fact]
    public void Wrong_tac_length_names_line_section_and_field()
    {
        // Line 1 header, 2 version, 3 floor limit, 4 denial, 5 online (4 bytes), 6 default.
        var e = Fails(MinimalFile.Replace("tac-online = DC4004F800", "tac-online = DC4004F8"));
        Assert.Equal(5, e.Line);
        Assert.Equal("aid A0000000031010", e.Section);
        Assert.Equal("tac-online", e.Field);
        Assert.Equal("line 5: aid A0000000031010 tac-online: expected 5 bytes of hex, found 4", e.Message);
    }

    [Fact]
    public void Bad_hex_is_rejected()
    {
        var e = Fails(MinimalFile.Replace("tac-default = DC4000A800", "tac-default = DC4000A8XY"));
        Assert.Equal(6, e.Line);
        Assert.Equal("tac-default", e.Field);
        Assert.Contains("expected 5 bytes of hex", e.Message);
    }

    [Fact]
    public void Odd_number_of_hex_digits_is_rejected()
    {
        var e = Fails(MinimalFile.Replace("application-version = 0096", "application-version = 096"));
        Assert.Equal(2, e.Line);
        Assert.Equal("application-version", e.Field);
    }

    [Fact]
    public void Unknown_key_is_rejected_in_both_sections()
    {
        var e = Fails(MinimalFile + "tac-offline = 0000000000\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("tac-offline", e.Field);
        Assert.Contains("unknown key", e.Message);

        e = Fails("[terminal]\ncountry = 156\n" + MinimalFile);
        Assert.Equal(2, e.Line);
        Assert.Equal("terminal", e.Section);
        Assert.Equal("country", e.Field);
    }

    [Fact]
    public void Duplicate_key_names_both_lines()
    {
        var e = Fails(MinimalFile + "floor-limit = 6000\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("floor-limit", e.Field);
        Assert.Contains("first at line 3", e.Message);
    }

    [Fact]
    public void Duplicate_aid_is_rejected_whatever_the_hex_case()
    {
        // Second header on line 7.
        var e = Fails(MinimalFile + "[aid a0000000031010]\n" + RequiredAidKeys);
        Assert.Equal(7, e.Line);
        Assert.Equal("aid", e.Field);
        Assert.Contains("duplicate AID A0000000031010 (first at line 1)", e.Message);
    }

    [Fact]
    public void Duplicate_terminal_section_is_rejected()
    {
        var e = Fails("[terminal]\n[terminal]\n" + MinimalFile);
        Assert.Equal(2, e.Line);
        Assert.Equal("section", e.Field);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_the_section_header()
    {
        // The second section (header on line 7) lacks tac-online.
        string second = "[aid A0000000041010]\n" + RequiredAidKeys.Replace("tac-online = DC4004F800\n", "");
        var e = Fails(MinimalFile + second);
        Assert.Equal(7, e.Line);
        Assert.Equal("aid A0000000041010", e.Section);
        Assert.Equal("tac-online", e.Field);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void File_without_any_aid_is_rejected()
    {
        var e = Fails("[terminal]\ncountry-code = 156\n");
        Assert.Equal(0, e.Line);
        Assert.Equal("aid", e.Field);
        e = Fails("");
        Assert.Equal("aid", e.Field);
    }

    [Fact]
    public void Target_above_maximum_target_is_rejected_at_the_maximum_line()
    {
        // Book 3, 10.6.2: target <= maximum target. Lines 7 and 8 follow the 6-line minimal section.
        var e = Fails(MinimalFile + "target-percent = 30\nmax-target-percent = 20\n");
        Assert.Equal(8, e.Line);
        Assert.Equal("max-target-percent", e.Field);
        Assert.Contains("target-percent 30 exceeds max-target-percent 20", e.Message);
    }

    [Fact]
    public void Target_without_maximum_is_rejected_at_the_target_line()
    {
        // The maximum defaults to 0, below a target of 10.
        var e = Fails(MinimalFile + "target-percent = 10\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("target-percent", e.Field);
    }

    [Fact]
    public void Percentages_above_99_are_rejected()
    {
        var e = Fails(MinimalFile + "max-target-percent = 100\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("max-target-percent", e.Field);
        Assert.Contains("0 to 99", e.Message);
    }

    [Fact]
    public void Threshold_above_floor_limit_is_rejected()
    {
        var e = Fails(MinimalFile + "threshold = 5001\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("threshold", e.Field);
        Assert.Contains("exceeds floor-limit 5000", e.Message);
    }

    [Theory]
    [InlineData("floor-limit = -1")]
    [InlineData("floor-limit = 4294967296")]       // one above the b 4 maximum
    [InlineData("floor-limit = 100.00")]
    [InlineData("floor-limit = 99999999999999999999")]
    [InlineData("floor-limit =")]
    public void Floor_limit_must_be_a_whole_number_that_fits_9F1B(string line)
    {
        var e = Fails(MinimalFile.Replace("floor-limit = 5000", line));
        Assert.Equal(3, e.Line);
        Assert.Equal("floor-limit", e.Field);
    }

    [Theory]
    [InlineData("country-code = 56", "country-code")]          // n 3 needs 3 digits
    [InlineData("country-code = 15A", "country-code")]
    [InlineData("currency-exponent = 10", "currency-exponent")]
    [InlineData("capabilities = E0F8", "capabilities")]
    [InlineData("additional-capabilities = F000F0A0", "additional-capabilities")]
    [InlineData("terminal-type = 27", "terminal-type")]        // environment 7 does not exist (Book 4 Annex A1)
    [InlineData("terminal-type = 42", "terminal-type")]        // operational control 4 does not exist
    [InlineData("merchant-category-code = 599", "merchant-category-code")]
    [InlineData("merchant-identifier = 1234567890123456", "merchant-identifier")] // 16 > 15
    [InlineData("terminal-identification = 1234567", "terminal-identification")] // an 8: exactly 8
    [InlineData("acquirer-identifier = 12345", "acquirer-identifier")]            // n 6-11
    [InlineData("acquirer-identifier = 123456789012", "acquirer-identifier")]
    [InlineData("ifd-serial-number = 123456789", "ifd-serial-number")]
    [InlineData("pse = maybe", "pse")]
    [InlineData("max-issuer-script-length = 127", "max-issuer-script-length")]  // below the Book 4 minimum
    public void Terminal_values_out_of_form_name_their_field(string line, string field)
    {
        var e = Fails("[terminal]\n" + line + "\n" + MinimalFile);
        Assert.Equal(2, e.Line);
        Assert.Equal("terminal", e.Section);
        Assert.Equal(field, e.Field);
        Assert.StartsWith("line 2: terminal " + field + ": ", e.Message);
    }

    [Fact]
    public void Aids_of_5_and_16_bytes_are_the_limits_accepted()
    {
        // Book 1, 12.2.1: an AID has 5 to 16 bytes; 4 and 17 bytes are rejected in Malformed_lines_name_what_was_expected.
        var c = KernelConfiguration.Parse("[aid A000000003]\n" + RequiredAidKeys
            + "[aid A0000000031010 010203040506070809]\n" + RequiredAidKeys);      // 7 + 9 = 16 bytes
        Assert.Equal(5, c.AidAt(0).Aid.Length);
        Assert.Equal(16, c.AidAt(1).Aid.Length);
    }

    [Fact]
    public void Default_ddol_must_ask_for_the_unpredictable_number()
    {
        var e = Fails(MinimalFile + "default-ddol = 9F0206\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("default-ddol", e.Field);
        Assert.Contains("9F37", e.Message);
    }

    [Fact]
    public void Dol_with_a_missing_length_byte_is_rejected()
    {
        // 9F02 06 then 9F37 without its length byte.
        var e = Fails(MinimalFile + "default-tdol = 9F02069F37\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("default-tdol", e.Field);
        Assert.Contains("not a data object list", e.Message);
    }

    [Theory]
    [InlineData("[merchant]", "section")]
    [InlineData("[aid]", "aid")]
    [InlineData("[aid A0000000]", "aid")]                            // 4 bytes
    [InlineData("[aid A0000000031010 01020304050607080910]", "aid")]  // 7 + 10 = 17 bytes
    [InlineData("[terminal", "section")]
    [InlineData("just some words", "line")]
    [InlineData("= 5", "line")]
    public void Malformed_lines_name_what_was_expected(string first, string field)
    {
        var e = Fails(first + "\n" + MinimalFile);
        Assert.Equal(1, e.Line);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Key_before_any_section_is_rejected()
    {
        var e = Fails("country-code = 156\n" + MinimalFile);
        Assert.Equal(1, e.Line);
        Assert.Equal("country-code", e.Field);
        Assert.Contains("outside any section", e.Message);
    }

    [Fact]
    public void Control_and_non_ascii_characters_are_rejected_even_in_comments()
    {
        var e = Fails(MinimalFile + "# caf\u00e9\n");
        Assert.Equal(7, e.Line);
        Assert.Equal("text", e.Field);
        Assert.Contains("character code 233 at column 6", e.Message);
        e = Fails("\u0000" + MinimalFile);
        Assert.Equal(1, e.Line);
    }
}
