using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Oda;
using Terminal.VirtualCards.Card;
using Xunit;
using static Terminal.Tests.VirtualCards.Card.Apdu;

namespace Terminal.Tests.VirtualCards.Card;

/// <summary>CDA (M/Chip style), relay resistance, and the qVSDC GPO with fDDA.</summary>
public class VirtualCardContactlessTests
{
    private static readonly byte[] Cdol1Data = H("000000001000 000000000000 0250 0000000000 0978 261125 00 A1B2C3D4");

    private static (VirtualCard card, CardApplication app) Mastercard()
    {
        var image = new CardImage();
        var app = TestCardBuilder.ContactApplication(CryptogramVersion.Mastercard16, TestCardBuilder.MastercardAid, "MASTERCARD");
        app.Personality = ContactlessPersonality.MastercardMChip;
        app.GpoFormat = 2;
        app.GenerateAcFormat = 2;
        app.Pdol = H("9F1A02");
        app.MinRelayResistanceProcessingTime = 0x0010;
        app.MaxRelayResistanceProcessingTime = 0x0030;
        app.RelayResistanceTransmissionTime = 0x0012;
        app.DeviceRelayResistanceEntropy = H("A1A2A3A4");
        image.AddApplication(app);
        var card = TestCardBuilder.Card(image);
        Assert.Equal(0x9000, Sw(card.Transmit(Select(TestCardBuilder.MastercardAid))));
        return (card, app);
    }

    [Fact]
    public void Exchange_relay_resistance_data_answers_entropy_and_timing_parameters()
    {
        var (card, _) = Mastercard();
        Assert.Equal(H("6985"), card.Transmit(H("80EA000004 01020304 00")));                // before GPO
        Assert.Equal(0x9000, Sw(card.Transmit(Gpo(H("0250")))));
        Assert.Equal(H("6700"), card.Transmit(H("80EA000003 010203 00")));
        Assert.Equal(H("6A86"), card.Transmit(H("80EA010004 01020304 00")));
        // '80' 0A: device entropy (4) | min time (2) | max time (2) | estimated transmission time (2)
        Assert.Equal(H("800A A1A2A3A4 0010 0030 0012 9000"), card.Transmit(H("80EA000004 01020304 00")));
    }

    [Fact]
    public void Relay_resistance_is_not_offered_by_a_contact_only_application()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        var card = TestCardBuilder.Card(image);
        card.Transmit(Select(TestCardBuilder.VisaAid));
        card.Transmit(Gpo(Array.Empty<byte>()));
        Assert.Equal(H("6D00"), card.Transmit(H("80EA000004 01020304 00")));
    }

    [Fact]
    public void Cda_signature_carries_cid_cryptogram_and_transaction_data_hash_code()
    {
        var (card, app) = Mastercard();
        byte[] pdolData = H("0250");
        Assert.Equal(0x9000, Sw(card.Transmit(Gpo(pdolData))));
        byte[] r = card.Transmit(GenerateAc(0x90, Cdol1Data));      // ARQC + CDA signature requested
        Assert.Equal(0x9000, Sw(r));
        Assert.Equal(0x77, r[0]);
        var t = Template(r, 0x77);
        Assert.Equal(new[] { 0x9F27, 0x9F36, 0x9F4B, 0x9F10 }, t.Keys.ToArray());
        Assert.Equal(H("80"), t[0x9F27]);
        Assert.Equal(H("0011"), t[0x9F36]);
        Assert.Equal(0x40, t[0x9F10][3] & 0x40);                     // CVR byte 2: CDA in first GENERATE AC

        byte[] sdad = t[0x9F4B];
        TestRsaKey key = TestRsaKey.Icc1024;
        byte[] x = key.PublicOperation(sdad);
        int n = x.Length;
        Assert.Equal(H("6A0501"), x[..3]);
        Assert.Equal(38, x[3]);                                      // LIDN + IDN(8) + CID + AC(8) + TDHC(20)
        Assert.Equal(8, x[4]);
        Assert.Equal(H("0102030405060708"), x[5..13]);
        Assert.Equal(0x80, x[13]);                                   // CID
        byte[] ac = x[14..22];
        byte[] tdhcInput = pdolData.Concat(Cdol1Data)
            .Concat(H("9F270180")).Concat(H("9F36020011")).Concat(new byte[] { 0x9F, 0x10, (byte)t[0x9F10].Length }).Concat(t[0x9F10]).ToArray();
        Assert.Equal(SHA1.HashData(tdhcInput), x[22..42]);
        Assert.All(x[42..(n - 21)], b => Assert.Equal(0xBB, b));
        Assert.Equal(SHA1.HashData(x[1..(n - 21)].Concat(H("A1B2C3D4")).ToArray()), x[(n - 21)..(n - 1)]);
        Assert.Equal(0xBC, x[n - 1]);

        var provider = new PortableCryptoProvider();
        Assert.True(CryptogramVersion.Mastercard16.VerifyAc(provider, app.MasterKeys.MkAc, Cdol1Data, app.Aip, H("0011"),
            H("A1B2C3D4"), t[0x9F10], ac));
        var kernel = SignedDynamicApplicationData.VerifyCombined(provider, key.Modulus, key.Exponent, sdad, H("A1B2C3D4"), 0x80,
            SHA1.HashData(tdhcInput));
        Assert.Equal(OdaFailure.None, kernel.Failure);
        Assert.Equal(ac, kernel.ApplicationCryptogram);
    }

    [Fact]
    public void Cda_is_not_applied_to_an_aac()
    {
        var (card, _) = Mastercard();
        card.Transmit(Gpo(H("0250")));
        var t = Template(card.Transmit(GenerateAc(0x10, Cdol1Data)), 0x77);
        Assert.Equal(H("00"), t[0x9F27]);
        Assert.False(t.ContainsKey(0x9F4B));
        Assert.Equal(8, t[0x9F26].Length);
    }

    private static readonly byte[] QvsdcPdol = H("9F66049F02069F03069F1A0295055F2A029A039C019F3704");
    private static readonly byte[] QvsdcPdolData = H("36004000 000000001000 000000000000 0250 0000000000 0978 261125 00 55667788");

    private static (VirtualCard card, CardApplication app) Visa(CardCryptogramType decision, int gpoStatus = 0)
    {
        var image = new CardImage();
        var app = TestCardBuilder.ContactApplication(CryptogramVersion.Visa10, TestCardBuilder.VisaAid, "VISA");
        app.Personality = ContactlessPersonality.VisaQvsdc;
        app.Pdol = QvsdcPdol;
        app.GpoFormat = 2;
        app.Aip = H("2000");
        app.Afl = H("18010100");
        app.Ctq = H("8000");
        app.CardAuthenticationRelatedData = H("01 11223344 8000");
        app.ContactlessDecision = decision;
        app.GpoStatusWord = gpoStatus;
        image.AddApplication(app);
        var card = TestCardBuilder.Card(image);
        Assert.Equal(0x9000, Sw(card.Transmit(Select(H("325041592E5359532E4444463031")))));
        Assert.Equal(0x9000, Sw(card.Transmit(Select(TestCardBuilder.VisaAid))));
        return (card, app);
    }

    [Fact]
    public void Qvsdc_gpo_returns_the_cryptogram_ctq_and_fdda_signature()
    {
        var (card, app) = Visa(CardCryptogramType.Tc);
        byte[] r = card.Transmit(Gpo(QvsdcPdolData));
        Assert.Equal(0x9000, Sw(r));
        var t = Template(r, 0x77);
        Assert.Equal(H("2000"), t[0x82]);
        Assert.Equal(H("18010100"), t[0x94]);
        Assert.Equal(H("0011"), t[0x9F36]);
        Assert.Equal(H("40"), t[0x9F27]);
        Assert.Equal(H("8000"), t[0x9F6C]);
        Assert.Equal(H("06010A 03900000"), t[0x9F10]);     // CVR: 2nd not requested, 1st TC
        var provider = new PortableCryptoProvider();
        Assert.True(CryptogramVersion.Visa10.VerifyAc(provider, app.MasterKeys.MkAc, QvsdcPdolData[4..], app.Aip, H("0011"),
            H("55667788"), t[0x9F10], t[0x9F26]));

        // fDDA (Book C-3): hash over the SDAD fields || UN || amount || currency || card authentication related data.
        byte[] terminalDynamic = H("55667788 000000001000 0978 01112233448000");
        TestRsaKey key = TestRsaKey.Icc1024;
        byte[] x = key.PublicOperation(t[0x9F4B]);
        int n = x.Length;
        Assert.Equal(H("6A0501 09 08 0102030405060708"), x[..13]);
        Assert.Equal(SHA1.HashData(x[1..(n - 21)].Concat(terminalDynamic).ToArray()), x[(n - 21)..(n - 1)]);
        var kernel = SignedDynamicApplicationData.VerifyDynamic(provider, key.Modulus, key.Exponent, t[0x9F4B], terminalDynamic);
        Assert.Equal(OdaFailure.None, kernel.Failure);
        Assert.Equal(H("6985"), card.Transmit(GenerateAc(0x40, Cdol1Data)));     // qVSDC: no GENERATE AC
    }

    [Fact]
    public void Qvsdc_online_and_decline_decisions()
    {
        var (online, _) = Visa(CardCryptogramType.Arqc);
        var t = Template(online.Transmit(Gpo(QvsdcPdolData)), 0x77);
        Assert.Equal(H("80"), t[0x9F27]);
        var (decline, _) = Visa(CardCryptogramType.Aac);
        var d = Template(decline.Transmit(Gpo(QvsdcPdolData)), 0x77);
        Assert.Equal(H("00"), d[0x9F27]);
        Assert.False(d.ContainsKey(0x9F4B));
    }

    [Fact]
    public void Qvsdc_try_another_interface()
    {
        var (card, _) = Visa(CardCryptogramType.Tc, 0x6984);
        Assert.Equal(H("6984"), card.Transmit(Gpo(QvsdcPdolData)));
        Assert.Equal(H("6700"), card.Transmit(Gpo(QvsdcPdolData[1..])));
    }
}
