using System.Text.Json;
using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto;

public class DesTests
{
    internal const string VectorFile = "crypto/des-tdes.json";

    private static void Check(string id, byte[] key, byte[] iv, byte[] plaintext, string expected) =>
        CryptoTestSupport.CheckKnownAnswer(id, false, key, iv, plaintext, expected);

    [SkippableFact]
    public void Every_vector_enciphers_and_deciphers_through_the_cipher_and_both_providers()
    {
        JsonElement[] cases = SharedVectors.Cases(VectorFile);
        Assert.Equal(10, cases.Length);
        foreach (JsonElement c in cases)
        {
            string id = c.Str("id");
            JsonElement inputs = c.GetProperty("inputs"), expected = c.GetProperty("expected");
            string mode = c.Str("mode");
            byte[] iv = inputs.Has("iv") ? inputs.Bytes("iv") : null;
            Assert.True(mode == "ECB" ? iv == null : mode == "CBC" && iv != null, id + ": mode " + mode);
            byte[] key = inputs.Bytes("key");
            byte[] plaintext = inputs.Bytes("plaintext");
            string ciphertext = expected.Str("ciphertext");
            Check(id, key, iv, plaintext, ciphertext);
            if (inputs.Has("key_expanded_24"))
            {
                Assert.Equal(CryptoTestSupport.Expand24(key), inputs.Bytes("key_expanded_24"));
                Check(id + " (24-byte form)", inputs.Bytes("key_expanded_24"), iv, plaintext, ciphertext);
            }
            if (inputs.Has("single_des_key")) Check(id + " (single DES)", inputs.Bytes("single_des_key"), iv, plaintext, ciphertext);
            if (expected.Has("kcv_3")) Assert.StartsWith(expected.Str("kcv_3"), ciphertext);
            if (expected.Has("kcv_2")) Assert.StartsWith(expected.Str("kcv_2"), ciphertext);
        }
    }

    [Fact]
    public void Random_keys_and_data_match_the_bcl_one_shot()
    {
        Gen.Select(CryptoTestSupport.Key(8, 16, 24), CryptoTestSupport.OptionalIv(8), CryptoTestSupport.Blocks(8, 40)).Sample((key, iv, data) =>
        {
            if (CryptoTestSupport.BclRefuses(key)) return;
            CryptoTestSupport.AssertMatchesBcl(false, key, iv, data);
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Two_key_tdes_equals_its_k1_k2_k1_expansion_and_equal_halves_equal_single_des()
    {
        Gen.Select(CryptoTestSupport.Bytes(16), CryptoTestSupport.Blocks(8, 8)).Sample((key, data) =>
        {
            Assert.Equal(DesCipher.Encrypt(CryptoTestSupport.Expand24(key), null, data, 0, data.Length), DesCipher.Encrypt(key, null, data, 0, data.Length));
            byte[] k1 = key[..8];
            byte[] doubled = [.. k1, .. k1];
            Assert.Equal(DesCipher.Encrypt(k1, null, data, 0, data.Length), DesCipher.Encrypt(doubled, null, data, 0, data.Length));
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Parity_bits_are_ignored()
    {
        Gen.Select(CryptoTestSupport.Key(8, 16, 24), CryptoTestSupport.Bytes(8)).Sample((key, block) =>
        {
            byte[] flipped = key.Select(b => (byte)(b ^ 1)).ToArray();
            Assert.Equal(DesCipher.Encrypt(key, null, block, 0, 8), DesCipher.Encrypt(flipped, null, block, 0, 8));
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Cipher_blocks_work_in_place_and_at_offsets()
    {
        byte[] key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var cipher = new DesCipher(key);
        Assert.Equal(8, cipher.BlockSize);
        Assert.Equal(16, cipher.KeyLength);
        byte[] buffer = new byte[20];
        cipher.EncryptBlock(buffer, 5, buffer, 5);
        // Published KCV 08D7B4 of this key (des-tdes.json tdes2-kcv-0123-fedc), checked here without the file.
        Assert.Equal("08D7B4", Convert.ToHexString(buffer, 5, 3));
        cipher.DecryptBlock(buffer, 5, buffer, 5);
        Assert.Equal(new byte[20], buffer);
        // A key taken from the middle of a larger array.
        byte[] holder = [0xEE, .. key, 0xEE];
        var sliced = new DesCipher(holder, 1, 16);
        byte[] block = new byte[8];
        sliced.EncryptBlock(block, 0, block, 0);
        Assert.Equal("08D7B4FB629D0885", Convert.ToHexString(block));
    }

    [Fact]
    public void Cbc_in_place_equals_cbc_into_a_new_array()
    {
        Gen.Select(CryptoTestSupport.Key(8, 16, 24), CryptoTestSupport.Bytes(8), CryptoTestSupport.Blocks(8, 12)).Sample((key, iv, data) =>
        {
            var cipher = new DesCipher(key);
            byte[] expected = BlockCipherModes.Encrypt(cipher, iv, data, 0, data.Length);
            byte[] buffer = [1, 2, 3, .. data];
            BlockCipherModes.Process(cipher, CipherDirection.Encrypt, iv, buffer, 3, data.Length, buffer, 3);
            Assert.Equal(expected, buffer[3..]);
            BlockCipherModes.Process(cipher, CipherDirection.Decrypt, iv, buffer, 3, data.Length, buffer, 3);
            Assert.Equal(data, buffer[3..]);
            Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        }, iter: CryptoTestSupport.Iterations);
    }
}
