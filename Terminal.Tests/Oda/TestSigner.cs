using System.Numerics;
using System.Security.Cryptography;

namespace Terminal.Tests.Oda;

/// <summary>
/// Test-side signer: BCL-generated RSA keys, and EMV blocks laid out per EMV 4.4 Book 2 Tables 6, 7, 14 and 17,
/// hashed with the BCL SHA-1 and signed with the private exponent. Lets the tests produce certificates with any
/// field wrong, independently of the code under test.
/// </summary>
internal sealed class TestSigner
{
    private readonly BigInteger _p, _q, _dp, _dq, _qInv;

    public byte[] Modulus { get; }
    public byte[] Exponent { get; }

    private TestSigner(RSAParameters p)
    {
        Modulus = p.Modulus!;
        Exponent = p.Exponent!;
        _p = Number(p.P);
        _q = Number(p.Q);
        _dp = Number(p.DP);
        _dq = Number(p.DQ);
        _qInv = Number(p.InverseQ);
    }

    public static TestSigner Create(int bits)
    {
        using var rsa = RSA.Create(bits);
        return new TestSigner(rsa.ExportParameters(true));
    }

    private static BigInteger Number(byte[] b) => new(b, isUnsigned: true, isBigEndian: true);

    /// <summary>block^d mod n (with the CRT parameters), left-padded to the modulus length.</summary>
    public byte[] Sign(byte[] block)
    {
        BigInteger c = Number(block);
        BigInteger m1 = BigInteger.ModPow(c, _dp, _p), m2 = BigInteger.ModPow(c, _dq, _q);
        BigInteger h = (_qInv * (m1 - m2)) % _p;
        if (h.Sign < 0) h += _p;
        byte[] r = (m2 + h * _q).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] s = new byte[Modulus.Length];
        r.CopyTo(s, s.Length - r.Length);
        return s;
    }

    /// <summary>Optional changes to a block before signing.</summary>
    public sealed class Options
    {
        public byte Header = 0x6A;
        public byte Trailer = 0xBC;
        public byte HashAlgorithm = 0x01;
        public byte PublicKeyAlgorithm = 0x01;
        public int? KeyLength;         // stated public key length; default: the real one
        public int? ExponentLength;    // stated exponent length; default: the real one
        public bool CorruptHash;
    }

    /// <summary>
    /// Signs a certificate (format 02 issuer or 04 ICC): header | format | identity | MMYY | serial | hash alg |
    /// pk alg | key length | exponent length | key or leftmost digits (BB padded) | hash | trailer. Returns the
    /// certificate and the remainder (empty when the key fits).
    /// </summary>
    public (byte[] Certificate, byte[] Remainder) Certificate(byte format, byte[] identity, string mmyy, byte[] serial,
        byte[] keyModulus, byte[] keyExponent, byte[] extraHashedData = null, Options o = null)
    {
        o ??= new Options();
        int n = Modulus.Length;
        var head = new List<byte> { o.Header, format };
        head.AddRange(identity);
        head.AddRange(Convert.FromHexString(mmyy));
        head.AddRange(serial);
        head.Add(o.HashAlgorithm);
        head.Add(o.PublicKeyAlgorithm);
        head.Add((byte)(o.KeyLength ?? keyModulus.Length));
        head.Add((byte)(o.ExponentLength ?? keyExponent.Length));
        int field = n - head.Count - 21;
        byte[] leftmost = Enumerable.Repeat((byte)0xBB, field).ToArray();
        Array.Copy(keyModulus, leftmost, Math.Min(field, keyModulus.Length));
        byte[] remainder = keyModulus.Length > field ? keyModulus[field..] : Array.Empty<byte>();
        head.AddRange(leftmost);
        byte[] hash = SHA1.HashData(head.Skip(1).Concat(remainder).Concat(keyExponent).Concat(extraHashedData ?? Array.Empty<byte>()).ToArray());
        return (Finish(head, hash, o), remainder);
    }

    /// <summary>Signed Static Application Data, format 03: header | 03 | hash alg | DAC | BB pad | hash | trailer.</summary>
    public byte[] StaticData(byte[] dataAuthenticationCode, byte[] staticData, Options o = null)
    {
        o ??= new Options();
        var head = new List<byte> { o.Header, 0x03, o.HashAlgorithm };
        head.AddRange(dataAuthenticationCode);
        head.AddRange(Enumerable.Repeat((byte)0xBB, Modulus.Length - 26));
        return Finish(head, SHA1.HashData(head.Skip(1).Concat(staticData).ToArray()), o);
    }

    /// <summary>Signed Dynamic Application Data, format 05: header | 05 | hash alg | L_DD | dynamic data | BB pad | hash | trailer.</summary>
    public byte[] DynamicData(byte[] iccDynamicData, byte[] terminalData, Options o = null, int? statedLength = null)
    {
        o ??= new Options();
        var head = new List<byte> { o.Header, 0x05, o.HashAlgorithm, (byte)(statedLength ?? iccDynamicData.Length) };
        head.AddRange(iccDynamicData);
        head.AddRange(Enumerable.Repeat((byte)0xBB, Modulus.Length - 25 - iccDynamicData.Length));
        return Finish(head, SHA1.HashData(head.Skip(1).Concat(terminalData).ToArray()), o);
    }

    private byte[] Finish(List<byte> head, byte[] hash, Options o)
    {
        if (o.CorruptHash) hash[0] ^= 0x01;
        head.AddRange(hash);
        head.Add(o.Trailer);
        if (head.Count != Modulus.Length) throw new InvalidOperationException("block length " + head.Count + " != " + Modulus.Length);
        return Sign(head.ToArray());
    }
}
