using Terminal.EmvKernel.Apdu;
using Xunit;
using static Terminal.Tests.Apdu.ApduTestSupport;

namespace Terminal.Tests.Apdu;

public class ResponseApduTests
{
    [Fact]
    public void Status_word_only()
    {
        var r = ResponseApdu.Parse(H("6700"));
        Assert.Equal(0x6700, r.Sw);
        Assert.Equal(0x67, r.Sw1);
        Assert.Equal(0x00, r.Sw2);
        Assert.Equal(0, r.DataLength);
        Assert.False(r.IsSuccess);
        Assert.Equal(H("6700"), r.Encode());
    }

    [Fact]
    public void Data_then_status_word()
    {
        // contact-visa-in.txt line 26: GET DATA 9F17 answer, 9F17 01 10, 9000
        var r = ResponseApdu.Parse(H("9f1701109000"));
        Assert.Equal(H("9F170110"), r.Data);
        Assert.True(r.IsSuccess);
        Assert.Equal(H("9F1701109000"), r.Encode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    public void Fewer_than_two_bytes_is_a_typed_error(string hex)
    {
        Assert.Equal(ApduError.ResponseTooShort, Assert.Throws<ApduException>(() => ResponseApdu.Parse(H(hex))).Reason);
        Assert.Equal(ApduError.ResponseTooShort, Assert.Throws<ApduException>(() => ResponseApdu.Parse(null)).Reason);
    }

    [Theory]
    [InlineData("00000000")] // the broken READ RECORD answer of contact-visa-in.txt line 6: SW1 = 00
    [InlineData("0000")]
    [InlineData("6000")]     // '60' is the T=0 NULL procedure byte, not SW1
    [InlineData("70009000FF00")]
    [InlineData("A000")]
    [InlineData("5F00")]
    public void Sw1_that_is_not_a_status_byte_is_a_typed_error(string hex)
    {
        Assert.Equal(ApduError.InvalidStatusWord, Assert.Throws<ApduException>(() => ResponseApdu.Parse(H(hex))).Reason);
    }

    [Fact]
    public void At_most_256_data_bytes()
    {
        byte[] ok = new byte[258];
        ok[256] = 0x90;
        Assert.Equal(256, ResponseApdu.Parse(ok).DataLength);
        byte[] tooLong = new byte[259];
        tooLong[257] = 0x90;
        Assert.Equal(ApduError.ResponseTooLong, Assert.Throws<ApduException>(() => ResponseApdu.Parse(tooLong)).Reason);
        Assert.Equal(ApduError.ResponseTooLong, Assert.Throws<ApduException>(() => new ResponseApdu(new byte[257], 0x9000)).Reason);
    }

    [Fact]
    public void Warning_is_reported()
    {
        Assert.True(ResponseApdu.Parse(H("6283")).IsWarning);
        Assert.True(ResponseApdu.Parse(H("63C2")).IsWarning);
        Assert.False(ResponseApdu.Parse(H("6A82")).IsWarning);
    }
}
