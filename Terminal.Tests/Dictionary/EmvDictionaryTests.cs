using Terminal.EmvKernel.Dictionary;
using Xunit;

namespace Terminal.Tests.Dictionary;

public class EmvDictionaryTests
{
    // Every tagged data element of EMV 4.4 Book 3 Annex A Table 33 that the dictionary must carry,
    // written down from the Annex A table (tag, format, min, max bytes, source).
    public static readonly object[][] Book3 =
    {
        new object[] { 0x42, DataFormat.Numeric, 3, 3, DataSource.Card },
        new object[] { 0x4F, DataFormat.Binary, 5, 16, DataSource.Card },
        new object[] { 0x50, DataFormat.AlphanumericSpecial, 1, 16, DataSource.Card },
        new object[] { 0x57, DataFormat.Binary, 0, 19, DataSource.Card },
        new object[] { 0x5A, DataFormat.CompressedNumeric, 0, 10, DataSource.Card },
        new object[] { 0x5F20, DataFormat.AlphanumericSpecial, 2, 26, DataSource.Card },
        new object[] { 0x5F24, DataFormat.Numeric, 3, 3, DataSource.Card },
        new object[] { 0x5F25, DataFormat.Numeric, 3, 3, DataSource.Card },
        new object[] { 0x5F28, DataFormat.Numeric, 2, 2, DataSource.Card },
        new object[] { 0x5F2A, DataFormat.Numeric, 2, 2, DataSource.Terminal },
        new object[] { 0x5F2D, DataFormat.Alphanumeric, 2, 8, DataSource.Card },
        new object[] { 0x5F30, DataFormat.Numeric, 2, 2, DataSource.Card },
        new object[] { 0x5F34, DataFormat.Numeric, 1, 1, DataSource.Card },
        new object[] { 0x5F36, DataFormat.Numeric, 1, 1, DataSource.Terminal },
        new object[] { 0x5F50, DataFormat.AlphanumericSpecial, 0, 255, DataSource.Card },
        new object[] { 0x5F53, DataFormat.Variable, 0, 34, DataSource.Card },
        new object[] { 0x5F54, DataFormat.Variable, 8, 11, DataSource.Card },
        new object[] { 0x5F55, DataFormat.Alphabetic, 2, 2, DataSource.Card },
        new object[] { 0x5F56, DataFormat.Alphabetic, 3, 3, DataSource.Card },
        new object[] { 0x5F57, DataFormat.Numeric, 1, 1, DataSource.Terminal },
        new object[] { 0x61, DataFormat.Binary, 0, 252, DataSource.Card },
        new object[] { 0x6F, DataFormat.Variable, 0, 252, DataSource.Card },
        new object[] { 0x70, DataFormat.Variable, 0, 252, DataSource.Card },
        new object[] { 0x71, DataFormat.Binary, 0, 255, DataSource.Issuer },
        new object[] { 0x72, DataFormat.Binary, 0, 255, DataSource.Issuer },
        new object[] { 0x73, DataFormat.Variable, 0, 252, DataSource.Card },
        new object[] { 0x77, DataFormat.Variable, 0, 255, DataSource.Card },
        new object[] { 0x80, DataFormat.Variable, 0, 255, DataSource.Card },
        new object[] { 0x81, DataFormat.Binary, 4, 4, DataSource.Terminal },
        new object[] { 0x82, DataFormat.Binary, 2, 2, DataSource.Card },
        new object[] { 0x83, DataFormat.Binary, 0, 255, DataSource.Terminal },
        new object[] { 0x84, DataFormat.Binary, 5, 16, DataSource.Card },
        new object[] { 0x86, DataFormat.Binary, 0, 261, DataSource.Issuer },
        new object[] { 0x87, DataFormat.Binary, 1, 1, DataSource.Card },
        new object[] { 0x88, DataFormat.Binary, 1, 1, DataSource.Card },
        new object[] { 0x89, DataFormat.AlphanumericSpecial, 6, 6, DataSource.Issuer },
        new object[] { 0x8A, DataFormat.Alphanumeric, 2, 2, DataSource.Issuer },
        new object[] { 0x8C, DataFormat.Binary, 0, 252, DataSource.Card },
        new object[] { 0x8D, DataFormat.Binary, 0, 252, DataSource.Card },
        new object[] { 0x8E, DataFormat.Binary, 10, 252, DataSource.Card },
        new object[] { 0x8F, DataFormat.Binary, 1, 1, DataSource.Card },
        new object[] { 0x90, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x91, DataFormat.Binary, 8, 16, DataSource.Issuer },
        new object[] { 0x92, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x93, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x94, DataFormat.Variable, 0, 252, DataSource.Card },
        new object[] { 0x95, DataFormat.Binary, 5, 5, DataSource.Terminal },
        new object[] { 0x97, DataFormat.Binary, 0, 252, DataSource.Card },
        new object[] { 0x98, DataFormat.Binary, 20, 20, DataSource.Terminal },
        new object[] { 0x99, DataFormat.Binary, 0, 255, DataSource.Terminal },
        new object[] { 0x9A, DataFormat.Numeric, 3, 3, DataSource.Terminal },
        new object[] { 0x9B, DataFormat.Binary, 2, 2, DataSource.Terminal },
        new object[] { 0x9C, DataFormat.Numeric, 1, 1, DataSource.Terminal },
        new object[] { 0x9D, DataFormat.Binary, 5, 16, DataSource.Card },
        new object[] { 0x9F01, DataFormat.Numeric, 6, 6, DataSource.Terminal },
        new object[] { 0x9F02, DataFormat.Numeric, 6, 6, DataSource.Terminal },
        new object[] { 0x9F03, DataFormat.Numeric, 6, 6, DataSource.Terminal },
        new object[] { 0x9F04, DataFormat.Binary, 4, 4, DataSource.Terminal },
        new object[] { 0x9F05, DataFormat.Binary, 1, 32, DataSource.Card },
        new object[] { 0x9F06, DataFormat.Binary, 5, 16, DataSource.Terminal },
        new object[] { 0x9F07, DataFormat.Binary, 2, 2, DataSource.Card },
        new object[] { 0x9F08, DataFormat.Binary, 2, 2, DataSource.Card },
        new object[] { 0x9F09, DataFormat.Binary, 2, 2, DataSource.Terminal },
        new object[] { 0x9F0A, DataFormat.Binary, 0, 255, DataSource.Card },
        new object[] { 0x9F0B, DataFormat.AlphanumericSpecial, 27, 45, DataSource.Card },
        new object[] { 0x9F0C, DataFormat.Numeric, 3, 4, DataSource.Card },
        new object[] { 0x9F0D, DataFormat.Binary, 5, 5, DataSource.Card },
        new object[] { 0x9F0E, DataFormat.Binary, 5, 5, DataSource.Card },
        new object[] { 0x9F0F, DataFormat.Binary, 5, 5, DataSource.Card },
        new object[] { 0x9F10, DataFormat.Binary, 0, 32, DataSource.Card },
        new object[] { 0x9F11, DataFormat.Numeric, 1, 1, DataSource.Card },
        new object[] { 0x9F12, DataFormat.AlphanumericSpecial, 1, 16, DataSource.Card },
        new object[] { 0x9F13, DataFormat.Binary, 2, 2, DataSource.Card },
        new object[] { 0x9F14, DataFormat.Binary, 1, 1, DataSource.Card },
        new object[] { 0x9F15, DataFormat.Numeric, 2, 2, DataSource.Terminal },
        new object[] { 0x9F16, DataFormat.AlphanumericSpecial, 15, 15, DataSource.Terminal },
        new object[] { 0x9F17, DataFormat.Binary, 1, 1, DataSource.Card },
        new object[] { 0x9F18, DataFormat.Binary, 4, 4, DataSource.Issuer },
        new object[] { 0x9F19, DataFormat.Numeric, 6, 6, DataSource.Card },
        new object[] { 0x9F1A, DataFormat.Numeric, 2, 2, DataSource.Terminal },
        new object[] { 0x9F1B, DataFormat.Binary, 4, 4, DataSource.Terminal },
        new object[] { 0x9F1C, DataFormat.Alphanumeric, 8, 8, DataSource.Terminal },
        new object[] { 0x9F1D, DataFormat.Binary, 1, 8, DataSource.Terminal },
        new object[] { 0x9F1E, DataFormat.Alphanumeric, 8, 8, DataSource.Terminal },
        new object[] { 0x9F1F, DataFormat.AlphanumericSpecial, 0, 255, DataSource.Card },
        new object[] { 0x9F20, DataFormat.CompressedNumeric, 0, 255, DataSource.Card },
        new object[] { 0x9F21, DataFormat.Numeric, 3, 3, DataSource.Terminal },
        new object[] { 0x9F22, DataFormat.Binary, 1, 1, DataSource.Terminal },
        new object[] { 0x9F23, DataFormat.Binary, 1, 1, DataSource.Card },
        new object[] { 0x9F24, DataFormat.Alphanumeric, 29, 29, DataSource.Card },
        new object[] { 0x9F25, DataFormat.Numeric, 2, 2, DataSource.Card },
        new object[] { 0x9F26, DataFormat.Binary, 8, 8, DataSource.Card },
        new object[] { 0x9F27, DataFormat.Binary, 1, 1, DataSource.Card },
        new object[] { 0x9F2D, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x9F2E, DataFormat.Binary, 1, 3, DataSource.Card },
        new object[] { 0x9F2F, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x9F30, DataFormat.Binary, 3, 3, DataSource.Terminal },
        new object[] { 0x9F32, DataFormat.Binary, 1, 3, DataSource.Card },
        new object[] { 0x9F33, DataFormat.Binary, 3, 3, DataSource.Terminal },
        new object[] { 0x9F34, DataFormat.Binary, 3, 3, DataSource.Terminal },
        new object[] { 0x9F35, DataFormat.Numeric, 1, 1, DataSource.Terminal },
        new object[] { 0x9F36, DataFormat.Binary, 2, 2, DataSource.Card },
        new object[] { 0x9F37, DataFormat.Binary, 4, 4, DataSource.Terminal },
        new object[] { 0x9F38, DataFormat.Binary, 0, 255, DataSource.Card },
        new object[] { 0x9F39, DataFormat.Numeric, 1, 1, DataSource.Terminal },
        new object[] { 0x9F3A, DataFormat.Binary, 4, 4, DataSource.Terminal },
        new object[] { 0x9F3B, DataFormat.Numeric, 2, 8, DataSource.Card },
        new object[] { 0x9F3C, DataFormat.Numeric, 2, 2, DataSource.Terminal },
        new object[] { 0x9F3D, DataFormat.Numeric, 1, 1, DataSource.Terminal },
        new object[] { 0x9F40, DataFormat.Binary, 5, 5, DataSource.Terminal },
        new object[] { 0x9F41, DataFormat.Numeric, 2, 4, DataSource.Terminal },
        new object[] { 0x9F42, DataFormat.Numeric, 2, 2, DataSource.Card },
        new object[] { 0x9F43, DataFormat.Numeric, 1, 4, DataSource.Card },
        new object[] { 0x9F44, DataFormat.Numeric, 1, 1, DataSource.Card },
        new object[] { 0x9F45, DataFormat.Binary, 2, 2, DataSource.Card },
        new object[] { 0x9F46, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x9F47, DataFormat.Binary, 1, 3, DataSource.Card },
        new object[] { 0x9F48, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x9F49, DataFormat.Binary, 0, 252, DataSource.Card },
        new object[] { 0x9F4A, DataFormat.Binary, 0, 255, DataSource.Card },
        new object[] { 0x9F4B, DataFormat.Binary, 1, 248, DataSource.Card },
        new object[] { 0x9F4C, DataFormat.Binary, 2, 8, DataSource.Card },
        new object[] { 0x9F4D, DataFormat.Binary, 2, 2, DataSource.Card },
        new object[] { 0x9F4E, DataFormat.AlphanumericSpecial, 0, 255, DataSource.Terminal },
        new object[] { 0x9F4F, DataFormat.Binary, 0, 255, DataSource.Card },
        new object[] { 0xA5, DataFormat.Variable, 0, 255, DataSource.Card },
        new object[] { 0xBF0C, DataFormat.Variable, 0, 222, DataSource.Card },
        new object[] { 0x7F60, DataFormat.Binary, 0, 255, DataSource.Card },
        new object[] { 0xBF4C, DataFormat.Binary, 0, 255, DataSource.Card },
        new object[] { 0xBF4E, DataFormat.Binary, 0, 255, DataSource.Terminal },
    };

    [Fact]
    public void Has_at_least_200_entries()
    {
        Assert.True(EmvDictionary.Count >= 200, "count " + EmvDictionary.Count);
    }

    [Fact]
    public void Tags_are_strictly_ascending_so_no_duplicates()
    {
        for (int i = 1; i < EmvDictionary.Count; i++)
            Assert.True(EmvDictionary.TagAt(i - 1) < EmvDictionary.TagAt(i),
                $"entry {i}: {EmvDictionary.TagAt(i - 1):X} then {EmvDictionary.TagAt(i):X}");
    }

    [Fact]
    public void Every_tag_is_a_well_formed_ber_tag()
    {
        // Book 3 Annex B1: first byte b5-b1 = 11111 announces subsequent bytes; every subsequent byte but the
        // last has b8 = 1; a one-byte tag does not have b5-b1 = 11111.
        for (int i = 0; i < EmvDictionary.Count; i++)
        {
            int tag = EmvDictionary.TagAt(i);
            byte[] bytes = TagBytes(tag);
            bool multi = (bytes[0] & 0x1F) == 0x1F;
            Assert.True(multi == (bytes.Length > 1), $"{tag:X}: first byte and length disagree");
            for (int j = 1; j < bytes.Length; j++)
                Assert.True(((bytes[j] & 0x80) != 0) == (j < bytes.Length - 1), $"{tag:X}: continuation bit of byte {j + 1}");
        }
    }

    [Fact]
    public void Every_entry_has_a_name_and_a_sane_length_range()
    {
        for (int i = 0; i < EmvDictionary.Count; i++)
        {
            DataElement e = EmvDictionary.ElementAt(i);
            Assert.False(string.IsNullOrWhiteSpace(e.Name), $"{e.Tag:X} has no name");
            Assert.True(e.MinLength <= e.MaxLength && e.MaxLength > 0, $"{e.Tag:X} length {e.MinLength}-{e.MaxLength}");
            Assert.NotNull(e.Template);
        }
    }

    [Theory]
    [MemberData(nameof(Book3))]
    public void Book3_annex_A_element_is_present_with_format_length_and_source(int tag, DataFormat format, int min, int max, DataSource source)
    {
        DataElement e = EmvDictionary.Find(tag);
        Assert.NotNull(e);
        Assert.Equal(tag, e.Tag);
        Assert.False(string.IsNullOrWhiteSpace(e.Name));
        Assert.Equal(format, e.Format);
        Assert.Equal(min, e.MinLength);
        Assert.Equal(max, e.MaxLength);
        Assert.Equal(source, e.Source);
        Assert.Equal(format, EmvDictionary.FormatOf(tag));
        Assert.Equal(e.Name, EmvDictionary.NameOf(tag));
    }

    [Fact]
    public void Spot_checks_against_annex_A()
    {
        DataElement amount = EmvDictionary.Find(0x9F02);
        Assert.Equal("Amount, Authorised (Numeric)", amount.Name);
        Assert.Equal(DataFormat.Numeric, amount.Format);
        Assert.True(amount.IsFixedLength);
        Assert.Equal(6, amount.MaxLength);
        Assert.Equal(DataSource.Terminal, amount.Source);

        DataElement pan = EmvDictionary.Find(0x5A);
        Assert.Equal("Application Primary Account Number (PAN)", pan.Name);
        Assert.Equal(DataFormat.CompressedNumeric, pan.Format);
        Assert.Equal(10, pan.MaxLength);
        Assert.Equal(DataSource.Card, pan.Source);
        Assert.Equal("70 or 77", pan.Template);

        DataElement cvm = EmvDictionary.Find(0x8E);
        Assert.Equal(DataFormat.Binary, cvm.Format);
        Assert.Equal(10, cvm.MinLength);
        Assert.Equal(252, cvm.MaxLength);
        Assert.True(cvm.IsLengthValid(10));
        Assert.False(cvm.IsLengthValid(9));
        Assert.False(cvm.IsLengthValid(253));

        Assert.Equal("Terminal Verification Results", EmvDictionary.NameOf(0x95));
        Assert.Equal("A5", EmvDictionary.Find(0x9F38).Template);
        Assert.Equal("61 or A5", EmvDictionary.Find(0x50).Template);
        Assert.Equal("BF0C or 73", EmvDictionary.Find(0x5F50).Template);
        Assert.Equal("77 or 80", EmvDictionary.Find(0x9F26).Template);
        Assert.Equal("", EmvDictionary.Find(0x9F37).Template);
    }

    [Fact]
    public void Spot_checks_of_contactless_elements()
    {
        DataElement ttq = EmvDictionary.Find(0x9F66);
        Assert.Equal("Terminal Transaction Qualifiers (TTQ)", ttq.Name);
        Assert.Equal(4, ttq.MinLength);
        Assert.Equal(4, ttq.MaxLength);
        Assert.Equal(DataSource.Terminal, ttq.Source);

        Assert.Equal("Outcome Parameter Set", EmvDictionary.NameOf(0xDF8129));
        Assert.Equal(8, EmvDictionary.Find(0xDF8129).MaxLength);
        Assert.Equal(DataFormat.Numeric, EmvDictionary.FormatOf(0xDF8123));
        Assert.Equal(6, EmvDictionary.Find(0xDF8126).MaxLength);
        Assert.Equal(DataFormat.Numeric, EmvDictionary.FormatOf(0xDF812D));
        Assert.Equal(22, EmvDictionary.Find(0xDF8116).MaxLength);
        Assert.Equal(4, EmvDictionary.Find(0xDF8302).MaxLength);
        Assert.Equal(DataSource.Card, EmvDictionary.Find(0xDF8302).Source);
        Assert.Contains("Card Transaction Qualifiers", EmvDictionary.NameOf(0x9F6C));
        Assert.Contains("Form Factor Indicator", EmvDictionary.NameOf(0x9F6E));
        Assert.Contains("Third Party Data", EmvDictionary.NameOf(0x9F6E));
        Assert.Equal("Kernel Identifier", EmvDictionary.NameOf(0x9F2A));
        Assert.Equal("Application Program Identifier (Program ID)", EmvDictionary.NameOf(0x9F5A));
    }

    [Fact]
    public void Unknown_tags_give_null_and_binary()
    {
        foreach (int tag in new[] { 0x00, 0x01, 0x9F7B, 0xDF01, 0xDF8100, 0x7FFFFFFF, -1 })
        {
            Assert.Null(EmvDictionary.Find(tag));
            Assert.Null(EmvDictionary.NameOf(tag));
            Assert.False(EmvDictionary.Contains(tag));
            Assert.Equal(DataFormat.Binary, EmvDictionary.FormatOf(tag));
        }
    }

    [Fact]
    public void Find_agrees_with_enumeration()
    {
        for (int i = 0; i < EmvDictionary.Count; i++)
        {
            int tag = EmvDictionary.TagAt(i);
            Assert.Equal(tag, EmvDictionary.Find(tag).Tag);
            Assert.True(EmvDictionary.Contains(tag));
        }
    }

    [Fact]
    public void Index_out_of_range_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmvDictionary.TagAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmvDictionary.ElementAt(EmvDictionary.Count));
    }

    [Fact]
    public void ToString_shows_tag_name_format_length_source_and_template()
    {
        Assert.Equal("9F02 Amount, Authorised (Numeric) [n, 6, Terminal]", EmvDictionary.Find(0x9F02).ToString());
        Assert.Equal("8E Cardholder Verification Method (CVM) List [b, 10-252, Card, in 70 or 77]", EmvDictionary.Find(0x8E).ToString());
    }

    private static byte[] TagBytes(int tag)
    {
        var list = new List<byte>();
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            int b = (tag >> shift) & 0xFF;
            if (list.Count > 0 || b != 0) list.Add((byte)b);
        }
        return list.ToArray();
    }
}
