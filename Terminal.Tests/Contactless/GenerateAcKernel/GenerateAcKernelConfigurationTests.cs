using Xunit;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Configuration.ConfigurationTestData;

namespace Terminal.Tests.Contactless.GenerateAcKernel;

/// <summary>
/// The kernel configuration file keys of the GENERATE AC kernel (docs/kernel-config.md): relay resistance
/// 'DF8132'-'DF8137' and the torn transaction log 'DF811D' / 'DF811C', with the C-2 defaults of the reference notes
/// section 6 (grace 2.0 / 5.0 ms, expected 1.8 / 2.4 ms, accuracy 30.0 ms, mismatch 50 %, no torn log, 300 s).
/// </summary>
public class GenerateAcKernelConfigurationTests
{
    [Fact]
    public void Defaults_are_the_c2_defaults()
    {
        AidParameters a = KernelConfiguration.Parse(MinimalFile).AidAt(0);
        GenerateAcKernelConfiguration c = GenerateAcKernelConfiguration.From(a, GenerateAcKernelTestSupport.CaKeys);
        RelayResistanceParameters p = c.RelayResistance;
        Assert.Equal((20, 50, 18, 24, 300, 50), (p.MinimumGracePeriod, p.MaximumGracePeriod, p.ExpectedCapduTransmissionTime,
            p.ExpectedRapduTransmissionTime, p.AccuracyThreshold, p.MismatchThresholdPercent));
        Assert.Null(c.TornLog); // 'DF811D' 00: disabled
        Assert.Equal("0096", Hex.Encode(c.ApplicationVersion));
        Assert.Equal("DC4004F800", Hex.Encode(c.TacOnline));
    }

    [Fact]
    public void File_keys_set_the_relay_resistance_and_torn_log_parameters()
    {
        string file = MinimalFile + "\nrelay-min-grace = 10\nrelay-max-grace = 60\nrelay-expected-capdu = 12\nrelay-expected-rapdu = 30\n"
            + "relay-accuracy-threshold = 250\nrelay-mismatch-percent = 40\ntorn-log-records = 5\ntorn-log-lifetime = 120\n";
        GenerateAcKernelConfiguration c = GenerateAcKernelConfiguration.From(KernelConfiguration.Parse(file).AidAt(0), GenerateAcKernelTestSupport.CaKeys);
        RelayResistanceParameters p = c.RelayResistance;
        Assert.Equal((10, 60, 12, 30, 250, 40), (p.MinimumGracePeriod, p.MaximumGracePeriod, p.ExpectedCapduTransmissionTime,
            p.ExpectedRapduTransmissionTime, p.AccuracyThreshold, p.MismatchThresholdPercent));
        Assert.Equal(5, c.TornLog.Capacity);
        Assert.Equal(120, c.TornLog.LifetimeSeconds);
    }

    [Theory]
    [InlineData("torn-log-records = 256")]
    [InlineData("torn-log-lifetime = 0")]
    [InlineData("relay-mismatch-percent = 256")]
    [InlineData("relay-max-grace = 65536")]
    public void Out_of_range_values_are_refused_with_the_key_named(string line)
    {
        var e = Assert.Throws<ConfigurationException>(() => KernelConfiguration.Parse(MinimalFile + "\n" + line + "\n"));
        Assert.Equal(line.Split(' ')[0], e.Field);
    }
}
