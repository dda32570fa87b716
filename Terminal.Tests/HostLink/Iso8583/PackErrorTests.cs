using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;
using static Terminal.Tests.HostLink.Iso8583.ParseErrorTests;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>Packing, accessor, table and frame errors: one typed exception each, never another kind.</summary>
public class PackErrorTests
{
    private const int None = Iso8583Exception.NoOffset;

    private static void PackFails(Iso8583Message m, Iso8583Error reason, int field) =>
        Fails(() => Generic87Dialect.Dialect.Pack(m), reason, field, None);

    private static Iso8583Message With(int field, string value)
    {
        var m = new Iso8583Message("0200");
        m.SetString(field, value);
        return m;
    }

    [Fact]
    public void Values_that_do_not_fit_their_field()
    {
        PackFails(With(3, "00A000"), Iso8583Error.InvalidValue, 3);
        PackFails(With(3, "0000000"), Iso8583Error.LengthOverMax, 3);
        PackFails(With(2, "12345678901234567890"), Iso8583Error.LengthOverMax, 2);
        PackFails(With(35, "1234=56X"), Iso8583Error.InvalidValue, 35);
        PackFails(With(41, "TERMINAL9"), Iso8583Error.LengthOverMax, 41);
        PackFails(With(97, "12"), Iso8583Error.InvalidValue, 97);
        PackFails(With(97, "C12345678901234567"), Iso8583Error.LengthOverMax, 97);
        var pin = new Iso8583Message("0200");
        pin.SetBytes(52, new byte[7]);
        PackFails(pin, Iso8583Error.InvalidValue, 52);
        var big = new Iso8583Message("0200");
        big.SetBytes(55, new byte[1000]);
        PackFails(big, Iso8583Error.LengthOverMax, 55);
    }

    [Fact]
    public void Field_not_in_the_table()
    {
        PackFails(With(5, "000000000100"), Iso8583Error.UnknownField, 5);
    }

    [Fact]
    public void Bad_mti()
    {
        foreach (string mti in new[] { null, "200", "02000", "1200", "02A0" })
        {
            var m = With(3, "000000");
            m.Mti = mti;
            PackFails(m, Iso8583Error.BadMti, Iso8583Exception.MtiField);
        }
        Fails(() => MessageTypes.ResponseOf("0210"), Iso8583Error.BadMti, Iso8583Exception.MtiField, None);
    }

    [Fact]
    public void Header_must_match_the_dialect()
    {
        var m = With(11, "000001");
        m.Mti = "0820";
        Fails(() => UnionPayDialect.Dialect.Pack(m), Iso8583Error.BadHeader, Iso8583Exception.NoField, None);
        m.Header = Hex.Decode("6100030000603100000000");
        Fails(() => UnionPayDialect.Dialect.Pack(m), Iso8583Error.BadHeader, Iso8583Exception.NoField, 0);
        Fails(() => Generic87Dialect.Dialect.Pack(m), Iso8583Error.BadHeader, Iso8583Exception.NoField, None);
        Fails(() => Generic87Dialect.Dialect.Pack(null), Iso8583Error.InvalidValue, Iso8583Exception.NoField, None);
    }

    [Fact]
    public void Accessors()
    {
        var m = new Iso8583Message("0200");
        Fails(() => m.SetString(1, "x"), Iso8583Error.InvalidFieldNumber, 1, None);
        Fails(() => m.Has(129), Iso8583Error.InvalidFieldNumber, 129, None);
        Fails(() => m.GetBytes(0), Iso8583Error.InvalidFieldNumber, 0, None);
        Fails(() => m.GetNumeric(4), Iso8583Error.MissingField, 4, None);
        Fails(() => m.SetNumeric(4, -1), Iso8583Error.InvalidValue, 4, None);
        Fails(() => m.SetString(41, "\u4E2D"), Iso8583Error.InvalidValue, 41, None);
        Fails(() => m.SetBytes(55, null), Iso8583Error.InvalidValue, 55, None);
        m.SetString(4, "12a");
        Fails(() => m.GetNumeric(4), Iso8583Error.InvalidValue, 4, None);
        m.SetString(4, "1234567890123456789");
        Fails(() => m.GetNumeric(4), Iso8583Error.InvalidValue, 4, None);
    }

    [Fact]
    public void Impossible_table_rows()
    {
        Fails(() => FieldDefinition.FixedNumeric(1, "bitmap", 8), Iso8583Error.InvalidDefinition, 1, None);
        Fails(() => FieldDefinition.FixedNumeric(129, "x", 8), Iso8583Error.InvalidDefinition, 129, None);
        Fails(() => FieldDefinition.FixedNumeric(3, "x", 0), Iso8583Error.InvalidDefinition, 3, None);
        Fails(() => FieldDefinition.Variable(2, "x", ContentEncoding.Bcd, LengthType.LlVar, LengthEncoding.Bcd, 100, BcdPadding.LeadingNibble), Iso8583Error.InvalidDefinition, 2, None);
        Fails(() => FieldDefinition.Variable(2, "x", ContentEncoding.Binary, LengthType.LlVar, LengthEncoding.Binary, 256, BcdPadding.LeadingNibble), Iso8583Error.InvalidDefinition, 2, None);
        Fails(() => FieldDefinition.Variable(2, "x", ContentEncoding.Ascii, LengthType.LllVar, LengthEncoding.Ascii, 1000, BcdPadding.LeadingNibble), Iso8583Error.InvalidDefinition, 2, None);
        Fails(() => FieldDefinition.Variable(2, "x", ContentEncoding.Ascii, LengthType.LlVar, LengthEncoding.None, 10, BcdPadding.LeadingNibble), Iso8583Error.InvalidDefinition, 2, None);
        Fails(() => FieldDefinition.Variable(97, "x", ContentEncoding.SignedAmount, LengthType.LlVar, LengthEncoding.Bcd, 16, BcdPadding.LeadingNibble), Iso8583Error.InvalidDefinition, 97, None);
        Fails(() => new FieldDefinition(3, "x", ContentEncoding.Bcd, LengthType.Fixed, LengthEncoding.Bcd, 6, BcdPadding.LeadingNibble, 0), Iso8583Error.InvalidDefinition, 3, None);
        Fails(() => new FieldDefinition(3, "x", ContentEncoding.Bcd, LengthType.Fixed, LengthEncoding.None, 6, BcdPadding.LeadingNibble, 16), Iso8583Error.InvalidDefinition, 3, None);
        Fails(() => new Iso8583Packager(MtiEncoding.Bcd, BitmapEncoding.Binary, new[] { FieldDefinition.FixedNumeric(3, "a", 6), FieldDefinition.FixedNumeric(3, "b", 6) }),
            Iso8583Error.InvalidDefinition, 3, None);
        Fails(() => new MessageHeaderLayout(true, 3), Iso8583Error.InvalidDefinition, Iso8583Exception.NoField, None);
    }

    [Fact]
    public void Frame_wrap_and_unwrap()
    {
        Assert.Equal("0003010203", Hex.Encode(LengthPrefixFrame.Wrap(new byte[] { 1, 2, 3 })));
        Assert.Equal("010203", Hex.Encode(LengthPrefixFrame.Unwrap(Hex.Decode("0003010203"))));
        Assert.Equal(0x1234, LengthPrefixFrame.ReadLength(Hex.Decode("AA1234"), 1));
        byte[] big = LengthPrefixFrame.Wrap(new byte[65535]);
        Assert.Equal("FFFF", Hex.Encode(big, 0, 2));
        Assert.Equal(65535, LengthPrefixFrame.Unwrap(big).Length);
    }

    [Fact]
    public void Bad_frames()
    {
        Fails(() => LengthPrefixFrame.Wrap(null), Iso8583Error.BadFrame, Iso8583Exception.NoField, None);
        Fails(() => LengthPrefixFrame.Wrap(new byte[0]), Iso8583Error.BadFrame, Iso8583Exception.NoField, None);
        Fails(() => LengthPrefixFrame.Wrap(new byte[65536]), Iso8583Error.BadFrame, Iso8583Exception.NoField, None);
        Fails(() => LengthPrefixFrame.Unwrap(Hex.Decode("00")), Iso8583Error.BadFrame, Iso8583Exception.NoField, 0);
        Fails(() => LengthPrefixFrame.Unwrap(null), Iso8583Error.BadFrame, Iso8583Exception.NoField, 0);
        Fails(() => LengthPrefixFrame.Unwrap(Hex.Decode("0000")), Iso8583Error.BadFrame, Iso8583Exception.NoField, 0);
        Fails(() => LengthPrefixFrame.Unwrap(Hex.Decode("00040102")), Iso8583Error.BadFrame, Iso8583Exception.NoField, 4);
        Fails(() => LengthPrefixFrame.Unwrap(Hex.Decode("0001010203")), Iso8583Error.BadFrame, Iso8583Exception.NoField, 3);
        Fails(() => LengthPrefixFrame.ReadLength(Hex.Decode("0001"), 1), Iso8583Error.BadFrame, Iso8583Exception.NoField, 1);
        Fails(() => LengthPrefixFrame.ReadLength(Hex.Decode("0001"), -5), Iso8583Error.BadFrame, Iso8583Exception.NoField, 0);
    }
}
