using Terminal.Firmware.Core.Journal;
using Terminal.Tests.Journal;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>
/// The terminal's power supply in the fault campaign: off after a cut until <see cref="Restore"/> (the reboot).
/// A cut can be armed for a journal write (<see cref="ArmWriteCut"/>) or made at once (<see cref="CutNow"/>,
/// e.g. while the terminal waits for an answer).
/// </summary>
public sealed class PowerSupply
{
    private int _cutAtWrite = -1;
    private double _fraction;

    public bool Off { get; private set; }
    public int Writes { get; private set; }
    public int Cuts { get; private set; }

    /// <summary>Cuts the power during the journal write <paramref name="writesAhead"/> from now, keeping <paramref name="fraction"/> of its bytes.</summary>
    public void ArmWriteCut(int writesAhead, double fraction)
    {
        _cutAtWrite = Writes + writesAhead;
        _fraction = fraction;
    }

    public void Disarm() => _cutAtWrite = -1;

    public void CutNow()
    {
        if (!Off) Cuts++;
        Off = true;
        _cutAtWrite = -1;
    }

    public void Restore() => Off = false;

    /// <summary>Called by a slot before a write: how many bytes of <paramref name="count"/> reach the storage (count: all; then no cut).</summary>
    internal int BytesBeforeCut(int count, out bool cut)
    {
        if (Off) throw new PowerCutException();
        cut = Writes++ == _cutAtWrite;
        if (!cut) return count;
        CutNow();
        return (int)(count * _fraction);     // 0 .. count-1: a prefix of the append survives (docs/journal.md power-loss model)
    }
}

/// <summary>
/// A journal slot (<see cref="MemoryJournalStorage"/>, whose bytes survive the cut as flash would) that loses power
/// as <see cref="PowerSupply"/> says: the cut append keeps a prefix, a cut truncate happens or not (atomic), and
/// every write while the power is off throws <see cref="PowerCutException"/>.
/// </summary>
public sealed class PowerCutStorage : IJournalStorage
{
    private readonly MemoryJournalStorage _inner = new();
    private readonly PowerSupply _power;

    public PowerCutStorage(PowerSupply power) => _power = power;

    public int Length => _inner.Length;

    public int Read(int offset, byte[] buffer, int index, int count) => _inner.Read(offset, buffer, index, count);

    public void Append(byte[] data, int index, int count)
    {
        int kept = _power.BytesBeforeCut(count, out bool cut);
        _inner.Append(data, index, kept);
        if (cut) throw new PowerCutException();
    }

    public void Truncate(int length)
    {
        int kept = _power.BytesBeforeCut(2, out bool cut);
        if (!cut || kept >= 1) _inner.Truncate(length);
        if (cut) throw new PowerCutException();
    }
}
