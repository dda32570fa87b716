using CsCheck;
using Terminal.EmvKernel.Tlv;

namespace Terminal.Tests.Tlv;

/// <summary>A TLV tree built independently of the code under test: primitive (Value) or template (Children).</summary>
public sealed record TlvNode(int Tag, byte[] Value, TlvNode[] Children)
{
    public bool IsTemplate => Children != null;
    public override string ToString() => IsTemplate
        ? TlvTag.ToHex(Tag) + "[" + string.Join(",", Children.Select(c => c.ToString())) + "]"
        : TlvTag.ToHex(Tag) + ":" + Convert.ToHexString(Value);
}

/// <summary>CsCheck generators for tags, trees and byte mutations.</summary>
public static class TlvGen
{
    /// <summary>Arrays of min..max elements (CsCheck's .Array property needs C# 14; the project uses C# 12).</summary>
    public static Gen<T[]> ArrayOf<T>(Gen<T> element, int min, int max) => new GenArray<T>(element)[min, max];

    /// <summary>Gen.Frequency over generators, with the tuple types spelled out for C# 12 inference.</summary>
    public static Gen<T> Weighted<T>(params (int Weight, Gen<T> Gen)[] choices) =>
        Gen.Frequency(choices.Select(c => (c.Weight, (IGen<T>)c.Gen)).ToArray());

    /// <summary>
    /// Valid 1-3 byte BER tags built from the Annex B1 bit rules: class (b8-b7), constructed flag (b6),
    /// number; b5-b1 = 11111 announces more bytes; b8 = 1 in a subsequent byte announces another.
    /// First byte '00' is excluded (padding), and 'FF' unless <paramref name="allowFF"/>.
    /// </summary>
    public static Gen<int> Tag(bool constructed, bool allowFF) => Tags[(constructed ? 2 : 0) + (allowFF ? 1 : 0)];

    private static readonly Gen<int>[] Tags = { MakeTag(false, false), MakeTag(false, true), MakeTag(true, false), MakeTag(true, true) };

    private static Gen<int> MakeTag(bool constructed, bool allowFF) =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[0, 3], Gen.Int[0, 30], Gen.Int[0, 0x7F], Gen.Int[0x80, 0xFF], Gen.Int[0, 0x7F],
            (n, cls, num, b2, b2more, b3) =>
            {
                int first = (cls << 6) | (constructed ? 0x20 : 0);
                if (n == 1) return first == 0 ? -1 : first | num;
                first |= 0x1F;
                if (first == 0xFF && !allowFF) return -1;
                return n == 2 ? (first << 8) | b2 : (first << 16) | (b2more << 8) | b3;
            })
        .Where(t => t > 0);

    /// <summary>Mostly short values, sometimes long enough for the 81 and 82 length forms.</summary>
    public static readonly Gen<byte[]> Value = Weighted((8, ArrayOf(Gen.Byte, 0, 40)), (1, ArrayOf(Gen.Byte, 120, 300)));

    /// <summary>Random trees, at most 4 templates deep, at most 4 children per template.</summary>
    public static Gen<TlvNode> Node(bool allowFF) => Gen.Recursive<TlvNode>((depth, self) =>
    {
        var primitive = Gen.Select(Tag(false, allowFF), Value, (t, v) => new TlvNode(t, v, null));
        if (depth >= 4) return primitive;
        var template = Gen.Select(Tag(true, allowFF), ArrayOf(self, 0, 4), (t, c) => new TlvNode(t, null, c));
        return Weighted((3, primitive), (1, template));
    });

    /// <summary>Encodes with the writer; templates alternate between Begin/End and a pre-encoded value.</summary>
    public static void Write(TlvWriter w, TlvNode n)
    {
        if (!n.IsTemplate) { w.Write(n.Tag, n.Value); return; }
        if ((n.Tag & 1) == 0)
        {
            w.BeginTemplate(n.Tag);
            foreach (var c in n.Children) Write(w, c);
            w.EndTemplate();
        }
        else
        {
            var inner = new TlvWriter();
            foreach (var c in n.Children) Write(inner, c);
            w.Write(n.Tag, inner.ToArray());
        }
    }

    public static byte[] Encode(TlvNode n)
    {
        var w = new TlvWriter();
        Write(w, n);
        return w.ToArray();
    }

    /// <summary>A mutation: kind 0 flip a bit, 1 truncate, 2 insert a byte, 3 delete a byte, 4 set a "special" byte.</summary>
    public sealed record Mutation(int Kind, uint Position, byte Byte);

    public static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Int[0, 4], Gen.UInt, Gen.Byte, (k, p, b) => new Mutation(k, p, b));

    private static readonly byte[] Special = { 0x00, 0xFF, 0x80, 0x81, 0x82, 0x83, 0x84, 0x1F, 0x9F, 0xBF, 0x7F, 0x20 };

    public static byte[] Mutate(byte[] input, Mutation[] mutations)
    {
        var bytes = new List<byte>(input);
        foreach (var m in mutations)
        {
            int n = bytes.Count;
            switch (m.Kind)
            {
                case 0: if (n > 0) { int i = (int)(m.Position % (uint)n); bytes[i] ^= (byte)(1 << (m.Byte & 7)); } break;
                case 1: if (n > 0) bytes.RemoveRange((int)(m.Position % (uint)n), n - (int)(m.Position % (uint)n)); break;
                case 2: bytes.Insert((int)(m.Position % (uint)(n + 1)), m.Byte); break;
                case 3: if (n > 0) bytes.RemoveAt((int)(m.Position % (uint)n)); break;
                default: if (n > 0) bytes[(int)(m.Position % (uint)n)] = Special[m.Byte % Special.Length]; break;
            }
        }
        return bytes.ToArray();
    }
}
