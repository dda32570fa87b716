using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.Pc.Crypto;
using Xunit;

namespace Terminal.Tests.Crypto;

/// <summary>Bad input gives one typed ArgumentException (never IndexOutOfRange or NullReference), and no key bytes in the text.</summary>
public class CryptoArgumentTests
{
    /// <summary>A recognisable key of the given length (bytes A5 5A C3 3C ... ) whose hex must never show up in a message.</summary>
    private static byte[] SecretKey(int length) => Enumerable.Range(0, length).Select(i => (byte)(0xA5 ^ (i * 0x3B))).ToArray();

    private static void AssertNoKeyIn(Exception e, byte[] key)
    {
        if (key.Length < 4) return;
        string hex = Convert.ToHexString(key);
        Assert.DoesNotContain(hex[..8], e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(key)[..4], e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(23)]
    [InlineData(25)]
    [InlineData(32)]
    public void Des_key_of_a_wrong_length_is_an_argument_error_naming_only_lengths(int length)
    {
        byte[] key = SecretKey(length);
        var e = Assert.Throws<ArgumentException>(() => new DesCipher(key));
        Assert.Contains("8, 16 or 24", e.Message);
        Assert.Contains(length + " bytes", e.Message);
        AssertNoKeyIn(e, key);
        foreach (ICryptoProvider p in CryptoTestSupport.Providers)
        {
            var pe = Assert.Throws<ArgumentException>(() => p.Tdes(CipherDirection.Encrypt, key, null, new byte[8], 0, 8));
            Assert.Equal(e.Message, pe.Message);
        }
        Assert.Throws<ArgumentException>(() => Cmac.Tdes(key, new byte[3], 0, 3));
        Assert.Throws<ArgumentException>(() => Iso9797Mac.Algorithm1(key, Iso9797PaddingMethod.Method1, new byte[3], 0, 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(33)]
    public void Aes_key_of_a_wrong_length_is_an_argument_error_naming_only_lengths(int length)
    {
        byte[] key = SecretKey(length);
        var e = Assert.Throws<ArgumentException>(() => new AesCipher(key));
        Assert.Contains("16, 24 or 32", e.Message);
        AssertNoKeyIn(e, key);
        foreach (ICryptoProvider p in CryptoTestSupport.Providers)
        {
            var pe = Assert.Throws<ArgumentException>(() => p.Aes(CipherDirection.Decrypt, key, null, new byte[16], 0, 16));
            Assert.Equal(e.Message, pe.Message);
        }
        Assert.Throws<ArgumentException>(() => Cmac.Aes(key, new byte[3], 0, 3));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(15)]
    public void Retail_mac_needs_a_16_byte_key(int length)
    {
        byte[] key = SecretKey(length);
        var e = Assert.Throws<ArgumentException>(() => Iso9797Mac.Algorithm3(key, Iso9797PaddingMethod.Method2, new byte[5], 0, 5));
        AssertNoKeyIn(e, key);
    }

    [Fact]
    public void Data_that_is_not_whole_blocks_is_an_argument_error()
    {
        for (int n = 1; n < 32; n++)
        {
            byte[] data = new byte[n];
            foreach (ICryptoProvider p in CryptoTestSupport.Providers)
            {
                if (n % 8 != 0)
                {
                    var e = Assert.Throws<ArgumentException>(() => p.Tdes(CipherDirection.Encrypt, SecretKey(16), null, data, 0, n));
                    Assert.Contains("multiple of the 8-byte", e.Message);
                }
                if (n % 16 != 0)
                {
                    var e = Assert.Throws<ArgumentException>(() => p.Aes(CipherDirection.Encrypt, SecretKey(16), new byte[16], data, 0, n));
                    Assert.Contains("multiple of the 16-byte", e.Message);
                }
            }
        }
    }

    [Fact]
    public void An_iv_of_the_wrong_length_is_an_argument_error()
    {
        foreach (ICryptoProvider p in CryptoTestSupport.Providers)
        {
            Assert.Contains("iv must be 8 bytes", Assert.Throws<ArgumentException>(() => p.Tdes(CipherDirection.Encrypt, SecretKey(8), new byte[16], new byte[8], 0, 8)).Message);
            Assert.Contains("iv must be 16 bytes", Assert.Throws<ArgumentException>(() => p.Aes(CipherDirection.Encrypt, SecretKey(16), new byte[8], new byte[16], 0, 16)).Message);
        }
    }

    [Fact]
    public void Null_arrays_are_argument_null_errors()
    {
        foreach (ICryptoProvider p in CryptoTestSupport.Providers)
        {
            Assert.Throws<ArgumentNullException>(() => p.Sha1(null, 0, 0));
            Assert.Throws<ArgumentNullException>(() => p.Sha256(null, 0, 0));
            Assert.Throws<ArgumentNullException>(() => p.Tdes(CipherDirection.Encrypt, null, null, new byte[8], 0, 8));
            Assert.Throws<ArgumentNullException>(() => p.Tdes(CipherDirection.Encrypt, new byte[8], null, null, 0, 0));
            Assert.Throws<ArgumentNullException>(() => p.Aes(CipherDirection.Encrypt, null, null, new byte[16], 0, 16));
            Assert.Throws<ArgumentNullException>(() => p.Aes(CipherDirection.Encrypt, new byte[16], null, null, 0, 0));
        }
        Assert.Throws<ArgumentNullException>(() => new DesCipher(null));
        Assert.Throws<ArgumentNullException>(() => new AesCipher(null));
        Assert.Throws<ArgumentNullException>(() => Sha1.Hash(null));
        Assert.Throws<ArgumentNullException>(() => new Sha256().Update(null));
        Assert.Throws<ArgumentNullException>(() => Cmac.Compute(null, new byte[1], 0, 1));
        Assert.Throws<ArgumentNullException>(() => Iso9797Mac.Algorithm1((IBlockCipher)null, Iso9797PaddingMethod.Method1, new byte[1], 0, 1));
        Assert.Throws<ArgumentNullException>(() => Iso9797Mac.Algorithm3(null, Iso9797PaddingMethod.Method1, new byte[1], 0, 1));
        Assert.Throws<ArgumentNullException>(() => BlockCipherModes.Encrypt(null, null, new byte[8], 0, 8));
    }

    [Theory]
    [InlineData(-1, 8)]
    [InlineData(0, -8)]
    [InlineData(17, 0)]
    [InlineData(8, 16)]
    [InlineData(int.MaxValue, 8)]
    [InlineData(8, int.MaxValue)]
    public void Ranges_outside_the_array_are_out_of_range_errors(int offset, int length)
    {
        byte[] data = new byte[16];
        foreach (ICryptoProvider p in CryptoTestSupport.Providers)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Sha1(data, offset, length));
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Sha256(data, offset, length));
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Tdes(CipherDirection.Encrypt, new byte[8], null, data, offset, length));
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Aes(CipherDirection.Encrypt, new byte[16], null, data, offset, length));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Cmac.Aes(new byte[16], data, offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iso9797Mac.Algorithm3(new byte[16], Iso9797PaddingMethod.Method1, data, offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iso9797Padding.Pad(Iso9797PaddingMethod.Method2, 8, data, offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DesCipher(data, offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sha1().Update(data, offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlatformRandomSource().NextBytes(data, offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SystemRandomSource().NextBytes(data, offset, length));
    }

    [Fact]
    public void Output_too_short_and_unknown_padding_are_argument_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sha256().Final(new byte[40], 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockCipherModes.Process(new DesCipher(new byte[8]), CipherDirection.Encrypt, null, new byte[16], 0, 16, new byte[20], 8));
        Assert.Throws<ArgumentException>(() => Iso9797Padding.Pad((Iso9797PaddingMethod)4, 8, new byte[1], 0, 1));
        Assert.Throws<ArgumentException>(() => Iso9797Padding.PaddedLength(Iso9797PaddingMethod.Method1, 12, 1));
        Assert.Throws<ArgumentException>(() => Iso9797Mac.Algorithm1(new byte[8], (Iso9797PaddingMethod)0, new byte[1], 0, 1));
        Assert.Throws<ArgumentException>(() => Cmac.GenerateSubkeys(new AesCipher(new byte[16]), new byte[8], new byte[16]));
    }

    private static Exception Catch(Func<byte[]> f, out byte[] result)
    {
        result = null;
        try { result = f(); return null; }
        catch (Exception e) { return e; }
    }

    [Fact]
    public void Random_arguments_give_the_same_result_or_the_same_argument_error_from_both_providers()
    {
        var portable = new PortableCryptoProvider();
        var bcl = new BclCryptoProvider();
        Gen.Select(Gen.Int[0, 40], Gen.Int[0, 70], Gen.Int[-2, 72], Gen.Int[-2, 72], Gen.Int[0, 20], Gen.Int[0, 3]).Sample((keyLength, dataLength, offset, length, ivLength, op) =>
        {
            byte[] key = SecretKey(keyLength);
            byte[] data = new byte[dataLength];
            byte[] iv = ivLength == 0 ? null : new byte[ivLength];
            Func<ICryptoProvider, byte[]> call = op switch
            {
                0 => p => p.Tdes(CipherDirection.Encrypt, key, iv, data, offset, length),
                1 => p => p.Aes(CipherDirection.Decrypt, key, iv, data, offset, length),
                2 => p => p.Sha1(data, offset, length),
                _ => p => p.Sha256(data, offset, length),
            };
            Exception a = Catch(() => call(portable), out byte[] ra);
            Exception b = Catch(() => call(bcl), out byte[] rb);
            if (a != null) Assert.IsAssignableFrom<ArgumentException>(a);
            if (b != null) Assert.IsAssignableFrom<ArgumentException>(b);
            Assert.Equal(a?.GetType(), b?.GetType());
            Assert.Equal(a?.Message, b?.Message);
            Assert.Equal(rb, ra);
            if (a != null) AssertNoKeyIn(a, key);
        }, iter: CryptoTestSupport.Iterations * 4);
    }
}
