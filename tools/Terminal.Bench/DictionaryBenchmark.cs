using BenchmarkDotNet.Attributes;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dictionary;

namespace Terminal.Bench;

/// <summary>
/// Data dictionary lookups (binary search over the sorted tag array) and two decoders as the kernel and the
/// decoder tool use them. Run: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*Dictionary*' --job short
/// </summary>
[MemoryDiagnoser]
public class DictionaryBenchmark
{
    // A typical DE 55 tag set (EMV 4.4 Book 4 / host-and-crypto.md).
    private static readonly int[] De55 =
    {
        0x82, 0x84, 0x95, 0x9A, 0x9C, 0x5F2A, 0x9F02, 0x9F03, 0x9F09, 0x9F10, 0x9F1A, 0x9F1E, 0x9F26, 0x9F27,
        0x9F33, 0x9F34, 0x9F35, 0x9F36, 0x9F37, 0x9F41, 0x9F53, 0x9F6E, 0x9F5B,
    };

    private static readonly byte[] Tvr = Convert.FromHexString("8000048000");
    private static readonly byte[] Cvm = Convert.FromHexString("000000000000000042031E031F00");

    [Benchmark]
    public int FormatOf_De55_tags()
    {
        int n = 0;
        foreach (int tag in De55) n += (int)EmvDictionary.FormatOf(tag);
        return n;
    }

    [Benchmark]
    public int Find_De55_tags()
    {
        int n = 0;
        foreach (int tag in De55) n += EmvDictionary.Find(tag).MaxLength;
        return n;
    }

    [Benchmark]
    public int Describe_Tvr() => new TerminalVerificationResults(Tvr).Describe().Length;

    [Benchmark]
    public int Decode_CvmList() => new CvmList(Cvm).Count;
}
