using System.Numerics;
using CsCheck;
using Terminal.Tests.Tlv;

namespace Terminal.Tests.Crypto;

/// <summary>
/// Generators and conversions shared by the BigNat and RSA tests. System.Numerics.BigInteger is the
/// oracle; values are generated as 32-bit limbs biased towards the carry and borrow edges
/// (0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF) and then cut to any byte length.
/// </summary>
internal static class BigNatTestSupport
{
    /// <summary>
    /// Iterations for a property: the shared <see cref="FuzzIterations.Value"/> (TERMINAL_FUZZ_ITERATIONS,
    /// default 100000) divided by the property's cost factor, at least 1. The divisors keep each property to a
    /// few seconds at the default.
    /// </summary>
    public static long Iterations(long costDivisor) => Math.Max(1, FuzzIterations.Value / costDivisor);

    // All-ones twice: it is the limb that drives carries furthest.
    private static readonly uint[] EdgeLimbs = { 0u, 1u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFEu, 0xFFFFFFFFu, 0xFFFFFFFFu };

    /// <summary>A random limb half of the time, otherwise an edge limb.</summary>
    public static readonly Gen<uint> Limb = Gen.Select(Gen.Int[0, 2 * EdgeLimbs.Length - 1], Gen.UInt,
        (k, random) => k < EdgeLimbs.Length ? random : EdgeLimbs[k - EdgeLimbs.Length]);

    /// <summary>Only edge limbs: makes the quotient-digit estimate of long division often one too large.</summary>
    public static readonly Gen<uint> EdgeLimb = Gen.Int[0, EdgeLimbs.Length - 1].Select(k => EdgeLimbs[k]);

    /// <summary>Big-endian bytes of a natural number with up to maxLimbs 32-bit limbs (any byte length).</summary>
    public static Gen<byte[]> Natural(int maxLimbs) =>
        Gen.Select(TlvGen.ArrayOf(Limb, 0, maxLimbs), Gen.Int[0, 3], Gen.Int[0, 2], (limbs, cut, leadingZeros) =>
        {
            // Limbs are written most significant first; drop up to 3 top bytes for odd byte lengths and
            // sometimes prepend zero bytes (allowed in the input).
            byte[] bytes = LimbsToBytes(limbs);
            int drop = Math.Min(cut, bytes.Length);
            var result = new byte[leadingZeros + bytes.Length - drop];
            Array.Copy(bytes, drop, result, leadingZeros, bytes.Length - drop);
            return result;
        });

    /// <summary>Big-endian bytes of 32-bit limbs given most significant first.</summary>
    public static byte[] LimbsToBytes(uint[] limbs)
    {
        var bytes = new byte[limbs.Length * 4];
        for (int i = 0; i < limbs.Length; i++)
        {
            bytes[4 * i] = (byte)(limbs[i] >> 24);
            bytes[4 * i + 1] = (byte)(limbs[i] >> 16);
            bytes[4 * i + 2] = (byte)(limbs[i] >> 8);
            bytes[4 * i + 3] = (byte)limbs[i];
        }
        return bytes;
    }

    /// <summary>The unsigned big-endian value as a BigInteger.</summary>
    public static BigInteger Big(byte[] bigEndian) => new BigInteger(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>A non-negative BigInteger as big-endian bytes left-padded to length.</summary>
    public static byte[] Bytes(BigInteger value, int length)
    {
        byte[] minimal = value.IsZero ? Array.Empty<byte>() : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (minimal.Length > length) throw new ArgumentException("value does not fit");
        var result = new byte[length];
        Array.Copy(minimal, 0, result, length - minimal.Length, minimal.Length);
        return result;
    }

    /// <summary>Minimal big-endian bytes of a BigInteger, with zero as the single byte 00.</summary>
    public static byte[] MinimalBytes(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true);
}
