using Terminal.EmvKernel.DataObjects;
using Xunit;

namespace Terminal.Tests.DataObjects;

public class DataObjectDescriberTests
{
    [Theory]
    [InlineData(0x95, "0000008000", "B4b8 Transaction exceeds floor limit")]
    [InlineData(0x9B, "8000", "B1b8 Offline data authentication was performed")]
    [InlineData(0x82, "4000", "B1b7 SDA supported")]
    [InlineData(0x9F07, "0100", "B1b1 Valid at terminals other than ATMs")]
    [InlineData(0x9F33, "200000", "B1b6 IC with contacts")]
    [InlineData(0x9F40, "8000000000", "B1b8 Cash")]
    [InlineData(0x9F66, "20000000", "B1b6 EMV mode supported")]
    [InlineData(0x9F6C, "4000", "B1b7 Signature Required")]
    [InlineData(0x9F27, "80", "B1b8-b7 ARQC")]
    [InlineData(0x9F34, "1F0002", "B1 CVM performed: 1F No CVM required")]
    [InlineData(0x9F35, "22", "Operational control: Merchant")]
    [InlineData(0x8E, "00000000000000001F00", "Amount X: 0")]
    [InlineData(0x94, "08010100", "SFI 1: records 1-1, 0 for offline data authentication")]
    [InlineData(0x9F10, "06010A03A00000", "Format: Visa IAD format 0")]
    public void Dispatches_by_tag(int tag, string hex, string firstLine)
    {
        Assert.True(DataObjectDescriber.CanDescribe(tag));
        Assert.Equal(firstLine, DataObjectDescriber.Describe(tag, Convert.FromHexString(hex))[0]);
    }

    [Fact]
    public void Tags_without_a_decoder_give_null()
    {
        Assert.False(DataObjectDescriber.CanDescribe(0x5A));
        Assert.Null(DataObjectDescriber.Describe(0x5A, new byte[] { 0x47 }));
    }

    [Fact]
    public void Malformed_values_give_the_typed_exception()
    {
        Assert.Throws<DataObjectException>(() => DataObjectDescriber.Describe(0x95, new byte[4]));
    }
}
