using System.Numerics;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Bench;

/// <summary>
/// Portable RSA (Terminal.EmvKernel.Crypto.Rsa on BigNat) against System.Numerics.BigInteger.ModPow.
/// Recovery: the Visa test CAPK 94 (1984 bits, e = 3) issuer certificate from
/// shared/vectors/oda/visa-test-94-sda-dda.json (constants embedded below), and the same modulus with
/// e = 65537. Private: a 1024-bit CRT operation with a key from RSA.Create(1024).
/// Run: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*RsaBenchmark*' --job short
/// Target: portable e = 3 recovery within 3x of BigInteger.ModPow.
/// </summary>
[MemoryDiagnoser]
public class RsaBenchmark
{
    // Visa test CAPK A0 00 00 00 03 / 94 (shared/vectors/capk/test-keys.json).
    private const string Capk94Modulus =
        "ACD2B12302EE644F3F835ABD1FC7A6F62CCE48FFEC622AA8EF062BEF6FB8BA8BC68BBF6AB5870EED579BC3973E121303D34841A796D6DCBC41DBF9E52C4609795C0CCF7EE86FA1D5CB041071ED2C51D2202F63F1156C58A92D38BC60BDF424E1776E2BC9648078A03B36FB554375FC53D57C73F5160EA59F3AFC5398EC7B67758D65C9BFF7828B6B82D4BE124A416AB7301914311EA462C19F771F31B3B57336000DFF732D3B83DE07052D730354D297BEC72871DCCF0E193F171ABA27EE464C6A97690943D59BDABB2A27EB71CEEBDAFA1176046478FD62FEC452D5CA393296530AA3F41927ADFE434A2DF2AE3054F8840657A26E0FC617";

    // Issuer public key certificate (tag 90) of case visa-test-94-sda-dda-openemv.
    private const string IssuerCertificate =
        "665CD65C20DEAE638C7320EA011E5E2B33FC5070FF7D153D74FE9A01ABFF0B9587B3779C524577F8A57C19923B39CD3F5CCDD457D360DC2619CDBB94328777BB905E1CB79E280458F60C8C5593EFD22D6385512B11B7F2EAFE1184CF9066B9B47A0BF832045066359AE465473D31B9F830A6DE7D88E969CB456033F8073BEC512205920E3DEA773D3E36E1F46C2E8BDDC423FB675CA1710A3D0A06E9C7570919735190BD6ED65BD5EF92C0416BFE4094EA96A218013838EF337151A8BE7222DCF0717399553C4DDA16EBABB2DD386A07BDF313D970C1324CAAB885067691E3EE5E5D8B912799BD53C8E1830237E9EC0A9254D80B2BD3622C";

    private byte[] _modulus, _certificate;
    private readonly byte[] _e3 = { 0x03 }, _e65537 = { 0x01, 0x00, 0x01 };
    private BigInteger _modulusBig, _certificateBig;

    private RsaPrivateCrtKey _crtKey;
    private byte[] _crtInput;
    private BigInteger _crtP, _crtQ, _crtDP, _crtDQ, _crtQInv, _crtInputBig;
    private int _crtLength;

    [GlobalSetup]
    public void Setup()
    {
        _modulus = Convert.FromHexString(Capk94Modulus);
        _certificate = Convert.FromHexString(IssuerCertificate);
        _modulusBig = Big(_modulus);
        _certificateBig = Big(_certificate);

        // The benchmark must measure a correct operation: the recovered block is 6A 02 ... BC.
        byte[] recovered = Rsa.PublicOperation(_modulus, _e3, _certificate);
        if (recovered[0] != 0x6A || recovered[1] != 0x02 || recovered[^1] != 0xBC) throw new InvalidOperationException("recovery failed");
        if (!recovered.AsSpan().SequenceEqual(BclRecovery(_e3Big))) throw new InvalidOperationException("portable and BigInteger differ");

        using RSA rsa = RSA.Create(1024);
        RSAParameters k = rsa.ExportParameters(true);
        _crtKey = new RsaPrivateCrtKey(k.Modulus, k.Exponent, k.P, k.Q, k.DP, k.DQ, k.InverseQ);
        _crtLength = k.Modulus.Length;
        _crtInput = new byte[_crtLength];
        RandomNumberGenerator.Fill(_crtInput);
        _crtInput[0] &= 0x7F;
        (_crtP, _crtQ, _crtDP, _crtDQ, _crtQInv) = (Big(k.P), Big(k.Q), Big(k.DP), Big(k.DQ), Big(k.InverseQ));
        _crtInputBig = Big(_crtInput);
        if (!Rsa.PrivateOperation(_crtKey, _crtInput).AsSpan().SequenceEqual(BclCrt())) throw new InvalidOperationException("CRT results differ");
    }

    private static readonly BigInteger _e3Big = 3, _e65537Big = 65537;

    private static BigInteger Big(byte[] b) => new(b, isUnsigned: true, isBigEndian: true);

    private static byte[] Padded(BigInteger v, int length)
    {
        var result = new byte[length];
        v.TryWriteBytes(result.AsSpan(length - v.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }

    private byte[] BclRecovery(BigInteger e) => Padded(BigInteger.ModPow(_certificateBig, e, _modulusBig), _modulus.Length);

    private byte[] BclCrt()
    {
        BigInteger m1 = BigInteger.ModPow(_crtInputBig, _crtDP, _crtP);
        BigInteger m2 = BigInteger.ModPow(_crtInputBig, _crtDQ, _crtQ);
        BigInteger h = (_crtQInv * (m1 - m2)) % _crtP;
        if (h.Sign < 0) h += _crtP;
        return Padded(m2 + h * _crtQ, _crtLength);
    }

    [Benchmark(Baseline = true, Description = "BigInteger 1984-bit e=3 recovery")]
    public byte[] BigInteger_E3() => BclRecovery(_e3Big);

    [Benchmark(Description = "Portable 1984-bit e=3 recovery")]
    public byte[] Portable_E3() => Rsa.PublicOperation(_modulus, _e3, _certificate);

    [Benchmark(Description = "BigInteger 1984-bit e=65537")]
    public byte[] BigInteger_E65537() => BclRecovery(_e65537Big);

    [Benchmark(Description = "Portable 1984-bit e=65537")]
    public byte[] Portable_E65537() => Rsa.PublicOperation(_modulus, _e65537, _certificate);

    [Benchmark(Description = "BigInteger 1024-bit CRT private")]
    public byte[] BigInteger_Crt1024() => BclCrt();

    [Benchmark(Description = "Portable 1024-bit CRT private")]
    public byte[] Portable_Crt1024() => Rsa.PrivateOperation(_crtKey, _crtInput);
}
