using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Dol;

/// <summary>A dictionary-backed data source for tests: tag -> (value, format).</summary>
public sealed class TestDataSource : IDolDataSource
{
    private readonly Dictionary<int, (byte[] Value, DataFormat Format)> _data = new();
    public readonly List<int> FormatQueries = new();

    public TestDataSource Add(int tag, string hex, DataFormat format = DataFormat.Binary)
    {
        _data[tag] = (Hex.Decode(hex), format);
        return this;
    }

    public byte[] Get(int tag) => _data.TryGetValue(tag, out var e) ? e.Value : null;

    public DataFormat FormatOf(int tag)
    {
        FormatQueries.Add(tag);
        return _data.TryGetValue(tag, out var e) ? e.Format : DataFormat.Binary;
    }
}

/// <summary>
/// Data Object Lists, EMV 4.4 Book 3, 5.4. Expected bytes are hand-computed from the 5.4 rules
/// (a: unknown or constructed -> zeros; b: absent -> zeros; c: n loses leftmost bytes, others rightmost;
/// d: n padded with leading 00, cn with trailing FF, others with trailing 00), or taken from the recorded
/// transcripts in shared/vectors.
/// </summary>
public class DataObjectListTests
{
    private static string Build(string dolHex, IDolDataSource source) => Hex.Encode(DataObjectList.Parse(Hex.Decode(dolHex)).Build(source));

    [Fact]
    public void Parses_entries_with_one_two_and_three_byte_tags()
    {
        // 9F37 04 | 5A 0A | DF8101 02 | 9F02 06
        var dol = DataObjectList.Parse(Hex.Decode("9F37045A0ADF8101029F0206"));
        Assert.Equal(4, dol.Count);
        Assert.Equal(new[] { 0x9F37, 0x5A, 0xDF8101, 0x9F02 }, Enumerable.Range(0, 4).Select(dol.TagAt));
        Assert.Equal(new[] { 4, 10, 2, 6 }, Enumerable.Range(0, 4).Select(dol.LengthAt));
        Assert.Equal(22, dol.DataLength);
        Assert.True(dol.Contains(0x9F37));
        Assert.False(dol.Contains(0x9F36));
    }

    [Fact]
    public void Empty_and_null_DOL()
    {
        Assert.Same(DataObjectList.Empty, DataObjectList.Parse(new byte[0]));
        Assert.Same(DataObjectList.Empty, DataObjectList.Parse(null));
        Assert.Equal(0, DataObjectList.Empty.DataLength);
        Assert.Empty(DataObjectList.Empty.Build(new TestDataSource()));
    }

    [Fact]
    public void Numeric_is_left_padded_with_zeros_and_left_truncated()
    {
        // Amount 9F02 (n 12) = 00 00 00 01 23 45 (12345 in BCD with leading zeros).
        var src = new TestDataSource().Add(0x9F02, "000000012345", DataFormat.Numeric);
        // Entry length 8: two leading 00 bytes.
        Assert.Equal("0000000000012345", Build("9F0208", src));
        // Entry length 4: the leftmost two bytes go, the rightmost four stay.
        Assert.Equal("00012345", Build("9F0204", src));
        // Exact length: unchanged, and no format lookup is needed.
        Assert.Equal("000000012345", Build("9F0206", src));
    }

    [Fact]
    public void Compressed_numeric_is_padded_with_trailing_FF_and_right_truncated()
    {
        // PAN 5A (cn) = 4761 7390 0101 0119.
        var src = new TestDataSource().Add(0x5A, "4761739001010119", DataFormat.CompressedNumeric);
        Assert.Equal("4761739001010119FFFF", Build("5A0A", src));
        Assert.Equal("476173900101", Build("5A06", src));
    }

    [Fact]
    public void Binary_and_text_formats_are_right_padded_with_zeros_and_right_truncated()
    {
        var src = new TestDataSource()
            .Add(0x9F33, "E0F0C8", DataFormat.Binary)                 // Terminal Capabilities
            .Add(0x9F1C, "5445524D30303031", DataFormat.Alphanumeric)  // Terminal Identification "TERM0001"
            .Add(0x9F4E, "53484F50", DataFormat.AlphanumericSpecial)   // Merchant Name "SHOP"
            .Add(0x5F2D, "656E", DataFormat.Alphabetic)                // Language Preference "en"
            .Add(0x9F10, "0110", DataFormat.Variable);
        Assert.Equal("E0F0", Build("9F3302", src));
        Assert.Equal("E0F0C80000", Build("9F3305", src));
        Assert.Equal("5445524D", Build("9F1C04", src));
        Assert.Equal("5445524D303030310000", Build("9F1C0A", src));
        Assert.Equal("53484F500000", Build("9F4E06", src));
        Assert.Equal("656E0000", Build("5F2D04", src));
        Assert.Equal("65", Build("5F2D01", src));
        Assert.Equal("011000", Build("9F1003", src));
    }

    [Fact]
    public void Absent_unknown_and_constructed_tags_are_zero_filled()
    {
        // 70 is a template: zeros even though the source has a value (Book 3, 5.4 a).
        var src = new TestDataSource().Add(0x70, "5A0112").Add(0xBF0C, "9F4D020B0A");
        // 9F45 02 (absent) | 70 03 (constructed) | DF8101 02 (unknown) | BF0C 04 (constructed)
        Assert.Equal("0000" + "000000" + "0000" + "00000000", Build("9F4502" + "7003" + "DF810102" + "BF0C04", src));
    }

    [Fact]
    public void Zero_length_entries_add_nothing_and_duplicates_are_filled_independently()
    {
        var src = new TestDataSource()
            .Add(0x9F37, "A1B2C3D4", DataFormat.Binary)
            .Add(0x9A, "260315", DataFormat.Numeric);
        // 9F37 04 | 9A 00 | 9F37 02 | 9A 04 | 9A 03
        // -> A1B2C3D4 | (nothing) | A1B2 (b: rightmost bytes cut) | 00260315 (n: leading zero) | 260315
        var dol = DataObjectList.Parse(Hex.Decode("9F37049A009F37029A049A03"));
        Assert.Equal(5, dol.Count);
        Assert.Equal(0, dol.LengthAt(1));
        Assert.Equal(13, dol.DataLength);
        Assert.Equal("A1B2C3D4" + "A1B2" + "00260315" + "260315", Hex.Encode(dol.Build(src)));
    }

    [Fact]
    public void Format_is_asked_only_when_the_length_differs()
    {
        var src = new TestDataSource().Add(0x9F37, "A1B2C3D4").Add(0x9F02, "000000000100", DataFormat.Numeric);
        Build("9F37049F02069F3502", src);
        Assert.Empty(src.FormatQueries);
        Build("9F3703", src);
        Assert.Equal(new[] { 0x9F37 }, src.FormatQueries);
    }

    [Fact]
    public void BuildInto_and_AppendTo_write_in_place_for_the_GPO_83_template()
    {
        // Visa-style PDOL (emv-kernel.md, C-3): 9F66 04 9F02 06 9F03 06 9F1A 02 95 05 5F2A 02 9A 03 9C 01 9F37 04
        // 4 + 6 + 6 + 2 + 5 + 2 + 3 + 1 + 4 = 33 = 0x21.
        var dol = DataObjectList.Parse(Hex.Decode("9F66049F02069F03069F1A0295055F2A029A039C019F3704"));
        Assert.Equal(33, dol.DataLength);
        var src = new TestDataSource()
            .Add(0x9F66, "36004000")
            .Add(0x9F02, "1500", DataFormat.Numeric)      // short numeric: left-padded to 000000001500
            .Add(0x9F1A, "0250", DataFormat.Numeric)
            .Add(0x95, "0000000000")
            .Add(0x5F2A, "0978", DataFormat.Numeric)
            .Add(0x9A, "260315", DataFormat.Numeric)
            .Add(0x9C, "00", DataFormat.Numeric)
            .Add(0x9F37, "11223344");
        // 9F03 (amount other) absent -> six 00.
        string data = "36004000" + "000000001500" + "000000000000" + "0250" + "0000000000" + "0978" + "260315" + "00" + "11223344";

        var w = new TlvWriter();
        w.WriteHeader(0x83, dol.DataLength);
        dol.AppendTo(src, w.Output);
        Assert.Equal("8321" + data, Hex.Encode(w.ToArray()));

        byte[] dest = new byte[35];
        Assert.Equal(33, dol.BuildInto(src, dest, 2));
        Assert.Equal("0000" + data, Hex.Encode(dest));
        var ex = Assert.Throws<TlvException>(() => dol.BuildInto(src, new byte[34], 2));
        Assert.Equal(TlvError.OutputTooSmall, ex.Reason);
        Assert.Equal(2, ex.Offset);
    }

    [Theory]
    // 9F : ends inside the tag (offset of the tag 0).
    [InlineData("9F", TlvError.TruncatedTag, 0)]
    // 9F37 04 | 9F 37 : the second entry has no length byte; it would be at 5.
    [InlineData("9F37049F37", TlvError.TruncatedLength, 5)]
    // 9F 81 81 : a four-byte tag (offset 0).
    [InlineData("9F81810104", TlvError.TagTooLong, 0)]
    // 9F02 06 | 9A : length byte missing at 4.
    [InlineData("9F02069A", TlvError.TruncatedLength, 4)]
    public void Malformed_DOL_raises_TlvException(string hex, TlvError reason, int offset)
    {
        var ex = Assert.Throws<TlvException>(() => DataObjectList.Parse(Hex.Decode(hex)));
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void Value_view_of_a_parsed_object_can_be_parsed_in_place()
    {
        // 8C 04 | 9F37 04 | 9A 03  -- the DOL inside a record, parsed without copying (offsets absolute).
        byte[] record = Hex.Decode("70078C059F37049A03");
        TlvObject cdol = TlvParser.Parse(record).Find(0x8C);
        var dol = DataObjectList.Parse(cdol.Buffer, cdol.ValueOffset, cdol.ValueLength);
        Assert.Equal(7, dol.DataLength);
        Assert.Equal(0x9A, dol.TagAt(1));
    }

    // ---- recorded transcripts (shared/vectors/transcripts, binaryfoo/emv-bertlv, MIT) ----

    private static string[] Lines(string file) =>
        File.ReadAllLines(SharedVectors.PathOf("transcripts/" + file)).Where(l => l.Length > 0).ToArray();

    /// <summary>Response data of a transcript line without its status word.</summary>
    private static byte[] ResponseData(string line) => Hex.Decode(line.Substring(0, line.Length - 4));

    /// <summary>The data field of a case-4 C-APDU: CLA INS P1 P2 Lc data Le.</summary>
    private static byte[] CommandData(string line)
    {
        byte[] apdu = Hex.Decode(line);
        return apdu.Skip(5).Take(apdu[4]).ToArray();
    }

    [SkippableFact]
    public void Mastercard_CDOL1_from_the_transcript_builds_the_recorded_GENERATE_AC_data()
    {
        string[] lines = Lines("contactless-mastercard-in.txt");
        // Line 6 (index 5): READ RECORD SFI 2 record 1 -> template 70 holding 8C 21.
        TlvList record = TlvParser.Parse(ResponseData(lines[5]));
        TlvObject cdol1 = record.Find(0x8C);
        Assert.NotNull(cdol1);
        var dol = DataObjectList.Parse(cdol1.Buffer, cdol1.ValueOffset, cdol1.ValueLength);
        // 9F02 06 9F03 06 9F09 02 95 05 5F2A 02 9A 03 9C 01 9F37 04 9F35 01 9F45 02 9F4C 08 9F34 03
        int[] tags = { 0x9F02, 0x9F03, 0x9F09, 0x95, 0x5F2A, 0x9A, 0x9C, 0x9F37, 0x9F35, 0x9F45, 0x9F4C, 0x9F34 };
        int[] lengths = { 6, 6, 2, 5, 2, 3, 1, 4, 1, 2, 8, 3 };
        Assert.Equal(tags, Enumerable.Range(0, dol.Count).Select(dol.TagAt));
        Assert.Equal(lengths, Enumerable.Range(0, dol.Count).Select(dol.LengthAt));

        // Line 13 (index 12): GENERATE AC 80 AE 50 00 2B <43 bytes> 00. 0x2B = 43 = the sum above.
        byte[] recorded = CommandData(lines[12]);
        Assert.Equal(43, dol.DataLength);
        Assert.Equal(43, recorded.Length);

        // Terminal data of that transaction, read from the command by hand; 9F45 and 9F4C are absent
        // (zeros), amounts given in their natural length.
        var src = new TestDataSource()
            .Add(0x9F02, "000000010001", DataFormat.Numeric)
            .Add(0x9F03, "000000000000", DataFormat.Numeric)
            .Add(0x9F09, "0002")
            .Add(0x95, "0000000000")
            .Add(0x5F2A, "0036", DataFormat.Numeric)
            .Add(0x9A, "120315", DataFormat.Numeric)
            .Add(0x9C, "00", DataFormat.Numeric)
            .Add(0x9F37, "000EEC85")
            .Add(0x9F35, "22", DataFormat.Numeric)
            .Add(0x9F34, "5E0300");
        Assert.Equal(Hex.Encode(recorded), Hex.Encode(dol.Build(src)));
    }

    [SkippableFact]
    public void Visa_CDOL1_and_CDOL2_from_the_transcript()
    {
        string[] lines = Lines("contact-visa-in.txt");
        // Line 8 (index 7): record 70 62 with 8C 15 and 8D 17.
        TlvList record = TlvParser.Parse(ResponseData(lines[7]));
        var cdol1 = DataObjectList.Parse(record.FindValue(0x8C));
        var cdol2 = DataObjectList.Parse(record.FindValue(0x8D));
        // CDOL1: 9F02 06 9F03 06 9F1A 02 95 05 5F2A 02 9A 03 9C 01 9F37 04 = 29 = 0x1D (Lc of line 27).
        Assert.Equal(new[] { 0x9F02, 0x9F03, 0x9F1A, 0x95, 0x5F2A, 0x9A, 0x9C, 0x9F37 }, Enumerable.Range(0, cdol1.Count).Select(cdol1.TagAt));
        Assert.Equal(29, cdol1.DataLength);
        Assert.Equal(29, CommandData(lines[26]).Length);
        // CDOL2: 8A 02 followed by the CDOL1 entries = 31 = 0x1F (Lc of line 31).
        Assert.Equal(0x8A, cdol2.TagAt(0));
        Assert.Equal(2, cdol2.LengthAt(0));
        Assert.Equal(31, cdol2.DataLength);

        // Second GENERATE AC data, line 31: 3030 | 000000001000 | 000000000000 | 0036 | 8000008040 | 0036 | 120316 | 00 | D3173A1F
        var src = new TestDataSource()
            .Add(0x8A, "3030", DataFormat.Alphanumeric)
            .Add(0x9F02, "1000", DataFormat.Numeric)
            .Add(0x9F1A, "0036", DataFormat.Numeric)
            .Add(0x95, "8000008040")
            .Add(0x5F2A, "36", DataFormat.Numeric)
            .Add(0x9A, "120316", DataFormat.Numeric)
            .Add(0x9C, "00", DataFormat.Numeric)
            .Add(0x9F37, "D3173A1F");
        Assert.Equal(Hex.Encode(CommandData(lines[30])), Hex.Encode(cdol2.Build(src)));
    }
}
