using Terminal.Firmware.Core.Storage;

namespace Terminal.Tests.Storage;

/// <summary>The power went off (thrown by <see cref="CuttingFlashFiles"/> when its budget runs out).</summary>
public sealed class PowerCut : Exception
{
    public PowerCut() : base("power cut") { }
}

/// <summary>
/// An in-memory <see cref="IFlashFiles"/> that models a power cut after a budget of effects: each appended byte and
/// each clear costs one; when the budget is spent the operation stops where it is (an append keeps the bytes written
/// so far; a clear is either done or not) and <see cref="PowerCut"/> is thrown. The files survive for a "reboot".
/// </summary>
public sealed class CuttingFlashFiles : IFlashFiles
{
    private readonly Dictionary<string, List<byte>> _files = new(StringComparer.Ordinal);

    /// <summary>Effects left before the cut; negative: no cut.</summary>
    public long Budget { get; set; } = -1;

    /// <summary>Effects performed so far (appended bytes plus clears).</summary>
    public long Effects { get; private set; }

    public byte[] Content(string name) => _files.TryGetValue(name, out var f) ? f.ToArray() : Array.Empty<byte>();

    public int Length(string name) => _files.TryGetValue(name, out var f) ? f.Count : 0;

    public int ReadAt(string name, int offset, byte[] buffer, int index, int count)
    {
        if (!_files.TryGetValue(name, out var f) || offset >= f.Count) return 0;
        int n = Math.Min(count, f.Count - offset);
        f.CopyTo(offset, buffer, index, n);
        return n;
    }

    public void Append(string name, byte[] data, int index, int count)
    {
        if (!_files.TryGetValue(name, out var f)) _files[name] = f = new List<byte>();
        for (int i = 0; i < count; i++)
        {
            Spend();
            f.Add(data[index + i]);
        }
    }

    public void Clear(string name)
    {
        Spend();
        _files[name] = new List<byte>();
    }

    private void Spend()
    {
        if (Budget == 0) throw new PowerCut();
        if (Budget > 0) Budget--;
        Effects++;
    }
}
