using Terminal.Firmware.Core.Hardware;

namespace Terminal.Emulator.Devices;

/// <summary>One screen the terminal showed.</summary>
public sealed class Screen(int number, long atMs, string[] lines)
{
    /// <summary>1-based order of the screen in the run.</summary>
    public int Number { get; } = number;

    /// <summary>Monotonic clock time when it was shown.</summary>
    public long AtMs { get; } = atMs;

    /// <summary>The lines as shown.</summary>
    public string[] Lines { get; } = lines;

    /// <summary>True when a line contains <paramref name="text"/> (case-insensitive).</summary>
    public bool Contains(string text) => Lines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Draws screens somewhere (the console box, the transcript).</summary>
public interface IScreenRenderer
{
    /// <summary>Draws a newly shown screen.</summary>
    void Render(Screen screen, int rows, int columns);
}

/// <summary>
/// The emulated display: <see cref="Rows"/> x <see cref="Columns"/> characters. Every screen is kept in order (the
/// transcript); a screen equal to the one on display is not repeated. Lines longer than the display are cut.
/// </summary>
public sealed class ScreenDisplay(Func<long> clock, IScreenRenderer renderer) : IDisplay
{
    private readonly List<Screen> _screens = new();

    /// <inheritdoc />
    public int Rows => 6;

    /// <inheritdoc />
    public int Columns => 24;

    /// <summary>Every screen shown so far, in order.</summary>
    public IReadOnlyList<Screen> Screens => _screens;

    /// <summary>The screen on display, or null before the first.</summary>
    public Screen Current => _screens.Count == 0 ? null : _screens[^1];

    /// <inheritdoc />
    public void Show(string[] lines)
    {
        var fitted = new string[Rows];
        for (int i = 0; i < Rows; i++)
        {
            string l = lines != null && i < lines.Length && lines[i] != null ? lines[i] : "";
            fitted[i] = l.Length > Columns ? l.Substring(0, Columns) : l;
        }
        if (Current != null && Current.Lines.SequenceEqual(fitted)) return;
        var screen = new Screen(_screens.Count + 1, clock(), fitted);
        _screens.Add(screen);
        renderer?.Render(screen, Rows, Columns);
    }
}
