#nullable enable
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Tlv;

namespace Terminal.Tests.Kernel.Faults;

/// <summary>The faults the sweep injects into one response (or instead of it).</summary>
public enum FaultKind
{
    /// <summary>The card is pulled out: this command and every later one throw <see cref="CardRemovedException"/>.</summary>
    CardRemoved,
    /// <summary>The card executes the command but answers only the status word <see cref="Fault.StatusWord"/>.</summary>
    StatusWord,
    /// <summary>The data field is cut to half its length; the status word stays.</summary>
    TruncatedData,
    /// <summary>The R-APDU is cut to one byte: no status word at all.</summary>
    TruncatedApdu,
    /// <summary>The first top-level object declares 3 bytes more than it holds (BER-TLV length overrun).</summary>
    OverlongLength,
    /// <summary>A constructed template gets a dangling tag byte '9F' after its children (malformed inner TLV).</summary>
    BrokenInnerTlv,
    /// <summary>The first primitive object is repeated (inside the template, or after a primitive top-level object).</summary>
    DuplicateTag,
    /// <summary>The first primitive object gets one extra byte '00' (wrong-length data).</summary>
    WrongLengthLonger,
    /// <summary>The last primitive object loses its last byte (wrong-length data).</summary>
    WrongLengthShorter,
}

/// <summary>One fault: its kind and, for <see cref="FaultKind.StatusWord"/>, the status word.</summary>
public sealed record Fault(FaultKind Kind, int StatusWord = 0)
{
    public override string ToString() => Kind == FaultKind.StatusWord ? "SW " + StatusWord.ToString("X4") : Kind.ToString();

    /// <summary>The fault list of the sweep: removal, five status words, two truncations, five TLV faults.</summary>
    public static readonly Fault[] All =
    {
        new(FaultKind.CardRemoved),
        // 6F00 no precise diagnosis, 6A88 referenced data not found, 6985 conditions of use not satisfied,
        // 6A81 function not supported, 6700 wrong length (ISO 7816-4, 5.1.3).
        new(FaultKind.StatusWord, 0x6F00), new(FaultKind.StatusWord, 0x6A88), new(FaultKind.StatusWord, 0x6985),
        new(FaultKind.StatusWord, 0x6A81), new(FaultKind.StatusWord, 0x6700),
        new(FaultKind.TruncatedData), new(FaultKind.TruncatedApdu),
        new(FaultKind.OverlongLength), new(FaultKind.BrokenInnerTlv), new(FaultKind.DuplicateTag),
        new(FaultKind.WrongLengthLonger), new(FaultKind.WrongLengthShorter),
    };

    /// <summary>
    /// The response the faulty card gives instead of <paramref name="response"/>, or null when the fault does not
    /// apply to it (a TLV fault on a response without TLV data).
    /// </summary>
    public byte[]? Apply(byte[] response)
    {
        if (response.Length < 2) return null;
        byte[] data = response[..^2];
        byte[] sw = response[^2..];
        switch (Kind)
        {
            case FaultKind.StatusWord:
                return new[] { (byte)(StatusWord >> 8), (byte)StatusWord };
            case FaultKind.TruncatedData:
                return data.Length < 2 ? null : [.. data[..(data.Length / 2)], .. sw];
            case FaultKind.TruncatedApdu:
                return response[..1];
        }
        TlvObject? top = TopLevel(data);
        if (top == null) return null;
        byte[]? mutated = Kind switch
        {
            FaultKind.OverlongLength => [.. Header(top.Tag, top.ValueLength + 3), .. top.CopyValue(), .. data[top.EncodedLength..]],
            FaultKind.BrokenInnerTlv => top.IsConstructed ? Rebuild(top, data, [.. top.CopyValue(), 0x9F]) : null,
            FaultKind.DuplicateTag => Duplicate(top, data),
            FaultKind.WrongLengthLonger => Resize(top, data, first: true, delta: +1),
            FaultKind.WrongLengthShorter => Resize(top, data, first: false, delta: -1),
            _ => null,
        };
        return mutated == null ? null : [.. mutated, .. sw];
    }

    private static TlvObject? TopLevel(byte[] data)
    {
        if (data.Length == 0) return null;
        try
        {
            TlvList list = TlvParser.Parse(data);
            return list.Count == 0 ? null : list[0];
        }
        catch (TlvException)
        {
            return null;
        }
    }

    private static byte[] Header(int tag, int length)
    {
        var w = new TlvWriter();
        w.WriteHeader(tag, length);
        return w.ToArray();
    }

    private static byte[] Tlv(int tag, byte[] value)
    {
        var w = new TlvWriter();
        w.Write(tag, value);
        return w.ToArray();
    }

    // The top-level object with a new value, then whatever followed it in the data field.
    private static byte[] Rebuild(TlvObject top, byte[] data, byte[] value) => [.. Tlv(top.Tag, value), .. data[top.EncodedLength..]];

    private static byte[]? Duplicate(TlvObject top, byte[] data)
    {
        if (!top.IsConstructed) return [.. top.CopyEncoded(), .. data];
        TlvObject? child = Primitive(top, first: true);
        return child == null ? null : Rebuild(top, data, [.. top.CopyValue(), .. child.CopyEncoded()]);
    }

    private static byte[]? Resize(TlvObject top, byte[] data, bool first, int delta)
    {
        if (!top.IsConstructed)
        {
            byte[] v = top.CopyValue();
            if (delta < 0 && v.Length < 2) return null;
            return Rebuild(top, data, delta > 0 ? [.. v, 0x00] : v[..^1]);
        }
        TlvObject? child = Primitive(top, first);
        if (child == null) return null;
        byte[] cv = child.CopyValue();
        if (delta < 0 && cv.Length < 2) return null;
        byte[] replaced = Tlv(child.Tag, delta > 0 ? [.. cv, 0x00] : cv[..^1]);
        var value = new List<byte>();
        for (int i = 0; i < top.Children.Count; i++)
        {
            TlvObject c = top.Children[i];
            value.AddRange(ReferenceEquals(c, child) ? replaced : c.CopyEncoded());
        }
        return Rebuild(top, data, value.ToArray());
    }

    private static TlvObject? Primitive(TlvObject template, bool first)
    {
        TlvObject? found = null;
        for (int i = 0; i < template.Children.Count; i++)
        {
            TlvObject c = template.Children[i];
            if (c.IsConstructed) continue;
            found = c;
            if (first) break;
        }
        return found;
    }
}

/// <summary>
/// A card channel in front of a real (virtual) card that records every command and injects one
/// <see cref="Fault"/> at the 0-based command index <see cref="Target"/> (-1: none).
/// </summary>
public sealed class FaultChannel(ICardChannel card, int target, Fault? fault) : ICardChannel
{
    private bool _removed;

    public int Target => target;
    public List<byte[]> Commands { get; } = new();
    /// <summary>True when the fault changed the exchange at <see cref="Target"/>.</summary>
    public bool Injected { get; private set; }

    public byte[] Transmit(byte[] command)
    {
        int index = Commands.Count;
        Commands.Add((byte[])command.Clone());
        if (_removed) throw new CardRemovedException(CardRemovedReason.Removed);
        if (index == target && fault != null && fault.Kind == FaultKind.CardRemoved)
        {
            _removed = true;
            Injected = true;
            throw new CardRemovedException(CardRemovedReason.Removed);
        }
        byte[] response = card.Transmit(command);
        if (index != target || fault == null) return response;
        byte[]? faulty = fault.Apply(response);
        if (faulty == null || faulty.AsSpan().SequenceEqual(response)) return response;
        Injected = true;
        return faulty;
    }
}

/// <summary>A card channel that passes every (command, response) through <paramref name="rewrite"/>.</summary>
public sealed class RewriteChannel(ICardChannel card, Func<byte[], byte[], byte[]> rewrite) : ICardChannel
{
    public byte[] Transmit(byte[] command) => rewrite(command, card.Transmit(command));
}
