using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Ui;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// No lost money: a card's offline approval is only worth something to the merchant once the terminal has recorded
/// it for the host (the advice in the journal). When the host link records nothing (a dialect without an offline
/// advice, a refused journal write), the terminal must not say APPROVED: the goods would leave without a clearing
/// record. It says DECLINED with the reason, counts nothing and still prints nothing as approved.
/// </summary>
public class OfflineNotRecordedTests
{
    [Fact]
    public void Contactless_offline_approval_that_cannot_be_recorded_is_declined()
    {
        var rig = new AppRig();
        rig.Fake.RefuseAdvices = true;
        rig.Amount("1000");
        // visa-qvsdc-offline-fdda: TC from GPO, fDDA verified -> the kernel approves offline (see the approved test).
        rig.Field.Tap(AppRig.Card("visa-qvsdc-offline-fdda"));
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        Assert.Equal("approved-offline", r.KernelDecision);   // the card did approve...
        Assert.False(r.Approved);                              // ...the terminal does not
        Assert.Equal(MessageId.Declined, r.Headline);
        Assert.Equal(MessageId.OfflineNotRecorded, r.Reason);
        Assert.Empty(rig.Fake.OfflineApprovals);
        Assert.True(rig.ScreenShows(MessageId.Declined));
        // "Card read OK" beeps success when the card leaves the field (Book A); the result itself sounds failure.
        Assert.Equal(Signal.Failure, rig.Indicators.Signals[^1]);
        Assert.Contains(rig.Log, l => l.Contains("not recorded"));
    }

    [Fact]
    public void Contact_offline_approval_that_cannot_be_recorded_is_declined()
    {
        var rig = new AppRig();
        rig.Fake.RefuseAdvices = true;
        rig.Amount("1000");
        rig.Keypad.When(rig.Text(MessageId.EnterPin), "1234\n");
        // visa-pin-offline-plaintext: PIN 1234 verified offline, TC at the first GENERATE AC.
        rig.Slot.Insert(AppRig.Card("visa-pin-offline-plaintext"));
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        Assert.Equal("approved-offline", r.KernelDecision);
        Assert.False(r.Approved);
        Assert.Equal(MessageId.OfflineNotRecorded, r.Reason);
        Assert.Empty(rig.Fake.OfflineApprovals);
    }

    [Fact]
    public void The_reason_exists_in_both_languages()
    {
        Assert.Equal("NOT RECORDED", MessageCatalog.Text(MessageId.OfflineNotRecorded, Language.English));
        Assert.Equal("交易未能记录", MessageCatalog.Text(MessageId.OfflineNotRecorded, Language.SimplifiedChinese));
    }
}
