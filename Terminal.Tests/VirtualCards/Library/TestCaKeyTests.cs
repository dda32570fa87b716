using Xunit;
using Terminal.EmvKernel.Capk;

namespace Terminal.Tests.VirtualCards.Library;

/// <summary>The test PKI's CA public keys load into the kernel's store under the TEST set only, with the revocation entry.</summary>
public class TestCaKeyTests
{
    private static string File_ => File.ReadAllText(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt"));

    [Fact]
    public void Test_ca_keys_load_into_a_test_store_and_match_the_ca_key_files()
    {
        CaPublicKeyStore store = LibraryOdaTests.TestCaStore();
        Assert.Equal(3, store.Count);
        foreach (string rid in new[] { "A000000003", "A000000004", "A000000333" })
        {
            var file = CardLibrary.KeyFile($"pki/ca-{rid}-50.key");
            Assert.Equal(rid, Convert.ToHexString(file.CaRid));
            CaPublicKey key = store.Find(Convert.FromHexString(rid), 0, 0x50);
            Assert.NotNull(key);
            Assert.Equal(file.PrivateKey.Modulus, key.Modulus);
            Assert.Equal(new byte[] { 3 }, key.Exponent);
            Assert.Equal(System.Security.Cryptography.SHA1.HashData([.. file.CaRid, 0x50, .. key.Modulus, .. key.Exponent]), key.Checksum);
        }
        Assert.True(store.Revocations.IsRevoked(Convert.FromHexString("A000000003"), 0, 0x50, new byte[] { 0, 0, 0xFF }, 0));
        Assert.False(store.Revocations.IsRevoked(Convert.FromHexString("A000000003"), 0, 0x50, new byte[] { 0, 0, 0x01 }, 0));
    }

    [Fact]
    public void Test_ca_indexes_do_not_collide_with_the_public_test_keys_and_a_live_store_refuses_them()
    {
        var shipped = Terminal.Tests.Capk.CapkTestData.ShippedTestStore();
        CaKeyFile.Load(File_, shipped); // a duplicate RID/index would throw Duplicate
        var live = new CaPublicKeyStore(CaPublicKeySet.Live, CardLibrary.Crypto);
        var e = Assert.Throws<CaPublicKeyException>(() => CaKeyFile.Load(File_, live));
        Assert.Equal(CaKeyError.WrongSet, e.Error);
    }

    [Fact]
    public void Every_private_key_file_says_it_is_a_test_key()
    {
        foreach (string f in Directory.GetFiles(Path.Combine(CardLibrary.Root, "pki"), "*.key"))
            Assert.Contains("TEST KEY - NOT SECRET - NEVER USE IN PRODUCTION", File.ReadAllText(f));
    }
}
