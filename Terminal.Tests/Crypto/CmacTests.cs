using System.Text.Json;
using CsCheck;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto;

public class CmacTests
{
    internal const string VectorFile = "crypto/cmac.json";

    [SkippableFact]
    public void Every_vector_gives_the_published_subkeys_or_tag()
    {
        JsonElement[] cases = SharedVectors.Cases(VectorFile);
        Assert.Equal(22, cases.Length);
        foreach (JsonElement c in cases)
        {
            string id = c.Str("id");
            string algorithm = c.Str("algorithm");
            JsonElement inputs = c.GetProperty("inputs"), expected = c.GetProperty("expected");
            byte[] key = inputs.Bytes("key");
            IBlockCipher cipher = algorithm switch
            {
                "AES-128-CMAC" or "AES-192-CMAC" or "AES-256-CMAC" => new AesCipher(key),
                "TDEA-2KEY-CMAC" or "TDEA-3KEY-CMAC" => new DesCipher(key),
                _ => throw new Xunit.Sdk.XunitException(id + ": unknown algorithm " + algorithm),
            };
            if (expected.Has("k1"))
            {
                byte[] l = new byte[cipher.BlockSize];
                cipher.EncryptBlock(l, 0, l, 0);
                Assert.True(expected.Str("l") == Convert.ToHexString(l), id + " L");
                byte[] k1 = new byte[cipher.BlockSize], k2 = new byte[cipher.BlockSize];
                Cmac.GenerateSubkeys(cipher, k1, k2);
                Assert.True(expected.Str("k1") == Convert.ToHexString(k1), id + " K1");
                Assert.True(expected.Str("k2") == Convert.ToHexString(k2), id + " K2");
                continue;
            }
            byte[] message = inputs.Bytes("message");
            Assert.Equal(inputs.GetProperty("message_length").GetInt32(), message.Length);
            string mac = expected.Str("mac");
            Assert.True(mac == Convert.ToHexString(Cmac.Compute(cipher, message, 0, message.Length)), id + " Compute");
            byte[] viaKey = cipher is AesCipher ? Cmac.Aes(key, message, 0, message.Length) : Cmac.Tdes(key, message, 0, message.Length);
            Assert.True(mac == Convert.ToHexString(viaKey), id + " by key");
        }
    }

    private static byte[] BouncyCastleCmac(Org.BouncyCastle.Crypto.IBlockCipher bcEngine, byte[] key, byte[] message)
    {
        var mac = new CMac(bcEngine);
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(message, 0, message.Length);
        byte[] tag = new byte[mac.GetMacSize()];
        mac.DoFinal(tag, 0);
        return tag;
    }

    [Fact]
    public void Random_aes_cmac_matches_bouncy_castle()
    {
        Gen.Select(CryptoTestSupport.Key(16, 24, 32), CryptoTestSupport.Bytes(0, 200), Gen.Int[0, 5]).Sample((key, message, skip) =>
        {
            // The MAC of a slice that starts inside the array.
            int offset = Math.Min(skip, message.Length);
            Assert.Equal(BouncyCastleCmac(new AesEngine(), key, message[offset..]), Cmac.Aes(key, message, offset, message.Length - offset));
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Random_tdes_cmac_matches_bouncy_castle()
    {
        Gen.Select(CryptoTestSupport.Key(8, 16, 24), CryptoTestSupport.Bytes(0, 120)).Sample((key, message) =>
        {
            Org.BouncyCastle.Crypto.IBlockCipher engine = key.Length == 8 ? new DesEngine() : new DesEdeEngine();
            Assert.Equal(BouncyCastleCmac(engine, key, message), Cmac.Tdes(key, message, 0, message.Length));
        }, iter: CryptoTestSupport.Iterations);
    }
}
