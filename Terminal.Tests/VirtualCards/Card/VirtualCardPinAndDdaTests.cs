using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Oda;
using Terminal.VirtualCards.Card;
using Xunit;
using static Terminal.Tests.VirtualCards.Card.Apdu;

namespace Terminal.Tests.VirtualCards.Card;

public class VirtualCardPinAndDdaTests
{
    private static (VirtualCard card, CardApplication app) Ready(Action<CardApplication> setup = null)
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        setup?.Invoke(image.ApplicationAt(0));
        var card = TestCardBuilder.Card(image);
        Assert.Equal(0x9000, Sw(card.Transmit(Select(TestCardBuilder.VisaAid))));
        Assert.Equal(0x9000, Sw(card.Transmit(Gpo(Array.Empty<byte>()))));
        return (card, image.ApplicationAt(0));
    }

    private static byte[] Verify(string pinBlockHex) => H("0020008008" + pinBlockHex);

    [Fact]
    public void Plaintext_pin_try_counter_counts_down_blocks_at_zero_and_resets_on_success()
    {
        var (card, app) = Ready();
        Assert.Equal(H("63C2"), card.Transmit(Verify("241111FFFFFFFFFF")));
        Assert.Equal(H("9F170102 9000"), card.Transmit(H("80CA9F1700")));
        Assert.Equal(H("63C1"), card.Transmit(Verify("241111FFFFFFFFFF")));
        Assert.Equal(H("9000"), card.Transmit(Verify("241234FFFFFFFFFF")));     // correct PIN: counter back to 3
        Assert.Equal(3, app.PinTryCounter);
        Assert.Equal(H("63C2"), card.Transmit(Verify("2512345FFFFFFFFF")));    // 5 digits: wrong
        Assert.Equal(H("63C1"), card.Transmit(Verify("241111FFFFFFFFFF")));
        Assert.Equal(H("63C0"), card.Transmit(Verify("241111FFFFFFFFFF")));
        Assert.Equal(H("6983"), card.Transmit(Verify("241234FFFFFFFFFF")));     // blocked, even with the right PIN
        Assert.Equal(H("9F170100 9000"), card.Transmit(H("80CA9F1700")));
    }

    [Fact]
    public void Malformed_pin_blocks_and_lengths_are_refused_without_counting()
    {
        var (card, app) = Ready();
        Assert.Equal(H("6A80"), card.Transmit(Verify("141234FFFFFFFFFF")));     // format 1 control nibble
        Assert.Equal(H("6A80"), card.Transmit(Verify("2412A4FFFFFFFFFF")));     // non-digit
        Assert.Equal(H("6A80"), card.Transmit(Verify("241234FFFFFFFF0F")));     // filler not F
        Assert.Equal(H("6700"), card.Transmit(H("0020008007241234FFFFFFFF")));
        Assert.Equal(3, app.PinTryCounter);
    }

    private static byte[] EncipherPin(TestRsaKey key, byte[] pinBlock, byte[] challenge)
    {
        // EMV 4.4 Book 2, 7.1: '7F' || PIN block || ICC unpredictable number || random pad, RSA with the public key.
        int n = key.Modulus.Length;
        byte[] x = new byte[n];
        x[0] = 0x7F;
        pinBlock.CopyTo(x, 1);
        challenge.CopyTo(x, 9);
        for (int i = 17; i < n; i++) x[i] = (byte)(0x5A ^ i);
        return key.PublicOperation(x);
    }

    [Fact]
    public void Enciphered_pin_is_deciphered_with_the_pin_key_and_checked_against_the_challenge()
    {
        var (card, app) = Ready(a => a.IccPinEnciphermentKey = TestRsaKey.Pin768.PrivateKey);
        byte[] challenge = Data(card.Transmit(H("0084000000")));
        Assert.Equal(H("0102030405060708"), challenge);
        byte[] ok = EncipherPin(TestRsaKey.Pin768, H("241234FFFFFFFFFF"), challenge);
        Assert.Equal(H("9000"), card.Transmit(Case4(0x00, 0x20, 0x00, 0x88, ok)[..^1]));

        // A wrong PIN counts down; the challenge is single-use.
        byte[] c2 = Data(card.Transmit(H("0084000000")));
        byte[] wrong = EncipherPin(TestRsaKey.Pin768, H("249999FFFFFFFFFF"), c2);
        Assert.Equal(H("63C2"), card.Transmit(Case4(0x00, 0x20, 0x00, 0x88, wrong)[..^1]));
        Assert.Equal(H("6985"), card.Transmit(Case4(0x00, 0x20, 0x00, 0x88, wrong)[..^1]));

        // Stale challenge: the recovered unpredictable number does not match.
        card.Transmit(H("0084000000"));
        Assert.Equal(H("6A80"), card.Transmit(Case4(0x00, 0x20, 0x00, 0x88, ok)[..^1]));
        Assert.Equal(2, app.PinTryCounter);
        // Not below the modulus: not an RSA cryptogram of this key.
        card.Transmit(H("0084000000"));
        byte[] tooBig = Enumerable.Repeat((byte)0xFF, TestRsaKey.Pin768.Modulus.Length).ToArray();
        Assert.Equal(H("6A80"), card.Transmit(Case4(0x00, 0x20, 0x00, 0x88, tooBig)[..^1]));
        Assert.Equal(2, app.PinTryCounter);
        // Wrong length for the key.
        card.Transmit(H("0084000000"));
        Assert.Equal(H("6700"), card.Transmit(Case4(0x00, 0x20, 0x00, 0x88, ok[..^1])[..^1]));
    }

    [Fact]
    public void Enciphered_pin_uses_the_icc_key_when_there_is_no_pin_key()
    {
        var (card, _) = Ready();
        byte[] challenge = Data(card.Transmit(H("0084000000")));
        byte[] block = EncipherPin(TestRsaKey.Icc1024, H("241234FFFFFFFFFF"), challenge);
        Assert.Equal(H("9000"), card.Transmit(Case4(0x00, 0x20, 0x00, 0x88, block)[..^1]));
    }

    [Fact]
    public void Internal_authenticate_signs_the_ddol_data_in_sdad_format_05()
    {
        var (card, _) = Ready();
        byte[] ddolData = H("11223344");
        byte[] r = card.Transmit(Case4(0x00, 0x88, 0x00, 0x00, ddolData));
        Assert.Equal(0x9000, Sw(r));
        byte[] sdad = Tlvs(r, 0, r.Length - 2)[0x80];
        TestRsaKey key = TestRsaKey.Icc1024;
        Assert.Equal(key.Modulus.Length, sdad.Length);

        byte[] x = key.PublicOperation(sdad);
        int n = x.Length;
        Assert.Equal(0x6A, x[0]);
        Assert.Equal(0x05, x[1]);                      // signed data format
        Assert.Equal(0x01, x[2]);                      // SHA-1
        Assert.Equal(9, x[3]);                         // LDD
        Assert.Equal(H("08 0102030405060708"), x[4..13]);   // IDN length + IDN from the random source
        Assert.All(x[13..(n - 21)], b => Assert.Equal(0xBB, b));
        Assert.Equal(0xBC, x[n - 1]);
        byte[] expectedHash = SHA1.HashData(x[1..(n - 21)].Concat(ddolData).ToArray());
        Assert.Equal(expectedHash, x[(n - 21)..(n - 1)]);

        var kernel = SignedDynamicApplicationData.VerifyDynamic(new PortableCryptoProvider(), key.Modulus, key.Exponent, sdad, ddolData);
        Assert.Equal(OdaFailure.None, kernel.Failure);
        Assert.Equal(H("0102030405060708"), kernel.IccDynamicNumber);
    }

    [Fact]
    public void Tampered_signatures_fail_the_kernel_check()
    {
        var (card, _) = Ready(a => a.TamperSignatures = true);
        byte[] ddolData = H("11223344");
        byte[] r = card.Transmit(Case4(0x00, 0x88, 0x00, 0x00, ddolData));
        byte[] sdad = Tlvs(r, 0, r.Length - 2)[0x80];
        var kernel = SignedDynamicApplicationData.VerifyDynamic(new PortableCryptoProvider(),
            TestRsaKey.Icc1024.Modulus, TestRsaKey.Icc1024.Exponent, sdad, ddolData);
        Assert.NotEqual(OdaFailure.None, kernel.Failure);
    }

    [Fact]
    public void Internal_authenticate_checks_the_ddol_length_and_state()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        var card = TestCardBuilder.Card(image);
        card.Transmit(Select(TestCardBuilder.VisaAid));
        Assert.Equal(H("6985"), card.Transmit(Case4(0x00, 0x88, 0x00, 0x00, H("11223344"))));   // before GPO
        card.Transmit(Gpo(Array.Empty<byte>()));
        Assert.Equal(H("6700"), card.Transmit(Case4(0x00, 0x88, 0x00, 0x00, H("112233"))));
        Assert.Equal(H("6A86"), card.Transmit(Case4(0x00, 0x88, 0x01, 0x00, H("11223344"))));
    }
}
