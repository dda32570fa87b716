#nullable enable
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;
using Terminal.Tests.HostLink.Transport;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// The application over the real host session (<see cref="SessionPaymentHost"/> over <see cref="HostSession"/>,
/// journal in memory) and a scripted link: what reaches the host and what the journal keeps.
/// </summary>
public class SessionHostTests
{
    [Fact]
    public void Host_down_leaves_a_journaled_reversal_that_goes_out_when_the_host_is_back()
    {
        var rig = new SessionRig(null);
        rig.App.Amount("1000");
        rig.App.Head.Swipe("4761739900000013D30121010000000000");
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.False(r.Approved);
        Assert.Equal(MessageId.HostUnavailable, r.Reason);
        Assert.True(r.Reversal);
        // The 0200 went out, no answer in 5 s: its reversal (0400) was journaled and tried at once.
        Assert.Equal("0200", rig.Received[0].Mti);
        Assert.Equal("0400", rig.Received[1].Mti);
        Assert.Single(rig.Journal.PendingReversals());
        Assert.Equal(TransactionState.ReversalPending, rig.Journal.Find(r.Trace).State);

        // Host back: admin "send pending" delivers the reversal.
        rig.Answer = "00";
        rig.App.Keypad.Type("\nm6314159\n2");
        rig.App.Drain();
        Assert.Empty(rig.Journal.PendingReversals());
        Assert.Equal(TransactionState.Reversed, rig.Journal.Find(r.Trace).State);
    }

    [Fact]
    public void Host_down_on_a_chip_card_reverses_the_request_and_advises_the_offline_approval()
    {
        var rig = new SessionRig(null);
        rig.App.Amount("1000");
        rig.App.Slot.Insert(AppRig.Card("visa-online-host-unreachable"));
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        // Statement: ARQC, host unreachable, default action TC with ARC Y3.
        Assert.Equal("approved-offline", r.KernelDecision);
        Assert.Equal("Y3", r.ResponseCode);
        Assert.Equal("0200", rig.Received[0].Mti);
        Assert.NotNull(rig.Received[0].GetBytes(55));              // the ARQC went in DE 55
        Assert.Equal("0400", rig.Received[1].Mti);                 // its reversal, tried at once
        var reversed = (JournalTransaction)Assert.Single(rig.Journal.PendingReversals())!;
        Assert.Equal("476173******0327", reversed.MaskedPan);
        // The card's offline approval waits as an advice (0220) for the next connection.
        var advice = (JournalTransaction)Assert.Single(rig.Journal.PendingAdvices())!;
        Assert.True(advice.Counted);
        Assert.Equal(1000, advice.Amount);
    }

    [Fact]
    public void Approved_swipe_is_journaled_and_settles_with_the_funds_settled_notice()
    {
        var rig = new SessionRig("00");
        rig.App.Amount("1234");
        rig.App.Head.Swipe("4761739900000013D30121010000000000");
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.True(r.Approved);
        Assert.Equal("AB1234", r.AuthorisationCode);
        Assert.Equal("123456789012", r.Rrn);
        Iso8583Message sale = rig.Received[0];
        Assert.Equal("0200", sale.Mti);
        // DE 22: "90" full stripe read, then "1": dialect A states the terminal PIN capability (a PIN pad is present).
        Assert.Equal("901", sale.GetString(22));
        Assert.Equal(1234, sale.GetNumeric(4));
        Assert.Equal("TERM0001", sale.GetString(41));
        JournalTransaction tx = rig.Journal.Find(r.Trace);
        Assert.True(tx.Counted);
        Assert.Equal("476173******0013", tx.MaskedPan);

        rig.App.Keypad.Type("\nm5");
        rig.App.Drain();
        SettlementSummary s = rig.App.App.LastSettlement!;
        Assert.True(s.FundsSettled);
        Assert.Contains("Sales 1 12.34", s.Lines);
        Assert.Equal("0500", rig.Received[^1].Mti);
    }

    [Fact]
    public void Host_decline_is_final_and_not_counted()
    {
        var rig = new SessionRig("51");
        rig.App.Amount("1000");
        rig.App.Head.Swipe("4761739900000013D30121010000000000");
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.Equal(MessageId.DeclinedByHost, r.Reason);
        Assert.Equal("51", r.ResponseCode);
        Assert.False(rig.Journal.Find(r.Trace).Counted);
        Assert.Empty(rig.Journal.PendingReversals());
    }
}
