#nullable enable
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// A chip refund (menu 3) over the real host session. In a refund the card's cryptogram only identifies the card and
/// the credit is the host's decision (EMV Book 4 / common acquirer practice [K]: the terminal asks for an AAC), so a
/// card AAC is not the refund's result. (The contact kernel has no refund rule of its own today: it asks the card as
/// in a purchase, so a TC card answers TC; either way the application sends the refund.) The refund goes to the host as a 0200 with processing code 20,
/// is approved by the host's answer, prints a refund receipt and settles as a refund (credit) in the batch totals.
/// </summary>
public class ChipRefundTests
{
    private static bool Has(string[] lines, string text) => lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Contact_refund_goes_to_the_host_as_a_refund_and_settles_as_a_credit()
    {
        var rig = new SessionRig("00");
        rig.App.Keypad.Type("m3");
        rig.App.Drain();
        rig.App.Amount("1000");
        rig.App.Slot.Insert(AppRig.Card("visa-aac-first-gac"));
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        // Statement: the card answers the first GENERATE AC with an AAC (CID '00') whatever the terminal asks.
        Assert.Equal("declined-offline", r.KernelDecision);
        Assert.Equal("00", r.Cid);
        // ... but the refund is the host's: approved with its DE 39 "00", not "declined by card".
        Assert.Equal(TransactionKind.Refund, r.Kind);
        Assert.True(r.Approved);
        Assert.Equal(MessageId.Approved, r.Headline);
        Assert.Equal("00", r.ResponseCode);
        Iso8583Message sent = Assert.Single(rig.Received);
        Assert.Equal("0200", sent.Mti);
        Assert.Equal("200000", sent.GetString(3));             // DE 3 processing code 20: refund (ISO 8583:1987)
        Assert.Equal(1000, sent.GetNumeric(4));
        Assert.NotNull(sent.GetBytes(55));                      // the AAC and its data identify the card
        Assert.StartsWith("05", sent.GetString(22));            // chip read

        // Receipt after the card is out: a refund slip.
        Assert.Equal(AppState.RemoveCard, rig.App.App.State);
        rig.App.Slot.Remove();
        rig.App.App.Step();
        Assert.Equal(2, rig.App.Printer.Printed.Count);
        Assert.True(Has(rig.App.Printer.Printed[0], "REFUND"));
        Assert.False(Has(rig.App.Printer.Printed[0], "SALE"));

        // Journaled as a counted refund; the settlement reports it as one refund of 10.00 and no sale.
        JournalTransaction tx = rig.Journal.Find(r.Trace);
        Assert.Equal(TransactionKind.Refund, tx.Kind);
        Assert.True(tx.Counted);
        Assert.Empty(rig.Journal.PendingReversals());
        rig.App.Keypad.Type("\nm5");
        rig.App.Drain();
        Assert.True(rig.App.App.LastSettlement!.FundsSettled);
        Assert.Contains("Refunds 1 10.00", rig.App.App.LastSettlement.Lines);
        Assert.Contains("Sales 0 0.00", rig.App.App.LastSettlement.Lines);
    }

    [Fact]
    public void Contact_refund_with_a_card_that_approves_is_still_one_refund_and_no_advice()
    {
        var rig = new SessionRig("00");
        rig.App.Keypad.Type("m3");
        rig.App.Drain();
        rig.App.Amount("1000");
        rig.App.Slot.Insert(AppRig.Card("visa-offline-tc"));
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        // The card answers TC (it decides as in a purchase); the refund still goes to the host, once, as a refund.
        Assert.True(r.Approved);
        Iso8583Message sent = Assert.Single(rig.Received);
        Assert.Equal("200000", sent.GetString(3));
        Assert.Empty(rig.Journal.PendingAdvices());            // no offline-approval advice for a refund
        Assert.Equal(TransactionKind.Refund, rig.Journal.Find(r.Trace).Kind);
    }

    [Fact]
    public void Contactless_refund_goes_to_the_host_as_a_refund()
    {
        var rig = new SessionRig("00");
        rig.App.Keypad.Type("m3");
        rig.App.Drain();
        rig.App.Amount("1000");
        rig.App.Field.Tap(AppRig.Card("visa-qvsdc-offline-fdda"));
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.Equal(TransactionKind.Refund, r.Kind);
        Assert.True(r.Approved);
        Assert.Equal(MessageId.Approved, r.Headline);
        Iso8583Message sent = Assert.Single(rig.Received);
        Assert.Equal("200000", sent.GetString(3));
        Assert.StartsWith("07", sent.GetString(22));            // contactless chip
        Assert.NotNull(sent.GetBytes(55));
        Assert.True(Has(rig.App.Printer.Printed[0], "REFUND"));
        Assert.Equal(TransactionKind.Refund, rig.Journal.Find(r.Trace).Kind);
        Assert.True(rig.Journal.Find(r.Trace).Counted);
        // A refund is no offline sale: no advice.
        Assert.Empty(rig.Journal.PendingAdvices());
    }

    [Fact]
    public void Refund_declined_by_the_host_is_a_host_decline_not_a_card_decline()
    {
        var rig = new SessionRig("05");
        rig.App.Keypad.Type("m3");
        rig.App.Drain();
        rig.App.Amount("1000");
        rig.App.Slot.Insert(AppRig.Card("visa-offline-tc"));
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.False(r.Approved);
        Assert.Equal(MessageId.DeclinedByHost, r.Reason);
        Assert.Equal("05", r.ResponseCode);
        Assert.False(rig.Journal.Find(r.Trace).Counted);
    }
}
