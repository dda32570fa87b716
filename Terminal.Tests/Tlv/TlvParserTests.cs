using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Xunit;

namespace Terminal.Tests.Tlv;

/// <summary>
/// Hand-built BER-TLV inputs (EMV 4.4 Book 3, Annex B). Every expected tag, length and offset below was
/// worked out by hand from the bytes; the comments show the split.
/// </summary>
public class TlvParserTests
{
    private static TlvList P(string hex) => TlvParser.Parse(Hex.Decode(hex));

    private static void AssertValue(TlvObject o, string expectedHex) => Assert.Equal(expectedHex, Hex.Encode(o.CopyValue()));

    [Fact]
    public void One_byte_tag_short_length()
    {
        // 5A 08 | 47 61 73 90 01 01 01 19 : PAN, 8 value bytes
        var list = P("5A084761739001010119");
        Assert.Equal(1, list.Count);
        TlvObject pan = list[0];
        Assert.Equal(0x5A, pan.Tag);
        Assert.False(pan.IsConstructed);
        Assert.Equal(0, pan.EncodedOffset);
        Assert.Equal(2, pan.ValueOffset);
        Assert.Equal(8, pan.ValueLength);
        Assert.Equal(10, pan.EncodedLength);
        Assert.Equal(0, pan.Children.Count);
        AssertValue(pan, "4761739001010119");
        Assert.Equal(0x19, pan.ValueByte(7));
    }

    [Fact]
    public void Two_byte_tag_9F02()
    {
        // 9F 02 : b5-b1 of 9F = 11111 -> second byte follows; 02 has b8 = 0 -> tag ends. Length 06.
        var list = P("9F0206000000001000");
        Assert.Equal(0x9F02, list[0].Tag);
        Assert.Equal(3, list[0].ValueOffset);
        AssertValue(list[0], "000000001000");
    }

    [Fact]
    public void Three_byte_tags_primitive_and_constructed()
    {
        // DF 81 01 : DF = 1101 1111 (private, primitive, multi-byte); 81 has b8 = 1 -> one more byte; 01 ends it.
        // BF 81 01 : BF = 1011 1111 (context, constructed, multi-byte); value 5A 01 12.
        var list = P("DF810102ABCD" + "BF8101035A0112");
        Assert.Equal(2, list.Count);
        Assert.Equal(0xDF8101, list[0].Tag);
        Assert.False(list[0].IsConstructed);
        Assert.Equal(4, list[0].ValueOffset);
        AssertValue(list[0], "ABCD");
        Assert.Equal(0xBF8101, list[1].Tag);
        Assert.True(list[1].IsConstructed);
        Assert.Equal(1, list[1].Children.Count);
        Assert.Equal(0x5A, list[1].Children[0].Tag);
        AssertValue(list[1].Children[0], "12");
    }

    [Fact]
    public void Long_form_lengths_81_82_83_and_non_minimal()
    {
        // 9F46 81 80 : 128 value bytes (0x80 needs the 81 form).
        byte[] a = Hex.Decode("9F468180" + new string('A', 256));
        var la = TlvParser.Parse(a);
        Assert.Equal(128, la[0].ValueLength);
        Assert.Equal(4, la[0].ValueOffset);

        // 90 82 01 00 : 256 value bytes.
        byte[] b = Hex.Decode("90820100" + new string('B', 512));
        Assert.Equal(256, TlvParser.Parse(b)[0].ValueLength);
        Assert.Equal(4, TlvParser.Parse(b)[0].ValueOffset);

        // 86 83 00 01 02 : 258 value bytes in the 3-byte form.
        byte[] c = Hex.Decode("8683000102" + new string('C', 516));
        Assert.Equal(258, TlvParser.Parse(c)[0].ValueLength);
        Assert.Equal(5, TlvParser.Parse(c)[0].ValueOffset);

        // 5F 24 81 03 : a long form where a short one would do is still accepted (BER allows it).
        var d = P("5F248103171231");
        Assert.Equal(0x5F24, d[0].Tag);
        AssertValue(d[0], "171231");
        Assert.Equal(7, d[0].EncodedLength);
    }

    [Fact]
    public void Zero_length_value()
    {
        // 9F 02 00 : value field absent; 5A 01 12 follows.
        var list = P("9F02005A0112");
        Assert.Equal(2, list.Count);
        Assert.Equal(0, list[0].ValueLength);
        Assert.Empty(list[0].CopyValue());
        Assert.Equal(0x5A, list[1].Tag);
    }

    [Fact]
    public void Nested_FCI_6F_A5_BF0C()
    {
        // 6F 1B                          FCI template, 27 bytes
        //    84 07 A0000000031010        DF name (9 bytes)
        //    A5 10                       FCI proprietary template, 16 bytes
        //       50 04 56495341           application label "VISA" (6 bytes)
        //       BF0C 07                  FCI issuer discretionary data, 7 bytes (3+7 = 10 bytes)
        //          9F4D 02 0B0A          log entry (5 bytes)
        //          00 00                 two padding bytes inside the template
        // 9 + 2 + 16 = 27 = 0x1B; 6 + 10 = 16 = 0x10; 5 + 2 = 7.
        var list = P("6F1B" + "8407A0000000031010" + "A510" + "500456495341" + "BF0C07" + "9F4D020B0A" + "0000");
        Assert.Equal(1, list.Count);
        TlvObject fci = list[0];
        Assert.Equal(0x6F, fci.Tag);
        Assert.True(fci.IsConstructed);
        Assert.Equal(2, fci.Children.Count);
        Assert.Equal(0x84, fci.Children[0].Tag);
        TlvObject a5 = fci.Children[1];
        Assert.Equal(0xA5, a5.Tag);
        Assert.Equal(2, a5.Children.Count);
        TlvObject bf0c = a5.Children[1];
        Assert.Equal(0xBF0C, bf0c.Tag);
        Assert.True(bf0c.IsConstructed);
        Assert.Equal(1, bf0c.Children.Count);
        Assert.Equal(0x9F4D, bf0c.Children[0].Tag);
        // Offsets are absolute in the input: 9F4D starts at 2 + 9 + 2 + 6 + 3 = 22, its value at 25.
        Assert.Equal(22, bf0c.Children[0].EncodedOffset);
        Assert.Equal(25, bf0c.Children[0].ValueOffset);

        // Depth-first search reaches into every template; FindTopLevel does not.
        Assert.Same(bf0c.Children[0], list.Find(0x9F4D));
        Assert.Equal(Hex.Decode("0B0A"), list.FindValue(0x9F4D));
        Assert.Equal(Hex.Decode("56495341"), list.FindValue(0x50));
        Assert.Null(list.Find(0x9F38));
        Assert.Null(list.FindValue(0x9F38));
        Assert.Null(list.FindTopLevel(0x84));
        Assert.Same(fci.Children[0], fci.Children.FindTopLevel(0x84));
    }

    [Fact]
    public void Find_is_depth_first_pre_order()
    {
        // 70 05 [ 77 03 [ 9F36 00 ] ] 9F36 01 07 : the nested 9F36 (empty) comes first in depth-first order.
        var list = P("7005770 39F3600".Replace(" ", "") + "9F360107");
        TlvObject found = list.Find(0x9F36);
        Assert.Equal(0, found.ValueLength);
        Assert.Equal(4, found.EncodedOffset);
        Assert.Equal(7, list.FindTopLevel(0x9F36).EncodedOffset);
    }

    [Fact]
    public void Template_77_GPO_response_format_2()
    {
        // Mastercard GPO response (shared/vectors transcripts, line 4, without SW 9000):
        // 77 16 | 82 02 5980 | 94 10 08010100 10010101 18010200 20010200   (4 + 18 = 22 = 0x16)
        var list = P("7716820259809410080101001001010118010200200102 00".Replace(" ", ""));
        TlvObject t = list[0];
        Assert.Equal(0x77, t.Tag);
        Assert.Equal(2, t.Children.Count);
        AssertValue(t.Children.FindTopLevel(0x82), "5980");
        Assert.Equal(16, t.Children.FindTopLevel(0x94).ValueLength);
    }

    [Fact]
    public void Padding_00_and_FF_before_between_after_and_inside_templates()
    {
        // 00 00 | 5A 01 12 | 00 FF | 9F02 01 05 | FF FF | 70 06 [ 00 | 5A 01 34 | FF 00 ] | 00
        var list = P("0000" + "5A0112" + "00FF" + "9F020105" + "FFFF" + "7006" + "00" + "5A0134" + "FF00" + "00");
        Assert.Equal(3, list.Count);
        Assert.Equal(0x5A, list[0].Tag);
        Assert.Equal(2, list[0].EncodedOffset);
        Assert.Equal(0x9F02, list[1].Tag);
        Assert.Equal(7, list[1].EncodedOffset);
        Assert.Equal(0x70, list[2].Tag);
        Assert.Equal(1, list[2].Children.Count);
        AssertValue(list[2].Children[0], "34");
        Assert.Equal(6, list[2].ValueLength);
    }

    [Fact]
    public void Only_padding_or_nothing_gives_an_empty_list()
    {
        Assert.Equal(0, P("").Count);
        Assert.Equal(0, P("00FF00FFFF").Count);
        Assert.Same(TlvList.Empty, P("0000"));
    }

    [Fact]
    public void FF_starts_a_tag_when_FF_padding_is_off()
    {
        // FF 81 05 : FF = 1111 1111 (private, constructed, multi-byte), 81 -> more, 05 ends: tag FF8105.
        // Value 03 bytes: 5A 01 12. Leading 00 is still padding.
        byte[] data = Hex.Decode("00FF8105035A0112");
        var strict = TlvParser.Parse(data, 0, data.Length, false);
        Assert.Equal(1, strict.Count);
        Assert.Equal(0xFF8105, strict[0].Tag);
        Assert.Equal(0x5A, strict[0].Children[0].Tag);

        // With FF padding on (the default) the FF is skipped and 81 is read as a tag: 81 05 then wants
        // 5 value bytes where only 4 remain (03 5A 01 12) -> overrun at the length byte, offset 3.
        var ex = Assert.Throws<TlvException>(() => TlvParser.Parse(data));
        Assert.Equal(TlvError.ValueOverrunsInput, ex.Reason);
        Assert.Equal(3, ex.Offset);
    }

    [Fact]
    public void Offset_and_length_window_reports_absolute_offsets()
    {
        // Window [3, 3+5) of  AA BB CC | 5A 01 12 | 9F ... : the 9F at absolute offset 6 is truncated.
        byte[] data = Hex.Decode("AABBCC5A01129F02");
        var ex = Assert.Throws<TlvException>(() => TlvParser.Parse(data, 3, 4));
        Assert.Equal(TlvError.TruncatedTag, ex.Reason);
        Assert.Equal(6, ex.Offset);
        var ok = TlvParser.Parse(data, 3, 3);
        Assert.Equal(3, ok[0].EncodedOffset);
        Assert.Equal(5, ok[0].ValueOffset);
    }

    [Fact]
    public void Copy_helpers_copy_and_do_not_alias()
    {
        byte[] data = Hex.Decode("7003" + "5A0112");
        TlvObject t = TlvParser.Parse(data)[0];
        byte[] encoded = t.CopyEncoded();
        Assert.Equal(data, encoded);
        byte[] v = t.Children[0].CopyValue();
        v[0] = 0x99;
        Assert.Equal(0x12, data[4]);
        byte[] dest = new byte[3];
        Assert.Equal(1, t.Children[0].CopyValueTo(dest, 2));
        Assert.Equal(Hex.Decode("000012"), dest);
        Assert.True(t.Children[0].ValueEquals(new byte[] { 0x12 }));
        Assert.False(t.Children[0].ValueEquals(new byte[] { 0x13 }));
        Assert.False(t.Children[0].ValueEquals(null));
        Assert.Same(data, t.Buffer);
    }

    // ---- every error reason with its offset ----

    [Theory]
    // 9F : multi-byte tag, input ends before the second byte; offset of the tag = 0.
    [InlineData("9F", TlvError.TruncatedTag, 0)]
    // 5A 01 12 | 9F 81 : ends before the third tag byte; tag starts at 3.
    [InlineData("5A01129F81", TlvError.TruncatedTag, 3)]
    // 70 02 [ DF 81 ] : truncated inside a template (the template end is the limit); tag at 2.
    [InlineData("7002DF81", TlvError.TruncatedTag, 2)]
    // 9F 81 81 : third tag byte has b8 = 1 -> a fourth byte would follow; tag at 0.
    [InlineData("9F81810100", TlvError.TagTooLong, 0)]
    // 00 | DF 82 83 : after one padding byte; tag at 1.
    [InlineData("00DF828304", TlvError.TagTooLong, 1)]
    // 5A : no length field; the length field would start at 1.
    [InlineData("5A", TlvError.TruncatedLength, 1)]
    // 9F02 | 82 01 : the 82 form needs two bytes, one present; length field at 2.
    [InlineData("9F028201", TlvError.TruncatedLength, 2)]
    // 70 80 : indefinite length; length byte at 1.
    [InlineData("70805A01120000", TlvError.IndefiniteLength, 1)]
    // 5A 84 : four length bytes; length byte at 1.
    [InlineData("5A840000000112", TlvError.UnsupportedLengthForm, 1)]
    // 5A FF : 127 length bytes; length byte at 1.
    [InlineData("5AFF", TlvError.UnsupportedLengthForm, 1)]
    // 5A 08 47 61 : 8 declared, 2 present; length field at 1.
    [InlineData("5A084761", TlvError.ValueOverrunsInput, 1)]
    // 70 81 05 ... : a template overrunning the input; length field at 1.
    [InlineData("7081055A0112", TlvError.ValueOverrunsInput, 1)]
    // 70 04 [ 5A 05 12 34 ] : the child declares 5 bytes, 2 left in the template; child's length at 3.
    [InlineData("70045A051234", TlvError.ValueOverrunsTemplate, 3)]
    // 70 02 [ 5A 05 ] 9F : two faults; the first in input order (inside the template, offset 3) wins.
    [InlineData("70025A059F", TlvError.ValueOverrunsTemplate, 3)]
    public void Malformed_input_raises_TlvException_with_reason_and_offset(string hex, TlvError reason, int offset)
    {
        var ex = Assert.Throws<TlvException>(() => P(hex));
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(offset, ex.Offset);
        Assert.Contains(TlvErrorNames.Name(reason), ex.Message);
        Assert.Contains("offset " + offset, ex.Message);
    }

    /// <summary>
    /// <paramref name="templates"/> nested '70' templates, the innermost empty: 70 2(n-1) 70 2(n-2) ... 70 00.
    /// Template i (0-based) starts at offset 2i.
    /// </summary>
    private static byte[] Nested(int templates)
    {
        byte[] data = new byte[2 * templates];
        for (int i = 0; i < templates; i++)
        {
            data[2 * i] = 0x70;
            data[2 * i + 1] = (byte)(2 * (templates - 1 - i));
        }
        return data;
    }

    [Fact]
    public void Sixteen_nested_templates_parse_the_seventeenth_is_rejected()
    {
        TlvList ok = TlvParser.Parse(Nested(TlvParser.MaxNesting));
        TlvObject o = ok[0];
        for (int i = 1; i < TlvParser.MaxNesting; i++) o = o.Children[0];
        Assert.Equal(2 * (TlvParser.MaxNesting - 1), o.EncodedOffset);
        Assert.Equal(0, o.Children.Count);

        // The 17th template starts at 2 * 16 = 32.
        var ex = Assert.Throws<TlvException>(() => TlvParser.Parse(Nested(TlvParser.MaxNesting + 1)));
        Assert.Equal(TlvError.NestingTooDeep, ex.Reason);
        Assert.Equal(32, ex.Offset);
    }

    [Fact]
    public void Primitive_inside_sixteen_templates_is_allowed()
    {
        // 16 nested templates around 5A 01 12: template i at 2i, length 2(15-i) + 3.
        byte[] data = new byte[2 * 16 + 3];
        for (int i = 0; i < 16; i++) { data[2 * i] = 0x70; data[2 * i + 1] = (byte)(2 * (15 - i) + 3); }
        data[32] = 0x5A; data[33] = 0x01; data[34] = 0x12;
        Assert.Equal(32, TlvParser.Parse(data).Find(0x5A).EncodedOffset);
    }

    [Fact]
    public void Argument_errors_are_argument_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => TlvParser.Parse(null));
        Assert.Throws<ArgumentOutOfRangeException>(() => TlvParser.Parse(new byte[4], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => TlvParser.Parse(new byte[4], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => P("5A0112")[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => P("5A0112")[0].ValueByte(1));
    }

    [Fact]
    public void Error_names_cover_every_reason()
    {
        foreach (TlvError e in Enum.GetValues<TlvError>())
            Assert.Equal(e.ToString(), TlvErrorNames.Name(e));
    }
}
