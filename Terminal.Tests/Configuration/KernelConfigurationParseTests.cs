using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Xunit;
using static Terminal.Tests.Configuration.ConfigurationTestData;

namespace Terminal.Tests.Configuration;

/// <summary>
/// The configuration file format (docs/kernel-config.md): sections, keys, comments, value forms. Expected bytes
/// are written by hand from the EMV formats: n is BCD right-justified with leading zeros (Book 3, 4.3), so
/// country 250 is 02 50 and acquirer 123456789 is 00 01 23 45 67 89; b 4 floor limit 5000 = 0x1388.
/// </summary>
public class KernelConfigurationParseTests
{
    [Fact]
    public void Minimal_file_gives_one_aid_with_defaults_for_the_optional_keys()
    {
        var c = KernelConfiguration.Parse(MinimalFile);
        Assert.Equal(1, c.AidCount);
        var a = c.AidAt(0);
        Assert.Equal("A0000000031010", Hex.Encode(a.Aid));
        Assert.Equal("0096", Hex.Encode(a.ApplicationVersion));
        Assert.Equal(5000, a.FloorLimit);
        Assert.Equal("0010000000", Hex.Encode(a.TacDenial));
        Assert.Equal("DC4004F800", Hex.Encode(a.TacOnline));
        Assert.Equal("DC4000A800", Hex.Encode(a.TacDefault));
        // Optional keys at their documented defaults.
        Assert.True(a.PartialMatch);
        Assert.Equal("", a.Label);
        Assert.Equal("9F3704", Hex.Encode(a.DefaultDdol));
        Assert.Empty(a.DefaultTdol);
        Assert.Equal(0, a.Threshold);
        Assert.Equal(0, a.TargetPercent);
        Assert.Equal(0, a.MaxTargetPercent);
        Assert.True(a.VelocityChecking);
        // No [terminal] section: the terminal defaults.
        Assert.Equal("0156", Hex.Encode(c.Terminal.CountryCode));
        Assert.Equal(0x22, c.Terminal.TerminalType);
    }

    [Fact]
    public void Terminal_section_values_are_converted_to_their_emv_formats()
    {
        string text =
            "[terminal]\n" +
            "country-code = 250\n" +                       // n 3 -> 02 50
            "currency-code = 978\n" +                      // n 3 -> 09 78
            "currency-exponent = 3\n" +
            "capabilities = 20 F8 C8\n" +                  // spaces between hex digits allowed
            "additional-capabilities = 6000F0A001\n" +
            "terminal-type = 25\n" +                       // merchant, unattended, offline with online capability
            "merchant-category-code = 5411\n" +            // n 4 -> 54 11
            "merchant-identifier = SHOP42\n" +
            "terminal-identification = T0000042\n" +
            "merchant-name-and-location = Corner Shop, Paris\n" +
            "acquirer-identifier = 123456789\n" +          // n 9 in 6 bytes -> 00 01 23 45 67 89
            "ifd-serial-number = SN123456\n" +
            "pse = no\n" +
            "max-issuer-script-length = 512\n" +
            MinimalFile;
        var t = KernelConfiguration.Parse(text).Terminal;
        Assert.Equal("0250", Hex.Encode(t.CountryCode));
        Assert.Equal("0978", Hex.Encode(t.CurrencyCode));
        Assert.Equal(3, t.CurrencyExponent);
        Assert.Equal("20F8C8", Hex.Encode(t.Capabilities));
        Assert.Equal("6000F0A001", Hex.Encode(t.AdditionalCapabilities));
        Assert.Equal(0x25, t.TerminalType);
        Assert.Equal("5411", Hex.Encode(t.MerchantCategoryCode));
        Assert.Equal("SHOP42", t.MerchantIdentifier);
        Assert.Equal("T0000042", t.TerminalIdentification);
        Assert.Equal("Corner Shop, Paris", t.MerchantNameAndLocation);
        Assert.Equal("000123456789", Hex.Encode(t.AcquirerIdentifier));
        Assert.Equal("534E313233343536", Hex.Encode(t.IfdSerialNumber)); // ASCII "SN123456"
        Assert.False(t.PseSupported);
        Assert.Equal(512, t.MaxIssuerScriptLength);
    }

    [Fact]
    public void Aid_section_optional_keys_are_read()
    {
        string text =
            "[aid A0000000041010]\n" + RequiredAidKeys +
            "label = MASTERCARD\n" +
            "partial-match = false\n" +
            "default-ddol = 9F3704 9F0206\n" +
            "default-tdol = 9F02065F2A029A039C0195059F3704\n" +
            "threshold = 1000\n" +
            "target-percent = 20\n" +
            "max-target-percent = 50\n" +
            "velocity-checking = no\n";
        var a = KernelConfiguration.Parse(text).AidAt(0);
        Assert.Equal("MASTERCARD", a.Label);
        Assert.False(a.PartialMatch);
        Assert.Equal("9F37049F0206", Hex.Encode(a.DefaultDdol));
        Assert.Equal("9F02065F2A029A039C0195059F3704", Hex.Encode(a.DefaultTdol));
        Assert.Equal(1000, a.Threshold);
        Assert.Equal(20, a.TargetPercent);
        Assert.Equal(50, a.MaxTargetPercent);
        Assert.False(a.VelocityChecking);
    }

    [Fact]
    public void Comments_blank_lines_crlf_tabs_and_lower_case_hex_are_accepted()
    {
        string text =
            "# a comment line\r\n" +
            "\r\n" +
            "   [ aid  a0000000031010 ]   # comment after a header\r\n" +
            "\tapplication-version\t=\t0096   # trailing comment\r\n" +
            "floor-limit=5000\r\n" +
            "tac-denial = 0010000000\r\n" +
            "tac-online = dc4004f800\r\n" +
            "tac-default = dc4000a800";                 // last line without a line end
        var a = KernelConfiguration.Parse(text).AidAt(0);
        Assert.Equal("A0000000031010", Hex.Encode(a.Aid));
        Assert.Equal("0096", Hex.Encode(a.ApplicationVersion));
        Assert.Equal(5000, a.FloorLimit);
        Assert.Equal("DC4004F800", Hex.Encode(a.TacOnline));
        Assert.Equal("DC4000A800", Hex.Encode(a.TacDefault));
    }

    [Fact]
    public void Aids_keep_file_order_and_become_the_terminal_aid_list()
    {
        string text =
            "[aid A0000000041010]\npartial-match = no\n" + RequiredAidKeys +
            "[aid A00000002501]\n" + RequiredAidKeys;
        var c = KernelConfiguration.Parse(text);
        TerminalAid[] list = c.TerminalAids();
        Assert.Equal(2, list.Length);
        Assert.Equal("A0000000041010", Hex.Encode(list[0].Aid));
        Assert.False(list[0].PartialMatchAllowed);
        Assert.Equal("A00000002501", Hex.Encode(list[1].Aid));
        Assert.True(list[1].PartialMatchAllowed);
        // The list holds copies: changing it does not change the configuration.
        list[1].Aid[0] = 0;
        Assert.Equal("A00000002501", Hex.Encode(c.AidAt(1).Aid));
    }

    [Fact]
    public void Empty_default_tdol_is_allowed()
    {
        var a = KernelConfiguration.Parse(MinimalFile + "default-tdol =\n").AidAt(0);
        Assert.Empty(a.DefaultTdol);
    }

    [Fact]
    public void Threshold_equal_to_the_floor_limit_and_equal_percentages_are_accepted()
    {
        // Book 3, 10.6.2 allows target = maximum target; threshold = floor limit leaves no biased range.
        var a = KernelConfiguration.Parse(MinimalFile + "threshold = 5000\ntarget-percent = 99\nmax-target-percent = 99\n").AidAt(0);
        Assert.Equal(5000, a.Threshold);
        Assert.Equal(99, a.TargetPercent);
        Assert.Equal(99, a.MaxTargetPercent);
    }

    [Fact]
    public void Largest_floor_limit_is_the_four_byte_maximum()
    {
        string text = MinimalFile.Replace("floor-limit = 5000", "floor-limit = 4294967295");
        var a = KernelConfiguration.Parse(text).AidAt(0);
        Assert.Equal(0xFFFFFFFFL, a.FloorLimit);
        var data = new TerminalData();
        a.ApplyTo(data);
        Assert.Equal("FFFFFFFF", Hex.Encode(data.Get(0x9F1B)));
    }
}
