using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Tests.Tlv;
using Xunit;

namespace Terminal.Tests.HostLink.Security;

/// <summary>
/// The UnionPay POS ECB MAC has no public test vector (none in ../shared/vectors). It is checked against an
/// independent implementation written here from the algorithm's description with the BCL's DES/TripleDES, and on
/// hand-checked properties of its steps. docs/host-protocol.md records that it is unverified against a real host.
/// </summary>
public class UnionPayEcbMacTests
{
    /// <summary>
    /// The description, step by step, with System.Security.Cryptography: XOR of the zero-padded 8-byte blocks,
    /// 16 uppercase hex characters, encipher the first 8, XOR the last 8, encipher, hex, first 8 characters.
    /// </summary>
    internal static byte[] Reference(byte[] key, byte[] data)
    {
        var fold = new byte[8];
        int blocks = Math.Max(1, (data.Length + 7) / 8);
        for (int b = 0; b < blocks; b++)
            for (int i = 0; i < 8; i++)
            {
                int at = b * 8 + i;
                fold[i] ^= at < data.Length ? data[at] : (byte)0;
            }
        byte[] hex = Encoding.ASCII.GetBytes(Convert.ToHexString(fold));        // uppercase
        byte[] first = Ecb(key, hex[..8]);
        for (int i = 0; i < 8; i++) first[i] ^= hex[8 + i];
        byte[] second = Ecb(key, first);
        return Encoding.ASCII.GetBytes(Convert.ToHexString(second)[..8]);
    }

    private static byte[] Ecb(byte[] key, byte[] block)
    {
        if (key.Length == 8)
        {
#pragma warning disable SYSLIB0021
            using DES des = DES.Create();
#pragma warning restore SYSLIB0021
            des.Key = key;
            return des.EncryptEcb(block, PaddingMode.None);
        }
        using TripleDES tdes = TripleDES.Create();
        tdes.Key = [.. key, .. key[..8]];                     // double-length K1|K2 as the three-key form K1|K2|K1
        return tdes.EncryptEcb(block, PaddingMode.None);
    }

    [Fact]
    public void Matches_the_independent_implementation_for_random_keys_and_messages()
    {
        Gen.Select(Gen.Bool, TlvGen.ArrayOf(Gen.Byte, 0, 300), TlvGen.ArrayOf(Gen.Byte, 16, 16))
            .Sample((single, data, key16) =>
            {
                byte[] key = single ? key16[..8] : key16;
                if (key.Length == 16 && key16[..8].SequenceEqual(key16[8..])) return;   // TripleDES refuses K1 = K2
                Assert.Equal(Reference(key, data), UnionPayEcbMac.Compute(key, data, 0, data.Length));
            }, iter: (int)Math.Max(1000, FuzzIterations.Value / 50));
    }

    [Fact]
    public void Hand_checked_steps_padding_fold_and_output_form()
    {
        byte[] key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        // Zero padding: "AB" and "AB" followed by six 00 bytes fold to the same block.
        byte[] ab = { 0x41, 0x42 };
        Assert.Equal(UnionPayEcbMac.Compute(key, ab, 0, 2), UnionPayEcbMac.Compute(key, new byte[] { 0x41, 0x42, 0, 0, 0, 0, 0, 0 }, 0, 8));
        // XOR fold is order-free: blocks 1|2 and 2|1 give the same MAC; and 1|1 folds to zero, like empty data.
        byte[] b1 = Encoding.ASCII.GetBytes("12345678"), b2 = Encoding.ASCII.GetBytes("ABCDEFGH");
        Assert.Equal(UnionPayEcbMac.Compute(key, [.. b1, .. b2], 0, 16), UnionPayEcbMac.Compute(key, [.. b2, .. b1], 0, 16));
        Assert.Equal(UnionPayEcbMac.Compute(key, Array.Empty<byte>(), 0, 0), UnionPayEcbMac.Compute(key, [.. b1, .. b1], 0, 16));
        // The MAC is 8 uppercase hex characters (ASCII).
        byte[] mac = UnionPayEcbMac.Compute(key, b1, 0, 8);
        Assert.Equal(8, mac.Length);
        Assert.All(mac, c => Assert.Contains((char)c, "0123456789ABCDEF"));
        // Empty data: the fold is 00..00, i.e. "0000000000000000"; first = DES-EDE(K, "00000000"), XOR "00000000"
        // (0x30 each), second = DES-EDE(K, that): computed here step by step with the BCL.
        byte[] zeros = Encoding.ASCII.GetBytes("00000000");
        byte[] step1 = Ecb(key, zeros);
        for (int i = 0; i < 8; i++) step1[i] ^= 0x30;
        string expected = Convert.ToHexString(Ecb(key, step1))[..8];
        Assert.Equal(expected, Encoding.ASCII.GetString(UnionPayEcbMac.Compute(key, Array.Empty<byte>(), 0, 0)));
        // A 16-byte key K|K is single DES with K (TDES keying option 3) - checked on the single-length path.
        byte[] k8 = Convert.FromHexString("0123456789ABCDEF");
        byte[] doubled = [.. k8, .. k8];
        Assert.Equal(UnionPayEcbMac.Compute(k8, b2, 0, 8), MessageMac.Compute(MessageMacAlgorithm.UnionPayEcb, doubled, b2, 0, 8));
    }

    [Fact]
    public void Wrong_key_lengths_are_refused()
    {
        Assert.Equal(SecurityError.BadKeyLength,
            Assert.Throws<SecurityException>(() => UnionPayEcbMac.Compute(new byte[24], new byte[8], 0, 8)).Error);
        Assert.Throws<ArgumentOutOfRangeException>(() => UnionPayEcbMac.Compute(new byte[8], new byte[8], 4, 8));
    }
}
