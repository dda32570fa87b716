using System.Security.Cryptography;
using System.Text.Json;
using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto;

public class ShaTests
{
    internal const string VectorFile = "crypto/sha.json";

    private static MessageDigest Create(string algorithm) => algorithm switch
    {
        "SHA-1" => new Sha1(),
        "SHA-256" => new Sha256(),
        _ => throw new Xunit.Sdk.XunitException("unknown algorithm " + algorithm),
    };

    private static byte[] Message(JsonElement inputs)
    {
        if (inputs.Has("message")) return inputs.Bytes("message");
        JsonElement repeat = inputs.GetProperty("message_repeat");
        byte[] message = new byte[repeat.GetProperty("count").GetInt32()];
        Array.Fill(message, Convert.FromHexString(repeat.Str("byte"))[0]);
        return message;
    }

    [SkippableFact]
    public void Every_vector_matches_one_shot_incremental_and_provider()
    {
        JsonElement[] cases = SharedVectors.Cases(VectorFile);
        Assert.Equal(8, cases.Length);
        var provider = new PortableCryptoProvider();
        foreach (JsonElement c in cases)
        {
            string id = c.Str("id");
            string algorithm = c.Str("algorithm");
            byte[] message = Message(c.GetProperty("inputs"));
            string expected = c.GetProperty("expected").Str("digest");

            byte[] oneShot = algorithm == "SHA-1" ? Sha1.Hash(message) : Sha256.Hash(message);
            Assert.True(expected == Convert.ToHexString(oneShot), id + " one-shot");

            byte[] viaProvider = algorithm == "SHA-1" ? provider.Sha1(message, 0, message.Length) : provider.Sha256(message, 0, message.Length);
            Assert.True(expected == Convert.ToHexString(viaProvider), id + " provider");

            // Incremental, in uneven pieces that straddle the 64-byte blocks.
            MessageDigest digest = Create(algorithm);
            int at = 0, piece = 1;
            while (at < message.Length)
            {
                int n = Math.Min(piece, message.Length - at);
                digest.Update(message, at, n);
                at += n;
                piece = piece * 3 % 97 + 1;
            }
            Assert.True(expected == Convert.ToHexString(digest.Final()), id + " incremental");
        }
    }

    [Fact]
    public void Random_messages_match_the_bcl_one_shot()
    {
        CryptoTestSupport.Bytes(0, 600).Sample(message =>
        {
            Assert.Equal(SHA1.HashData(message), Sha1.Hash(message));
            Assert.Equal(SHA256.HashData(message), Sha256.Hash(message));
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Random_splits_match_the_bcl_one_shot()
    {
        Gen.Select(CryptoTestSupport.Bytes(0, 400), new GenArray<int>(Gen.Int[1, 130])[1, 12], Gen.Bool).Sample((message, pieces, byteWise) =>
        {
            MessageDigest sha1 = new Sha1(), sha256 = new Sha256();
            int at = 0;
            for (int i = 0; at < message.Length; i++)
            {
                int n = Math.Min(pieces[i % pieces.Length], message.Length - at);
                if (byteWise && n == 1) { sha1.Update(message[at]); sha256.Update(message[at]); }
                else { sha1.Update(message, at, n); sha256.Update(message, at, n); }
                at += n;
            }
            Assert.Equal(SHA1.HashData(message), sha1.Final());
            Assert.Equal(SHA256.HashData(message), sha256.Final());
        }, iter: CryptoTestSupport.Iterations);
    }

    [Fact]
    public void Final_resets_for_the_next_message_and_writes_at_an_offset()
    {
        byte[] abc = "abc"u8.ToArray();
        var sha = new Sha1();
        sha.Update(new byte[100]);
        sha.Final();
        sha.Update(abc);
        byte[] output = new byte[25];
        sha.Final(output, 3);
        Assert.Equal(SHA1.HashData(abc), output.AsSpan(3, 20).ToArray());
        Assert.Equal(new byte[3], output.AsSpan(0, 3).ToArray());
        // Compute is one-shot: input given before it does not count.
        sha.Update(new byte[7]);
        Assert.Equal(SHA1.HashData(abc), sha.Compute(abc, 0, 3));
        Assert.Equal(20, sha.DigestLength);
        Assert.Equal(32, new Sha256().DigestLength);
    }

    [Fact]
    public void Hashing_a_slice_reads_only_the_slice()
    {
        byte[] data = RandomNumberGenerator.GetBytes(300);
        Assert.Equal(SHA1.HashData(data.AsSpan(17, 200)), Sha1.Hash(data, 17, 200));
        Assert.Equal(SHA256.HashData(data.AsSpan(250, 50)), Sha256.Hash(data, 250, 50));
    }
}
