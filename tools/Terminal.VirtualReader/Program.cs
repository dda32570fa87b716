using System.Runtime.InteropServices;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.VirtualReader;

/// <summary>
/// dotnet run --project tools/Terminal.VirtualReader -- --card &lt;profile file or library name&gt;
///   [--host 127.0.0.1] [--port 35963] [--atr hex] [--connect-timeout seconds]
/// Runs until Ctrl+C or until pcscd drops the connection. See docs/pcsc.md.
/// </summary>
public static class Program
{
    /// <summary>Entry point; exit code 0 on a clean stop, 1 on an error, 2 on a usage error.</summary>
    public static async Task<int> Main(string[] args)
    {
        VirtualReaderCommandLine line;
        try { line = VirtualReaderCommandLine.Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(VirtualReaderCommandLine.Usage);
            return 2;
        }
        if (line.Help) { Console.WriteLine(VirtualReaderCommandLine.Usage); return 0; }

        LoadedCard card;
        try { card = CardLoader.Load(line.Card, line.Library); }
        catch (Exception e) when (e is IOException || e is ArgumentException || e is FormatException || e is InvalidOperationException
            || e is UnauthorizedAccessException || e is TranscriptFormatException || e is CardProfileException)
        {
            Console.Error.WriteLine($"cannot load card '{line.Card}': {e.Message}");
            return 1;
        }

        var options = new VpcdBridgeOptions
        {
            Host = line.Host,
            Port = line.Port,
            ConnectTimeout = line.ConnectTimeout,
            Atr = line.Atr ?? card.Atr ?? EmvAtr.BasicT1(),
            Log = text => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}")
        };
        using var stop = new CancellationTokenSource();
        // Ctrl+C and SIGTERM end the session cleanly: the connection closes and pcscd sees the card removed.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        Console.WriteLine($"card {card.Name}, ATR {Hex.Encode(options.Atr)}; connecting to vpcd {options.Host}:{options.Port}");
        try
        {
            var bridge = new VpcdBridge(card.Channel, options, card.Reset);
            var why = await bridge.RunAsync(stop.Token);
            Console.WriteLine($"stopped: {why} after {bridge.ApduCount} APDUs");
            return 0;
        }
        catch (Exception e) when (e is TimeoutException || e is VpcdProtocolException || e is IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
