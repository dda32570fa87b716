using Xunit;
using System.Numerics;
using System.Security.Cryptography;
using Terminal.VirtualCards.Card;

namespace Terminal.Tests.VirtualCards.Library;

/// <summary>
/// The test-side oracle for EMV static RSA blocks: recovery with BigInteger.ModPow and hashing with
/// SHA1.HashData, field positions written from EMV 4.4 Book 2 Tables 6, 7 and 14, and the static data to be
/// authenticated built from the AFL here (Book 3, 10.3), not by the personaliser.
/// </summary>
public static class IndependentOda
{
    public static byte[] Recover(byte[] modulus, byte[] exponent, byte[] signature)
    {
        var n = new BigInteger(modulus, true, true);
        var x = BigInteger.ModPow(new BigInteger(signature, true, true), new BigInteger(exponent, true, true), n);
        byte[] b = x.ToByteArray(true, true);
        var r = new byte[modulus.Length];
        b.CopyTo(r, r.Length - b.Length);
        return r;
    }

    /// <summary>SHA-1 over recovered[1 .. N-22] followed by the extra parts.</summary>
    public static byte[] Hash(byte[] recovered, params byte[][] extra)
    {
        var input = recovered.Skip(1).Take(recovered.Length - 22).ToList();
        foreach (var e in extra) input.AddRange(e ?? []);
        return SHA1.HashData(input.ToArray());
    }

    public static byte[] HashField(byte[] recovered) => recovered.Skip(recovered.Length - 21).Take(20).ToArray();

    /// <summary>Book 3, 10.3: ODA records in AFL order (SFI 1-10 without the 70 tag and length), then the AIP when 9F4A = 82.</summary>
    public static byte[] StaticData(CardApplication app)
    {
        var result = new List<byte>();
        byte[] afl = app.Afl;
        for (int i = 0; i < afl.Length; i += 4)
        {
            int sfi = afl[i] >> 3;
            for (int rec = afl[i + 1]; rec < afl[i + 1] + afl[i + 3]; rec++)
            {
                byte[] data = app.Records.Cast<CardRecord>().Single(r => r.Sfi == sfi && r.RecordNumber == rec).Data;
                Assert.Equal(0x70, data[0]);
                int header = data[1] < 0x80 ? 2 : 2 + (data[1] & 0x7F);
                result.AddRange(sfi <= 10 ? data.Skip(header) : data);
            }
        }
        byte[] list = CardLibrary.RecordValue(app, 0x9F4A);
        if (list != null) { Assert.Equal(new byte[] { 0x82 }, list); result.AddRange(app.Aip); }
        return result.ToArray();
    }
}
