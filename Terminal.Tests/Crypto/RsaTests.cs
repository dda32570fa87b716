using System.Numerics;
using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;
using Xunit;
using static Terminal.Tests.Crypto.BigNatTestSupport;

namespace Terminal.Tests.Crypto;

/// <summary>
/// Rsa.PublicOperation and Rsa.PrivateOperation against BigInteger.ModPow and the BCL's own RSA
/// (PKCS #1 v1.5 signatures and encryption made by System.Security.Cryptography.RSA), for modulus sizes
/// 512 to 2048 bits including odd sizes, with exponents 3 and 65537.
/// </summary>
public class RsaTests
{
    /// <summary>Sizes in bits: the usual, the EMV maximum 1984, and sizes that are not multiples of 64 or 8.</summary>
    public static TheoryData<int, int> Keys()
    {
        // e = 3 keys are generated here (Miller-Rabin on BigInteger) and cost most of this class's time, so
        // 1976 bits (a top limb of 24 bits) is covered with e = 65537 only; 1025 bits has a 1-bit top limb.
        var data = new TheoryData<int, int>();
        foreach (int bits in new[] { 512, 1024, 1152, 1408, 1976, 1984, 2048 }) data.Add(bits, 65537);
        foreach (int bits in new[] { 512, 1024, 1025, 1152, 1408, 1984, 2048 }) data.Add(bits, 3);
        data.Add(1023, 65537);
        return data;
    }

    private const int RandomInputsPerKey = 4;

    [Theory]
    [MemberData(nameof(Keys))]
    public void Public_and_private_operations_match_BigInteger_on_random_inputs(int bits, int exponent)
    {
        RsaTestKey key = RsaTestKeys.Get(bits, exponent);
        RsaPrivateCrtKey crt = key.ToCrtKey();
        for (int i = 0; i < RandomInputsPerKey; i++)
        {
            BigInteger x = RandomBelow(key.N);
            byte[] input = Bytes(x, key.Length);
            byte[] expectedPublic = Bytes(BigInteger.ModPow(x, key.E, key.N), key.Length);
            byte[] expectedPrivate = Bytes(BigInteger.ModPow(x, key.D, key.N), key.Length);

            Assert.Equal(expectedPublic, Rsa.PublicOperation(key.Modulus, key.Exponent, input));
            Assert.Equal(expectedPrivate, Rsa.PrivateOperation(crt, input));
            // Non-CRT private operation: the same modular exponentiation with d (once per key: it is slow).
            if (i == 0) Assert.Equal(expectedPrivate, Rsa.PublicOperation(key.Modulus, MinimalBytes(key.D), input));
            // Round trip: public(private(x)) = x.
            Assert.Equal(input, Rsa.PublicOperation(key.Modulus, key.Exponent, Rsa.PrivateOperation(crt, input)));
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Inputs_0_1_and_N_minus_1_map_to_themselves(int bits, int exponent)
    {
        // 0^k = 0, 1^k = 1 and (N-1)^k = (-1)^k = N-1 for the odd exponents e and d.
        RsaTestKey key = RsaTestKeys.Get(bits, exponent);
        RsaPrivateCrtKey crt = key.ToCrtKey();
        foreach (BigInteger x in new[] { BigInteger.Zero, BigInteger.One, key.N - 1 })
        {
            byte[] input = Bytes(x, key.Length);
            Assert.Equal(input, Rsa.PublicOperation(key.Modulus, key.Exponent, input));
            Assert.Equal(input, Rsa.PrivateOperation(crt, input));
        }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(1024)]
    [InlineData(1976)]
    [InlineData(2048)]
    public void PKCS1_signature_made_by_the_BCL_recovers_and_is_reproduced(int bits)
    {
        RsaTestKey key = RsaTestKeys.Get(bits, 65537);
        using RSA rsa = RSA.Create(key.Bcl.Value);
        byte[] hash = SHA256.HashData("Terminal RSA test"u8);
        byte[] signature = rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        // EMSA-PKCS1-v1_5 (RFC 8017, 9.2): 00 01 FF..FF 00 || DigestInfo(SHA-256) || hash.
        byte[] digestInfo = Convert.FromHexString("3031300D060960864801650304020105000420");
        byte[] encoded = new byte[key.Length];
        encoded[1] = 0x01;
        int padEnd = key.Length - digestInfo.Length - hash.Length - 1;
        for (int i = 2; i < padEnd; i++) encoded[i] = 0xFF;
        digestInfo.CopyTo(encoded, padEnd + 1);
        hash.CopyTo(encoded, padEnd + 1 + digestInfo.Length);

        Assert.Equal(encoded, Rsa.PublicOperation(key.Modulus, key.Exponent, signature));
        Assert.Equal(signature, Rsa.PrivateOperation(key.ToCrtKey(), encoded));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(2048)]
    public void PKCS1_encryption_by_the_BCL_is_decrypted_by_the_CRT_private_operation(int bits)
    {
        RsaTestKey key = RsaTestKeys.Get(bits, 65537);
        using RSA rsa = RSA.Create(key.Bcl.Value);
        byte[] message = "EMV"u8.ToArray();
        byte[] cipher = rsa.Encrypt(message, RSAEncryptionPadding.Pkcs1);

        // RSAES-PKCS1-v1_5 (RFC 8017, 7.2): 00 02 PS (non-zero) 00 M.
        byte[] block = Rsa.PrivateOperation(key.ToCrtKey(), cipher);
        Assert.Equal(0x00, block[0]);
        Assert.Equal(0x02, block[1]);
        Assert.Equal(0x00, block[key.Length - message.Length - 1]);
        Assert.DoesNotContain((byte)0, block[2..(key.Length - message.Length - 1)]);
        Assert.Equal(message, block[(key.Length - message.Length)..]);
    }

    [Fact]
    public void Input_not_below_the_modulus_is_rejected()
    {
        RsaTestKey key = RsaTestKeys.Get(1024, 3);
        RsaPrivateCrtKey crt = key.ToCrtKey();
        foreach (BigInteger x in new[] { key.N, key.N + 1, (BigInteger.One << 1024) - 1 })
        {
            byte[] input = Bytes(x, key.Length);
            var e1 = Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(key.Modulus, key.Exponent, input));
            Assert.Contains("below the modulus", e1.Message);
            var e2 = Assert.Throws<ArgumentException>(() => Rsa.PrivateOperation(crt, input));
            Assert.Contains("below the modulus", e2.Message);
        }
    }

    [Fact]
    public void Input_of_the_wrong_length_is_rejected()
    {
        RsaTestKey key = RsaTestKeys.Get(1024, 3);
        foreach (int length in new[] { 0, 1, key.Length - 1, key.Length + 1 })
        {
            var input = new byte[length];
            var e = Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(key.Modulus, key.Exponent, input));
            Assert.Contains("modulus length", e.Message);
            Assert.Throws<ArgumentException>(() => Rsa.PrivateOperation(key.ToCrtKey(), input));
        }
    }

    [Fact]
    public void Bad_modulus_exponent_or_null_arguments_are_rejected()
    {
        RsaTestKey key = RsaTestKeys.Get(512, 3);
        byte[] input = new byte[key.Length];
        byte[] even = key.Modulus;
        even[^1] &= 0xFE;
        Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(even, key.Exponent, input));
        Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(new byte[] { 1 }, key.Exponent, new byte[1]));
        Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(new byte[0], key.Exponent, new byte[0]));
        byte[] tooLong = new byte[Rsa.MaxModulusLength + 1];
        tooLong[0] = 0x80;
        tooLong[^1] = 0x01;
        Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(tooLong, key.Exponent, new byte[tooLong.Length]));
        Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(key.Modulus, new byte[] { 0, 0 }, input));
        Assert.Throws<ArgumentException>(() => Rsa.PublicOperation(key.Modulus, new byte[key.Length + 1], input));
        Assert.Throws<ArgumentNullException>(() => Rsa.PublicOperation(null, key.Exponent, input));
        Assert.Throws<ArgumentNullException>(() => Rsa.PublicOperation(key.Modulus, null, input));
        Assert.Throws<ArgumentNullException>(() => Rsa.PublicOperation(key.Modulus, key.Exponent, null));
        Assert.Throws<ArgumentNullException>(() => Rsa.PrivateOperation(null, input));
    }

    [Fact]
    public void Modulus_with_leading_zero_bytes_sets_the_length()
    {
        // A leading zero byte counts towards the modulus length: input and result have that length.
        RsaTestKey key = RsaTestKeys.Get(512, 3);
        byte[] modulus = new byte[key.Length + 1];
        key.Modulus.CopyTo(modulus, 1);
        BigInteger x = RandomBelow(key.N);
        byte[] expected = Bytes(BigInteger.ModPow(x, 3, key.N), modulus.Length);
        Assert.Equal(expected, Rsa.PublicOperation(modulus, new byte[] { 3 }, Bytes(x, modulus.Length)));
        Assert.Equal(expected, Rsa.PublicOperation(modulus, new byte[] { 0, 0, 3 }, Bytes(x, modulus.Length)));
    }

    [Fact]
    public void Any_small_exponent_works()
    {
        RsaTestKey key = RsaTestKeys.Get(1024, 65537);
        BigInteger x = RandomBelow(key.N);
        foreach (int e in new[] { 1, 2, 5, 17, 257, 0xFFFF, 0x10000 })
        {
            byte[] exponent = Bytes(e, 3);
            Assert.Equal(Bytes(BigInteger.ModPow(x, e, key.N), key.Length), Rsa.PublicOperation(key.Modulus, exponent, Bytes(x, key.Length)));
        }
    }

    [Fact]
    public void Operations_do_not_change_their_inputs()
    {
        RsaTestKey key = RsaTestKeys.Get(1024, 3);
        byte[] modulus = key.Modulus, exponent = key.Exponent, input = Bytes(RandomBelow(key.N), key.Length);
        byte[] m = (byte[])modulus.Clone(), e = (byte[])exponent.Clone(), x = (byte[])input.Clone();
        Rsa.PublicOperation(modulus, exponent, input);
        Rsa.PrivateOperation(key.ToCrtKey(), input);
        Assert.Equal(m, modulus);
        Assert.Equal(e, exponent);
        Assert.Equal(x, input);
    }

    internal static BigInteger RandomBelow(BigInteger n)
    {
        var bytes = new byte[n.GetByteCount(isUnsigned: true)];
        RandomNumberGenerator.Fill(bytes);
        return Big(bytes) % n;
    }
}
