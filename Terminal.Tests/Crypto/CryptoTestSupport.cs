using System.Security.Cryptography;
using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.Pc.Crypto;

namespace Terminal.Tests.Crypto;

/// <summary>Generators and oracles shared by the crypto tests.</summary>
internal static class CryptoTestSupport
{
    /// <summary>
    /// Iterations of the crypto property tests: TERMINAL_FUZZ_ITERATIONS / 200, kept between 500 and 50000
    /// (so 500 by default and in CI at 100000, 50000 in the documented 10M long run). Each iteration is a
    /// whole cipher or hash run over up to a few hundred bytes, far dearer than one parser input.
    /// </summary>
    public static long Iterations
    {
        get
        {
            long configured = long.TryParse(Environment.GetEnvironmentVariable("TERMINAL_FUZZ_ITERATIONS"), out long n) ? n : 0;
            return Math.Clamp(configured / 200, 500, 50000);
        }
    }

    /// <summary>The two providers whose results must agree.</summary>
    public static readonly ICryptoProvider[] Providers = [new PortableCryptoProvider(), new BclCryptoProvider()];

    /// <summary>Random bytes of exactly n (CsCheck's Gen.Byte.Array is a C# 14 extension; the project builds with C# 12).</summary>
    public static Gen<byte[]> Bytes(int n) => new GenArray<byte>(Gen.Byte)[n];

    /// <summary>Random bytes, min to max of them.</summary>
    public static Gen<byte[]> Bytes(int min, int max) => new GenArray<byte>(Gen.Byte)[min, max];

    /// <summary>A random key of one of the given lengths.</summary>
    public static Gen<byte[]> Key(params int[] lengths) => Gen.OneOf(lengths).SelectMany(n => Bytes(n));

    /// <summary>Random whole blocks, 0 to maxBlocks of them.</summary>
    public static Gen<byte[]> Blocks(int blockSize, int maxBlocks) => Gen.Int[0, maxBlocks].SelectMany(n => Bytes(n * blockSize));

    /// <summary>null (ECB) half of the time, otherwise a random block (CBC).</summary>
    public static Gen<byte[]> OptionalIv(int blockSize) => Bytes(blockSize).Null(0.5);

    /// <summary>K1|K2 -> K1|K2|K1; other lengths unchanged (the BCL one-shot TDES rejects 16-byte keys).</summary>
    public static byte[] Expand24(byte[] key) => key.Length == 16 ? [.. key, .. key.AsSpan(0, 8)] : key;

    /// <summary>True when the BCL refuses the DES/TDES key as weak (a random key almost never is).</summary>
    public static bool BclRefuses(byte[] key) =>
        key.Length == 8 ? DES.IsWeakKey(key) || DES.IsSemiWeakKey(key) : TripleDES.IsWeakKey(Expand24(key));

    /// <summary>The BCL one-shot DES (8-byte key) or TripleDES (16 expanded to 24, or 24) ECB/CBC without padding.</summary>
    public static byte[] BclDes(bool decrypt, byte[] key, byte[] iv, byte[] data)
    {
        using SymmetricAlgorithm algorithm = key.Length == 8 ? DES.Create() : TripleDES.Create();
        algorithm.Key = Expand24(key);
        return OneShot(algorithm, decrypt, iv, data);
    }

    /// <summary>The BCL one-shot AES ECB/CBC without padding.</summary>
    public static byte[] BclAes(bool decrypt, byte[] key, byte[] iv, byte[] data)
    {
        using Aes aes = Aes.Create();
        aes.Key = key;
        return OneShot(aes, decrypt, iv, data);
    }

    private static byte[] OneShot(SymmetricAlgorithm a, bool decrypt, byte[] iv, byte[] data) => iv == null
        ? (decrypt ? a.DecryptEcb(data, PaddingMode.None) : a.EncryptEcb(data, PaddingMode.None))
        : (decrypt ? a.DecryptCbc(data, iv, PaddingMode.None) : a.EncryptCbc(data, iv, PaddingMode.None));
}
