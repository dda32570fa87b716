using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Xunit;
using static Terminal.Tests.Configuration.ConfigurationTestData;

namespace Terminal.Tests.Configuration;

/// <summary>
/// The built-in defaults, the shipped config/kernel/default.conf, ApplyTo into the terminal data store and the
/// AID lookup. Capability bytes are rebuilt from the Book 4 Annex A2/A3 bit definitions (DataObjects), not
/// copied from the code under test.
/// </summary>
public class KernelConfigurationDefaultTests
{
    // Default AIDs in order, with version and TACs (denial, online, default) as documented in docs/kernel-config.md.
    private static readonly string[][] ExpectedAids =
    {
        new[] { "A0000000031010", "008C", "0010000000", "DC4004F800", "DC4000A800" },
        new[] { "A0000000032010", "008C", "0010000000", "DC4004F800", "DC4000A800" },
        new[] { "A0000000041010", "0002", "0000000000", "FE50BCF800", "FE50BCA000" },
        new[] { "A0000000043060", "0002", "0000000000", "FE50BCF800", "FE50BCA000" },
        new[] { "A00000002501", "0001", "0000000000", "0000000000", "0000000000" },
        new[] { "A000000333010101", "0020", "0010000000", "DC4004F800", "DC4000A800" },
        new[] { "A000000333010102", "0020", "0010000000", "DC4004F800", "DC4000A800" },
        new[] { "A000000333010103", "0020", "0010000000", "DC4004F800", "DC4000A800" },
    };

    [Fact]
    public void Default_terminal_capabilities_are_the_documented_bits()
    {
        var caps = new TerminalCapabilities();
        foreach (int bit in new[]
        {
            TerminalCapabilities.ManualKeyEntry, TerminalCapabilities.MagneticStripe, TerminalCapabilities.IcWithContacts,
            TerminalCapabilities.PlaintextPinForIccVerification, TerminalCapabilities.EncipheredPinOnline,
            TerminalCapabilities.Signature, TerminalCapabilities.EncipheredPinOfflineRsa, TerminalCapabilities.NoCvmRequired,
            TerminalCapabilities.Sda, TerminalCapabilities.Dda, TerminalCapabilities.Cda,
        }) caps.Set(bit);
        var t = KernelConfiguration.CreateDefault().Terminal;
        Assert.Equal("E0F8C8", Hex.Encode(caps.ToArray()));
        Assert.Equal(caps.ToArray(), t.Capabilities);

        var additional = new AdditionalTerminalCapabilities();
        foreach (int bit in new[]
        {
            AdditionalTerminalCapabilities.Cash, AdditionalTerminalCapabilities.Goods, AdditionalTerminalCapabilities.Services,
            AdditionalTerminalCapabilities.Cashback, AdditionalTerminalCapabilities.NumericKeys,
            AdditionalTerminalCapabilities.AlphabeticAndSpecialKeys, AdditionalTerminalCapabilities.CommandKeys,
            AdditionalTerminalCapabilities.FunctionKeys, AdditionalTerminalCapabilities.PrintAttendant,
            AdditionalTerminalCapabilities.DisplayAttendant, AdditionalTerminalCapabilities.CodeTable(1),
        }) additional.Set(bit);
        Assert.Equal("F000F0A001", Hex.Encode(additional.ToArray()));
        Assert.Equal(additional.ToArray(), t.AdditionalCapabilities);
    }

    [Fact]
    public void Default_terminal_parameters()
    {
        var t = KernelConfiguration.CreateDefault().Terminal;
        Assert.Equal("0156", Hex.Encode(t.CountryCode));     // n 3 156 (China) as 2 BCD bytes
        Assert.Equal("0156", Hex.Encode(t.CurrencyCode));    // n 3 156 (CNY)
        Assert.Equal(2, t.CurrencyExponent);
        var type = new TerminalType(new[] { t.TerminalType });
        Assert.Equal(TerminalType.Merchant, type.OperationalControl);
        Assert.Equal(TerminalType.AttendedOfflineWithOnlineCapability, type.Environment);
        Assert.True(t.PseSupported);
        Assert.Equal(128, t.MaxIssuerScriptLength);
        Assert.Equal(8, t.TerminalIdentification.Length);
        Assert.Equal(6, t.AcquirerIdentifier.Length);
    }

    [Fact]
    public void Default_aid_list()
    {
        var c = KernelConfiguration.CreateDefault();
        Assert.Equal(ExpectedAids.Length, c.AidCount);
        for (int i = 0; i < ExpectedAids.Length; i++)
        {
            var a = c.AidAt(i);
            Assert.Equal(ExpectedAids[i][0], Hex.Encode(a.Aid));
            Assert.Equal(ExpectedAids[i][1], Hex.Encode(a.ApplicationVersion));
            Assert.Equal(ExpectedAids[i][2], Hex.Encode(a.TacDenial));
            Assert.Equal(ExpectedAids[i][3], Hex.Encode(a.TacOnline));
            Assert.Equal(ExpectedAids[i][4], Hex.Encode(a.TacDefault));
            Assert.Equal(10000, a.FloorLimit);                 // 100.00 in a 2-decimal currency
            Assert.Equal("9F3704", Hex.Encode(a.DefaultDdol));
            Assert.True(a.PartialMatch);
        }
    }

    [Fact]
    public void Shipped_default_file_parses_and_equals_the_built_in_defaults()
    {
        var shipped = KernelConfiguration.Parse(File.ReadAllText(ShippedFile("default.conf")));
        var builtIn = KernelConfiguration.CreateDefault();
        AssertSameTerminal(builtIn.Terminal, shipped.Terminal);
        Assert.Equal(builtIn.AidCount, shipped.AidCount);
        for (int i = 0; i < builtIn.AidCount; i++) AssertSameAid(builtIn.AidAt(i), shipped.AidAt(i));
    }

    [Fact]
    public void Defaults_are_fresh_objects_each_time()
    {
        var first = KernelConfiguration.CreateDefault();
        first.Terminal.CountryCode[1] = 0x99;
        first.AidAt(0).TacDenial[0] = 0xFF;
        var second = KernelConfiguration.CreateDefault();
        Assert.Equal("0156", Hex.Encode(second.Terminal.CountryCode));
        Assert.Equal("0010000000", Hex.Encode(second.AidAt(0).TacDenial));
    }

    [Fact]
    public void Terminal_apply_to_writes_the_tags_in_emv_formats()
    {
        var t = new TerminalParameters { MerchantIdentifier = "SHOP42", MerchantNameAndLocation = "" };
        var data = new TerminalData();
        t.ApplyTo(data);
        Assert.Equal("0156", Hex.Encode(data.Get(0x9F1A)));
        Assert.Equal("0156", Hex.Encode(data.Get(0x5F2A)));
        Assert.Equal("02", Hex.Encode(data.Get(0x5F36)));    // n 1
        Assert.Equal("E0F8C8", Hex.Encode(data.Get(0x9F33)));
        Assert.Equal("F000F0A001", Hex.Encode(data.Get(0x9F40)));
        Assert.Equal("22", Hex.Encode(data.Get(0x9F35)));
        Assert.Equal("5999", Hex.Encode(data.Get(0x9F15)));
        // ans 15: "SHOP42" (53 48 4F 50 34 32) then 9 spaces (20).
        Assert.Equal("53484F503432" + "202020202020202020", Hex.Encode(data.Get(0x9F16)));
        Assert.Equal("3030303030303031", Hex.Encode(data.Get(0x9F1C)));   // "00000001"
        Assert.Equal("000000000001", Hex.Encode(data.Get(0x9F01)));
        Assert.Equal("3030303030303031", Hex.Encode(data.Get(0x9F1E)));
        Assert.False(data.Contains(0x9F4E));                             // empty name: not set
        // The store holds copies.
        data.Get(0x9F33)[0] = 0;
        Assert.Equal(0xE0, t.Capabilities[0]);
    }

    [Fact]
    public void Aid_apply_to_writes_version_and_binary_floor_limit()
    {
        var a = KernelConfiguration.CreateDefault().AidAt(0);
        var data = new TerminalData();
        data.Set(0x9F1B, new byte[] { 1, 2, 3, 4 });
        a.ApplyTo(data);
        Assert.Equal("008C", Hex.Encode(data.Get(0x9F09)));
        Assert.Equal("00002710", Hex.Encode(data.Get(0x9F1B)));   // 10000 = 0x2710, b 4 big-endian, replaces the old value
    }

    [Fact]
    public void Find_prefers_the_exact_aid_then_the_longest_partial_match()
    {
        string text =
            "[aid A000000003]\n" + RequiredAidKeys +
            "[aid A0000000031010]\n" + RequiredAidKeys +
            "[aid A0000000041010]\npartial-match = no\n" + RequiredAidKeys;
        var c = KernelConfiguration.Parse(text);
        Assert.Equal("A0000000031010", Hex.Encode(c.Find(Hex.Decode("A0000000031010")).Aid));      // exact
        Assert.Equal("A0000000031010", Hex.Encode(c.Find(Hex.Decode("A000000003101001")).Aid));    // longest prefix
        Assert.Equal("A000000003", Hex.Encode(c.Find(Hex.Decode("A0000000032010")).Aid));          // only the RID prefixes it
        Assert.Equal("A000000003", Hex.Encode(c.Find(Hex.Decode("A000000003")).Aid));
        Assert.Equal("A0000000041010", Hex.Encode(c.Find(Hex.Decode("A0000000041010")).Aid));
        Assert.Null(c.Find(Hex.Decode("A000000004101001")));   // ASI: partial match not allowed
        Assert.Null(c.Find(Hex.Decode("A0000000")));           // shorter than every AID
        Assert.Null(c.Find(Hex.Decode("A0000000251010")));
        Assert.Null(c.Find(null));
    }

    [Fact]
    public void Default_unionpay_and_amex_cards_find_their_entries()
    {
        var c = KernelConfiguration.CreateDefault();
        Assert.Equal("UNIONPAY CREDIT", c.Find(Hex.Decode("A000000333010102")).Label);
        // Amex cards carry longer ADF names (e.g. A000000025010402 in public traces); partial match finds A00000002501.
        Assert.Equal("AMERICAN EXPRESS", c.Find(Hex.Decode("A000000025010402")).Label);
    }

    private static void AssertSameTerminal(TerminalParameters expected, TerminalParameters actual)
    {
        Assert.Equal(expected.CountryCode, actual.CountryCode);
        Assert.Equal(expected.CurrencyCode, actual.CurrencyCode);
        Assert.Equal(expected.CurrencyExponent, actual.CurrencyExponent);
        Assert.Equal(expected.Capabilities, actual.Capabilities);
        Assert.Equal(expected.AdditionalCapabilities, actual.AdditionalCapabilities);
        Assert.Equal(expected.TerminalType, actual.TerminalType);
        Assert.Equal(expected.MerchantCategoryCode, actual.MerchantCategoryCode);
        Assert.Equal(expected.MerchantIdentifier, actual.MerchantIdentifier);
        Assert.Equal(expected.TerminalIdentification, actual.TerminalIdentification);
        Assert.Equal(expected.MerchantNameAndLocation, actual.MerchantNameAndLocation);
        Assert.Equal(expected.AcquirerIdentifier, actual.AcquirerIdentifier);
        Assert.Equal(expected.IfdSerialNumber, actual.IfdSerialNumber);
        Assert.Equal(expected.PseSupported, actual.PseSupported);
        Assert.Equal(expected.MaxIssuerScriptLength, actual.MaxIssuerScriptLength);
    }

    private static void AssertSameAid(AidParameters expected, AidParameters actual)
    {
        string name = Hex.Encode(expected.Aid);
        Assert.Equal(name, Hex.Encode(actual.Aid));
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.PartialMatch, actual.PartialMatch);
        Assert.Equal(expected.ApplicationVersion, actual.ApplicationVersion);
        Assert.Equal(expected.FloorLimit, actual.FloorLimit);
        Assert.Equal(expected.TacDenial, actual.TacDenial);
        Assert.Equal(expected.TacOnline, actual.TacOnline);
        Assert.Equal(expected.TacDefault, actual.TacDefault);
        Assert.Equal(expected.DefaultDdol, actual.DefaultDdol);
        Assert.Equal(expected.DefaultTdol, actual.DefaultTdol);
        Assert.Equal(expected.Threshold, actual.Threshold);
        Assert.Equal(expected.TargetPercent, actual.TargetPercent);
        Assert.Equal(expected.MaxTargetPercent, actual.MaxTargetPercent);
        Assert.Equal(expected.VelocityChecking, actual.VelocityChecking);
    }
}
