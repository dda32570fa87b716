using System.Numerics;
using CsCheck;
using Terminal.Tests.Tlv;
using Terminal.EmvKernel.Crypto.BigNumbers;
using Xunit;
using static Terminal.Tests.Crypto.BigNatTestSupport;

namespace Terminal.Tests.Crypto;

/// <summary>BigNat arithmetic against System.Numerics.BigInteger on random values up to 2048+ bits.</summary>
public class BigNatPropertyTests
{
    private const int MaxLimbs = 70; // 2240 bits: past the largest RSA modulus and its square's halves

    private static BigNat Nat(byte[] bytes) => BigNat.FromBytes(bytes);

    [Fact]
    public void Bytes_round_trip_to_minimal_and_padded_forms()
    {
        Gen.Select(Natural(MaxLimbs), Gen.Int[0, 8]).Sample((bytes, extra) =>
        {
            BigInteger expected = Big(bytes);
            BigNat value = Nat(bytes);
            Assert.Equal(MinimalBytes(expected), value.ToBytes());
            int minimal = expected.IsZero ? 0 : MinimalBytes(expected).Length;
            Assert.Equal(Bytes(expected, minimal + extra), value.ToBytes(minimal + extra));
            Assert.Equal((int)expected.GetBitLength(), value.BitLength);
            Assert.Equal(expected.IsZero, value.IsZero);
            Assert.Equal(!expected.IsEven, value.IsOdd);
        }, iter: Iterations(10));
    }

    [Fact]
    public void Compare_and_equality_match_BigInteger()
    {
        Gen.Select(Natural(8), Natural(8)).Sample((a, b) =>
        {
            int expected = Big(a).CompareTo(Big(b));
            Assert.Equal(Math.Sign(expected), Math.Sign(BigNat.Compare(Nat(a), Nat(b))));
            Assert.Equal(expected == 0, Nat(a).Equals(Nat(b)));
            if (expected == 0) Assert.Equal(Nat(a).GetHashCode(), Nat(b).GetHashCode());
        }, iter: Iterations(10));
    }

    [Fact]
    public void Add_and_subtract_match_BigInteger()
    {
        Gen.Select(Natural(MaxLimbs), Natural(MaxLimbs)).Sample((a, b) =>
        {
            BigInteger x = Big(a), y = Big(b);
            Assert.Equal(MinimalBytes(x + y), BigNat.Add(Nat(a), Nat(b)).ToBytes());
            BigInteger big = BigInteger.Max(x, y), small = BigInteger.Min(x, y);
            byte[] bigBytes = x >= y ? a : b, smallBytes = x >= y ? b : a;
            Assert.Equal(MinimalBytes(big - small), BigNat.Subtract(Nat(bigBytes), Nat(smallBytes)).ToBytes());
            if (big != small) Assert.Throws<ArgumentException>(() => BigNat.Subtract(Nat(smallBytes), Nat(bigBytes)));
        }, iter: Iterations(20));
    }

    [Fact]
    public void Multiply_and_square_match_BigInteger()
    {
        Gen.Select(Natural(MaxLimbs), Natural(MaxLimbs)).Sample((a, b) =>
        {
            BigInteger x = Big(a), y = Big(b);
            Assert.Equal(MinimalBytes(x * y), BigNat.Multiply(Nat(a), Nat(b)).ToBytes());
            Assert.Equal(MinimalBytes(x * x), BigNat.Square(Nat(a)).ToBytes());
            BigNat same = Nat(a);
            Assert.Equal(MinimalBytes(x * x), BigNat.Multiply(same, same).ToBytes());
            Assert.Equal(MinimalBytes(x * x), BigNat.Multiply(Nat(a), Nat(a)).ToBytes());
        }, iter: Iterations(50));
    }

    [Fact]
    public void DivRem_and_mod_match_BigInteger()
    {
        // Dividends up to twice the divisor's size, as in a modular reduction, and beyond.
        Gen.Select(Natural(2 * MaxLimbs), Natural(MaxLimbs)).Sample((a, b) =>
        {
            BigInteger x = Big(a), y = Big(b);
            if (y.IsZero)
            {
                Assert.Throws<ArgumentException>(() => BigNat.Mod(Nat(a), Nat(b)));
                Assert.Throws<ArgumentException>(() => BigNat.DivRem(Nat(a), Nat(b), out _));
                return;
            }
            BigInteger q = BigInteger.DivRem(x, y, out BigInteger r);
            BigNat quotient = BigNat.DivRem(Nat(a), Nat(b), out BigNat remainder);
            Assert.Equal(MinimalBytes(q), quotient.ToBytes());
            Assert.Equal(MinimalBytes(r), remainder.ToBytes());
            Assert.Equal(MinimalBytes(r), BigNat.Mod(Nat(a), Nat(b)).ToBytes());
        }, iter: Iterations(20));
    }

    [Fact]
    public void DivRem_with_near_equal_top_limbs_matches_BigInteger()
    {
        // Divisor and dividend built from the edge limbs only, so that the quotient-digit estimate is often
        // too large and the add-back step (Knuth D6) runs.
        Gen.Select(TlvGen.ArrayOf(EdgeLimb, 1, 8), TlvGen.ArrayOf(EdgeLimb, 2, 5)).Sample((u, v) =>
        {
            byte[] a = LimbsToBytes(u), b = LimbsToBytes(v);
            BigInteger x = Big(a), y = Big(b);
            if (y.IsZero) return;
            BigInteger q = BigInteger.DivRem(x, y, out BigInteger r);
            BigNat quotient = BigNat.DivRem(Nat(a), Nat(b), out BigNat remainder);
            Assert.Equal(MinimalBytes(q), quotient.ToBytes());
            Assert.Equal(MinimalBytes(r), remainder.ToBytes());
        }, iter: Iterations(20));
    }

    [Fact]
    public void ModPow_with_short_exponents_matches_BigInteger()
    {
        Gen.Select(Natural(MaxLimbs), Natural(2), Natural(64)).Sample((b, e, m) =>
        {
            CheckModPow(b, e, m);
        }, iter: Iterations(500));
    }

    [Fact]
    public void ModPow_with_long_exponents_matches_BigInteger()
    {
        // Window path (exponents over 64 bits) on moduli up to 1024 bits, the CRT-half size of RSA-2048.
        Gen.Select(Natural(40), Natural(16), Natural(32)).Sample((b, e, m) =>
        {
            CheckModPow(b, e, m);
        }, iter: Iterations(1000));
    }

    [Fact]
    public void ModPow_with_full_size_odd_moduli_matches_BigInteger()
    {
        Gen.Select(Natural(64), Gen.Int[1, 2048], Natural(64)).Sample((b, exponentBits, m) =>
        {
            BigInteger modulus = Big(m) | BigInteger.One | (BigInteger.One << 2047);
            BigInteger exponent = (BigInteger.One << (exponentBits - 1)) | (Big(b) % (BigInteger.One << (exponentBits - 1)));
            CheckModPow(b, MinimalBytes(exponent), MinimalBytes(modulus));
        }, iter: Iterations(5000));
    }

    private static void CheckModPow(byte[] b, byte[] e, byte[] m)
    {
        BigInteger x = Big(b), y = Big(e), z = Big(m);
        if (z.IsZero)
        {
            Assert.Throws<ArgumentException>(() => BigNat.ModPow(Nat(b), Nat(e), Nat(m)));
            return;
        }
        Assert.Equal(MinimalBytes(BigInteger.ModPow(x, y, z)), BigNat.ModPow(Nat(b), Nat(e), Nat(m)).ToBytes());
    }
}
