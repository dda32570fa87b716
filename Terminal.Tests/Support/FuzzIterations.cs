namespace Terminal.Tests.Tlv;

/// <summary>
/// The one iteration count for fuzz and property tests: TERMINAL_FUZZ_ITERATIONS, default 100000 per parser in CI;
/// the documented long run sets 10000000 (docs/performance.md). Costly properties divide it.
/// </summary>
public static class FuzzIterations
{
    public static long Value
    {
        get
        {
            string s = Environment.GetEnvironmentVariable("TERMINAL_FUZZ_ITERATIONS");
            return long.TryParse(s, out long n) && n > 0 ? n : 100_000;
        }
    }
}
