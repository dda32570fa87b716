using System.Text;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>
/// The field-definition mechanism against published encodings: pyiso8583's documented images (MIT,
/// docs/howto.rst, quoted in host-and-crypto.md §2.8 c) and the segments of jPOS's ISO87BPackager image
/// (§2.8 a), plus the BCD padding, track, signed-amount and prefix rules written out by hand.
/// </summary>
public class FieldEncodingTests
{
    // A test-only table in pyiso8583's default_ascii style: ASCII MTI, hex bitmap, ASCII LL/LLL prefixes.
    private static readonly Iso8583Packager AsciiPackager = new(MtiEncoding.Ascii, BitmapEncoding.AsciiHex, new[]
    {
        FieldDefinition.Variable(2, "PAN", ContentEncoding.Ascii, LengthType.LlVar, LengthEncoding.Ascii, 19, BcdPadding.LeadingNibble),
        FieldDefinition.FixedAscii(3, "Processing code", 6),
        FieldDefinition.FixedAscii(21, "Forwarding institution country code", 3),
        FieldDefinition.Variable(55, "ICC data", ContentEncoding.Binary, LengthType.LllVar, LengthEncoding.Ascii, 999, BcdPadding.LeadingNibble),
        FieldDefinition.Variable(102, "Account identification 1", ContentEncoding.Ascii, LengthType.LlVar, LengthEncoding.Ascii, 28, BcdPadding.LeadingNibble),
    });

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    [Fact]
    public void Pyiso8583_ascii_message_with_ll_prefix()
    {
        var m = new Iso8583Message("0200");
        m.SetString(2, "cardholder PAN");
        m.SetString(3, "111111");
        m.SetString(21, "021");
        byte[] expected = Latin1("0200600008000000000014cardholder PAN111111021");
        Assert.Equal(expected, AsciiPackager.Pack(m));
        Iso8583Message back = AsciiPackager.Parse(expected);
        Assert.Equal("cardholder PAN", back.GetString(2));
        Assert.Equal("021", back.GetString(21));
    }

    [Fact]
    public void Pyiso8583_secondary_bitmap_is_added_for_field_102()
    {
        var m = new Iso8583Message("0200");
        m.SetString(102, "111111");
        byte[] expected = Latin1("02008000000000000000000000000400000006111111");
        Assert.Equal(expected, AsciiPackager.Pack(m));
        Assert.Equal("111111", AsciiPackager.Parse(expected).GetString(102));
    }

    [Fact]
    public void Pyiso8583_field_55_binary_with_ascii_lll()
    {
        var m = new Iso8583Message("0200");
        m.SetBytes(55, Hex.Decode("9F02060000000123455F340102"));
        byte[] packed = AsciiPackager.Pack(m);
        // "0200" + hex bitmap with bit 55, then "013" and the 13 bytes as documented.
        byte[] expected = Latin1("02000000000000000200013\x9f\x02\x06\x00\x00\x00\x01#E_4\x01\x02");
        Assert.Equal(expected, packed);
    }

    [Fact]
    public void Pyiso8583_bcd_pan_counted_in_nibbles_right_padded()
    {
        var packager = new Iso8583Packager(MtiEncoding.Ascii, BitmapEncoding.AsciiHex, new[]
        {
            FieldDefinition.Variable(2, "PAN", ContentEncoding.Bcd, LengthType.LlVar, LengthEncoding.Bcd, 19, BcdPadding.TrailingNibble),
        });
        var m = new Iso8583Message("0200");
        m.SetString(2, "121200000002121");
        byte[] expected = Latin1("02004000000000000000\x15\x12\x12\x00\x00\x00\x02\x12\x10");
        Assert.Equal(expected, packager.Pack(m));
        Assert.Equal("121200000002121", packager.Parse(expected).GetString(2));
    }

    [Fact]
    public void Jpos_iso87b_segments_in_dialect_A()
    {
        // host-and-crypto.md §2.8 (a): DE2 "19 1234567890123456789 0", DE22 "0000", DE23 "0001", DE25 "00",
        // DE35 "37 1234567890123456D12345678901234567890 0", DE52 8 raw bytes, DE55 "0004 41424344", DE90 21 zero bytes.
        var m = new Iso8583Message("0800");
        m.SetString(2, "1234567890123456789");
        m.SetString(22, "000");
        m.SetString(23, "001");
        m.SetString(25, "00");
        m.SetString(35, "1234567890123456D12345678901234567890");
        m.SetBytes(52, Hex.Decode("0001020304050607"));
        m.SetBytes(55, Encoding.ASCII.GetBytes("ABCD"));
        m.SetString(90, new string('0', 42));
        string packed = Hex.Encode(Generic87Dialect.Packager.Pack(m));
        // Bitmap worked by hand: byte1 = 1 (secondary), 2 -> C0; byte3 = 22, 23 -> 06; byte4 = 25 -> 80;
        // byte5 = 35 -> 20; byte7 = 52, 55 -> 12; secondary byte4 = 90 -> 40.
        string expected =
            "0800" +
            "C000068020001200" + "0000004000000000" +
            "19" + "12345678901234567890" +
            "0000" + "0001" + "00" +
            "37" + "1234567890123456D123456789012345678900" +
            "0001020304050607" +
            "0004" + "41424344" +
            "000000000000000000000000000000000000000000";
        Assert.Equal(expected, packed);
        Iso8583Message back = Generic87Dialect.Packager.Parse(Hex.Decode(expected));
        Assert.Equal("1234567890123456=12345678901234567890", back.GetString(35));
        Assert.Equal("000", back.GetString(22));
    }

    [Fact]
    public void Odd_bcd_padding_follows_the_definition()
    {
        var packager = new Iso8583Packager(MtiEncoding.Bcd, BitmapEncoding.Binary, new[]
        {
            FieldDefinition.FixedNumeric(22, "leading", 3, BcdPadding.LeadingNibble),
            FieldDefinition.FixedNumeric(23, "trailing", 3, BcdPadding.TrailingNibble),
            new FieldDefinition(24, "trailing F", ContentEncoding.Bcd, LengthType.LlVar, LengthEncoding.Bcd, 5, BcdPadding.TrailingNibble, 0xF),
            new FieldDefinition(25, "leading F", ContentEncoding.Bcd, LengthType.LlVar, LengthEncoding.Bcd, 5, BcdPadding.LeadingNibble, 0xF),
        });
        var m = new Iso8583Message("0200");
        m.SetString(22, "051");
        m.SetString(23, "051");
        m.SetString(24, "123");
        m.SetString(25, "123");
        Assert.Equal("0200" + "0000078000000000" + "0051" + "0510" + "03" + "123F" + "03" + "F123", Hex.Encode(packager.Pack(m)));
    }

    [Fact]
    public void Fixed_numeric_is_right_aligned_with_zeros_and_ascii_padded_with_spaces()
    {
        var m = new Iso8583Message("0200");
        m.SetNumeric(4, 1234);
        m.SetString(41, "T1");
        // bitmap: 4 -> byte1 10; 41 -> byte6 80
        Assert.Equal("0200" + "1000000000800000" + "000000001234" + "5431202020202020",
            Hex.Encode(Generic87Dialect.Packager.Pack(m)));
    }

    [Fact]
    public void Signed_amount_is_sign_byte_then_bcd()
    {
        var m = new Iso8583Message("0500");
        m.SetString(97, "D12");
        // primary: bit 1; secondary: 97 -> bit 33 -> byte5 80
        Assert.Equal("0500" + "8000000000000000" + "0000000080000000" + "44" + "0000000000000012",
            Hex.Encode(Generic87Dialect.Packager.Pack(m)));
        Assert.Equal("D0000000000000012", Generic87Dialect.Packager.Parse(Generic87Dialect.Packager.Pack(m)).GetString(97));
    }

    [Fact]
    public void Binary_length_prefixes()
    {
        var packager = new Iso8583Packager(MtiEncoding.Bcd, BitmapEncoding.Binary, new[]
        {
            FieldDefinition.Variable(2, "LL binary", ContentEncoding.Binary, LengthType.LlVar, LengthEncoding.Binary, 255, BcdPadding.LeadingNibble),
            FieldDefinition.Variable(3, "LLL binary", ContentEncoding.Ascii, LengthType.LllVar, LengthEncoding.Binary, 999, BcdPadding.LeadingNibble),
        });
        var m = new Iso8583Message("0100");
        m.SetBytes(2, new byte[200]);
        m.SetString(3, new string('x', 300));
        byte[] packed = packager.Pack(m);
        Assert.Equal("0100" + "6000000000000000" + "C8", Hex.Encode(packed, 0, 11));
        Assert.Equal("012C", Hex.Encode(packed, 11 + 200, 2)); // 300 = 0x012C, big-endian
        Assert.Equal(11 + 200 + 2 + 300, packed.Length);
        Assert.True(packager.Parse(packed).ContentEquals(m));
    }

    [Fact]
    public void Lll_bcd_prefix_has_a_leading_zero_nibble()
    {
        var m = new Iso8583Message("0200");
        m.SetBytes(55, new byte[999]);
        byte[] packed = Generic87Dialect.Packager.Pack(m);
        Assert.Equal("0999", Hex.Encode(packed, 10, 2));
    }

    [Fact]
    public void Empty_variable_field_packs_as_zero_length()
    {
        var m = new Iso8583Message("0200");
        m.SetString(2, "");
        byte[] packed = Generic87Dialect.Packager.Pack(m);
        Assert.Equal("0200" + "4000000000000000" + "00", Hex.Encode(packed));
        Assert.Equal("", Generic87Dialect.Packager.Parse(packed).GetString(2));
    }
}
