using CsCheck;
using Terminal.EmvKernel.DataObjects;
using Xunit;

namespace Terminal.Tests.DataObjects;

/// <summary>
/// Random values into every decoder: the only exception allowed is <see cref="DataObjectException"/>; a value
/// that decodes must describe without error and (for the fixed-length objects) encode back to the same bytes.
/// Iterations: TERMINAL_FUZZ_ITERATIONS (default 100000 per decoder).
/// </summary>
public class DecoderFuzzTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value;

    // 0..40 random bytes from a seeded generator (CsCheck's Gen.Byte.Array is a C# 14 extension property,
    // out of reach at language version 12).
    private static readonly Gen<byte[]> Values = Gen.Select(Gen.Int[0, 40], Gen.Int, (n, seed) =>
    {
        var bytes = new byte[n];
        new Random(seed).NextBytes(bytes);
        return bytes;
    });

    public static TheoryData<string> Decoders => new()
    {
        "95", "9B", "82", "9F07", "9F33", "9F40", "9F66", "9F6C", "9F27", "9F34", "9F35", "8E", "94", "9F10",
    };

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Only_the_typed_exception_escapes(string decoder)
    {
        // Each value is also tried cut to a multiple of 4 (AFL shape), to an even length (CVM List shape) and
        // resized to the decoder's own length, so that the success paths get their share.
        Values.Sample(value =>
        {
            DecodeOrTypedError(decoder, value);
            DecodeOrTypedError(decoder, value[..(value.Length & ~3)]);
            DecodeOrTypedError(decoder, value[..(value.Length & ~1)]);
            DecodeOrTypedError(decoder, Resize(value, NaturalLength(decoder)));
        }, iter: Iterations / 4 + 1, threads: 1);
    }

    private static int NaturalLength(string decoder) => decoder switch
    {
        "95" or "9F40" => 5,
        "9B" or "82" or "9F07" or "9F6C" => 2,
        "9F33" or "9F34" => 3,
        "9F66" => 4,
        "9F27" or "9F35" => 1,
        "9F10" => 32,
        _ => 12,
    };

    private static byte[] Resize(byte[] value, int length)
    {
        var r = new byte[length];
        Array.Copy(value, r, Math.Min(length, value.Length));
        return r;
    }

    private static void DecodeOrTypedError(string decoder, byte[] value)
    {
        try
        {
            Decode(decoder, value);
        }
        catch (DataObjectException e)
        {
            Assert.False(string.IsNullOrEmpty(e.Reason));
        }
    }

    private static void Decode(string decoder, byte[] value)
    {
        switch (decoder)
        {
            case "95":
                var tvr = new TerminalVerificationResults(value);
                OneLinePerSetBit(tvr, value);
                // C-2 view: bits 8-3 of byte 5 one line each, plus the b2-b1 relay resistance field line.
                Assert.Equal(BitCount(value, 0, 4) + BitCount(new[] { (byte)(value[4] & 0xFC) }, 0, 1) + 1, tvr.DescribeKernel2().Length);
                break;
            case "9B": OneLinePerSetBit(new TransactionStatusInformation(value), value); break;
            case "82": OneLinePerSetBit(new ApplicationInterchangeProfile(value), value); break;
            case "9F07": OneLinePerSetBit(new ApplicationUsageControl(value), value); break;
            case "9F33": OneLinePerSetBit(new TerminalCapabilities(value), value); break;
            case "9F40": OneLinePerSetBit(new AdditionalTerminalCapabilities(value), value); break;
            case "9F66": OneLinePerSetBit(new TerminalTransactionQualifiers(value), value); break;
            case "9F6C": OneLinePerSetBit(new CardTransactionQualifiers(value), value); break;
            case "9F27":
                var cid = new CryptogramInformationData(value);
                Assert.Equal(value, cid.ToArray());
                Assert.NotEmpty(cid.Describe());
                break;
            case "9F34":
                var results = new CvmResults(value);
                Assert.Equal(value, results.ToArray());
                Assert.Equal(3, results.Describe().Length);
                break;
            case "9F35":
                var type = new TerminalType(value);
                Assert.Equal(value, type.ToArray());
                Assert.Equal(3, type.Describe().Length);
                break;
            case "8E":
                var list = new CvmList(value);
                Assert.Equal((value.Length - 8) / 2, list.Count);
                Assert.Equal(2 + list.Count, list.Describe().Length);
                break;
            case "94":
                var afl = new ApplicationFileLocator(value);
                Assert.Equal(value.Length / 4, afl.Count);
                Assert.Equal(afl.Count, afl.Describe().Length);
                break;
            case "9F10":
                DecodeIad(value);
                if (value.Length >= 18)
                {
                    // Force the signature bytes of each layout so that random contents reach every describer.
                    byte[] visaShort = (byte[])value.Clone();
                    visaShort[0] = 0x06; visaShort[3] = 0x03; visaShort[2] &= 0x1F;
                    DecodeIad(visaShort);
                    byte[] mchip = value[..(value.Length >= 28 ? 28 : value.Length >= 26 ? 26 : value.Length >= 20 ? 20 : 18)];
                    mchip[1] = (byte)(0x10 | (mchip[1] & 0x05));
                    DecodeIad(mchip);
                }
                if (value.Length == 32)
                {
                    byte[] visaLong = (byte[])value.Clone();
                    visaLong[0] = 0x1F; visaLong[1] = (byte)((visaLong[1] & 1) == 0 ? 0x22 : 0x42); visaLong[8] &= 0x0F;
                    DecodeIad(visaLong);
                    byte[] ccd = (byte[])value.Clone();
                    ccd[0] = 0x0F; ccd[1] = (byte)(0xA0 | (ccd[1] & 0x0F)); ccd[16] = 0x0F;
                    DecodeIad(ccd);
                }
                break;
            default:
                throw new ArgumentException(decoder);
        }
    }

    private static void DecodeIad(byte[] value)
    {
        foreach (IadScheme scheme in new[] { IadScheme.Any, IadScheme.Visa, IadScheme.Mastercard, IadScheme.Ccd })
        {
            var iad = IssuerApplicationData.Decode(value, scheme);
            Assert.NotEmpty(iad.Describe());
            Assert.Equal(value, iad.ToArray());
        }
    }

    // Every bit of these objects is named or RFU, so Describe gives exactly one line per set bit.
    private static void OneLinePerSetBit(BitMappedDataObject o, byte[] value)
    {
        Assert.Equal(value, o.ToArray());
        Assert.Equal(BitCount(value, 0, value.Length), o.Describe().Length);
    }

    private static int BitCount(byte[] value, int offset, int count)
    {
        int n = 0;
        for (int i = offset; i < offset + count; i++) n += System.Numerics.BitOperations.PopCount(value[i]);
        return n;
    }
}
