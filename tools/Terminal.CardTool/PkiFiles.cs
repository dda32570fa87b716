using System.Text;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;

namespace Terminal.CardTool;

/// <summary>Writes the test PKI files of cards/pki (formats in docs/card-profiles.md and docs/ca-keys.md).</summary>
public static class PkiFiles
{
    /// <summary>The banner at the top of every private key file.</summary>
    public const string Banner =
        "# !!! TEST KEY - NOT SECRET - NEVER USE IN PRODUCTION !!!\n" +
        "# Part of the project's public test PKI for virtual cards (docs/card-profiles.md). Anyone can read it.\n";

    /// <summary>The [rsa-private-key] section text.</summary>
    public static string KeySection(GeneratedRsaKey k) =>
        "[rsa-private-key]\n" +
        $"modulus = {Hex.Encode(k.Modulus)}\nexponent = {Hex.Encode(k.Exponent)}\np = {Hex.Encode(k.P)}\nq = {Hex.Encode(k.Q)}\n" +
        $"dp = {Hex.Encode(k.DP)}\ndq = {Hex.Encode(k.DQ)}\nqinv = {Hex.Encode(k.QInv)}\n";

    /// <summary>A CA key file: banner, [ca] and the private key.</summary>
    public static string CaFile(byte[] rid, byte index, GeneratedRsaKey k) =>
        Banner + $"# Test Certification Authority RID {Hex.Encode(rid)} index {index:X2}, {k.Modulus.Length * 8} bits.\n\n" +
        $"[ca]\nrid = {Hex.Encode(rid)}\nindex = {index:X2}\n\n" + KeySection(k);

    /// <summary>The CA public key line of the CA key file format (docs/ca-keys.md), set test.</summary>
    public static string CaPublicKeyLine(byte[] rid, byte index, byte[] modulus, byte[] exponent, string expiry)
    {
        var input = new byte[rid.Length + 1 + modulus.Length + exponent.Length];
        rid.CopyTo(input, 0);
        input[rid.Length] = index;
        modulus.CopyTo(input, rid.Length + 1);
        exponent.CopyTo(input, rid.Length + 1 + modulus.Length);
        byte[] checksum = new PortableCryptoProvider().Sha1(input, 0, input.Length);
        return $"key test {Hex.Encode(rid)} {index:X2} 01 01 {expiry} {Hex.Encode(exponent)} {Hex.Encode(checksum)} {Hex.Encode(modulus)}";
    }

    /// <summary>An issuer key file: banner, the certificate data (8F, 90, 92, 9F32) and the private key.</summary>
    public static string IssuerFile(string comment, byte[] caRid, byte caIndex, byte[] issuerId, byte[] expiry, byte[] serial,
        byte[] certificate, byte[] remainder, GeneratedRsaKey k)
    {
        var sb = new StringBuilder(Banner);
        sb.Append($"# {comment}\n\n[issuer-certificate]\n");
        sb.Append($"ca-rid = {Hex.Encode(caRid)}\nca-index = {caIndex:X2}\nissuer-identifier = {Hex.Encode(issuerId)}\n");
        sb.Append($"expiry = {Hex.Encode(expiry)}\nserial = {Hex.Encode(serial)}\nexponent = {Hex.Encode(k.Exponent)}\n");
        sb.Append($"certificate = {Hex.Encode(certificate)}\nremainder = {Hex.Encode(remainder)}\n\n");
        sb.Append(KeySection(k));
        return sb.ToString();
    }

    /// <summary>An ICC key file: banner and the private key (the certificate is made per card at personalisation).</summary>
    public static string IccFile(string comment, GeneratedRsaKey k) => Banner + $"# {comment}\n\n" + KeySection(k);
}
