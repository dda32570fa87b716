using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Magstripe;
using Xunit;
using static Terminal.Tests.Configuration.ConfigurationTestData;

namespace Terminal.Tests.Configuration;

/// <summary>The magstripe fallback keys of <c>[terminal]</c> (docs/kernel-config.md, docs/magstripe.md).</summary>
public class KernelConfigurationFallbackTests
{
    [Fact]
    public void Fallback_is_off_by_default_with_one_chip_attempt()
    {
        var t = KernelConfiguration.Parse(MinimalFile).Terminal;
        Assert.False(t.MagstripeFallback);
        Assert.False(t.FallbackOnNoMutualApplication);
        Assert.Equal(1, t.FallbackChipAttempts);
        Assert.False(new TerminalParameters().MagstripeFallback);
    }

    [Fact]
    public void Fallback_keys_are_read()
    {
        var t = KernelConfiguration.Parse("[terminal]\nmagstripe-fallback = yes\nfallback-no-mutual-application = yes\nfallback-chip-attempts = 3\n" + MinimalFile).Terminal;
        Assert.True(t.MagstripeFallback);
        Assert.True(t.FallbackOnNoMutualApplication);
        Assert.Equal(3, t.FallbackChipAttempts);
    }

    [Theory]
    [InlineData("fallback-chip-attempts = 1", 1)]
    [InlineData("fallback-chip-attempts = 9", 9)]
    public void Chip_attempts_limits_are_accepted(string line, int attempts)
    {
        Assert.Equal(attempts, KernelConfiguration.Parse("[terminal]\n" + line + "\n" + MinimalFile).Terminal.FallbackChipAttempts);
    }

    [Theory]
    [InlineData("fallback-chip-attempts = 0", "fallback-chip-attempts")]
    [InlineData("fallback-chip-attempts = 10", "fallback-chip-attempts")]
    [InlineData("fallback-chip-attempts = two", "fallback-chip-attempts")]
    [InlineData("magstripe-fallback = maybe", "magstripe-fallback")]
    [InlineData("fallback-no-mutual-application = 1", "fallback-no-mutual-application")]
    public void Bad_fallback_values_name_their_field(string line, string field)
    {
        var e = Assert.Throws<ConfigurationException>(() => KernelConfiguration.Parse("[terminal]\n" + line + "\n" + MinimalFile));
        Assert.Equal(2, e.Line);
        Assert.Equal("terminal", e.Section);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Settings_come_from_the_terminal_parameters()
    {
        // '9F33' byte 1 b6 (20) = IC with contacts (Book 4 Annex A2): E0 has it, C0 (keyed, magstripe) does not.
        var t = KernelConfiguration.Parse("[terminal]\ncapabilities = C0F8C8\nmagstripe-fallback = yes\nfallback-chip-attempts = 2\n" + MinimalFile).Terminal;
        var s = MagstripeSettings.From(t);
        Assert.False(s.ChipCapable);
        Assert.True(s.FallbackAllowed);
        Assert.False(s.FallbackOnNoMutualApplication);
        Assert.Equal(2, s.FallbackChipAttempts);
        Assert.True(MagstripeSettings.From(new TerminalParameters()).ChipCapable);
    }
}
