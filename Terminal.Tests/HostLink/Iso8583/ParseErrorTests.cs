using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>
/// Every kind of malformed input raises <see cref="Iso8583Exception"/> with the field, the absolute byte offset
/// and the reason; offsets are worked out by hand from the images.
/// </summary>
public class ParseErrorTests
{
    internal static Iso8583Exception Fails(Action action, Iso8583Error reason, int field, int offset)
    {
        var e = Assert.Throws<Iso8583Exception>(action);
        Assert.Equal(reason, e.Reason);
        Assert.Equal(field, e.FieldNumber);
        Assert.Equal(offset, e.Offset);
        return e;
    }

    private static void A(string hex, Iso8583Error reason, int field, int offset) =>
        Fails(() => Generic87Dialect.Dialect.Parse(Hex.Decode(hex)), reason, field, offset);

    // 0200 | bitmap: DE 2 only | DE 2: LL=16 at byte 10, digits at 11..18
    private const string PanOnly = "0200" + "4000000000000000" + "16" + "4761739001010010";

    [Fact]
    public void The_small_image_itself_is_valid()
    {
        Assert.Equal("4761739001010010", Generic87Dialect.Dialect.Parse(Hex.Decode(PanOnly)).GetString(2));
    }

    [Fact]
    public void Truncated_inputs_name_the_element_being_read()
    {
        A("", Iso8583Error.Truncated, Iso8583Exception.MtiField, 0);
        A("02", Iso8583Error.Truncated, Iso8583Exception.MtiField, 0);
        A("0200" + "40000000", Iso8583Error.Truncated, Iso8583Exception.BitmapField, 2);
        A("0200" + "4000000000000000", Iso8583Error.Truncated, 2, 10);                   // prefix missing
        A("0200" + "4000000000000000" + "16" + "47617390", Iso8583Error.Truncated, 2, 10); // content short
        A("0200" + "0000000000000200" + "01", Iso8583Error.Truncated, 55, 10);            // half an LLL prefix
        A("0200" + "8000000000000000" + "00000000", Iso8583Error.Truncated, Iso8583Exception.BitmapField, 10);
    }

    [Fact]
    public void Bad_bcd_digits_point_at_the_byte()
    {
        A("0A00" + "4000000000000000", Iso8583Error.BadBcdDigit, Iso8583Exception.MtiField, 0);
        A("0200" + "2000000000000000" + "00A000", Iso8583Error.BadBcdDigit, 3, 11);
        A("0200" + "4000000000000000" + "16" + "47617390010100F0", Iso8583Error.BadBcdDigit, 2, 18); // 8th content byte: 11 + 7
        // DE 35: nibble E is not a track character (only 0-9 and D).
        A("0200" + "0000000020000000" + "04" + "12E4", Iso8583Error.BadBcdDigit, 35, 12);
    }

    [Fact]
    public void Mti_of_another_iso_version_is_refused()
    {
        A("1200" + "4000000000000000" + "16" + "4761739001010010", Iso8583Error.BadMti, Iso8583Exception.MtiField, 0);
    }

    [Fact]
    public void Pad_nibble_must_be_the_dialect_pad()
    {
        // 15 digits, pad nibble last must be 0: here it is 1, in byte 10 + 1 + 7 = 18.
        A("0200" + "4000000000000000" + "15" + "4761739001010011", Iso8583Error.BadPadding, 2, 18);
        // Fixed n3 with a leading pad nibble: DE 22 "F051".
        A("0200" + "0000040000000000" + "F051", Iso8583Error.BadPadding, 22, 10);
    }

    [Fact]
    public void Bad_length_prefixes()
    {
        A("0200" + "4000000000000000" + "1A" + "4761739001010010", Iso8583Error.BadLengthPrefix, 2, 10);
        A("0200" + "0000000000000200" + "1004" + "41424344", Iso8583Error.BadLengthPrefix, 55, 10); // LLL must be 0LLL
        A("0200" + "0000000000000200" + "00A4" + "41424344", Iso8583Error.BadLengthPrefix, 55, 11);
    }

    [Fact]
    public void Length_over_the_maximum()
    {
        A("0200" + "4000000000000000" + "20" + "47617390010100104761", Iso8583Error.LengthOverMax, 2, 10);
    }

    [Fact]
    public void Field_not_in_the_dialect()
    {
        A("0200" + "0800000000000000" + "000000001000", Iso8583Error.UnknownField, 5, 10);
        // Bit 1 of the secondary bitmap is DE 65, not defined: it would announce a third bitmap.
        A("0200" + "8000000000000000" + "8000000000000000", Iso8583Error.UnknownField, 65, 18);
    }

    [Fact]
    public void Trailing_garbage_after_the_last_field()
    {
        A(PanOnly + "00", Iso8583Error.TrailingData, Iso8583Exception.NoField, 19);
    }

    [Fact]
    public void Empty_secondary_bitmap()
    {
        A("0200" + "C000000000000000" + "0000000000000000" + "16" + "4761739001010010",
            Iso8583Error.EmptySecondaryBitmap, Iso8583Exception.BitmapField, 10);
    }

    [Fact]
    public void Signed_amount_sign()
    {
        A("0500" + "8000000000000000" + "0000000080000000" + "58" + "0000000000003000", Iso8583Error.BadSign, 97, 18);
    }

    [Fact]
    public void UnionPay_tpdu_and_header()
    {
        const string body = "0820" + "0020000000C00010" + "000021" + "3132333435363738" + "313233343536373839303132333435" + "0011" + "000000013010";
        Fails(() => UnionPayDialect.Dialect.Parse(Hex.Decode("6100030000" + "603100000000" + body)), Iso8583Error.BadHeader, Iso8583Exception.NoField, 0);
        Fails(() => UnionPayDialect.Dialect.Parse(Hex.Decode("6000030000" + "6A3100000000" + body)), Iso8583Error.BadHeader, Iso8583Exception.NoField, 5);
        Fails(() => UnionPayDialect.Dialect.Parse(Hex.Decode("60000300")), Iso8583Error.Truncated, Iso8583Exception.NoField, 0);
        // The field offsets count the 11 header bytes: DE 11 starts at 11 + 2 + 8 = 21.
        Fails(() => UnionPayDialect.Dialect.Parse(Hex.Decode("6000030000" + "603100000000" + "0820" + "0020000000C00010" + "0000")),
            Iso8583Error.Truncated, 11, 21);
    }

    [Fact]
    public void Hex_bitmap_must_be_upper_case_hex()
    {
        var packager = new Iso8583Packager(MtiEncoding.Ascii, BitmapEncoding.AsciiHex, new[] { FieldDefinition.FixedAscii(3, "x", 6) });
        byte[] input = System.Text.Encoding.ASCII.GetBytes("02002000000000000000111111");
        Assert.Equal("111111", packager.Parse(input).GetString(3));
        input[5] = (byte)'g';
        Fails(() => packager.Parse(input), Iso8583Error.BadBitmap, Iso8583Exception.BitmapField, 5);
        input[5] = (byte)'a';
        Fails(() => packager.Parse(input), Iso8583Error.BadBitmap, Iso8583Exception.BitmapField, 5);
        Fails(() => packager.Parse(System.Text.Encoding.ASCII.GetBytes("02X0")), Iso8583Error.BadMti, Iso8583Exception.MtiField, 2);
    }

    [Fact]
    public void Offsets_are_absolute_in_a_larger_buffer()
    {
        byte[] buffer = new byte[100];
        byte[] image = Hex.Decode("0200" + "4000000000000000" + "1A" + "4761739001010010");
        Array.Copy(image, 0, buffer, 40, image.Length);
        Fails(() => Generic87Dialect.Packager.Parse(buffer, 40, image.Length), Iso8583Error.BadLengthPrefix, 2, 50);
        Fails(() => Generic87Dialect.Packager.Parse(buffer, 90, 20), Iso8583Error.Truncated, Iso8583Exception.NoField, 90);
        Fails(() => Generic87Dialect.Packager.Parse(buffer, -1, 2), Iso8583Error.Truncated, Iso8583Exception.NoField, 0);
        Fails(() => Generic87Dialect.Dialect.Parse(null), Iso8583Error.Truncated, Iso8583Exception.NoField, 0);
    }

    [Fact]
    public void Error_text_names_field_and_offset_but_never_the_pan()
    {
        string hex = "0200" + "4000000000000000" + "19" + "6212345678901234567F";
        var e = Fails(() => Generic87Dialect.Dialect.Parse(Hex.Decode(hex)), Iso8583Error.BadPadding, 2, 20); // last of 10 content bytes: 11 + 9
        Assert.Contains("field 2", e.Message);
        Assert.Contains("byte 20", e.Message);
        Assert.DoesNotContain("6212345678901234567", e.Message);
        Assert.DoesNotContain("12345678", e.Message);
    }
}
