using System.Collections;
using System.Text;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Tests.Journal;

/// <summary>The simulated power cut of <see cref="CuttingStorage"/>.</summary>
public sealed class PowerCutException : Exception
{
    public PowerCutException() : base("power cut") { }
}

/// <summary>
/// Counts the writes (Append and Truncate calls) of both slots and cuts one of them: write number
/// <see cref="CutAt"/> keeps only its first <see cref="CutOffset"/> bytes (Append) or happens only when the offset
/// is 1 (Truncate, which is atomic), then throws <see cref="PowerCutException"/>. Every later write also throws:
/// the power is off.
/// </summary>
public sealed class WriteCounter
{
    public int CutAt = -1;
    public int CutOffset;
    public int Writes;
    public bool PowerOff;
    /// <summary>Size of every write seen (Truncate counts as 1: done or not done).</summary>
    public readonly List<int> Sizes = new();
}

/// <summary>A slot over a <see cref="MemoryJournalStorage"/> whose writes a <see cref="WriteCounter"/> can cut.</summary>
public sealed class CuttingStorage : IJournalStorage
{
    private readonly WriteCounter _counter;

    public CuttingStorage(MemoryJournalStorage inner, WriteCounter counter)
    {
        Inner = inner;
        _counter = counter;
    }

    public MemoryJournalStorage Inner { get; }

    public int Length => Inner.Length;

    public int Read(int offset, byte[] buffer, int index, int count) => Inner.Read(offset, buffer, index, count);

    public void Append(byte[] data, int index, int count)
    {
        if (_counter.PowerOff) throw new PowerCutException();
        int n = _counter.Writes++;
        _counter.Sizes.Add(count);
        if (n == _counter.CutAt)
        {
            _counter.PowerOff = true;
            Inner.Append(data, index, _counter.CutOffset);
            throw new PowerCutException();
        }
        Inner.Append(data, index, count);
    }

    public void Truncate(int length)
    {
        if (_counter.PowerOff) throw new PowerCutException();
        int n = _counter.Writes++;
        _counter.Sizes.Add(1);
        if (n == _counter.CutAt)
        {
            _counter.PowerOff = true;
            if (_counter.CutOffset >= 1) Inner.Truncate(length);
            throw new PowerCutException();
        }
        Inner.Truncate(length);
    }
}

/// <summary>Transactions and canonical state text for the journal tests.</summary>
public static class JournalTestKit
{
    /// <summary>A recognisable stand-in for a packed message (content does not matter to the journal).</summary>
    public static byte[] Message(int trace, byte kind)
    {
        byte[] m = new byte[24];
        for (int i = 0; i < m.Length; i++) m[i] = (byte)(kind + trace * 7 + i);
        return m;
    }

    public static JournalTransaction Online(int trace, TransactionKind kind, CardScheme scheme, long amount, string currency)
    {
        var t = new JournalTransaction(trace, kind, scheme, amount, currency, "476173******0010", "0200");
        t.Reversal = Message(trace, 0x04);
        return t;
    }

    public static JournalTransaction Offline(int trace, TransactionKind kind, CardScheme scheme, long amount, string currency)
    {
        var t = new JournalTransaction(trace, kind, scheme, amount, currency, "622526******0017", "0220");
        t.Advice = Message(trace, 0x02);
        return t;
    }

    /// <summary>One line per transaction with every field, plus the counters: equal text = equal state.</summary>
    public static string Describe(TransactionJournal j)
    {
        var sb = new StringBuilder();
        sb.Append("trace=").Append(j.LastTrace).Append(" batch=").Append(j.BatchNumber).Append('\n');
        SettlementAttempt s = j.PendingSettlement;
        if (s != null) sb.Append("settlement=").Append(s.Batch).Append('|').Append(s.Trace).Append('|').Append(Hex.Encode(s.Request)).Append('\n');
        foreach (JournalTransaction t in j.Transactions()) sb.Append(Describe(t)).Append('\n');
        return sb.ToString();
    }

    public static string Describe(JournalTransaction t)
    {
        return string.Join("|", t.Trace, t.Batch, (int)t.Kind, (int)t.Scheme, t.Amount, t.Currency, t.MaskedPan, t.Mti,
            (int)t.State, t.Rrn, t.AuthorizationCode, t.ResponseCode, t.ReversalReason, t.OriginalTrace,
            t.Reversal == null ? "-" : Hex.Encode(t.Reversal), t.Advice == null ? "-" : Hex.Encode(t.Advice));
    }

    public static List<int> Traces(ArrayList list)
    {
        var traces = new List<int>();
        foreach (JournalTransaction t in list) traces.Add(t.Trace);
        return traces;
    }
}
