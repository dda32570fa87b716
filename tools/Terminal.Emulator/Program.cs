namespace Terminal.Emulator;

/// <summary>
/// dotnet run --project tools/Terminal.Emulator [-- --script scenario.txt [--record out.json]] [--trace]
///     [--host host:port] [--library cards]
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => EmulatorCommand.Run(args, Console.Out, Console.Error);
}
