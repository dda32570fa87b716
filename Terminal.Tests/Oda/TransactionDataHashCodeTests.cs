using System.Security.Cryptography;
using Terminal.EmvKernel.Oda;
using Xunit;

namespace Terminal.Tests.Oda;

/// <summary>EMV 4.4 Book 2, 6.6.2 steps 10-11, with the BCL SHA-1 over hand-assembled input as the oracle.</summary>
public class TransactionDataHashCodeTests
{
    private static readonly Terminal.EmvKernel.Crypto.ICryptoProvider Crypto = OdaTestCrypto.Provider;
    private static byte[] H(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void Hash_covers_pdol_cdol1_cdol2_and_every_response_object_but_9f4b_in_order()
    {
        byte[] pdol = H("000000001000 0826"); // the PDOL data values as sent
        byte[] cdol1 = H("0000000010000000000000000826");
        byte[] cdol2 = H("3030");
        // 9F27 | 9F36 | 9F4B (0x81 length form) | 00 padding | 9F10 | DF8101 (three-byte tag) | 9F4B again
        byte[] sdad = Enumerable.Repeat((byte)0x5A, 0x90).ToArray();
        byte[] template = H("9F270140 9F36020035").Concat(H("9F4B8190")).Concat(sdad)
            .Concat(H("0000 9F100706010A03A00000 DF8101020102 9F4B0111")).ToArray();
        byte[] kept = H("9F270140 9F36020035 9F100706010A03A00000 DF8101020102");

        Assert.Equal(SHA1.HashData(pdol.Concat(cdol1).Concat(cdol2).Concat(kept).ToArray()),
            TransactionDataHashCode.Compute(Crypto, pdol, cdol1, cdol2, template, 0, template.Length));
        Assert.Equal(SHA1.HashData(cdol1.Concat(kept).ToArray()),
            TransactionDataHashCode.Compute(Crypto, null, cdol1, null, template, 0, template.Length));
        // The template can sit inside a larger buffer (after the 77 tag and length).
        byte[] framed = H("7781").Append((byte)template.Length).Concat(template).Concat(H("9000")).ToArray();
        Assert.Equal(SHA1.HashData(cdol1.Concat(kept).ToArray()),
            TransactionDataHashCode.Compute(Crypto, Array.Empty<byte>(), cdol1, null, framed, 3, template.Length));
    }

    [Fact]
    public void Parsed_template_overload_gives_the_same_hash()
    {
        byte[] template = H("9F270180 9F4B03AABBCC 9F360200FF 9F10020102");
        var objects = Terminal.EmvKernel.Tlv.TlvParser.Parse(template, 0, template.Length, false);
        byte[] expected = SHA1.HashData(H("01 02 9F270180 9F360200FF 9F10020102"));
        Assert.Equal(expected, TransactionDataHashCode.Compute(Crypto, H("01"), H("02"), null, objects));
        Assert.Equal(expected, TransactionDataHashCode.Compute(Crypto, H("01"), H("02"), null, template, 0, template.Length));
    }

    [Fact]
    public void Two_byte_length_form_is_read()
    {
        byte[] value = Enumerable.Range(0, 0x104).Select(i => (byte)i).ToArray();
        byte[] template = H("9F1082 0104").Concat(value).ToArray();
        Assert.Equal(SHA1.HashData(H("01").Concat(template).ToArray()),
            TransactionDataHashCode.Compute(Crypto, null, H("01"), null, template, 0, template.Length));
    }

    [Theory]
    [InlineData("9F2701")]          // value missing
    [InlineData("9F27")]            // length missing
    [InlineData("9F")]              // tag truncated
    [InlineData("9F81")]            // multi-byte tag truncated
    [InlineData("9F278001")]        // indefinite length
    [InlineData("9F278401000000")]  // four length bytes
    [InlineData("9F278201")]        // length bytes truncated
    [InlineData("9F27820100")]      // 256 bytes announced, none present
    public void Malformed_template_gives_null(string hex)
    {
        byte[] t = H(hex);
        Assert.Null(TransactionDataHashCode.Compute(Crypto, null, H("01"), null, t, 0, t.Length));
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => TransactionDataHashCode.Compute(Crypto, null, null, null, new byte[0], 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TransactionDataHashCode.Compute(Crypto, null, new byte[1], null, new byte[2], 1, 2));
    }
}
