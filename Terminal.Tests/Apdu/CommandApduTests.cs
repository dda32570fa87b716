using Terminal.EmvKernel.Apdu;
using Xunit;
using static Terminal.Tests.Apdu.ApduTestSupport;

namespace Terminal.Tests.Apdu;

/// <summary>Short C-APDU cases 1 to 4 (ISO 7816-4, 5.1; EMV 4.4 Book 1, 9.3.1.1): encodings written out by hand.</summary>
public class CommandApduTests
{
    [Fact]
    public void Case1_is_the_four_header_bytes()
    {
        var c = CommandApdu.Case1(0x80, 0x16, 0x00, 0x00);
        Assert.Equal(H("80160000"), c.Encode());
        Assert.Equal(ApduCase.Case1, c.Case);
        Assert.False(c.HasLe);
        Assert.Equal(0, c.ExpectedLength);
        Assert.Equal(0, c.DataLength);
    }

    [Fact]
    public void Case2_appends_le_and_le_00_means_256()
    {
        var c = CommandApdu.Case2(0x00, 0xB2, 0x01, 0x0C, 0x00);
        Assert.Equal(H("00B2010C00"), c.Encode());
        Assert.Equal(ApduCase.Case2, c.Case);
        Assert.Equal(256, c.ExpectedLength);
        Assert.Equal(0x1C, CommandApdu.Case2(0x00, 0xB2, 0x01, 0x0C, 0x1C).ExpectedLength);
    }

    [Fact]
    public void Case3_appends_lc_and_data()
    {
        var c = CommandApdu.Case3(0x00, 0x82, 0x00, 0x00, H("1122334455667788"));
        Assert.Equal(H("00820000081122334455667788"), c.Encode());
        Assert.Equal(ApduCase.Case3, c.Case);
        Assert.Equal(8, c.DataLength);
    }

    [Fact]
    public void Case4_appends_lc_data_and_le()
    {
        var c = CommandApdu.Case4(0x80, 0xA8, 0x00, 0x00, H("8300"), 0x00);
        Assert.Equal(H("80A8000002830000"), c.Encode());
        Assert.Equal(ApduCase.Case4, c.Case);
        Assert.Equal(H("8300"), c.Data);
    }

    [Theory]
    [InlineData("80160000", 1, 0x80, 0x16, 0x00, 0x00, "", false, 0)]
    [InlineData("00B2011400", 2, 0x00, 0xB2, 0x01, 0x14, "", true, 0x00)]
    [InlineData("00C0000026", 2, 0x00, 0xC0, 0x00, 0x00, "", true, 0x26)]
    [InlineData("00820000081122334455667788", 3, 0x00, 0x82, 0x00, 0x00, "1122334455667788", false, 0)]
    [InlineData("0020008008241234FFFFFFFFFF", 3, 0x00, 0x20, 0x00, 0x80, "241234FFFFFFFFFF", false, 0)]
    [InlineData("00A4040007A000000003101000", 4, 0x00, 0xA4, 0x04, 0x00, "A0000000031010", true, 0x00)]
    [InlineData("0088000004010203041D", 4, 0x00, 0x88, 0x00, 0x00, "01020304", true, 0x1D)]
    public void Parse_recognises_each_case(string hex, int apduCase, int cla, int ins, int p1, int p2, string data, bool hasLe, int le)
    {
        var c = CommandApdu.Parse(H(hex));
        Assert.Equal((ApduCase)apduCase, c.Case);
        Assert.Equal(cla, c.Cla);
        Assert.Equal(ins, c.Ins);
        Assert.Equal(p1, c.P1);
        Assert.Equal(p2, c.P2);
        Assert.Equal(H(data), c.Data);
        Assert.Equal(hasLe, c.HasLe);
        Assert.Equal(le, c.Le);
        Assert.Equal(H(hex), c.Encode());
    }

    [Theory]
    [InlineData("", ApduError.CommandTooShort)]
    [InlineData("00", ApduError.CommandTooShort)]
    [InlineData("00A404", ApduError.CommandTooShort)]
    [InlineData("00A4040000", null)] // 5 bytes: case 2 with Le = 00, valid
    [InlineData("00A404000001", ApduError.ExtendedLengthNotSupported)]
    [InlineData("00A4040000000100", ApduError.ExtendedLengthNotSupported)]
    [InlineData("00A4040002AA", ApduError.CommandLengthMismatch)]         // Lc 2, one data byte
    [InlineData("00A4040001AABBCC", ApduError.CommandLengthMismatch)]     // Lc 1, three bytes follow
    [InlineData("00A40400FF00", ApduError.CommandLengthMismatch)]         // Lc 255, one byte follows
    public void Parse_rejects_malformed_commands_with_a_typed_error(string hex, ApduError? expected)
    {
        if (expected == null)
        {
            Assert.Equal(ApduCase.Case2, CommandApdu.Parse(H(hex)).Case);
            return;
        }
        var e = Assert.Throws<ApduException>(() => CommandApdu.Parse(H(hex)));
        Assert.Equal(expected.Value, e.Reason);
    }

    [Fact]
    public void Parse_of_null_is_a_typed_error()
    {
        Assert.Equal(ApduError.CommandTooShort, Assert.Throws<ApduException>(() => CommandApdu.Parse(null)).Reason);
    }

    [Fact]
    public void Largest_short_command_has_255_data_bytes()
    {
        byte[] data = Enumerable.Range(0, 255).Select(i => (byte)i).ToArray();
        byte[] encoded = CommandApdu.Case4(0x80, 0xAE, 0x80, 0x00, data, 0x00).Encode();
        Assert.Equal(4 + 1 + 255 + 1, encoded.Length);
        Assert.Equal(0xFF, encoded[4]);
        Assert.Equal(data, CommandApdu.Parse(encoded).Data);

        var e = Assert.Throws<ApduException>(() => CommandApdu.Case3(0x80, 0xAE, 0x80, 0x00, new byte[256]));
        Assert.Equal(ApduError.CommandDataTooLong, e.Reason);
    }

    [Fact]
    public void Case3_and_case4_factories_need_data()
    {
        Assert.Equal(ApduError.InvalidCommandParameter, Assert.Throws<ApduException>(() => CommandApdu.Case3(0, 0x82, 0, 0, null)).Reason);
        Assert.Equal(ApduError.InvalidCommandParameter, Assert.Throws<ApduException>(() => CommandApdu.Case4(0, 0x88, 0, 0, [], 0)).Reason);
    }

    [Fact]
    public void WithLe_keeps_header_and_data_and_sets_le()
    {
        var c = CommandApdu.Case4(0x00, 0xA4, 0x04, 0x00, H("A0000000031010"), 0x00).WithLe(0x26);
        Assert.Equal(H("00A4040007A000000003101026"), c.Encode());
        Assert.Equal(H("00B2010C1C"), CommandApdu.Case2(0x00, 0xB2, 0x01, 0x0C, 0x00).WithLe(0x1C).Encode());
    }

    [Fact]
    public void Data_is_copied_in_and_out()
    {
        byte[] data = H("0102");
        var c = CommandApdu.Case3(0, 0x82, 0, 0, data);
        data[0] = 0xFF;
        c.Data[1] = 0xFF;
        Assert.Equal(H("0102"), c.Data);
    }
}
