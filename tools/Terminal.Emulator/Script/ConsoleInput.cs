using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Emulator.Script;

/// <summary>
/// Interactive input: the keyboard is the keypad (digits, Enter, Esc=cancel, Backspace=clear, M=menu, arrows), and
/// T/I/S pick a library card to tap, insert or swipe, R removes the inserted card, H toggles the host, Q quits. Time
/// is the PC's.
/// </summary>
public sealed class ConsoleInput(IMonotonicClock clock, string[] cards, TextWriter writer, Action<string> host) : TerminalInput
{
    private bool _hostDown;

    /// <inheritdoc />
    public override IMonotonicClock Clock => clock;

    /// <inheritdoc />
    public override void Elapse(long ms)
    {
    }

    /// <inheritdoc />
    public override void Idle(int timeoutMs)
    {
        Settle();
        long end = clock.NowMilliseconds + Math.Max(1, timeoutMs);
        do
        {
            if (Console.KeyAvailable)
            {
                Handle(Console.ReadKey(true));
                return;
            }
            Thread.Sleep(20);
        }
        while (clock.NowMilliseconds < end);
    }

    private void Handle(ConsoleKeyInfo k)
    {
        KeyCode? key = k.Key switch
        {
            ConsoleKey.Enter => KeyCode.Enter,
            ConsoleKey.Escape => KeyCode.Cancel,
            ConsoleKey.Backspace => KeyCode.Clear,
            ConsoleKey.M => KeyCode.Menu,
            ConsoleKey.UpArrow => KeyCode.Up,
            ConsoleKey.DownArrow => KeyCode.Down,
            _ => char.IsAsciiDigit(k.KeyChar) ? (KeyCode)(k.KeyChar - '0') : null,
        };
        if (key != null)
        {
            Enqueue(new ScriptStep(0, StepKind.Key, "key " + key) { Key = key.Value });
            return;
        }
        switch (k.Key)
        {
            case ConsoleKey.T: Pick(StepKind.Tap, "tap"); break;
            case ConsoleKey.I: Pick(StepKind.Insert, "insert"); break;
            case ConsoleKey.S: Pick(StepKind.Swipe, "swipe"); break;
            case ConsoleKey.R: Enqueue(new ScriptStep(0, StepKind.Remove, "remove")); break;
            case ConsoleKey.H:
                _hostDown = !_hostDown;
                host(_hostDown ? "down" : "up");
                writer.WriteLine("  host is " + (_hostDown ? "DOWN" : "up"));
                break;
            case ConsoleKey.Q: throw new ScriptEndException();
        }
    }

    private void Pick(StepKind kind, string verb)
    {
        writer.WriteLine();
        for (int i = 0; i < cards.Length; i++) writer.WriteLine("  " + (i + 1).ToString().PadLeft(3) + "  " + cards[i]);
        writer.Write("  " + verb + " which card (number or name, empty: none)? ");
        string answer = Console.ReadLine()?.Trim();
        if (string.IsNullOrEmpty(answer)) return;
        string card = int.TryParse(answer, out int n) && n >= 1 && n <= cards.Length ? cards[n - 1] : answer;
        Enqueue(new ScriptStep(0, kind, verb + " " + card) { Text = card });
    }
}
