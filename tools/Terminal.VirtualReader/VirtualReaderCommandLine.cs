using System.Globalization;
using Terminal.EmvKernel.Util;

namespace Terminal.VirtualReader;

/// <summary>Parsed command line of the virtual reader tool.</summary>
public sealed class VirtualReaderCommandLine
{
    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: Terminal.VirtualReader --card <profile file or library card name> [--host 127.0.0.1] [--port 35963]\n" +
        "                              [--library <cards dir>] [--atr <hex>] [--connect-timeout <seconds>]\n" +
        "       Terminal.VirtualReader --transcript <file>   (replays a recorded card session as the card)";

    /// <summary>Card profile path or library name (or "transcript:&lt;file&gt;").</summary>
    public string Card { get; private set; }
    /// <summary>Card library directory, or null to find the nearest cards/ folder.</summary>
    public string Library { get; private set; }
    /// <summary>vpcd host.</summary>
    public string Host { get; private set; } = "127.0.0.1";
    /// <summary>vpcd port.</summary>
    public int Port { get; private set; } = 35963;
    /// <summary>ATR override, or null.</summary>
    public byte[] Atr { get; private set; }
    /// <summary>How long to wait for vpcd to accept.</summary>
    public TimeSpan ConnectTimeout { get; private set; } = TimeSpan.FromSeconds(10);
    /// <summary>--help was given.</summary>
    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws ArgumentException with a clear message on bad input.</summary>
    public static VirtualReaderCommandLine Parse(string[] args)
    {
        var line = new VirtualReaderCommandLine();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--help" || name == "-h") { line.Help = true; continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value");
            string value = args[++i];
            switch (name)
            {
                case "--card": line.Card = value; break;
                case "--transcript": line.Card = CardLoader.TranscriptPrefix + value; break;
                case "--library": line.Library = value; break;
                case "--host": line.Host = value; break;
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
                        throw new ArgumentException($"--port must be 1..65535, not '{value}'");
                    line.Port = port;
                    break;
                case "--atr":
                    if (!Hex.IsHex(value) || value.Length < 4 || value.Length > 66)
                        throw new ArgumentException("--atr must be 2 to 33 bytes of hex");
                    line.Atr = Hex.Decode(value);
                    break;
                case "--connect-timeout":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) || seconds < 1)
                        throw new ArgumentException($"--connect-timeout must be a positive number of seconds, not '{value}'");
                    line.ConnectTimeout = TimeSpan.FromSeconds(seconds);
                    break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }
        if (!line.Help && string.IsNullOrEmpty(line.Card)) throw new ArgumentException("--card (or --transcript) is required");
        return line;
    }
}
