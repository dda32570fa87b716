using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Xunit;

namespace Terminal.Tests.Tlv;

/// <summary>Encoder output against hand-encoded bytes (EMV 4.4 Book 3, Annex B).</summary>
public class TlvWriterTests
{
    private static string Encode(Action<TlvWriter> write)
    {
        var w = new TlvWriter();
        write(w);
        return Hex.Encode(w.ToArray());
    }

    [Fact]
    public void Primitive_objects_with_1_2_3_byte_tags()
    {
        Assert.Equal("5A084761739001010119", Encode(w => w.Write(0x5A, Hex.Decode("4761739001010119"))));
        Assert.Equal("9F0206000000001000", Encode(w => w.Write(0x9F02, Hex.Decode("000000001000"))));
        Assert.Equal("DF810102ABCD", Encode(w => w.Write(0xDF8101, Hex.Decode("ABCD"))));
        // Empty and null values: length 00, no value field.
        Assert.Equal("9F3700", Encode(w => w.Write(0x9F37, new byte[0])));
        Assert.Equal("9F3700", Encode(w => w.Write(0x9F37, null)));
        // A window of a larger array.
        Assert.Equal("8A023030", Encode(w => w.Write(0x8A, Hex.Decode("AA3030BB"), 1, 2)));
    }

    [Theory]
    // The shortest length field, Book 3 Annex B2: up to 127 in one byte, then 81 xx, 82 xxxx, 83 xxxxxx.
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8180")]
    [InlineData(255, "81FF")]
    [InlineData(256, "820100")]
    [InlineData(65535, "82FFFF")]
    [InlineData(65536, "83010000")]
    [InlineData(0xFFFFFF, "83FFFFFF")]
    public void Length_field_is_minimal(int length, string expected)
    {
        var w = new TlvWriter();
        w.WriteHeader(0x86, length);
        Assert.Equal("86" + expected, Hex.Encode(w.Output.ToArray()));
        Assert.Equal(expected.Length / 2, TlvLength.ByteLength(length));
    }

    [Fact]
    public void Templates_nest_and_get_their_lengths()
    {
        // 6F 16 [ 84 07 A0000000041010 | A5 0B [ 50 02 4D43 | BF0C 04 [ 9F4D 01 0B ] ] ]
        // 9F4D 01 0B = 4 bytes; BF0C 04 + 4 = 7 bytes; 50 02 4D43 = 4 bytes; A5 value = 4 + 7 = 11 = 0x0B.
        string hex = Encode(w =>
        {
            w.BeginTemplate(0x6F);
            w.Write(0x84, Hex.Decode("A0000000041010"));
            w.BeginTemplate(0xA5);
            w.Write(0x50, Hex.Decode("4D43"));
            w.BeginTemplate(0xBF0C);
            w.Write(0x9F4D, new byte[] { 0x0B });
            w.EndTemplate();
            w.EndTemplate();
            w.EndTemplate();
        });
        // 84 07 + 7 = 9; A5 0B + 11 = 13; 6F value = 22 = 0x16.
        Assert.Equal("6F16" + "8407A0000000041010" + "A50B" + "50024D43" + "BF0C04" + "9F4D010B", hex);
    }

    [Fact]
    public void Template_growing_past_127_bytes_moves_its_content()
    {
        // 70 81 94 [ 9F46 81 90 <144 bytes> ] : 2 + 2 + 144 = 148 = 0x94 needs the 81 form.
        byte[] cert = new byte[144];
        for (int i = 0; i < cert.Length; i++) cert[i] = (byte)i;
        string hex = Encode(w => { w.BeginTemplate(0x70); w.Write(0x9F46, cert); w.EndTemplate(); });
        Assert.Equal("708194" + "9F468190" + Hex.Encode(cert), hex);

        // 300 bytes of content: 82 01 2C; the template starts after other data.
        byte[] big = new byte[296];
        big[0] = 0xEE; big[295] = 0xDD;
        string hex2 = Encode(w => { w.Write(0x5A, new byte[] { 0x12 }); w.BeginTemplate(0x71); w.Write(0x86, big); w.EndTemplate(); });
        // 86 82 01 28 + 296 = 300 = 0x012C.
        Assert.Equal("5A0112" + "7182012C" + "86820128" + Hex.Encode(big), hex2);
    }

    [Fact]
    public void Empty_template()
    {
        Assert.Equal("BF0C00", Encode(w => { w.BeginTemplate(0xBF0C); w.EndTemplate(); }));
    }

    [Fact]
    public void Header_then_raw_value_for_GPO_command_template_83()
    {
        // GPO data without PDOL: 83 00 (Book 3, 6.5.8). With 4 bytes of PDOL data: 83 04 <data>.
        var w = new TlvWriter();
        w.WriteHeader(0x83, 0);
        Assert.Equal("8300", Hex.Encode(w.ToArray()));
        w.Output.Clear();
        w.WriteHeader(0x83, 4);
        w.Output.Append(Hex.Decode("E0F0C800"));
        Assert.Equal("8304E0F0C800", Hex.Encode(w.ToArray()));
    }

    [Fact]
    public void WriteEncoded_copies_an_object_exactly_as_received()
    {
        // 5F24 81 03 171231 keeps its non-minimal length form.
        byte[] data = Hex.Decode("5F248103171231");
        var w = new TlvWriter();
        w.WriteEncoded(TlvParser.Parse(data)[0]);
        Assert.Equal(data, w.ToArray());
    }

    [Fact]
    public void Appends_to_an_existing_buffer()
    {
        var buffer = new ByteBuffer();
        buffer.Append(Hex.Decode("80AE8000"));
        var w = new TlvWriter(buffer);
        w.Write(0x9F37, Hex.Decode("01020304"));
        Assert.Equal("80AE80009F370401020304", Hex.Encode(buffer.ToArray()));
        Assert.Same(buffer, w.Output);
    }

    [Theory]
    [InlineData(0)]          // no tag
    [InlineData(0x9F)]       // 9F announces a second byte
    [InlineData(0x1F)]       // same, universal class
    [InlineData(0x0102)]     // first byte 01 is a complete one-byte tag
    [InlineData(0x9F81)]     // second byte has b8 = 1: a third must follow
    [InlineData(0x9F0201)]   // second byte 02 ends the tag: no third byte
    [InlineData(0x9F8181)]   // third byte has b8 = 1: four bytes
    [InlineData(0x5A0101)]   // 5A is a one-byte tag
    [InlineData(0x1000000)]  // four bytes
    [InlineData(-1)]
    public void Invalid_tags_are_rejected(int tag)
    {
        Assert.False(TlvTag.IsValid(tag));
        var w = new TlvWriter();
        w.Write(0x5A, new byte[] { 0x12 });
        var ex = Assert.Throws<TlvException>(() => w.Write(tag, new byte[1]));
        Assert.Equal(TlvError.InvalidTag, ex.Reason);
        Assert.Equal(3, ex.Offset);
        Assert.Equal(TlvError.InvalidTag, Assert.Throws<TlvException>(() => w.BeginTemplate(tag)).Reason);
    }

    [Fact]
    public void Writer_state_errors()
    {
        var w = new TlvWriter();
        Assert.Equal(TlvError.TemplateNotOpen, Assert.Throws<TlvException>(() => w.EndTemplate()).Reason);
        Assert.Equal(TlvError.LengthTooLarge, Assert.Throws<TlvException>(() => w.WriteHeader(0x86, 0x1000000)).Reason);
        Assert.Equal(TlvError.LengthTooLarge, Assert.Throws<TlvException>(() => w.WriteHeader(0x86, -1)).Reason);
        w.BeginTemplate(0x70);
        var notClosed = Assert.Throws<TlvException>(() => w.ToArray());
        Assert.Equal(TlvError.TemplateNotClosed, notClosed.Reason);
        Assert.Equal(2, notClosed.Offset);
        for (int i = 1; i < TlvParser.MaxNesting; i++) w.BeginTemplate(0x70);
        Assert.Equal(TlvParser.MaxNesting, w.OpenTemplates);
        var deep = Assert.Throws<TlvException>(() => w.BeginTemplate(0x70));
        Assert.Equal(TlvError.NestingTooDeep, deep.Reason);
        Assert.Equal(2 * TlvParser.MaxNesting, deep.Offset);
    }

    [Fact]
    public void Tag_helpers()
    {
        Assert.Equal(1, TlvTag.ByteLength(0x5A));
        Assert.Equal(2, TlvTag.ByteLength(0x9F02));
        Assert.Equal(3, TlvTag.ByteLength(0xDF8101));
        Assert.Equal(new byte[] { 0xBF, 0x0C }, TlvTag.ToBytes(0xBF0C));
        Assert.Equal(new byte[] { 0xDF, 0x81, 0x01 }, TlvTag.ToBytes(0xDF8101));
        Assert.Equal("9F02", TlvTag.ToHex(0x9F02));
        Assert.Equal(0xBF, TlvTag.FirstByte(0xBF0C));
        // b6 of the first byte: 70, 77, 6F, A5, BF0C, BF8101 are templates; 5A, 9F02, DF8101, 83 are not.
        foreach (int t in new[] { 0x70, 0x77, 0x6F, 0xA5, 0x61, 0xBF0C, 0xBF8101, 0xFF8105 }) Assert.True(TlvTag.IsConstructed(t), TlvTag.ToHex(t));
        foreach (int t in new[] { 0x5A, 0x9F02, 0xDF8101, 0x83, 0x8C, 0x9F4B }) Assert.False(TlvTag.IsConstructed(t), TlvTag.ToHex(t));
        foreach (int t in new[] { 0x5A, 0x9F02, 0xBF0C, 0xDF8101, 0xBF8101, 0xFF8105, 0x1F8000 }) Assert.True(TlvTag.IsValid(t), TlvTag.ToHex(t));
    }
}
