using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.VirtualCards.Card;
using Xunit;
using static Terminal.Tests.VirtualCards.Card.Apdu;

namespace Terminal.Tests.VirtualCards.Card;

/// <summary>Card risk management and the GENERATE AC decision rules (EMV 4.4 Book 3, 9.3 Table 12).</summary>
public class VirtualCardRiskManagementTests
{
    private static readonly byte[] Cdol1Data = H("000000001000 000000000000 0250 0000000000 0978 261125 00 A1B2C3D4");

    private static (VirtualCard card, CardApplication app) Ready(Action<CardApplication> setup = null)
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        setup?.Invoke(image.ApplicationAt(0));
        var card = TestCardBuilder.Card(image);
        Transaction(card);
        return (card, image.ApplicationAt(0));
    }

    private static void Transaction(VirtualCard card)
    {
        Assert.Equal(0x9000, Sw(card.Transmit(Select(TestCardBuilder.VisaAid))));
        Assert.Equal(0x9000, Sw(card.Transmit(Gpo(Array.Empty<byte>()))));
    }

    /// <summary>CID and the Visa CVR of a format 1 response.</summary>
    private static (byte cid, byte[] cvr, byte[] ac) Ac(byte[] r)
    {
        Assert.Equal(0x9000, Sw(r));
        byte[] v = Tlvs(r, 0, r.Length - 2)[0x80];
        return (v[0], v[14..18], v[3..11]);
    }

    [Fact]
    public void Offline_capable_card_approves_offline_and_counts_the_offline_transaction()
    {
        var (card, app) = Ready();
        var (cid, cvr, ac) = Ac(card.Transmit(GenerateAc(0x40, Cdol1Data)));
        Assert.Equal(0x40, cid);
        Assert.Equal(H("03 9000 00"), cvr);          // 2nd GAC not requested, 1st TC; no state bits
        Assert.Equal(1, app.ConsecutiveOfflineCount);
        Assert.False(app.PreviousTransactionNotCompleted);
        Assert.Equal(H("6985"), card.Transmit(GenerateAc(0x00, Cdol1Data)));      // completed: no second GENERATE AC
        // The TC verifies under the card's key (the kernel crypto, checked separately against the vectors).
        byte[] terminal = Cdol1Data;
        Assert.True(CryptogramVersion.Visa10.VerifyAc(new PortableCryptoProvider(), app.MasterKeys.MkAc, terminal, app.Aip,
            H("0011"), H("A1B2C3D4"), H("06010A") .Concat(cvr).ToArray(), ac));
    }

    [Fact]
    public void Requested_aac_is_always_aac_and_force_aac_declines_an_arqc_request()
    {
        var (card, _) = Ready();
        Assert.Equal(0x00, Ac(card.Transmit(GenerateAc(0x00, Cdol1Data))).cid);
        var (card2, _) = Ready(a => a.ForceAac = true);
        var (cid, cvr, _) = Ac(card2.Transmit(GenerateAc(0x80, Cdol1Data)));
        Assert.Equal(0x00, cid);
        Assert.Equal(0x80, cvr[1]);                   // 2nd not requested (10), 1st AAC (00)
    }

    [Fact]
    public void Arqc_request_is_never_upgraded_to_tc()
    {
        var (card, _) = Ready();
        Assert.Equal(0x80, Ac(card.Transmit(GenerateAc(0x80, Cdol1Data))).cid);
    }

    [Theory]
    [InlineData("new card", 0x10)]
    [InlineData("lower limit", 0x00)]
    [InlineData("upper limit", 0x20)]
    [InlineData("pin blocked", 0x40)]
    [InlineData("issuer auth failed", 0x08)]
    [InlineData("force online", 0x00)]
    public void Card_risk_management_turns_a_tc_request_into_arqc(string reason, int cvrByte3)
    {
        var (card, _) = Ready(a =>
        {
            switch (reason)
            {
                case "new card": a.LastOnlineAtc = 0; break;
                case "lower limit": a.ConsecutiveOfflineCount = 3; break;
                case "upper limit": a.ConsecutiveOfflineCount = 5; break;
                case "pin blocked": a.PinTryCounter = 0; break;
                case "issuer auth failed": a.IssuerAuthenticationFailedLastTime = true; break;
                case "force online": a.ForceOnline = true; break;
            }
        });
        var (cid, cvr, _) = Ac(card.Transmit(GenerateAc(0x40, Cdol1Data)));
        Assert.Equal(0x80, cid);
        Assert.Equal(0xA0, cvr[1]);
        Assert.Equal(cvrByte3, cvr[2]);
    }

    [Fact]
    public void Transaction_not_completed_is_reported_and_sends_the_next_one_online()
    {
        var (card, app) = Ready();
        Assert.Equal(0x80, Ac(card.Transmit(GenerateAc(0x80, Cdol1Data))).cid);
        card.Reset();                                  // card pulled before the second GENERATE AC
        Assert.True(app.PreviousTransactionNotCompleted);
        Transaction(card);
        var (cid, cvr, _) = Ac(card.Transmit(GenerateAc(0x40, Cdol1Data)));
        Assert.Equal(0x80, cid);
        Assert.Equal(0x80, cvr[2] & 0x80);
    }

    private static byte[] Cdol2(byte[] arc, byte[] issuerAuthenticationData) =>
        arc.Concat(issuerAuthenticationData).Concat(H("0000000000")).Concat(H("A1B2C3D4")).ToArray();

    [Fact]
    public void Failed_issuer_authentication_declines_and_is_reported_in_the_next_transaction()
    {
        var (card, app) = Ready();
        Ac(card.Transmit(GenerateAc(0x80, Cdol1Data)));
        byte[] r = card.Transmit(GenerateAc(0x40, Cdol2(H("3030"), H("00112233445566773030"))));
        var (cid, cvr, _) = Ac(r);
        Assert.Equal(0x00, cid);                       // AAC
        Assert.Equal(0x28, cvr[1]);                    // 2nd AAC (00), 1st ARQC (10), issuer authentication failed (08)
        Assert.True(app.IssuerAuthenticationFailedLastTime);
        Transaction(card);
        var next = Ac(card.Transmit(GenerateAc(0x40, Cdol1Data)));
        Assert.Equal(0x80, next.cid);
        Assert.Equal(0x08, next.cvr[2] & 0x08);
    }

    [Fact]
    public void Unable_to_go_online_with_tc_request_counts_an_offline_approval()
    {
        var (card, app) = Ready(a => a.LastOnlineAtc = 0);
        Assert.Equal(0x80, Ac(card.Transmit(GenerateAc(0x40, Cdol1Data))).cid);
        var (cid, _, _) = Ac(card.Transmit(GenerateAc(0x40, Cdol2(H("5933"), new byte[10]))));   // ARC 'Y3'
        Assert.Equal(0x40, cid);
        Assert.Equal(1, app.ConsecutiveOfflineCount);
        Assert.Equal(0, app.LastOnlineAtc);
    }

    [Fact]
    public void Second_generate_ac_rules()
    {
        var (card, _) = Ready();
        Ac(card.Transmit(GenerateAc(0x80, Cdol1Data)));
        Assert.Equal(H("6A86"), card.Transmit(GenerateAc(0x80, Cdol2(H("3030"), new byte[10]))));   // ARQC in 2nd: no
        Assert.Equal(H("6700"), card.Transmit(GenerateAc(0x40, Cdol1Data)));                          // CDOL1 length
        Assert.Equal(0x40, Ac(card.Transmit(GenerateAc(0x40, Cdol2(H("3030"), new byte[10])))).cid);  // no issuer auth data
    }

    [Fact]
    public void Generate_ac_needs_gpo_and_the_cdol1_length()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        var card = TestCardBuilder.Card(image);
        card.Transmit(Select(TestCardBuilder.VisaAid));
        Assert.Equal(H("6985"), card.Transmit(GenerateAc(0x40, Cdol1Data)));
        card.Transmit(Gpo(Array.Empty<byte>()));
        Assert.Equal(H("6700"), card.Transmit(GenerateAc(0x40, Cdol1Data[..^1])));
    }

    [Fact]
    public void Issuer_scripts_block_and_unblock_the_application_and_block_the_card()
    {
        var (card, app) = Ready();
        byte[] arqcResponse = card.Transmit(GenerateAc(0x80, Cdol1Data));
        byte[] arqc = Ac(arqcResponse).ac;
        var provider = new PortableCryptoProvider();
        byte[] Script(string header, byte[] data) =>
            CryptogramVersion.Visa10.BuildScriptCommand(provider, app.MasterKeys.MkSmi, H("0011"), arqc, H(header), data);

        Assert.Equal(H("9000"), card.Transmit(Script("841E0000", null)));
        Assert.True(app.Blocked);
        Assert.Equal(H("9000"), card.Transmit(Script("84180000", null)));
        Assert.False(app.Blocked);
        Assert.Equal(H("9000"), card.Transmit(Script("84DA9F14", H("07"))));
        Assert.Equal(7, app.LowerConsecutiveOfflineLimit);
        Assert.Equal(H("9000"), card.Transmit(Script("84DA9F58", H("0102"))));
        Assert.Equal(H("9F5802 0102 9000"), card.Transmit(H("80CA9F5800")));
        Assert.Equal(H("9000"), card.Transmit(Script("841E0000", null)));
        Assert.Equal(0x6283, Sw(card.Transmit(Select(TestCardBuilder.VisaAid))));

        // A new transaction cannot run on the blocked application; CARD BLOCK needs a transaction, so use a fresh card.
        var (card2, app2) = Ready();
        byte[] arqc2 = Ac(card2.Transmit(GenerateAc(0x80, Cdol1Data))).ac;
        byte[] block = CryptogramVersion.Visa10.BuildScriptCommand(provider, app2.MasterKeys.MkSmi, H("0011"), arqc2, H("84160000"), null);
        Assert.Equal(H("9000"), card2.Transmit(block));
        Assert.Equal(H("6A81"), card2.Transmit(Select(TestCardBuilder.VisaAid)));
    }

    [Fact]
    public void Script_commands_need_an_arqc_in_this_transaction()
    {
        var (card, _) = Ready();
        Assert.Equal(H("6985"), card.Transmit(H("841E000008 0102030405060708")));
    }
}
