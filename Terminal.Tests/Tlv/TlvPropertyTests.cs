using CsCheck;
using Terminal.EmvKernel.Tlv;
using Xunit;

namespace Terminal.Tests.Tlv;

/// <summary>
/// Property and fuzz tests of the BER-TLV parser. Fuzz iterations: TERMINAL_FUZZ_ITERATIONS (default
/// 100000; the documented long run uses 10000000).
/// </summary>
public class TlvPropertyTests
{
    /// <summary>
    /// Allocation bound for a successful parse, derived from the object layout on 64-bit .NET:
    /// the smallest object is 2 input bytes; each costs at most one TlvObject (48 bytes), one array slot
    /// (8), and for a template one TlvList (24) and one array header (24): 104 bytes per 2 input bytes.
    /// The top-level list and array add a constant. Hence 64 bytes per input byte + 256.
    /// </summary>
    public static long ParseAllocationBound(int inputLength) => 64L * inputLength + 256;

    /// <summary>
    /// A rejected input allocates only the exception and its message (about 1.1 KB measured): validation
    /// runs before any object is made, so the bound does not grow with the input.
    /// </summary>
    public const long RejectAllocationBound = 4096;

    private static void AssertSame(TlvNode expected, TlvObject actual)
    {
        Assert.Equal(expected.Tag, actual.Tag);
        Assert.Equal(expected.IsTemplate, actual.IsConstructed);
        if (!expected.IsTemplate)
        {
            Assert.Equal(expected.Value, actual.CopyValue());
            Assert.Equal(0, actual.Children.Count);
            return;
        }
        Assert.Equal(expected.Children.Length, actual.Children.Count);
        for (int i = 0; i < expected.Children.Length; i++) AssertSame(expected.Children[i], actual.Children[i]);
    }

    [Fact]
    public void Build_then_parse_is_identity_with_random_padding()
    {
        // Top-level objects encoded one by one and joined with runs of 00 / FF padding (Book 3 Annex B).
        var gen = Gen.Select(TlvGen.ArrayOf(TlvGen.Node(false), 0, 5), TlvGen.ArrayOf(Gen.Byte[0, 3], 6, 6), TlvGen.ArrayOf(Gen.Bool, 6, 6));
        gen.Sample((nodes, padLengths, padFf) =>
        {
            var bytes = new List<byte>();
            for (int i = 0; i <= nodes.Length; i++)
            {
                for (int p = 0; p < padLengths[i]; p++) bytes.Add((byte)(padFf[i] && p % 2 == 0 ? 0xFF : 0x00));
                if (i < nodes.Length) bytes.AddRange(TlvGen.Encode(nodes[i]));
            }
            TlvList list = TlvParser.Parse(bytes.ToArray());
            Assert.Equal(nodes.Length, list.Count);
            for (int i = 0; i < nodes.Length; i++) AssertSame(nodes[i], list[i]);
        }, iter: 20_000);
    }

    [Fact]
    public void Build_then_parse_is_identity_for_FF_tags_without_FF_padding()
    {
        TlvGen.Node(true).Sample(node =>
        {
            byte[] encoded = TlvGen.Encode(node);
            TlvList list = TlvParser.Parse(encoded, 0, encoded.Length, false);
            Assert.Equal(1, list.Count);
            AssertSame(node, list[0]);
            Assert.Equal(encoded.Length, list[0].EncodedLength);
        }, iter: 20_000);
    }

    [Fact]
    public void Writer_uses_minimal_lengths_so_reencoding_parsed_objects_is_identity()
    {
        TlvGen.Node(false).Sample(node =>
        {
            byte[] encoded = TlvGen.Encode(node);
            TlvObject parsed = TlvParser.Parse(encoded)[0];
            var w = new TlvWriter();
            w.Write(parsed.Tag, parsed.Buffer, parsed.ValueOffset, parsed.ValueLength);
            Assert.Equal(encoded, w.ToArray());
        }, iter: 20_000);
    }

    /// <summary>Parses; only TlvException may escape; checks the allocation bounds.</summary>
    private static void ParseOnly(byte[] input, bool skipFf)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        TlvList list;
        try
        {
            list = TlvParser.Parse(input, 0, input.Length, skipFf);
        }
        catch (TlvException ex)
        {
            long rejected = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(rejected <= RejectAllocationBound, $"rejecting {input.Length} bytes allocated {rejected} bytes");
            Assert.InRange(ex.Offset, 0, input.Length);
            return;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= ParseAllocationBound(input.Length), $"parsing {input.Length} bytes allocated {allocated} bytes");
        // Every accepted object lies inside the input.
        for (int i = 0; i < list.Count; i++)
        {
            Assert.InRange(list[i].EncodedOffset, 0, input.Length - 2);
            Assert.InRange(list[i].ValueOffset + list[i].ValueLength, 0, input.Length);
        }
    }

    [Fact]
    public void Random_bytes_raise_only_TlvException()
    {
        // Bias toward bytes that drive the parser into its branches (multi-byte tags, long lengths, templates).
        var interesting = TlvGen.Weighted((3, Gen.Byte), (1, Gen.OneOf<byte>(0x00, 0xFF, 0x1F, 0x9F, 0xBF, 0x70, 0x80, 0x81, 0x82, 0x83, 0x84, 0x02, 0x7F)));
        var gen = Gen.Select(TlvGen.Weighted((1, TlvGen.ArrayOf(Gen.Byte, 0, 300)), (1, TlvGen.ArrayOf(interesting, 0, 64))), Gen.Bool);
        gen.Sample((bytes, skipFf) => ParseOnly(bytes, skipFf), iter: FuzzIterations.Value);
    }

    [Fact]
    public void Mutated_valid_encodings_raise_only_TlvException()
    {
        var gen = Gen.Select(TlvGen.Node(true), TlvGen.ArrayOf(TlvGen.MutationGen, 1, 4), Gen.Bool);
        gen.Sample((node, mutations, skipFf) => ParseOnly(TlvGen.Mutate(TlvGen.Encode(node), mutations), skipFf),
            iter: FuzzIterations.Value);
    }

    [Fact]
    public void Worst_case_inputs_stay_within_the_allocation_bound()
    {
        // Many tiny objects: 01 00 repeated; many empty templates: 20 00 repeated; a chain of 16 templates.
        foreach (var input in new[]
        {
            Enumerable.Repeat(new byte[] { 0x01, 0x00 }, 500).SelectMany(b => b).ToArray(),
            Enumerable.Repeat(new byte[] { 0x20, 0x00 }, 500).SelectMany(b => b).ToArray(),
            Enumerable.Repeat(new byte[] { 0x20, 0x02, 0x01, 0x00 }, 250).SelectMany(b => b).ToArray(),
            Enumerable.Range(0, 16).SelectMany(i => new byte[] { 0x70, (byte)(2 * (15 - i) + 2) }).Concat(new byte[] { 0x01, 0x00 }).ToArray(),
        })
        {
            TlvParser.Parse(input); // warm-up (JIT, statics)
            ParseOnly(input, true);
        }
    }
}
