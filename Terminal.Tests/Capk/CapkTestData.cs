using Xunit;
using System.Security.Cryptography;
using Terminal.EmvKernel.Capk;

namespace Terminal.Tests.Capk;

/// <summary>Keys and files for the CAPK tests. Checksums are computed with the BCL SHA-1 as the oracle.</summary>
internal static class CapkTestData
{
    public static readonly byte[] VisaRid = Convert.FromHexString("A000000003");

    /// <summary>A well-formed 1024-bit modulus (random bytes, top bit set); never a real key.</summary>
    public static byte[] Modulus(int seed, int length = 128)
    {
        var m = new byte[length];
        new Random(seed).NextBytes(m);
        m[0] |= 0x80;
        return m;
    }

    /// <summary>SHA-1(RID | index | modulus | exponent) by the BCL.</summary>
    public static byte[] Checksum(byte[] rid, byte index, byte[] modulus, byte[] exponent) =>
        SHA1.HashData(rid.Concat(new[] { index }).Concat(modulus).Concat(exponent).ToArray());

    public static CaPublicKey Key(CaPublicKeySet set, byte[] rid, byte index, byte[] modulus, EmvDate expiry, byte[] exponent = null)
    {
        exponent ??= new byte[] { 0x03 };
        return new CaPublicKey(set, rid, index, 0x01, 0x01, modulus, exponent, Checksum(rid, index, modulus, exponent), expiry);
    }

    public static CaPublicKey Key(CaPublicKeySet set, byte index, int seed) => Key(set, VisaRid, index, Modulus(seed), EmvDate.None);

    /// <summary>One key line in the file format, with a correct checksum.</summary>
    public static string KeyLine(string set, string rid, string index, byte[] modulus, string exponent = "03", string expiry = "-")
    {
        byte[] sum = Checksum(Convert.FromHexString(rid), Convert.FromHexString(index)[0], modulus, Convert.FromHexString(exponent));
        return $"key {set} {rid} {index} 01 01 {expiry} {exponent} {Convert.ToHexString(sum)} {Convert.ToHexString(modulus)}";
    }

    /// <summary>The repository's config/ca-keys folder (beside nf.proj).</summary>
    public static string ConfigFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "config", "ca-keys", name);
    }

    /// <summary>A test store loaded from the shipped config/ca-keys/test.txt with the provider under test.</summary>
    public static CaPublicKeyStore ShippedTestStore()
    {
        var store = new CaPublicKeyStore(CaPublicKeySet.Test, Terminal.Tests.Oda.OdaTestCrypto.Provider);
        CaKeyFile.Load(File.ReadAllText(ConfigFile("test.txt")), store);
        return store;
    }
}
