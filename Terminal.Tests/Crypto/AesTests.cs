using System.Text.Json;
using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto;

public class AesTests
{
    internal const string VectorFile = "crypto/aes.json";

    [SkippableFact]
    public void Every_vector_enciphers_and_deciphers_through_the_cipher_and_both_providers()
    {
        JsonElement[] cases = SharedVectors.Cases(VectorFile);
        Assert.Equal(8, cases.Length);
        foreach (JsonElement c in cases)
        {
            string id = c.Str("id");
            JsonElement inputs = c.GetProperty("inputs");
            byte[] key = inputs.Bytes("key");
            byte[] iv = inputs.Has("iv") ? inputs.Bytes("iv") : null;
            Assert.True(c.Str("mode") == "CBC" ? iv != null : iv == null, id + " mode");
            Assert.True(c.Str("algorithm") == "AES-" + key.Length * 8, id + " key length");
            byte[] plaintext = inputs.Bytes("plaintext");
            CryptoTestSupport.CheckKnownAnswer(id, true, key, iv, plaintext, c.GetProperty("expected").Str("ciphertext"));
        }
    }

    [Fact]
    public void Random_keys_and_data_match_the_bcl_one_shot()
    {
        Gen.Select(CryptoTestSupport.Key(16, 24, 32), CryptoTestSupport.OptionalIv(16), CryptoTestSupport.Blocks(16, 30)).Sample((key, iv, data) =>
        {
            CryptoTestSupport.AssertMatchesBcl(true, key, iv, data);
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Cipher_reports_its_sizes_and_works_in_place_at_offsets()
    {
        // FIPS 197 Appendix C.1 (also in aes.json), checked here without the file.
        byte[] key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        var cipher = new AesCipher([0x55, .. key, 0x55], 1, 16);
        Assert.Equal(16, cipher.BlockSize);
        Assert.Equal(16, cipher.KeyLength);
        Assert.Equal(32, new AesCipher(new byte[32]).KeyLength);
        byte[] buffer = [9, .. Convert.FromHexString("00112233445566778899AABBCCDDEEFF"), 9];
        cipher.EncryptBlock(buffer, 1, buffer, 1);
        Assert.Equal("69C4E0D86A7B0430D8CDB78070B4C55A", Convert.ToHexString(buffer, 1, 16));
        cipher.DecryptBlock(buffer, 1, buffer, 1);
        Assert.Equal("00112233445566778899AABBCCDDEEFF", Convert.ToHexString(buffer, 1, 16));
        Assert.Equal(9, buffer[0]);
        Assert.Equal(9, buffer[17]);
    }
}
