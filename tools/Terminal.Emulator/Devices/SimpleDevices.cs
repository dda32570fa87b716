using Terminal.Firmware.Core.Hardware;

namespace Terminal.Emulator.Devices;

/// <summary>LEDs and beeper: the last signal is kept (shown in the console legend).</summary>
public sealed class EmulatedIndicators : IIndicators
{
    /// <summary>The last signal shown.</summary>
    public Signal Last { get; private set; }

    /// <inheritdoc />
    public void Show(Signal signal) => Last = signal;
}

/// <summary>The receipt printer: printed receipts are kept as text (and shown through <see cref="Printed"/>).</summary>
public sealed class TextPrinter : IReceiptPrinter
{
    /// <summary>Every receipt printed, in order.</summary>
    public List<string[]> Receipts { get; } = new();

    /// <summary>Called with each receipt, or null.</summary>
    public Action<string[]> Printed { get; set; }

    /// <inheritdoc />
    public void Print(string[] lines)
    {
        string[] copy = (string[])lines.Clone();
        Receipts.Add(copy);
        Printed?.Invoke(copy);
    }
}

/// <summary>Settings storage in memory (the emulator starts from the built-in configuration every run).</summary>
public sealed class MemorySettingsStorage : ISettingsStorage
{
    private readonly Dictionary<string, byte[]> _items = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public byte[] Read(string name) => _items.TryGetValue(name, out byte[] v) ? (byte[])v.Clone() : null;

    /// <inheritdoc />
    public void Write(string name, byte[] content) => _items[name] = (byte[])content.Clone();
}

/// <summary>The network link of the emulator: up unless the scenario says "host down".</summary>
public sealed class EmulatedNetwork : INetworkLink
{
    /// <summary>False while the host is down.</summary>
    public bool Up { get; set; } = true;

    /// <inheritdoc />
    public bool IsUp => Up;

    /// <inheritdoc />
    public bool Connect(string ssid, string password, int timeoutMs) => Up;
}

/// <summary>A fixed wall clock (scripted runs are reproducible) or the PC's clock.</summary>
public sealed class EmulatedWallClock(DateTime? fixedTime) : IWallClock
{
    /// <summary>The date of scripted runs: the library's reference transaction date, 2026-06-15 12:00.</summary>
    public static readonly DateTime ScriptDate = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Local);

    /// <inheritdoc />
    public DateTime Now => fixedTime ?? DateTime.Now;
}
