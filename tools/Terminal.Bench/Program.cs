using BenchmarkDotNet.Running;

namespace Terminal.Bench;

/// <summary>
/// Benchmark entry point. Each benchmark class lives in its own file and carries [MemoryDiagnoser].
/// Example: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*Tlv*'
/// The <c>timing</c> command prints the contactless card-in-field report instead (ContactlessTimingReport):
/// dotnet run -c Release --project tools/Terminal.Bench -- timing [--taps N] [--warmup N]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "timing") return ContactlessTimingReport.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
