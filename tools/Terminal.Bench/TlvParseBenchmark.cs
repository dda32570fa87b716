using BenchmarkDotNet.Attributes;
using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.Bench;

/// <summary>
/// Parsing a realistic 250-byte READ RECORD response ('70' template, 21 data objects) and building the
/// 43-byte CDOL1 data it lists. The record is the Mastercard test card record of
/// shared/vectors/transcripts/contactless-mastercard-in.txt (binaryfoo/emv-bertlv, MIT) plus four more
/// objects to reach 250 bytes.
/// Run: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*TlvParse*' --job short
/// </summary>
[MemoryDiagnoser]
public class TlvParseBenchmark
{
    // 177 content bytes from the transcript (57, 5A, 5F20, 5F24, 5F25, 5F28, 5F34, 8C, 8D, 8E, 9F07, 9F08,
    // 9F0D, 9F0E, 9F0F, 9F42, 9F4A, DF4F) ...
    private const string TranscriptContent =
        "57115413330089600044D141220101234091725A0854133300896000445F200C455445432F504159504153535F2403141231" +
        "5F25030401015F280200565F3401018C219F02069F03069F090295055F2A029A039C019F37049F35019F45029F4C089F3403" +
        "8D0C910A8A0295059F37049F4C088E0C00000000000000005E031F039F0702FF009F080200029F0D0500000000009F0E0500" +
        "000000009F0F0500000000009F420209789F4A0182DF4F03123456";

    // ... plus 70 bytes: 9F1F 18 (24 bytes), 5F30 02, 9F44 01, 9F48 1F (31 bytes) = 27 + 5 + 4 + 34.
    private const string ExtraContent =
        "9F1F18" + "313233343536373839303132333435363738393031323334" +
        "5F30020201" + "9F440102" +
        "9F481F" + "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEE";

    private byte[] _record;
    private DataObjectList _cdol1;
    private readonly Source _source = new Source();

    private sealed class Source : IDolDataSource
    {
        private static readonly byte[] Amount = Hex.Decode("000000010001");
        private static readonly byte[] Un = Hex.Decode("000EEC85");
        private static readonly byte[] Date = Hex.Decode("120315");

        public byte[] Get(int tag) => tag switch
        {
            0x9F02 => Amount,
            0x9F37 => Un,
            0x9A => Date,
            _ => null
        };

        public DataFormat FormatOf(int tag) => tag == 0x9F02 || tag == 0x9A ? DataFormat.Numeric : DataFormat.Binary;
    }

    [GlobalSetup]
    public void Setup()
    {
        byte[] content = Hex.Decode(TranscriptContent + ExtraContent);
        var w = new TlvWriter();
        w.Write(0x70, content);
        _record = w.ToArray();
        if (_record.Length != 250) throw new InvalidOperationException("record is " + _record.Length + " bytes, expected 250");
        TlvObject cdol1 = TlvParser.Parse(_record).Find(0x8C);
        _cdol1 = DataObjectList.Parse(cdol1.Buffer, cdol1.ValueOffset, cdol1.ValueLength);
    }

    [Benchmark(Baseline = true)]
    public TlvList ParseRecord() => TlvParser.Parse(_record);

    [Benchmark]
    public byte[] ParseRecordAndFindPan() => TlvParser.Parse(_record).FindValue(0x5A);

    [Benchmark]
    public byte[] BuildCdol1Data() => _cdol1.Build(_source);
}
