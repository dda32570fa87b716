using Terminal.EmvKernel.Capk;
using Xunit;

namespace Terminal.Tests.Capk;

public class EmvDateTests
{
    [Theory]
    [InlineData("311231", 2031, 12, 31)]
    [InlineData("491231", 2049, 12, 31)]  // EMV 4.4 Book 4, 6.7.3: 00-49 are 20YY
    [InlineData("500101", 1950, 1, 1)]    // 50-99 are 19YY
    [InlineData("000229", 2000, 2, 29)]   // leap year
    [InlineData("240229", 2024, 2, 29)]
    public void Yymmdd_is_read_with_the_emv_year_rule(string hex, int year, int month, int day)
    {
        var d = EmvDate.FromYymmdd(Convert.FromHexString(hex), 0);
        Assert.Equal((year, month, day), (d.Year, d.Month, d.Day));
        Assert.Equal(year * 10000 + month * 100 + day, d.ToNumber());
        Assert.True(d.IsKnown);
    }

    [Theory]
    [InlineData("231301")]
    [InlineData("230000")]
    [InlineData("230100")]
    [InlineData("230230")]
    [InlineData("230229")]  // 2023 is not a leap year
    [InlineData("2301")]
    [InlineData("2A0101")]
    [InlineData("230A01")]
    public void Invalid_yymmdd_is_refused(string hex)
    {
        Assert.False(EmvDate.TryFromYymmdd(Convert.FromHexString(hex), 0, out var d));
        Assert.False(d.IsKnown);
        Assert.Throws<ArgumentException>(() => EmvDate.FromYymmdd(Convert.FromHexString(hex), 0));
    }

    [Fact]
    public void Dates_compare_in_calendar_order_and_none_is_unknown()
    {
        var a = new EmvDate(2030, 12, 31);
        var b = new EmvDate(2031, 1, 1);
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(a) > 0);
        Assert.Equal(0, a.CompareTo(new EmvDate(2030, 12, 31)));
        Assert.False(EmvDate.None.IsKnown);
        Assert.False(default(EmvDate).IsKnown);
        Assert.Equal("2030-12-31", a.ToString());
        Assert.Throws<ArgumentException>(() => new EmvDate(2023, 2, 29));
        Assert.True(EmvDate.TryParseYyyymmdd("20240229", out var leap));
        Assert.Equal(29, leap.Day);
        Assert.False(EmvDate.TryParseYyyymmdd("2024022", out _));
        Assert.False(EmvDate.TryParseYyyymmdd("2024-2-9", out _));
    }
}
