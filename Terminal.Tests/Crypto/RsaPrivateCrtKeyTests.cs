using System.Numerics;
using Terminal.EmvKernel.Crypto;
using Xunit;
using static Terminal.Tests.Crypto.BigNatTestSupport;

namespace Terminal.Tests.Crypto;

/// <summary>RsaPrivateCrtKey construction checks; messages never carry key material.</summary>
public class RsaPrivateCrtKeyTests
{
    private static readonly RsaTestKey Key = RsaTestKeys.Get(1024, 3);

    private static RsaPrivateCrtKey Make(BigInteger? n = null, BigInteger? p = null, BigInteger? q = null,
        BigInteger? dp = null, BigInteger? dq = null, BigInteger? qInv = null, byte[] e = null) =>
        new(Bytes(n ?? Key.N, Key.Length), e ?? Key.Exponent, MinimalBytes(p ?? Key.P), MinimalBytes(q ?? Key.Q),
            MinimalBytes(dp ?? Key.DP), MinimalBytes(dq ?? Key.DQ), MinimalBytes(qInv ?? Key.QInv));

    [Fact]
    public void Valid_key_exposes_copies_of_modulus_and_exponent()
    {
        RsaPrivateCrtKey key = Make();
        Assert.Equal(Key.Length, key.ModulusLength);
        Assert.Equal(Key.Modulus, key.Modulus);
        Assert.Equal(new byte[] { 3 }, key.PublicExponent);
        key.Modulus[0] ^= 0xFF;
        Assert.Equal(Key.Modulus, key.Modulus);
    }

    [Fact]
    public void Key_with_p_below_q_gives_the_same_private_operation()
    {
        // PKCS #1 does not order p and q: swap them (qInv becomes p^-1 mod q, by Fermat since q is prime).
        var swapped = new RsaPrivateCrtKey(Key.Modulus, Key.Exponent, MinimalBytes(Key.Q), MinimalBytes(Key.P),
            MinimalBytes(Key.DQ), MinimalBytes(Key.DP), MinimalBytes(BigInteger.ModPow(Key.P, Key.Q - 2, Key.Q)));
        Assert.True(Key.Q < Key.P);
        for (int i = 0; i < 4; i++)
        {
            BigInteger x = RsaTests.RandomBelow(Key.N);
            Assert.Equal(Bytes(BigInteger.ModPow(x, Key.D, Key.N), Key.Length), Rsa.PrivateOperation(swapped, Bytes(x, Key.Length)));
        }
    }

    [Fact]
    public void Inconsistent_parts_are_rejected_without_revealing_them()
    {
        string pHex = Convert.ToHexString(MinimalBytes(Key.P));
        var errors = new[]
        {
            Assert.Throws<ArgumentException>(() => Make(p: Key.P + 2)),
            Assert.Throws<ArgumentException>(() => Make(n: Key.N + 2)),
            Assert.Throws<ArgumentException>(() => Make(p: Key.P + 1)),
            Assert.Throws<ArgumentException>(() => Make(dp: Key.P)),
            Assert.Throws<ArgumentException>(() => Make(dq: Key.Q + 5)),
            Assert.Throws<ArgumentException>(() => Make(qInv: Key.P)),
            Assert.Throws<ArgumentException>(() => Make(e: new byte[] { 0 })),
        };
        foreach (var e in errors)
        {
            Assert.StartsWith("RSA", e.Message);
            Assert.DoesNotContain(pHex.Substring(0, 16), e.Message);
        }
        Assert.Throws<ArgumentNullException>(() => new RsaPrivateCrtKey(Key.Modulus, Key.Exponent, null, new byte[1], new byte[1], new byte[1], new byte[1]));
    }
}
