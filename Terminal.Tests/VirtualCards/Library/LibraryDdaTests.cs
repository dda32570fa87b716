using Xunit;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Tlv;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.VirtualCards.Library;

/// <summary>
/// The dynamic signature (SDAD, 9F4B) of every contact DDA library card, answered by the simulator to INTERNAL
/// AUTHENTICATE with the card's personalised ICC key, recovered by the kernel (SignedDynamicApplicationData)
/// and by the BigInteger / SHA-1 oracle (EMV 4.4 Book 2, 6.5.2, Table 17) with every field asserted; the
/// tampered-signature card fails both.
/// </summary>
public class LibraryDdaTests
{
    public static IEnumerable<object[]> ContactDdaCards() => CardLibrary.CardNames()
        .Where(n =>
        {
            CardProfile p = CardLibrary.Profile(n);
            if (p.ApplicationCount == 0) return false;
            ProfileSection a = p.ApplicationAt(p.ApplicationCount - 1).Application;
            return a.Text("oda") == "dda" && a.Text("personality") == null && p.CardBehaviour?.Text("t0") == null;
        })
        .Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(ContactDdaCards))]
    public void Internal_authenticate_signature_recovers_with_the_kernel_and_with_BigInteger(string name)
    {
        CardProfile profile = CardLibrary.Profile(name);
        ProfileApplication pa = profile.ApplicationAt(profile.ApplicationCount - 1);
        bool tampered = pa.Behaviour?.Flag("tamper-signatures", false) ?? false;
        CardImage image = CardLibrary.Image(name);
        CardApplication app = image.ApplicationAt(image.Applications.Count - 1);
        PkiKeyFile iccFile = CardLibrary.KeyFile(pa.Keys.Text("icc"));
        byte[] modulus = iccFile.PrivateKey.Modulus, exponent = iccFile.PrivateKey.PublicExponent;

        var card = new VirtualCard(image, new TestRandom(), CardLibrary.Crypto);
        Assert.Equal(0x90, card.Transmit([0x00, 0xA4, 0x04, 0x00, (byte)app.Aid.Length, .. app.Aid, 0x00])[^2]);
        Assert.Equal(0x90, card.Transmit([0x80, 0xA8, 0x00, 0x00, 0x02, 0x83, 0x00, 0x00])[^2]);
        byte[] ddolData = [0x9A, 0x3B, 0x01, 0xC4]; // DDOL 9F37 04: the unpredictable number
        byte[] r = card.Transmit([0x00, 0x88, 0x00, 0x00, 0x04, .. ddolData, 0x00]);
        Assert.Equal(new byte[] { 0x90, 0x00 }, r[^2..]);
        byte[] data = r[..^2];
        byte[] sdad = data[0] == 0x80 ? TlvParser.Parse(data).FindTopLevel(0x80).CopyValue() : TlvParser.Parse(data).FindTopLevel(0x77).Children.FindValue(0x9F4B);

        var kernel = SignedDynamicApplicationData.VerifyDynamic(CardLibrary.Crypto, modulus, exponent, sdad, ddolData);
        byte[] x = IndependentOda.Recover(modulus, exponent, sdad);
        bool wellFormed = x[0] == 0x6A && x[1] == 0x05 && x[2] == 0x01 && x[^1] == 0xBC
                          && IndependentOda.Hash(x, ddolData).SequenceEqual(IndependentOda.HashField(x));
        if (tampered)
        {
            Assert.False(wellFormed);
            Assert.NotEqual(OdaFailure.None, kernel.Failure);
            return;
        }
        Assert.True(wellFormed);
        Assert.Equal(OdaFailure.None, kernel.Failure);
        int ldd = x[3];
        Assert.InRange(ldd, 3, modulus.Length - 25);
        int ln = x[4];
        Assert.InRange(ln, 2, 8);
        Assert.Equal(x[5..(5 + ln)], kernel.IccDynamicNumber);
        Assert.All(x[(4 + ldd)..(x.Length - 21)], b => Assert.Equal(0xBB, b));
    }

    private sealed class TestRandom : Terminal.EmvKernel.Crypto.IRandomSource
    {
        private byte _next = 0x11;
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = _next++;
        }
    }
}
