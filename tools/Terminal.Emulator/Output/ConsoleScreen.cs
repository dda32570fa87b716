using Terminal.Emulator.Devices;

namespace Terminal.Emulator.Output;

/// <summary>
/// The interactive screen: the terminal's display in a box, the keypad legend and the card menu, redrawn on every
/// new screen.
/// </summary>
public sealed class ConsoleScreen(TextWriter writer, string[] cards, Func<string> status) : IScreenRenderer
{
    /// <inheritdoc />
    public void Render(Screen screen, int rows, int columns)
    {
        try
        {
            if (!Console.IsOutputRedirected) Console.Clear();
        }
        catch (IOException)
        {
            // no console to clear (redirected): just append
        }
        writer.WriteLine("  TERMINAL EMULATOR (TEST KEYS, TEST CARDS)   " + status());
        writer.WriteLine("  +" + new string('=', columns + 2) + "+");
        foreach (string l in screen.Lines) writer.WriteLine("  | " + l.PadRight(columns) + " |");
        writer.WriteLine("  +" + new string('=', columns + 2) + "+");
        writer.WriteLine("  keypad: 0-9 digits  Enter=OK  Esc=cancel  Backspace=clear  M=menu");
        writer.WriteLine("  cards:  T=tap  I=insert  S=swipe (then the card number)  R=remove  H=host up/down  Q=quit");
        writer.WriteLine("  library: " + cards.Length + " cards; e.g. " + string.Join(", ", cards.Take(3)) + " ...");
    }
}
