using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using static Terminal.Tests.Crypto.BigNatTestSupport;

namespace Terminal.Tests.Crypto;

/// <summary>An RSA key as BigIntegers plus the BCL's parameter form (for keys made by RSA.Create).</summary>
public sealed record RsaTestKey(int Bits, BigInteger N, BigInteger E, BigInteger D, BigInteger P, BigInteger Q,
    BigInteger DP, BigInteger DQ, BigInteger QInv, RSAParameters? Bcl)
{
    public int Length => (Bits + 7) / 8;
    public byte[] Modulus => Bytes(N, Length);
    public byte[] Exponent => MinimalBytes(E);

    public Terminal.EmvKernel.Crypto.RsaPrivateCrtKey ToCrtKey() =>
        new(Modulus, Exponent, MinimalBytes(P), MinimalBytes(Q), MinimalBytes(DP), MinimalBytes(DQ), MinimalBytes(QInv));

    public override string ToString() => $"RSA-{Bits} e={E}";
}

/// <summary>
/// Test keys, made once per process: e = 65537 keys from System.Security.Cryptography.RSA.Create(bits), and
/// e = 3 keys built here from random primes p, q with gcd(3, p-1) = gcd(3, q-1) = 1 (Miller-Rabin on
/// BigInteger). The BigInteger relations (N = pq, d e = 1 mod lcm) are checked when a key is made.
/// </summary>
public static class RsaTestKeys
{
    private static readonly ConcurrentDictionary<(int, int), Lazy<RsaTestKey>> Cache = new();

    /// <summary>
    /// A key of exactly <paramref name="bits"/> bits with public exponent 3 or 65537 (from the BCL when
    /// e = 65537 and the size is a whole number of bytes).
    /// </summary>
    public static RsaTestKey Get(int bits, int exponent) =>
        Cache.GetOrAdd((bits, exponent), k => new Lazy<RsaTestKey>(() => k.Item2 == 65537 && k.Item1 % 8 == 0 ? FromBcl(k.Item1) : Build(k.Item1, k.Item2))).Value;

    private static RsaTestKey FromBcl(int bits)
    {
        using var rsa = RSA.Create(bits);
        RSAParameters p = rsa.ExportParameters(true);
        return Checked(new RsaTestKey(bits, Big(p.Modulus), Big(p.Exponent), Big(p.D), Big(p.P), Big(p.Q), Big(p.DP), Big(p.DQ), Big(p.InverseQ), p));
    }

    private static RsaTestKey Build(int bits, int exponent)
    {
        var e = new BigInteger(exponent);
        int pBits = (bits + 1) / 2, qBits = bits - pBits;
        while (true)
        {
            BigInteger p = RandomPrime(pBits, e), q = RandomPrime(qBits, e);
            if (p == q) continue;
            if (p < q) (p, q) = (q, p);
            BigInteger n = p * q;
            if (n.GetBitLength() != bits) continue;
            BigInteger phi = (p - 1) * (q - 1);
            BigInteger d = ModInverse(e, phi);
            return Checked(new RsaTestKey(bits, n, e, d, p, q, d % (p - 1), d % (q - 1), ModInverse(q, p), null));
        }
    }

    private static RsaTestKey Checked(RsaTestKey k)
    {
        if (k.P * k.Q != k.N || k.N.GetBitLength() != k.Bits) throw new InvalidOperationException("bad test key modulus");
        if ((k.QInv * k.Q) % k.P != 1) throw new InvalidOperationException("bad test key qInv");
        if ((k.D * k.E) % (k.P - 1) != 1 || (k.D * k.E) % (k.Q - 1) != 1) throw new InvalidOperationException("bad test key d");
        return k;
    }

    /// <summary>A random prime with exactly <paramref name="bits"/> bits, top two bits set, p - 1 coprime to e.</summary>
    private static BigInteger RandomPrime(int bits, BigInteger e)
    {
        var bytes = new byte[(bits + 7) / 8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            BigInteger c = Big(bytes) & ((BigInteger.One << bits) - 1);
            c |= (BigInteger.One << (bits - 1)) | (BigInteger.One << (bits - 2)) | BigInteger.One;
            if (BigInteger.GreatestCommonDivisor(c - 1, e) != 1) continue;
            if (IsProbablePrime(c)) return c;
        }
    }

    /// <summary>Odd primes below 16384, for trial division of prime candidates.</summary>
    private static readonly int[] SmallPrimes = Enumerable.Range(3, 16381).Where(i => Enumerable.Range(2, (int)Math.Sqrt(i) - 1).All(f => i % f != 0)).ToArray();

    /// <summary>Trial division, then Miller-Rabin with random bases. For random (not adversarial) candidates of
    /// 256 bits or more a few rounds already give an error probability far below 2^-80 (Damgard, Landrock and
    /// Pomerance 1993); the key relations are checked afterwards in any case.</summary>
    private static bool IsProbablePrime(BigInteger n)
    {
        foreach (int sp in SmallPrimes)
        {
            if (n == sp) return true;
            if (n % sp == 0) return false;
        }
        BigInteger d = n - 1;
        int s = 0;
        while (d.IsEven) { d >>= 1; s++; }
        var bytes = new byte[n.GetByteCount(isUnsigned: true)];
        for (int round = 0; round < 4; round++)
        {
            RandomNumberGenerator.Fill(bytes);
            BigInteger a = Big(bytes) % (n - 3) + 2;
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

    /// <summary>a^-1 mod m by the extended Euclidean algorithm.</summary>
    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger r0 = m, r1 = a % m, t0 = 0, t1 = 1;
        while (!r1.IsZero)
        {
            BigInteger q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if (r0 != 1) throw new InvalidOperationException("not invertible");
        return t0 < 0 ? t0 + m : t0;
    }
}
