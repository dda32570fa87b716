using CsCheck;
using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;
using Terminal.Tests.Tlv;
using Xunit;

namespace Terminal.Tests.Dol;

/// <summary>Property and fuzz tests of DOL parsing, building and the Book 3, 5.4 fitting rules.</summary>
public class DataObjectListPropertyTests
{
    /// <summary>Gives every tag a value of (tag mod 9) bytes and a format chosen by tag mod 6; 0x..0 tags are absent.</summary>
    private sealed class SyntheticSource : IDolDataSource
    {
        public byte[] Get(int tag)
        {
            if ((tag & 0xF) == 0) return null;
            byte[] value = new byte[tag % 9];
            for (int i = 0; i < value.Length; i++) value[i] = (byte)(tag + i);
            return value;
        }
        public DataFormat FormatOf(int tag) => (DataFormat)(tag % 6);
    }

    private static readonly SyntheticSource Source = new();

    /// <summary>
    /// Parses; only TlvException may escape; an accepted DOL must build DataLength bytes. Allocation: a
    /// parse makes two int arrays of at most input/2 entries (4 bytes each) and one small object, so at
    /// most 4 bytes per input byte + 256; a rejected DOL only the exception (same bound as the TLV parser).
    /// </summary>
    private static void ParseAndBuild(byte[] input)
    {
        DataObjectList dol;
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            dol = DataObjectList.Parse(input);
        }
        catch (TlvException ex)
        {
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before <= TlvPropertyTests.RejectAllocationBound);
            Assert.InRange(ex.Offset, 0, input.Length);
            return;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= 4L * input.Length + 256, $"parsing a {input.Length}-byte DOL allocated {allocated} bytes");
        int sum = 0;
        for (int i = 0; i < dol.Count; i++) sum += dol.LengthAt(i);
        Assert.Equal(sum, dol.DataLength);
        Assert.Equal(dol.DataLength, dol.Build(Source).Length);
        // Every entry is at least 2 bytes, so the parsed arrays never outgrow the input.
        Assert.True(dol.Count <= input.Length / 2);
    }

    private static byte[] EncodeDol((int Tag, byte Length)[] entries) =>
        entries.SelectMany(e => TlvTag.ToBytes(e.Tag).Append(e.Length)).ToArray();

    private static readonly Gen<(int, byte)> Entry = Gen.Select(Gen.Bool.SelectMany(c => TlvGen.Tag(c, true)), Gen.Byte);

    [Fact]
    public void Random_bytes_raise_only_TlvException()
    {
        TlvGen.ArrayOf(Gen.Byte, 0, 120).Sample(ParseAndBuild, iter: FuzzIterations.Value);
    }

    [Fact]
    public void Mutated_valid_DOLs_raise_only_TlvException()
    {
        Gen.Select(TlvGen.ArrayOf(Entry, 0, 16), TlvGen.ArrayOf(TlvGen.MutationGen, 1, 4))
            .Sample((entries, mutations) => ParseAndBuild(TlvGen.Mutate(EncodeDol(entries), mutations)), iter: FuzzIterations.Value);
    }

    [Fact]
    public void Encode_then_parse_gives_the_entries_back()
    {
        TlvGen.ArrayOf(Entry, 0, 16).Sample(entries =>
        {
            var dol = DataObjectList.Parse(EncodeDol(entries));
            Assert.Equal(entries.Length, dol.Count);
            for (int i = 0; i < entries.Length; i++)
            {
                Assert.Equal(entries[i].Item1, dol.TagAt(i));
                Assert.Equal(entries[i].Item2, dol.LengthAt(i));
            }
            Assert.Equal(entries.Sum(e => (int)e.Item2), dol.DataLength);
        }, iter: 10_000);
    }

    /// <summary>
    /// Book 3, 5.4 c/d restated on whole strings: n = the rightmost L bytes of (L zero bytes + value);
    /// cn = the leftmost L bytes of (value + L 'FF' bytes); any other format = the leftmost L bytes of
    /// (value + L zero bytes); absent = L zero bytes.
    /// </summary>
    private static byte[] Expected(byte[] value, DataFormat format, int length)
    {
        if (value == null) return new byte[length];
        if (format == DataFormat.Numeric) return new byte[length].Concat(value).TakeLast(length).ToArray();
        byte pad = format == DataFormat.CompressedNumeric ? (byte)0xFF : (byte)0x00;
        return value.Concat(Enumerable.Repeat(pad, length)).Take(length).ToArray();
    }

    [Fact]
    public void Fit_follows_the_Book3_5_4_rules()
    {
        var gen = Gen.Select(TlvGen.ArrayOf(Gen.Byte, 0, 20), Gen.Bool, Gen.Int[0, 6], Gen.Int[0, 24], Gen.Int[0, 3]);
        gen.Sample((value, absent, format, length, offset) =>
        {
            byte[] dest = Enumerable.Repeat((byte)0xA5, offset + length + 2).ToArray();
            DolValueFormatter.Fit(absent ? null : value, (DataFormat)format, dest, offset, length);
            Assert.Equal(Expected(absent ? null : value, (DataFormat)format, length), dest.Skip(offset).Take(length).ToArray());
            // Bytes outside the entry are untouched.
            Assert.All(dest.Take(offset).Concat(dest.Skip(offset + length)), b => Assert.Equal(0xA5, b));
        }, iter: 20_000);
    }
}
