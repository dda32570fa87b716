#nullable enable
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// Entry Point's and the kernels' User Interface Requests (EMV Contactless Book A, 9.4) on the terminal's display,
/// through the state machine: taps, key presses, the configured language. Expected screens are the catalog texts of
/// the Book A message identifiers: '20' See Phone, '21' Present Card Again, '19' Present One Card Only.
/// </summary>
public class ContactlessUiTests
{
    /// <summary>
    /// The rig with Mastercard also on contactless kernel 2 (the GENERATE AC kernel, Book B Table 3-6: RID
    /// A000000004) and the reader floor limit of the reference transaction (100.00, docs/card-profiles.md), so a
    /// 60.00 tap may go offline.
    /// </summary>
    internal static AppRig Rig(Language language = Language.English) => new(configure: c =>
    {
        c.Aids[2] = new AidEntry(Hex.Decode("A0000000041010"), 2);
        c.ContactlessFloorLimit = 10000;
        c.Language = language;
    });

    [Fact]
    public void See_phone_then_the_cardholder_taps_again_and_the_phone_is_approved()
    {
        var rig = Rig();
        rig.Amount("6000");
        var phone = AppRig.Card("mastercard-mchip-phone-see-phone");
        rig.Field.Tap(phone);
        rig.App.Step();

        // Statement: the first tap answers AAC with PCII 000100 (OD-CVM required): Book C-2 outcome Try Again with UI
        // '20' See Phone (status Not Ready) and restart at B with '21' Present Card Again. The phone is not in the field
        // any more, so the terminal keeps waiting for the tap with both messages on the screen; nothing finished.
        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.Null(rig.App.LastTransaction);
        Assert.Equal(new[] { "SALE", "\u00A560.00", "SEE PHONE", "PRESENT CARD AGAIN" }, rig.Display.Lines);
        Assert.Equal(Signal.Ready, rig.Indicators.Signals[^1]);
        Assert.Empty(rig.Fake.Requests);

        // The cardholder verified on the phone and taps again: TC with CDA, CVM confirmation code verified ('01' 00 02).
        rig.Field.Tap(phone);
        rig.App.Step();
        TransactionRecord r = rig.App.LastTransaction!;
        Assert.True(r.Approved);
        Assert.Equal("approved-offline", r.KernelDecision);
        Assert.Equal("010002", r.CvmResults);
        Assert.Equal("A0000000041010", r.Aid);
        Assert.Equal("541333******0481", r.MaskedPan);
        Assert.False(r.SignatureRequired);                       // verified on the phone: no signature line
        Assert.Single(rig.Fake.OfflineApprovals);
        Assert.Equal(rig.Text(MessageId.Approved), rig.Display.Lines[0]);
        // The second tap's card read showed Book A '17' Card Read OK with "remove card".
        Assert.True(rig.Display.EverShowed("CARD READ OK"));
    }

    [Fact]
    public void Two_cards_in_the_field_ask_for_one_card_only_then_one_card_completes()
    {
        var rig = Rig();
        rig.Amount("1000");
        rig.Field.Collisions = 1;
        rig.App.Step();

        // Book B 3.2.1.4: a collision shows '19' Present One Card Only and polls again with the same message; the
        // second poll finds no card, so the terminal keeps waiting with "one card only" on the screen.
        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.Equal(2, rig.Field.Activations);
        Assert.Equal(new[] { "SALE", "\u00A510.00", "ONE CARD ONLY" }, rig.Display.Lines);
        Assert.Contains(Signal.Failure, rig.Indicators.Signals);  // the collision's Processing Error status
        Assert.Null(rig.App.LastTransaction);

        rig.Field.Tap(AppRig.Card("visa-qvsdc-offline-fdda"));
        rig.App.Step();
        Assert.True(rig.App.LastTransaction!.Approved);
        Assert.Equal("476173******0418", rig.App.LastTransaction.MaskedPan);
    }

    [Fact]
    public void Chinese_configuration_shows_the_chinese_contactless_messages()
    {
        var rig = Rig(Language.SimplifiedChinese);
        rig.Amount("6000");
        var phone = AppRig.Card("mastercard-mchip-phone-see-phone");
        rig.Field.Tap(phone);
        rig.App.Step();
        // '20' 请查看手机 (see phone) above '21' 请重新挥卡 (present card again); title 消费 (sale).
        Assert.Equal(new[] { "消费", "\u00A560.00", "请查看手机", "请重新挥卡" }, rig.Display.Lines);

        rig.Field.Collisions = 1;
        rig.App.Step();
        // '19' 请只出示一张卡 (present one card only).
        Assert.Equal(new[] { "消费", "\u00A560.00", "请只出示一张卡" }, rig.Display.Lines);

        rig.Field.Tap(phone);
        rig.App.Step();
        Assert.True(rig.App.LastTransaction!.Approved);
        Assert.Equal("交易成功", rig.Display.Lines[0]);
        Assert.True(rig.Display.EverShowed("读卡成功"));           // '17' card read OK
    }

    [Fact]
    public void Card_without_a_mutual_contactless_application_is_asked_for_another_interface_or_card()
    {
        // The default rig has Mastercard on contact only: the phone's PPSE lists A0000000041010 and no combination
        // matches, so Entry Point ends with UI '1C' Insert, Swipe or Try Another Card (Book B 3.3.2.6). The terminal
        // keeps waiting with that message (card timeout still running); another card then completes.
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Field.Tap(AppRig.Card("mastercard-mchip-offline-cda"));
        rig.App.Step();
        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.Null(rig.App.LastTransaction);
        Assert.Equal(new[] { "SALE", "\u00A510.00", "INSERT, SWIPE, OTHER" }, rig.Display.Lines);
        Assert.Equal(Signal.Failure, rig.Indicators.Signals[^1]);

        rig.Field.Tap(AppRig.Card("visa-qvsdc-offline-fdda"));
        rig.App.Step();
        Assert.True(rig.App.LastTransaction!.Approved);
    }

    [Fact]
    public void Online_request_shows_authorising_from_the_kernel_request_then_the_result()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Field.Tap(AppRig.Card("visa-qvsdc-online"));
        rig.App.Step();
        // The quick kernel's Online Request carries UI '1B' Authorising, Please Wait after '17' Card Read OK.
        int cardRead = rig.Display.Shown.FindIndex(s => s.Contains("CARD READ OK"));
        int authorising = rig.Display.Shown.FindIndex(s => s.Contains("AUTHORISING"));
        Assert.True(cardRead >= 0 && authorising > cardRead);
        Assert.Equal(new[] { "CARD READ OK", "REMOVE CARD" }, rig.Display.Shown[cardRead][2..]);
        Assert.True(rig.App.LastTransaction!.Approved);
    }

    [Theory]
    // Book A 9.4 message identifiers -> catalog messages (English texts).
    [InlineData(0x20, "SEE PHONE")]
    [InlineData(0x21, "PRESENT CARD AGAIN")]
    [InlineData(0x19, "ONE CARD ONLY")]
    [InlineData(0x1C, "INSERT, SWIPE, OTHER")]
    [InlineData(0x18, "INSERT OR SWIPE")]
    [InlineData(0x0F, "PROCESSING ERROR")]
    [InlineData(0x17, "CARD READ OK")]
    [InlineData(0x1B, "AUTHORISING")]
    [InlineData(0x03, "APPROVED")]
    [InlineData(0x07, "DECLINED")]
    [InlineData(0x09, "ENTER ONLINE PIN")]
    [InlineData(0x1D, "INSERT CARD")]
    public void Book_a_message_identifiers_map_to_catalog_messages(byte id, string english)
    {
        var request = new Terminal.EmvKernel.Contactless.EntryPoint.UiRequest(id, Terminal.EmvKernel.Contactless.EntryPoint.UiStatus.Processing);
        Assert.True(ContactlessPrompts.TryMap(request, out MessageId m));
        Assert.Equal(english, MessageCatalog.Text(m, Language.English));
    }

    [Theory]
    [InlineData(MessageId.SeePhone, "请查看手机")]
    [InlineData(MessageId.PresentCardAgain, "请重新挥卡")]
    [InlineData(MessageId.PresentOneCardOnly, "请只出示一张卡")]
    public void Chinese_texts_of_the_contactless_messages(MessageId id, string text) =>
        Assert.Equal(text, MessageCatalog.Text(id, Language.SimplifiedChinese));
}
