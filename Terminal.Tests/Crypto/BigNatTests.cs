using System.Numerics;
using Terminal.EmvKernel.Crypto.BigNumbers;
using Xunit;
using static Terminal.Tests.Crypto.BigNatTestSupport;

namespace Terminal.Tests.Crypto;

/// <summary>Hand-checked BigNat values and the typed errors.</summary>
public class BigNatTests
{
    private static BigNat Hex(string hex) => BigNat.FromBytes(Convert.FromHexString(hex));

    [Fact]
    public void Bytes_are_big_endian_and_leading_zeros_are_ignored()
    {
        BigNat value = Hex("0000010203040506");
        Assert.Equal(Convert.FromHexString("010203040506"), value.ToBytes());
        Assert.Equal(Convert.FromHexString("0000000000010203040506"), value.ToBytes(11));
        Assert.Equal(41, value.BitLength);
        Assert.Equal(6, value.ByteLength);
        Assert.Equal("010203040506", value.ToString());
    }

    [Fact]
    public void Zero_has_one_minimal_byte_and_pads_to_any_length()
    {
        Assert.Equal(new byte[] { 0 }, BigNat.Zero.ToBytes());
        Assert.Equal(new byte[0], BigNat.Zero.ToBytes(0));
        Assert.Equal(new byte[4], Hex("00000000").ToBytes(4));
        Assert.True(Hex("").IsZero);
        Assert.Equal(0, BigNat.Zero.BitLength);
        Assert.False(BigNat.Zero.IsOdd);
    }

    [Fact]
    public void FromBytes_reads_a_range()
    {
        byte[] data = Convert.FromHexString("FF0001020304FF");
        Assert.Equal(Convert.FromHexString("01020304"), BigNat.FromBytes(data, 1, 5).ToBytes());
        Assert.Equal(BigNat.FromUInt32(0x01020304), BigNat.FromBytes(data, 1, 5));
    }

    [Fact]
    public void Carries_and_borrows_cross_limb_boundaries()
    {
        // FFFFFFFF FFFFFFFF + 1 = 1 00000000 00000000; and back.
        BigNat allOnes = Hex("FFFFFFFFFFFFFFFF");
        Assert.Equal("010000000000000000", BigNat.Add(allOnes, BigNat.One).ToString());
        Assert.Equal("FFFFFFFFFFFFFFFF", BigNat.Subtract(Hex("010000000000000000"), BigNat.One).ToString());
        // (2^64 - 1)^2 = 2^128 - 2^65 + 1.
        Assert.Equal("FFFFFFFFFFFFFFFE0000000000000001", BigNat.Square(allOnes).ToString());
        Assert.Equal("FFFFFFFFFFFFFFFE0000000000000001", BigNat.Multiply(allOnes, Hex("FFFFFFFFFFFFFFFF")).ToString());
    }

    [Fact]
    public void Knuth_add_back_case_divides_correctly()
    {
        // Hacker's Delight divmnu test "adding back required", scaled to 32-bit limbs:
        // u = 7FFFFFFF 80000000 00000000 00000000, v = 80000000 00000000 00000001.
        BigInteger u = Big(Convert.FromHexString("7FFFFFFF800000000000000000000000"));
        BigInteger v = Big(Convert.FromHexString("800000000000000000000001"));
        BigNat q = BigNat.DivRem(BigNat.FromBytes(MinimalBytes(u)), BigNat.FromBytes(MinimalBytes(v)), out BigNat r);
        Assert.Equal(MinimalBytes(u / v), q.ToBytes());
        Assert.Equal(MinimalBytes(u % v), r.ToBytes());
        Assert.Equal("FFFFFFFE", q.ToString());
    }

    [Fact]
    public void ModPow_small_values_are_hand_checked()
    {
        // 4^13 mod 497 = 445 (the textbook example); 2^10 mod 1000 = 24; x^0 mod 1 = 0.
        Assert.Equal(BigNat.FromUInt32(445), BigNat.ModPow(BigNat.FromUInt32(4), BigNat.FromUInt32(13), BigNat.FromUInt32(497)));
        Assert.Equal(BigNat.FromUInt32(24), BigNat.ModPow(BigNat.FromUInt32(2), BigNat.FromUInt32(10), BigNat.FromUInt32(1000)));
        Assert.Equal(BigNat.One, BigNat.ModPow(BigNat.FromUInt32(7), BigNat.Zero, BigNat.FromUInt32(10)));
        Assert.Equal(BigNat.Zero, BigNat.ModPow(BigNat.FromUInt32(7), BigNat.Zero, BigNat.One));
        Assert.Equal(BigNat.Zero, BigNat.ModPow(BigNat.Zero, BigNat.FromUInt32(3), BigNat.FromUInt32(10)));
    }

    [Fact]
    public void Invalid_arguments_throw_typed_errors()
    {
        Assert.Throws<ArgumentNullException>(() => BigNat.FromBytes(null));
        Assert.Throws<ArgumentException>(() => BigNat.FromBytes(new byte[4], 2, 3));
        Assert.Throws<ArgumentException>(() => BigNat.FromBytes(new byte[4], -1, 1));
        Assert.Throws<ArgumentException>(() => Hex("010000").ToBytes(2));
        Assert.Throws<ArgumentException>(() => BigNat.Subtract(BigNat.One, BigNat.FromUInt32(2)));
        Assert.Throws<ArgumentException>(() => BigNat.Mod(BigNat.One, BigNat.Zero));
        Assert.Throws<ArgumentException>(() => BigNat.DivRem(BigNat.One, BigNat.Zero, out _));
        Assert.Throws<ArgumentException>(() => BigNat.ModPow(BigNat.One, BigNat.One, BigNat.Zero));
        Assert.Throws<ArgumentNullException>(() => BigNat.Add(null, BigNat.One));
        Assert.Throws<ArgumentNullException>(() => BigNat.Multiply(BigNat.One, null));
        Assert.Throws<ArgumentNullException>(() => BigNat.ModPow(BigNat.One, null, BigNat.One));
        Assert.Throws<ArgumentNullException>(() => BigNat.Compare(null, BigNat.One));
    }

    [Fact]
    public void Operations_do_not_change_their_operands()
    {
        BigNat a = Hex("0123456789ABCDEF0123456789ABCDEF01");
        BigNat m = Hex("F123456789ABCDEF0123456789ABCDE1");
        string before = a.ToString();
        BigNat.ModPow(a, Hex("010001"), m);
        BigNat.DivRem(a, m, out _);
        BigNat.Square(a);
        BigNat.Add(a, a);
        Assert.Equal(before, a.ToString());
    }
}
