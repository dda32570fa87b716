using System.Numerics;
using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;

namespace Terminal.CardTool;

/// <summary>A generated RSA key's CRT parts, big-endian.</summary>
public sealed record GeneratedRsaKey(byte[] Modulus, byte[] Exponent, byte[] P, byte[] Q, byte[] DP, byte[] DQ, byte[] QInv)
{
    /// <summary>The portable key object used for signing.</summary>
    public RsaPrivateCrtKey ToCrtKey() => new(Modulus, Exponent, P, Q, DP, DQ, QInv);
}

/// <summary>
/// RSA key pairs for the test PKI: primes p, q from the system RNG with gcd(e, p-1) = gcd(e, q-1) = 1
/// (Miller-Rabin, 40 rounds), N of exactly the requested bits, CRT parameters. .NET's RSA.Create cannot make
/// e = 3 keys, which EMV uses, hence BigInteger.
/// </summary>
public static class RsaKeyGenerator
{
    /// <summary>A new key of exactly <paramref name="bits"/> bits (a multiple of 8) with public exponent e.</summary>
    public static GeneratedRsaKey Generate(int bits, int exponent)
    {
        if (bits % 8 != 0 || bits < 512 || bits > 1984) throw new ArgumentException("bits must be a multiple of 8 in 512..1984");
        if (exponent != 3 && exponent != 65537) throw new ArgumentException("exponent must be 3 or 65537");
        var e = new BigInteger(exponent);
        int pBits = (bits + 1) / 2, qBits = bits - pBits;
        while (true)
        {
            BigInteger p = RandomPrime(pBits, e), q = RandomPrime(qBits, e);
            if (p == q) continue;
            if (p < q) (p, q) = (q, p);
            BigInteger n = p * q;
            if (n.GetBitLength() != bits) continue;
            BigInteger d = ModInverse(e, (p - 1) * (q - 1));
            return new GeneratedRsaKey(Bytes(n, bits / 8), Bytes(e, 0), Bytes(p, 0), Bytes(q, 0),
                Bytes(d % (p - 1), 0), Bytes(d % (q - 1), 0), Bytes(ModInverse(q, p), 0));
        }
    }

    /// <summary>Big-endian unsigned bytes, left-padded to length (0 = minimal).</summary>
    public static byte[] Bytes(BigInteger v, int length)
    {
        byte[] b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (length == 0 || b.Length == length) return b;
        var r = new byte[length];
        Array.Copy(b, 0, r, length - b.Length, b.Length);
        return r;
    }

    private static BigInteger RandomPrime(int bits, BigInteger e)
    {
        var bytes = new byte[(bits + 7) / 8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            BigInteger c = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) & ((BigInteger.One << bits) - 1);
            c |= (BigInteger.One << (bits - 1)) | (BigInteger.One << (bits - 2)) | BigInteger.One;
            if (BigInteger.GreatestCommonDivisor(c - 1, e) != 1) continue;
            if (IsProbablePrime(c, 40)) return c;
        }
    }

    private static bool IsProbablePrime(BigInteger n, int rounds)
    {
        foreach (int small in new[] { 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47 })
            if (n % small == 0) return n == small;
        BigInteger d = n - 1;
        int s = 0;
        while (d.IsEven) { d >>= 1; s++; }
        var buffer = new byte[n.GetByteCount(true)];
        for (int i = 0; i < rounds; i++)
        {
            BigInteger a;
            do { RandomNumberGenerator.Fill(buffer); a = new BigInteger(buffer, true, true) % n; } while (a < 2 || a > n - 2);
            BigInteger x = BigInteger.ModPow(a, d, n);
            if (x == 1 || x == n - 1) continue;
            bool composite = true;
            for (int r = 1; r < s && composite; r++)
            {
                x = BigInteger.ModPow(x, 2, n);
                if (x == n - 1) composite = false;
            }
            if (composite) return false;
        }
        return true;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger g = m, x = 0, x1 = 1, a1 = a % m;
        while (a1 != 0)
        {
            BigInteger q = g / a1;
            (g, a1) = (a1, g - q * a1);
            (x, x1) = (x1, x - q * x1);
        }
        if (g != 1) throw new ArgumentException("not invertible");
        return (x % m + m) % m;
    }
}
