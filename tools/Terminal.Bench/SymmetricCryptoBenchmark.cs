using BenchmarkDotNet.Attributes;
using Terminal.EmvKernel.Crypto;
using Terminal.Pc.Crypto;

namespace Terminal.Bench;

/// <summary>
/// TDES and AES through <see cref="ICryptoProvider"/>: the portable managed code (what the device runs,
/// here JIT-compiled) against the .NET class library (OpenSSL). Each call includes the key schedule, as the
/// provider API does. Run: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*SymmetricCrypto*' --job short
/// </summary>
[MemoryDiagnoser]
public class SymmetricCryptoBenchmark
{
    private static readonly byte[] TdesKey = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
    private static readonly byte[] AesKey = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
    private static readonly byte[] AesIv = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

    private readonly ICryptoProvider _portable = new PortableCryptoProvider();
    private readonly ICryptoProvider _bcl = new BclCryptoProvider();
    private readonly byte[] _kilobyte = new byte[1024];
    private readonly byte[] _block = new byte[8];

    [GlobalSetup]
    public void Setup() => new Random(1).NextBytes(_kilobyte);

    [Benchmark]
    public byte[] Tdes_Ecb_1KB_Portable() => _portable.Tdes(CipherDirection.Encrypt, TdesKey, null, _kilobyte, 0, 1024);

    [Benchmark]
    public byte[] Tdes_Ecb_1KB_Bcl() => _bcl.Tdes(CipherDirection.Encrypt, TdesKey, null, _kilobyte, 0, 1024);

    [Benchmark]
    public byte[] Tdes_Ecb_1Block_Portable() => _portable.Tdes(CipherDirection.Encrypt, TdesKey, null, _block, 0, 8);

    [Benchmark]
    public byte[] Tdes_Ecb_1Block_Bcl() => _bcl.Tdes(CipherDirection.Encrypt, TdesKey, null, _block, 0, 8);

    [Benchmark]
    public byte[] Aes_Ecb_1KB_Portable() => _portable.Aes(CipherDirection.Encrypt, AesKey, null, _kilobyte, 0, 1024);

    [Benchmark]
    public byte[] Aes_Ecb_1KB_Bcl() => _bcl.Aes(CipherDirection.Encrypt, AesKey, null, _kilobyte, 0, 1024);

    [Benchmark]
    public byte[] Aes_Cbc_1KB_Portable() => _portable.Aes(CipherDirection.Encrypt, AesKey, AesIv, _kilobyte, 0, 1024);

    [Benchmark]
    public byte[] Aes_Cbc_1KB_Bcl() => _bcl.Aes(CipherDirection.Encrypt, AesKey, AesIv, _kilobyte, 0, 1024);

    [Benchmark]
    public byte[] Aes_Cbc_Decrypt_1KB_Portable() => _portable.Aes(CipherDirection.Decrypt, AesKey, AesIv, _kilobyte, 0, 1024);

    [Benchmark]
    public byte[] Aes_Cbc_Decrypt_1KB_Bcl() => _bcl.Aes(CipherDirection.Decrypt, AesKey, AesIv, _kilobyte, 0, 1024);
}
