using Terminal.Emulator.Devices;

namespace Terminal.Emulator.Output;

/// <summary>The scripted mode's transcript: every screen in order, as a box, with its time on the virtual clock.</summary>
public sealed class TranscriptRenderer(TextWriter writer) : IScreenRenderer
{
    /// <inheritdoc />
    public void Render(Screen screen, int rows, int columns)
    {
        writer.WriteLine("screen " + screen.Number + " at " + screen.AtMs + " ms");
        writer.WriteLine("+" + new string('-', columns) + "+");
        foreach (string l in screen.Lines) writer.WriteLine("|" + l.PadRight(columns) + "|");
        writer.WriteLine("+" + new string('-', columns) + "+");
    }
}
