using BenchmarkDotNet.Attributes;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Bench;

/// <summary>
/// Packs and parses a typical 0200 sale with a 124-byte field 55 (the Visa data set of host-and-crypto.md §2.8 b),
/// in both dialects. Run: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*Iso8583*' --job short
/// </summary>
[MemoryDiagnoser]
public class Iso8583Benchmark
{
    private const string IccData =
        "5F2A02048482021C008407A0000000032010950580800080009A032401089C01009F02060000000900009F0306000000000000" +
        "9F090200839F100706010A03A4A8109F1A0204849F1E0836523635333530349F26082E078F5CEA112DAA9F2701809F3303E0B0C8" +
        "9F34030103029F3501229F4104000000019F530100";

    private Iso8583Message _generic;
    private Iso8583Message _unionPay;
    private byte[] _genericBytes;
    private byte[] _unionPayBytes;

    [GlobalSetup]
    public void Setup()
    {
        var t = new TransactionFields
        {
            Pan = "4761739001010010",
            Amount = 1000,
            Stan = 123,
            TransmissionDateTime = "0315103045",
            LocalTime = "103045",
            LocalDate = "0315",
            ExpiryDate = "2512",
            PosEntryMode = "051",
            CardSequenceNumber = "001",
            Track2 = "4761739001010010=251220111438",
            TerminalId = "TERM0001",
            MerchantId = "MERCHANT0000001",
            CurrencyCode = "978",
            PinBlock = Hex.Decode("0123456789ABCDEF"),
            IccData = Hex.Decode(IccData),
            BatchNumber = 1,
        };
        _generic = Generic87Messages.Sale(t);
        _generic.SetBytes(64, new byte[8]);
        t.CurrencyCode = "156";
        _unionPay = UnionPayMessages.Sale(UnionPayHeader.ForHost(3), t);
        _unionPay.SetBytes(64, new byte[8]);
        _genericBytes = Generic87Dialect.Dialect.Pack(_generic);
        _unionPayBytes = UnionPayDialect.Dialect.Pack(_unionPay);
    }

    [Benchmark]
    public byte[] PackGeneric87() => Generic87Dialect.Dialect.Pack(_generic);

    [Benchmark]
    public Iso8583Message ParseGeneric87() => Generic87Dialect.Dialect.Parse(_genericBytes);

    [Benchmark]
    public byte[] PackUnionPay() => UnionPayDialect.Dialect.Pack(_unionPay);

    [Benchmark]
    public Iso8583Message ParseUnionPay() => UnionPayDialect.Dialect.Parse(_unionPayBytes);
}
