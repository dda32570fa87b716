using System.Numerics;
using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.VirtualCards.Card;

namespace Terminal.Tests.VirtualCards.Card;

/// <summary>
/// Deterministic random source: bytes <paramref name="first"/>, +1, +2 ... (wrapping; default 01 02 03 ...), so
/// challenges, IDNs and unpredictable numbers are predictable. The one counting source of the tests.
/// </summary>
public sealed class CountingRandom(byte first = 1) : IRandomSource
{
    private byte _next = first;
    public void NextBytes(byte[] buffer, int offset, int length)
    {
        for (int i = 0; i < length; i++) buffer[offset + i] = _next++;
    }
}

/// <summary>An RSA key pair made by .NET: the card gets the CRT key, tests keep the public part for BigInteger checks.</summary>
public sealed class TestRsaKey
{
    public TestRsaKey(int bits)
    {
        using RSA rsa = RSA.Create(bits);
        Parameters = rsa.ExportParameters(true);
        PrivateKey = new RsaPrivateCrtKey(Parameters.Modulus, Parameters.Exponent, Parameters.P, Parameters.Q,
            Parameters.DP, Parameters.DQ, Parameters.InverseQ);
    }

    public RSAParameters Parameters { get; }
    public RsaPrivateCrtKey PrivateKey { get; }
    public byte[] Modulus => Parameters.Modulus;
    public byte[] Exponent => Parameters.Exponent;

    /// <summary>x^e mod n with .NET BigInteger, left-padded to the modulus length.</summary>
    public byte[] PublicOperation(byte[] input)
    {
        var n = new BigInteger(Modulus, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(Exponent, isUnsigned: true, isBigEndian: true);
        var x = new BigInteger(input, isUnsigned: true, isBigEndian: true);
        byte[] r = BigInteger.ModPow(x, e, n).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] padded = new byte[Modulus.Length];
        Array.Copy(r, 0, padded, padded.Length - r.Length, r.Length);
        return padded;
    }

    public static readonly TestRsaKey Icc1024 = new TestRsaKey(1024);
    public static readonly TestRsaKey Pin768 = new TestRsaKey(768);
    public static readonly TestRsaKey Small512 = new TestRsaKey(512);
}

/// <summary>Test-only card image builder (the real personaliser builds images from profiles).</summary>
public static class TestCardBuilder
{
    public static readonly byte[] VisaAid = Convert.FromHexString("A0000000031010");
    public static readonly byte[] VisaElectronAid = Convert.FromHexString("A0000000032010");
    public static readonly byte[] MastercardAid = Convert.FromHexString("A0000000041010");

    /// <summary>Standard CDOL1: 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37 (the AC data order of Book 2 Table 26), 29 bytes.</summary>
    public static readonly byte[] Cdol1 = Convert.FromHexString("9F02069F03069F1A0295055F2A029A039C019F3704");
    /// <summary>CDOL2: ARC, issuer authentication data (10), TVR, UN: 2 + 10 + 5 + 4 = 21 bytes.</summary>
    public static readonly byte[] Cdol2Method1 = Convert.FromHexString("8A02910A95059F3704");
    /// <summary>CDOL2 for ARPC method 2: 91 of 8 bytes (ARPC 4 || CSU 4).</summary>
    public static readonly byte[] Cdol2Method2 = Convert.FromHexString("8A0291089505" + "9F3704");

    public static readonly IccMasterKeys VectorKeys = new IccMasterKeys(
        Convert.FromHexString("154F349D8585CB7F6B0798E9839B10C1"),
        Convert.FromHexString("94F867167C64EF3EEAB0CB627A7A3480"),
        Convert.FromHexString("19296D4CD626859E8AADDF0B2AAB8FEA"));

    /// <summary>A contact card with one application, PIN 1234, records in SFI 1 and 2, offline-capable state.</summary>
    public static CardImage Contact(CryptogramVersion cvn, byte[] aid = null)
    {
        var image = new CardImage { Name = "test-contact" };
        CardApplication app = ContactApplication(cvn, aid ?? VisaAid, "VISA CREDIT");
        image.AddApplication(app);
        return image;
    }

    public static CardApplication ContactApplication(CryptogramVersion cvn, byte[] aid, string label)
    {
        var app = new CardApplication
        {
            Aid = aid,
            Label = label,
            ApplicationPriorityIndicator = 0x01,
            LanguagePreference = "en",
            Aip = new byte[] { 0x39, 0x00 },                   // DDA, cardholder verification, TRM, CDA
            Afl = Convert.FromHexString("08010100" + "10010201"),
            Cdol1 = Cdol1,
            Cdol2 = cvn.ArpcMethod == 1 ? Cdol2Method1 : Cdol2Method2,
            Ddol = Convert.FromHexString("9F3704"),
            IccPrivateKey = TestRsaKey.Icc1024.PrivateKey,
            MasterKeys = VectorKeys,
            CryptogramVersion = cvn,
            Pin = "1234",
            PinTryLimit = 3,
            PinTryCounter = 3,
            Atc = 0x0010,
            LastOnlineAtc = 0x000F,
            LogFormat = Convert.FromHexString("9A039F21035F2A029F02069F4E14"),
            LowerConsecutiveOfflineLimit = 2,
            UpperConsecutiveOfflineLimit = 4,
        };
        app.AddRecord(1, 1, Convert.FromHexString("70145A0847617390010100105F24032512315F340101"));
        app.AddRecord(2, 1, Convert.FromHexString("70178C15" + "9F02069F03069F1A0295055F2A029A039C019F3704"));
        app.AddRecord(2, 2, Convert.FromHexString("70039F0702"));
        return app;
    }

    /// <summary>The card, a deterministic random source and the portable crypto provider.</summary>
    public static VirtualCard Card(CardImage image) => new VirtualCard(image, new CountingRandom(), new PortableCryptoProvider());
}

/// <summary>Small APDU helpers for tests.</summary>
public static class Apdu
{
    public static byte[] H(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static byte[] Select(byte[] name, byte p2 = 0x00)
    {
        var c = new List<byte> { 0x00, 0xA4, 0x04, p2, (byte)name.Length };
        c.AddRange(name);
        c.Add(0x00);
        return c.ToArray();
    }

    public static byte[] Case4(byte cla, byte ins, byte p1, byte p2, byte[] data)
    {
        var c = new List<byte> { cla, ins, p1, p2, (byte)data.Length };
        c.AddRange(data);
        c.Add(0x00);
        return c.ToArray();
    }

    public static byte[] Gpo(byte[] pdolData)
    {
        var d = new List<byte> { 0x83, (byte)pdolData.Length };
        d.AddRange(pdolData);
        return Case4(0x80, 0xA8, 0x00, 0x00, d.ToArray());
    }

    public static byte[] GenerateAc(byte p1, byte[] data) => Case4(0x80, 0xAE, p1, 0x00, data);

    public static int Sw(byte[] r) => (r[^2] << 8) | r[^1];

    public static byte[] Data(byte[] r) => r[..^2];

    /// <summary>Independent minimal BER-TLV reader for responses (tags up to 2 bytes, lengths up to 81/82).</summary>
    public static Dictionary<int, byte[]> Tlvs(byte[] data, int offset, int length)
    {
        var map = new Dictionary<int, byte[]>();
        int at = offset, end = offset + length;
        while (at < end)
        {
            int tag = data[at++];
            if ((tag & 0x1F) == 0x1F) tag = (tag << 8) | data[at++];
            int len = data[at++];
            if (len == 0x81) len = data[at++];
            else if (len == 0x82) { len = (data[at] << 8) | data[at + 1]; at += 2; }
            map[tag] = data[at..(at + len)];
            at += len;
        }
        return map;
    }

    /// <summary>The top-level template's children: r = tag len value SW.</summary>
    public static Dictionary<int, byte[]> Template(byte[] r, int expectedTag)
    {
        var outer = Tlvs(r, 0, r.Length - 2);
        Xunit.Assert.True(outer.ContainsKey(expectedTag), "template " + expectedTag.ToString("X"));
        byte[] v = outer[expectedTag];
        return Tlvs(v, 0, v.Length);
    }
}
