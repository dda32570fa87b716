using System.Globalization;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Emulator.Script;

/// <summary>A scenario line that cannot be read.</summary>
public sealed class ScriptFormatException(int line, string message) : Exception("scenario line " + line + ": " + message)
{
    /// <summary>1-based line.</summary>
    public int Line { get; } = line;
}

/// <summary>
/// The scenario format of the scripted mode (tools/Terminal.Emulator/README.md). One command a line; '#' starts a
/// comment; blank lines are ignored:
/// <code>
/// key 1 | key enter | key cancel | key clear | key menu | key up | key down
/// amount 12.34          the digits of the amount in minor units, then Enter
/// pin 1234              the digits, then Enter
/// tap CARD | insert CARD | swipe CARD     a card of the test-card library (cards/CARD.card) or a .card file
/// remove                the inserted card is taken out
/// wait SECONDS          nobody acts for that long (the virtual clock moves; timeouts fire)
/// host down | host up | host approve | host decline
/// expect screen "TEXT"  a screen shown since the previous input contains TEXT
/// expect FIELD VALUE    the last transaction record's field (outcome, decision, reason, entry-mode, card, tvr,
///                       tsi, cvm, response-code) equals VALUE (case-insensitive)
/// </code>
/// </summary>
public static class ScenarioScript
{
    /// <summary>Record fields an "expect FIELD VALUE" line may name.</summary>
    public static readonly string[] Fields = ["outcome", "decision", "reason", "entry-mode", "card", "tvr", "tsi", "cvm", "response-code"];

    /// <summary>Parses a whole scenario; a bad line raises <see cref="ScriptFormatException"/>.</summary>
    public static List<ScriptStep> Parse(string text)
    {
        var steps = new List<ScriptStep>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            ParseLine(i + 1, line, steps);
        }
        return steps;
    }

    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == '#' && !quoted) return line.Substring(0, i);
        }
        return line;
    }

    private static void ParseLine(int n, string line, List<ScriptStep> steps)
    {
        int space = line.IndexOf(' ');
        string command = (space < 0 ? line : line.Substring(0, space)).ToLowerInvariant();
        string rest = space < 0 ? "" : line.Substring(space + 1).Trim();
        switch (command)
        {
            case "key":
                steps.Add(new ScriptStep(n, StepKind.Key, line) { Key = KeyOf(n, rest) });
                break;
            case "amount":
                Digits(n, line, AmountDigits(n, rest), steps);
                break;
            case "pin":
                if (rest.Length < 4 || rest.Length > 12 || !rest.All(char.IsAsciiDigit)) throw new ScriptFormatException(n, "a PIN is 4 to 12 digits");
                Digits(n, line, rest, steps);
                break;
            case "tap":
            case "insert":
            case "swipe":
                if (rest.Length == 0) throw new ScriptFormatException(n, command + " needs a card name (cards/NAME.card)");
                steps.Add(new ScriptStep(n, command == "tap" ? StepKind.Tap : command == "insert" ? StepKind.Insert : StepKind.Swipe, line) { Text = rest });
                break;
            case "remove":
                NoArgument(n, command, rest);
                steps.Add(new ScriptStep(n, StepKind.Remove, line));
                break;
            case "wait":
                if (!decimal.TryParse(rest, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal seconds) || seconds <= 0 || seconds > 3600)
                    throw new ScriptFormatException(n, "wait takes seconds (0 < s <= 3600)");
                steps.Add(new ScriptStep(n, StepKind.Wait, line) { Number = (long)(seconds * 1000) });
                break;
            case "host":
                string mode = rest.ToLowerInvariant();
                if (mode is not ("down" or "up" or "approve" or "decline")) throw new ScriptFormatException(n, "host down|up|approve|decline");
                steps.Add(new ScriptStep(n, StepKind.Host, line) { Text = mode });
                break;
            case "expect":
                steps.Add(Expect(n, line, rest));
                break;
            default:
                throw new ScriptFormatException(n, "unknown command '" + command + "'");
        }
    }

    private static ScriptStep Expect(int n, string line, string rest)
    {
        int space = rest.IndexOf(' ');
        if (space < 0) throw new ScriptFormatException(n, "expect screen \"TEXT\" or expect FIELD VALUE");
        string what = rest.Substring(0, space).ToLowerInvariant();
        string value = rest.Substring(space + 1).Trim();
        if (what == "screen")
        {
            if (value.Length < 2 || value[0] != '"' || value[^1] != '"') throw new ScriptFormatException(n, "expect screen takes a quoted text");
            return new ScriptStep(n, StepKind.ExpectScreen, line) { Text = value.Substring(1, value.Length - 2) };
        }
        if (!Fields.Contains(what)) throw new ScriptFormatException(n, "unknown record field '" + what + "' (" + string.Join(", ", Fields) + ")");
        if (value.Length == 0) throw new ScriptFormatException(n, "expect " + what + " needs a value");
        return new ScriptStep(n, StepKind.ExpectField, line) { Field = what, Text = value.Trim('"') };
    }

    private static void NoArgument(int n, string command, string rest)
    {
        if (rest.Length > 0) throw new ScriptFormatException(n, command + " takes no argument");
    }

    private static void Digits(int n, string line, string digits, List<ScriptStep> steps)
    {
        foreach (char c in digits) steps.Add(new ScriptStep(n, StepKind.Key, line) { Key = (KeyCode)(c - '0') });
        steps.Add(new ScriptStep(n, StepKind.Key, line) { Key = KeyCode.Enter });
    }

    /// <summary>"12.34" -> "1234", "10" -> "1000" (currency exponent 2); leading zeros dropped.</summary>
    public static string AmountDigits(int n, string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || !parts[0].All(char.IsAsciiDigit)
            || (parts.Length == 2 && (parts[1].Length != 2 || !parts[1].All(char.IsAsciiDigit))))
            throw new ScriptFormatException(n, "amount is units with optional 2 decimals, e.g. 12.34");
        string digits = (parts[0] + (parts.Length == 2 ? parts[1] : "00")).TrimStart('0');
        if (digits.Length == 0 || digits.Length > 12) throw new ScriptFormatException(n, "amount must be above zero and at most 12 digits");
        return digits;
    }

    private static KeyCode KeyOf(int n, string name)
    {
        string k = name.ToLowerInvariant();
        if (k.Length == 1 && char.IsAsciiDigit(k[0])) return (KeyCode)(k[0] - '0');
        return k switch
        {
            "enter" => KeyCode.Enter,
            "cancel" or "esc" => KeyCode.Cancel,
            "clear" or "backspace" => KeyCode.Clear,
            "menu" => KeyCode.Menu,
            "up" => KeyCode.Up,
            "down" => KeyCode.Down,
            _ => throw new ScriptFormatException(n, "unknown key '" + name + "' (0-9, enter, cancel, clear, menu, up, down)"),
        };
    }
}
