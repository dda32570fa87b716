using System.Text;
using System.Text.Json;
using CsCheck;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Paddings;
using Org.BouncyCastle.Crypto.Parameters;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto;

public class Iso9797MacTests
{
    internal const string VectorFile = "crypto/mac-iso9797.json";

    private static Iso9797PaddingMethod Method(JsonElement c) => c.GetProperty("padding_method").GetInt32() switch
    {
        1 => Iso9797PaddingMethod.Method1,
        2 => Iso9797PaddingMethod.Method2,
        3 => Iso9797PaddingMethod.Method3,
        int other => throw new Xunit.Sdk.XunitException("unknown padding method " + other),
    };

    [SkippableFact]
    public void Every_vector_gives_the_published_padding_or_mac()
    {
        JsonElement[] cases = SharedVectors.Cases(VectorFile);
        Assert.Equal(26, cases.Length);
        int paddings = 0, macs = 0;
        foreach (JsonElement c in cases)
        {
            string id = c.Str("id");
            JsonElement inputs = c.GetProperty("inputs"), expected = c.GetProperty("expected");
            byte[] data = inputs.Bytes("data");
            if (inputs.Has("data_ascii")) Assert.Equal(Encoding.ASCII.GetBytes(inputs.Str("data_ascii")), data);
            Iso9797PaddingMethod method = Method(c);
            switch (c.Str("kind"))
            {
                case "padding":
                    int blockSize = c.GetProperty("block_size").GetInt32();
                    string padded = expected.Str("padded");
                    Assert.True(padded == Convert.ToHexString(Iso9797Padding.Pad(method, blockSize, data, 0, data.Length)), id);
                    Assert.Equal(padded.Length / 2, Iso9797Padding.PaddedLength(method, blockSize, data.Length));
                    paddings++;
                    break;
                case "mac":
                    byte[] key = inputs.Bytes("key");
                    byte[] mac = c.GetProperty("mac_algorithm").GetInt32() switch
                    {
                        1 => Iso9797Mac.Algorithm1(key, method, data, 0, data.Length),
                        3 => Iso9797Mac.Algorithm3(key, method, data, 0, data.Length),
                        int other => throw new Xunit.Sdk.XunitException(id + ": unknown MAC algorithm " + other),
                    };
                    if (inputs.Has("key_left")) Assert.Equal([.. inputs.Bytes("key_left"), .. inputs.Bytes("key_right")], key);
                    Assert.True(c.Str("block_cipher") == (key.Length == 8 ? "DES" : "TDEA (2 keys)") || inputs.Has("key_left"), id + " cipher");
                    Assert.True(expected.Has("mac_64") || expected.Has("mac_32"), id + " has no expected MAC");
                    if (expected.Has("mac_64")) Assert.True(expected.Str("mac_64") == Convert.ToHexString(mac), id + " mac_64");
                    if (expected.Has("mac_32")) Assert.True(expected.Str("mac_32") == Convert.ToHexString(mac, 0, 4), id + " mac_32");
                    macs++;
                    break;
                default:
                    throw new Xunit.Sdk.XunitException(id + ": unknown kind " + c.Str("kind"));
            }
        }
        Assert.Equal(cases.Length, paddings + macs);
    }

    /// <summary>BouncyCastle CBC-MAC; method 1 is its zero padding, method 2 its ISO 7816-4 padding, method 3 is padded here first.</summary>
    private static byte[] BouncyCastleAlgorithm1(byte[] key, Iso9797PaddingMethod method, byte[] data)
    {
        Org.BouncyCastle.Crypto.IBlockCipher engine = key.Length == 8 ? new DesEngine() : new DesEdeEngine();
        var mac = new CbcBlockCipherMac(engine, 64, method == Iso9797PaddingMethod.Method2 ? new ISO7816d4Padding() : null);
        return Run(mac, key, method == Iso9797PaddingMethod.Method3 ? Iso9797Padding.Pad(method, 8, data, 0, data.Length) : data);
    }

    private static byte[] BouncyCastleAlgorithm3(byte[] key, Iso9797PaddingMethod method, byte[] data)
    {
        var mac = new ISO9797Alg3Mac(new DesEngine(), method == Iso9797PaddingMethod.Method2 ? new ISO7816d4Padding() : null);
        return Run(mac, key, method == Iso9797PaddingMethod.Method3 ? Iso9797Padding.Pad(method, 8, data, 0, data.Length) : data);
    }

    private static byte[] Run(Org.BouncyCastle.Crypto.IMac mac, byte[] key, byte[] data)
    {
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        byte[] result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }

    private static readonly Gen<Iso9797PaddingMethod> Methods =
        Gen.OneOf(Iso9797PaddingMethod.Method1, Iso9797PaddingMethod.Method2, Iso9797PaddingMethod.Method3);

    [Fact]
    public void Random_algorithm_1_matches_bouncy_castle()
    {
        Gen.Select(CryptoTestSupport.Key(8, 16, 24), Methods, CryptoTestSupport.Bytes(0, 100)).Sample((key, method, data) =>
        {
            Assert.Equal(BouncyCastleAlgorithm1(key, method, data), Iso9797Mac.Algorithm1(key, method, data, 0, data.Length));
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Random_algorithm_3_matches_bouncy_castle()
    {
        Gen.Select(CryptoTestSupport.Bytes(16), Methods, CryptoTestSupport.Bytes(0, 100)).Sample((key, method, data) =>
        {
            Assert.Equal(BouncyCastleAlgorithm3(key, method, data), Iso9797Mac.Algorithm3(key, method, data, 0, data.Length));
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Random_padding_follows_the_three_rules()
    {
        Gen.Select(Methods, Gen.OneOf(8, 16), CryptoTestSupport.Bytes(0, 70)).Sample((method, blockSize, data) =>
        {
            byte[] padded = Iso9797Padding.Pad(method, blockSize, data, 0, data.Length);
            Assert.Equal(0, padded.Length % blockSize);
            Assert.Equal(padded.Length, Iso9797Padding.PaddedLength(method, blockSize, data.Length));
            int start = 0;
            if (method == Iso9797PaddingMethod.Method3)
            {
                // ISO/IEC 9797-1 6.3.4: first block = bit length, big-endian.
                Assert.Equal((ulong)data.Length * 8, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(padded.AsSpan(blockSize - 8, 8)));
                Assert.All(padded[..(blockSize - 8)], b => Assert.Equal(0, b));
                start = blockSize;
            }
            Assert.Equal(data, padded[start..(start + data.Length)]);
            int rest = start + data.Length;
            if (method == Iso9797PaddingMethod.Method2) Assert.Equal(0x80, padded[rest++]);
            Assert.All(padded[rest..], b => Assert.Equal(0, b));
            // As few padding bytes as the rule allows (method 2 at least one; empty data gives one block).
            int minimum = method == Iso9797PaddingMethod.Method2 ? data.Length + 1 : Math.Max(data.Length, 1);
            Assert.True(padded.Length - start - minimum < blockSize);
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Algorithm_3_equals_algorithm_1_with_a_k1_k2_k1_final_step_on_a_single_block()
    {
        // For one block, retail MAC = E(KL, D(KR, E(KL, x))) = 2-key TDES of the block.
        Gen.Select(CryptoTestSupport.Bytes(16), CryptoTestSupport.Bytes(8)).Sample((key, block) =>
        {
            Assert.Equal(DesCipher.Encrypt(key, null, block, 0, 8), Iso9797Mac.Algorithm3(key, Iso9797PaddingMethod.Method1, block, 0, 8));
        }, iter: CryptoTestSupport.Iterations);
    }
}
