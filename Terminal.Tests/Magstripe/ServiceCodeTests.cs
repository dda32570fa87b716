using Terminal.EmvKernel.Magstripe;
using Xunit;

namespace Terminal.Tests.Magstripe;

/// <summary>Service code digits (ISO/IEC 7813, reference notes emv-kernel.md section 8 table).</summary>
public class ServiceCodeTests
{
    [Theory]
    [InlineData("101", false, false, false)]
    [InlineData("201", true, false, false)]
    [InlineData("601", true, false, false)]
    [InlineData("501", false, false, false)]
    [InlineData("220", true, true, true)]   // digit 3 = 0: PIN required
    [InlineData("123", false, true, true)]  // digit 3 = 3: ATM only, PIN required
    [InlineData("145", false, true, true)]  // digit 2 = 4; digit 3 = 5: goods and services, PIN required
    [InlineData("126", false, true, false)] // digit 3 = 6: prompt for PIN if a PED is present (not required)
    [InlineData("000", false, false, true)]
    public void Digits_give_chip_online_and_pin(string digits, bool chip, bool online, bool pin)
    {
        ServiceCode s = ServiceCode.Parse(digits);
        Assert.Equal(chip, s.IsChipCard);
        Assert.Equal(online, s.OnlineAuthorisationRequired);
        Assert.Equal(pin, s.PinRequired);
        Assert.Equal(digits[0] - '0', s.Interchange);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("2011")]
    [InlineData("2A1")]
    [InlineData("20 ")]
    public void Anything_but_three_digits_is_not_a_service_code(string text)
    {
        Assert.Null(ServiceCode.Parse(text));
    }
}
