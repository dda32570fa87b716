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

    /// <summary>
    /// A published ECB/CBC answer, enciphered and deciphered through the cipher's static calls and both
    /// providers (aes: AES, otherwise DES/TDES).
    /// </summary>
    public static void CheckKnownAnswer(string id, bool aes, byte[] key, byte[] iv, byte[] plaintext, string expected)
    {
        byte[] ciphertext = Convert.FromHexString(expected);
        byte[] encrypted = aes ? AesCipher.Encrypt(key, iv, plaintext, 0, plaintext.Length) : DesCipher.Encrypt(key, iv, plaintext, 0, plaintext.Length);
        byte[] decrypted = aes ? AesCipher.Decrypt(key, iv, ciphertext, 0, ciphertext.Length) : DesCipher.Decrypt(key, iv, ciphertext, 0, ciphertext.Length);
        Xunit.Assert.True(expected == Convert.ToHexString(encrypted), id + " cipher encrypt");
        Xunit.Assert.True(plaintext.SequenceEqual(decrypted), id + " cipher decrypt");
        foreach (ICryptoProvider p in Providers)
        {
            Func<CipherDirection, byte[], byte[]> run = (d, data) => aes ? p.Aes(d, key, iv, data, 0, data.Length) : p.Tdes(d, key, iv, data, 0, data.Length);
            Xunit.Assert.True(expected == Convert.ToHexString(run(CipherDirection.Encrypt, plaintext)), id + " " + p.GetType().Name + " encrypt");
            Xunit.Assert.True(plaintext.SequenceEqual(run(CipherDirection.Decrypt, ciphertext)), id + " " + p.GetType().Name + " decrypt");
        }
    }

    /// <summary>K1|K2 -> K1|K2|K1; other lengths unchanged (the BCL one-shot TDES rejects 16-byte keys).</summary>
    public static byte[] Expand24(byte[] key) => key.Length == 16 ? [.. key, .. key.AsSpan(0, 8)] : key;

    /// <summary>True when the BCL refuses the DES/TDES key as weak (a random key almost never is).</summary>
    public static bool BclRefuses(byte[] key) =>
        key.Length == 8 ? DES.IsWeakKey(key) || DES.IsSemiWeakKey(key) : TripleDES.IsWeakKey(Expand24(key));

    /// <summary>
    /// The BCL one-shot ECB/CBC without padding: AES, or DES (8-byte key) / TripleDES (16 expanded to 24, or 24).
    /// </summary>
    public static byte[] Bcl(bool aes, bool decrypt, byte[] key, byte[] iv, byte[] data)
    {
        using SymmetricAlgorithm algorithm = aes ? Aes.Create() : key.Length == 8 ? DES.Create() : TripleDES.Create();
        algorithm.Key = aes ? key : Expand24(key);
        return OneShot(algorithm, decrypt, iv, data);
    }

    /// <summary>The portable cipher (AES or DES/TDES) gives the BCL's result both ways, and decryption inverts encryption.</summary>
    public static void AssertMatchesBcl(bool aes, byte[] key, byte[] iv, byte[] data)
    {
        IBlockCipher cipher = aes ? new AesCipher(key) : new DesCipher(key);
        byte[] expected = Bcl(aes, false, key, iv, data);
        Xunit.Assert.Equal(expected, BlockCipherModes.Encrypt(cipher, iv, data, 0, data.Length));
        Xunit.Assert.Equal(Bcl(aes, true, key, iv, data), BlockCipherModes.Decrypt(cipher, iv, data, 0, data.Length));
        Xunit.Assert.Equal(data, BlockCipherModes.Decrypt(cipher, iv, expected, 0, expected.Length));
    }

    private static byte[] OneShot(SymmetricAlgorithm a, bool decrypt, byte[] iv, byte[] data) => iv == null
        ? (decrypt ? a.DecryptEcb(data, PaddingMode.None) : a.EncryptEcb(data, PaddingMode.None))
        : (decrypt ? a.DecryptCbc(data, iv, PaddingMode.None) : a.EncryptCbc(data, iv, PaddingMode.None));
}
