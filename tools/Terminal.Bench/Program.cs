using BenchmarkDotNet.Running;

namespace Terminal.Bench;

/// <summary>
/// Benchmark entry point. Each benchmark class lives in its own file and carries [MemoryDiagnoser].
/// Example: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*Tlv*'
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
