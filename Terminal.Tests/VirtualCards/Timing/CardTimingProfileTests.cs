using Xunit;
using Terminal.VirtualCards.Personalisation;
using Terminal.VirtualCards.Timing;

namespace Terminal.Tests.VirtualCards.Timing;

/// <summary>The <c>[timing]</c> section of a card profile and its defaults.</summary>
public class CardTimingProfileTests
{
    private const string Base = "[card]\nname = t\nstatement = s\n";
    private const string App = "[application A0000000031010]\naip = 0000\n";

    private static CardTimingProfile Read(string middle) => CardTimingProfile.FromProfile(CardProfile.Parse(Base + middle + App));

    [Fact]
    public void Without_a_timing_section_the_documented_defaults_apply()
    {
        CardTimingProfile t = Read("");
        Assert.Equal(106, t.BitRateKbps);
        Assert.Equal(8, t.Fsci);
        Assert.False(t.UsesCid);
        Assert.Equal(5, t.AtsLength);
        Assert.Equal(30000, t.SignatureMicroseconds);
        Assert.Equal(2000, t.ProcessingMicroseconds(CardCommandKind.Select));
        Assert.Equal(5000, t.ProcessingMicroseconds(CardCommandKind.GetProcessingOptions));
        Assert.Equal(2000, t.ProcessingMicroseconds(CardCommandKind.ReadRecord));
        Assert.Equal(8000, t.ProcessingMicroseconds(CardCommandKind.GenerateAc));
        Assert.Equal(1000, t.ProcessingMicroseconds(CardCommandKind.ExchangeRelayResistanceData));
        Assert.Equal(5000, t.ProcessingMicroseconds(CardCommandKind.RecoverAc));
        Assert.Equal(2000, t.ProcessingMicroseconds(CardCommandKind.GetData));
        Assert.Equal(3000, t.ProcessingMicroseconds(CardCommandKind.InternalAuthenticate));
        Assert.Equal(3000, t.ProcessingMicroseconds(CardCommandKind.Other));
    }

    [Fact]
    public void Every_timing_key_is_read()
    {
        CardTimingProfile t = Read("[timing]\nbit-rate = 848\nfsci = 5\ncid = yes\nats-length = 12\nselect-us = 1\ngpo-us = 2\n"
            + "read-record-us = 3\ngenerate-ac-us = 4\nrelay-resistance-us = 5\nrecover-ac-us = 6\nget-data-us = 7\n"
            + "internal-authenticate-us = 8\nother-us = 9\nsignature-us = 10\n");
        Assert.Equal(848, t.BitRateKbps);
        Assert.Equal(5, t.Fsci);
        Assert.True(t.UsesCid);
        Assert.Equal(12, t.AtsLength);
        Assert.Equal(10, t.SignatureMicroseconds);
        CardCommandKind[] kinds = [CardCommandKind.Select, CardCommandKind.GetProcessingOptions, CardCommandKind.ReadRecord,
            CardCommandKind.GenerateAc, CardCommandKind.ExchangeRelayResistanceData, CardCommandKind.RecoverAc,
            CardCommandKind.GetData, CardCommandKind.InternalAuthenticate, CardCommandKind.Other];
        for (int i = 0; i < kinds.Length; i++) Assert.Equal(i + 1, t.ProcessingMicroseconds(kinds[i]));
    }

    [Fact]
    public void Card_wide_processing_time_sets_the_commands_timing_does_not_name()
    {
        // [behaviour] processing-time-ms = 4 -> 4000 us for every command; [timing] gpo-us overrides GPO only.
        CardTimingProfile t = Read("[timing]\ngpo-us = 700\n[behaviour]\nprocessing-time-ms = 4\n");
        Assert.Equal(4000, t.ProcessingMicroseconds(CardCommandKind.Select));
        Assert.Equal(700, t.ProcessingMicroseconds(CardCommandKind.GetProcessingOptions));
        Assert.Equal(4000, t.ProcessingMicroseconds(CardCommandKind.Other));
        Assert.Equal(30000, t.SignatureMicroseconds);
    }

    [Theory]
    [InlineData("[timing]\nbit-rate = 300\n", CardProfileError.InvalidValue, "bit-rate")]
    [InlineData("[timing]\nbit-rate = fast\n", CardProfileError.InvalidValue, "bit-rate")]
    [InlineData("[timing]\nfsci = 9\n", CardProfileError.InvalidValue, "fsci")]
    [InlineData("[timing]\ncid = maybe\n", CardProfileError.InvalidValue, "cid")]
    [InlineData("[timing]\nselect-us = -5\n", CardProfileError.InvalidValue, "select-us")]
    [InlineData("[timing]\nselect-us = 10000001\n", CardProfileError.InvalidValue, "select-us")]
    [InlineData("[timing]\nats-length = 0\n", CardProfileError.InvalidValue, "ats-length")]
    public void Bad_timing_values_are_profile_errors(string middle, CardProfileError error, string key)
    {
        var e = Assert.Throws<CardProfileException>(() => Read(middle));
        Assert.Equal(error, e.Error);
        Assert.Equal(key, e.Field);
    }

    [Fact]
    public void Unknown_key_and_second_section_are_structure_errors()
    {
        var unknown = Assert.Throws<CardProfileException>(() => CardProfile.Parse(Base + "[timing]\nbogus-us = 1\n" + App));
        Assert.Equal(CardProfileError.UnknownKey, unknown.Error);
        var twice = Assert.Throws<CardProfileException>(() => CardProfile.Parse(Base + "[timing]\n[timing]\n" + App));
        Assert.Equal(CardProfileError.Duplicate, twice.Error);
        var argument = Assert.Throws<CardProfileException>(() => CardProfile.Parse(Base + "[timing x]\n" + App));
        Assert.Equal(CardProfileError.Syntax, argument.Error);
    }
}
