using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.VirtualCards.Card;
using Xunit;
using static Terminal.Tests.VirtualCards.Card.Apdu;

namespace Terminal.Tests.VirtualCards.Card;

public class VirtualCardProcessingTests
{
    private static (VirtualCard card, CardApplication app) Selected(Action<CardApplication> setup = null)
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        setup?.Invoke(image.ApplicationAt(0));
        var card = TestCardBuilder.Card(image);
        Assert.Equal(0x9000, Sw(card.Transmit(Select(TestCardBuilder.VisaAid))));
        return (card, image.ApplicationAt(0));
    }

    [Fact]
    public void Gpo_format_1_returns_aip_then_afl_and_increments_the_atc()
    {
        var (card, _) = Selected();
        Assert.Equal(H("9F3602 0010 9000"), card.Transmit(H("80CA9F3600")));
        byte[] r = card.Transmit(Gpo(Array.Empty<byte>()));
        Assert.Equal(H("800A 3900 08010100 10010201 9000"), r);
        Assert.Equal(H("9F3602 0011 9000"), card.Transmit(H("80CA9F3600")));
        Assert.Equal(H("6985"), card.Transmit(Gpo(Array.Empty<byte>())));      // once per transaction
    }

    [Fact]
    public void Gpo_format_2_returns_tagged_aip_and_afl()
    {
        var (card, _) = Selected(a => { a.GpoFormat = 2; a.Pdol = H("9F02069F1A02"); });
        byte[] r = card.Transmit(Gpo(H("000000001000 0250")));
        Assert.Equal(H("770E 82023900 9408 08010100 10010201 9000"), r);
    }

    [Fact]
    public void Gpo_checks_the_pdol_data_length()
    {
        var (card, app) = Selected(a => a.Pdol = H("9F02069F1A02"));
        Assert.Equal(H("6700"), card.Transmit(Gpo(H("0000000010000250FF"))));
        Assert.Equal(H("6700"), card.Transmit(Gpo(Array.Empty<byte>())));
        Assert.Equal(H("6700"), card.Transmit(H("80A8000003830500")));          // 83 length says 5, 1 byte follows
        Assert.Equal(H("6A80"), card.Transmit(Case4(0x80, 0xA8, 0, 0, H("8408000000001000 0250"))));
        Assert.Equal(0x0010, app.Atc);                                           // refused GPOs do not count
    }

    [Theory]
    [InlineData(0x6985)]
    [InlineData(0x6984)]
    [InlineData(0x6986)]
    public void Gpo_status_switch_answers_the_profile_status_word(int sw)
    {
        var (card, app) = Selected(a => a.GpoStatusWord = sw);
        Assert.Equal(new[] { (byte)(sw >> 8), (byte)sw }, card.Transmit(Gpo(Array.Empty<byte>())));
        Assert.Equal(0x0010, app.Atc);
    }

    [Fact]
    public void Read_record_returns_raw_records_and_6A83_or_6A82_when_missing()
    {
        var (card, _) = Selected();
        Assert.Equal(H("70145A0847617390010100105F24032512315F340101 9000"), card.Transmit(H("00B2010C00")));
        Assert.Equal(H("70039F0702 9000"), card.Transmit(H("00B2021400")));
        Assert.Equal(H("6A83"), card.Transmit(H("00B2031400")));
        Assert.Equal(H("6A82"), card.Transmit(H("00B2011C00")));                 // SFI 3 absent
        Assert.Equal(H("6A86"), card.Transmit(H("00B2000C00")));                 // record 0
        Assert.Equal(H("6A86"), card.Transmit(H("00B2010800")));                 // P2 b3-1 not '100'
    }

    [Fact]
    public void Get_data_returns_counters_and_log_format_else_6A88()
    {
        var (card, _) = Selected(a => { a.LastOnlineAtc = 0x0102; a.PinTryCounter = 2; });
        Assert.Equal(H("9F1302 0102 9000"), card.Transmit(H("80CA9F1300")));
        Assert.Equal(H("9F1701 02 9000"), card.Transmit(H("80CA9F1700")));
        Assert.Equal(H("9F4F0E 9A039F21035F2A029F02069F4E14 9000"), card.Transmit(H("80CA9F4F00")));
        Assert.Equal(H("6A88"), card.Transmit(H("80CA9F5300")));
    }

    [Fact]
    public void Get_challenge_returns_eight_bytes_from_the_random_source()
    {
        var (card, _) = Selected();
        Assert.Equal(H("0102030405060708 9000"), card.Transmit(H("0084000000")));
        Assert.Equal(H("090A0B0C0D0E0F10 9000"), card.Transmit(H("0084000008")));
        Assert.Equal(H("6A86"), card.Transmit(H("0084010000")));
    }

    [Theory]
    [InlineData("00A4", 0x6700)]                 // too short
    [InlineData("90CA9F3600", 0x6E00)]           // unknown class
    [InlineData("00CA9F3600", 0x6E00)]           // GET DATA needs CLA 80
    [InlineData("80A4040000", 0x6E00)]           // SELECT needs CLA 00
    [InlineData("0050000000", 0x6D00)]           // unknown instruction
    [InlineData("80FF000000", 0x6D00)]
    [InlineData("00A4000007A000000003101000", 0x6A86)]   // select by FID
    [InlineData("00A4040407A000000003101000", 0x6A86)]   // P2 other than 00/02
    [InlineData("00A4040008A00000000310", 0x6700)]       // Lc 8 but 6 bytes
    [InlineData("00A40400", 0x6700)]             // SELECT without data
    [InlineData("00A40400000102", 0x6700)]       // extended length form
    [InlineData("00B2010C020000", 0x6700)]       // READ RECORD with data
    [InlineData("00200081080000000000000000", 0x6A86)] // VERIFY P2 81
    [InlineData("80AE200000", 0x6A86)]           // GENERATE AC P1 b6
    [InlineData("80AEC00000", 0x6A86)]           // GENERATE AC RFU type
    [InlineData("00C0000000", 0x6985)]           // GET RESPONSE with nothing pending
    public void Bad_commands_get_specific_status_words(string command, int sw)
    {
        var (card, _) = Selected();
        byte[] r = card.Transmit(H(command));
        Assert.Equal(new[] { (byte)(sw >> 8), (byte)sw }, r);
    }

    [Fact]
    public void T0_personality_answers_61xx_and_get_response_returns_the_data()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        image.Behaviour.T0Mode = T0ResponseMode.GetResponse61;
        var card = TestCardBuilder.Card(image);
        byte[] r = card.Transmit(Select(TestCardBuilder.VisaAid));
        Assert.Equal(H("6122"), r);                                               // 0x22 bytes of FCI held
        byte[] part = card.Transmit(H("00C0000010"));
        Assert.Equal(H("6F208407A0000000031010A515500B56 6112"), part);
        byte[] rest = card.Transmit(H("00C0000012"));
        Assert.Equal(H("495341204352454449548701015F2D02656E 9000"), rest);
        Assert.Equal(H("6985"), card.Transmit(H("00C0000010")));                 // nothing left
    }

    [Fact]
    public void T0_personality_answers_6Cxx_for_a_wrong_le_and_then_the_data()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        image.Behaviour.T0Mode = T0ResponseMode.WrongLength6C;
        var card = TestCardBuilder.Card(image);
        Assert.Equal(H("6122"), card.Transmit(Select(TestCardBuilder.VisaAid)));  // case 4 command: 61xx
        Assert.Equal(0x9000, Sw(card.Transmit(H("00C0000022"))));
        Assert.Equal(H("6C16"), card.Transmit(H("00B2010C00")));
        Assert.Equal(H("70145A0847617390010100105F24032512315F340101 9000"), card.Transmit(H("00B2010C16")));
    }

    [Fact]
    public void Card_removal_throws_card_removed_and_reset_brings_the_card_back()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        image.Behaviour.RemoveAfterCommands = 1;
        var card = TestCardBuilder.Card(image);
        Assert.Equal(0x9000, Sw(card.Transmit(Select(TestCardBuilder.VisaAid))));
        var e = Assert.Throws<CardRemovedException>(() => card.Transmit(Gpo(Array.Empty<byte>())));
        Assert.Equal(CardRemovedReason.Removed, e.Reason);
        Assert.Throws<CardRemovedException>(() => card.Transmit(H("0084000000")));
        card.Reset();
        Assert.Equal(0x9000, Sw(card.Transmit(Select(TestCardBuilder.VisaAid))));
        card.Remove();
        Assert.Throws<CardRemovedException>(() => card.Transmit(H("0084000000")));
    }
}

public class VirtualCardAtrTests
{
    [Fact]
    public void Atr_is_the_image_atr_or_the_default()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        Assert.Equal(H("3B021450"), new VirtualCard(image).Atr);
        image.Atr = H("3B6800000073C84000009000");
        Assert.Equal(H("3B6800000073C84000009000"), new VirtualCard(image).Atr);
    }
}
