using System.Numerics;
using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Tests.Oda;

/// <summary>
/// TEST-ONLY stand-in for the project's PortableCryptoProvider (SHA-1 and RSA public operation from the BCL)
/// until the portable SHA-1 and RSA land on main. Only <see cref="OdaTestCrypto.Provider"/> refers to it.
/// </summary>
internal sealed class TestOnlyBclProvider : ICryptoProvider
{
    public byte[] Sha1(byte[] data, int offset, int length) => SHA1.HashData(data.AsSpan(offset, length));

    public byte[] Sha256(byte[] data, int offset, int length) => SHA256.HashData(data.AsSpan(offset, length));

    public byte[] RsaPublic(byte[] modulus, byte[] exponent, byte[] input)
    {
        var n = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(exponent, isUnsigned: true, isBigEndian: true);
        var x = new BigInteger(input, isUnsigned: true, isBigEndian: true);
        byte[] r = BigInteger.ModPow(x, e, n).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] padded = new byte[modulus.Length];
        Array.Copy(r, 0, padded, padded.Length - r.Length, r.Length);
        return padded;
    }

    public byte[] Tdes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length) => throw new NotSupportedException();

    public byte[] Aes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length) => throw new NotSupportedException();
}
