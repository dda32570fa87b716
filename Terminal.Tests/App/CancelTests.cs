#nullable enable
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// Cancel where the state machine lets the cashier press it, beyond amount entry, card wait, PIN entry, menu and
/// passcode (AppScenarioTests, ContactlessPinTests). The host call and the kernel run inside one Step and read no
/// key, so a Cancel pressed during the online wait is read only after the answer: the request already sent is never
/// abandoned; it completes (approved and final, or declined), or, when no answer came, its reversal is journaled.
/// At the remove-card screen keys are not read (the receipt waits for the card); at the result a key only dismisses.
/// </summary>
public class CancelTests
{
    private const string MagstripeOnly = "4761739900000013D30121010000000000";

    [Fact]
    public void Cancel_during_the_online_wait_does_not_abandon_an_approved_request()
    {
        var rig = new SessionRig("00");
        rig.OnRequest = m => { if (m.Mti == "0200") rig.App.Keypad.Type("c"); };
        rig.App.Amount("1000");
        rig.App.Head.Swipe(MagstripeOnly);
        rig.App.App.Step();

        // The host's approval stands: final, journaled and counted, nothing to reverse, receipts printed.
        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.True(r.Approved);
        Assert.Equal(MessageId.Approved, r.Headline);
        Assert.Equal(AppState.Message, rig.App.App.State);
        Assert.True(rig.Journal.Find(r.Trace).Counted);
        Assert.Empty(rig.Journal.PendingReversals());
        Assert.Single(rig.Received);                                // no 0400 went out
        Assert.Equal(2, rig.App.Printer.Printed.Count);
        // The Cancel pressed during the wait is read now: it dismisses the result, nothing more.
        rig.App.App.Step();
        Assert.Equal(AppState.Idle, rig.App.App.State);
        Assert.Single(rig.Received);
        Assert.True(rig.Journal.Find(r.Trace).Counted);
    }

    [Fact]
    public void Cancel_during_an_online_wait_that_gets_no_answer_leaves_a_journaled_reversal()
    {
        var rig = new SessionRig(null);                             // the host stays silent
        rig.OnRequest = m => { if (m.Mti == "0200") rig.App.Keypad.Type("c"); };
        rig.App.Amount("1000");
        rig.App.Head.Swipe(MagstripeOnly);
        rig.App.App.Step();

        // No answer within the exchange timeout: unknown outcome, so the 0200 is reversed (0400 journaled and tried).
        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.False(r.Approved);
        Assert.Equal(MessageId.HostUnavailable, r.Reason);
        Assert.True(r.Reversal);
        Assert.Equal(new[] { "0200", "0400" }, rig.Received.Select(m => m.Mti));
        Assert.Single(rig.Journal.PendingReversals());
        Assert.Equal(TransactionState.ReversalPending, rig.Journal.Find(r.Trace).State);
        rig.App.App.Step();
        Assert.Equal(AppState.Idle, rig.App.App.State);
        Assert.Single(rig.Journal.PendingReversals());              // the cancel did not drop it
    }

    [Fact]
    public void Cancel_during_the_chip_online_wait_and_at_remove_card_leaves_the_approval_confirmed()
    {
        var rig = new AppRig();
        var card = AppRig.Card("visa-online-host-approves");
        rig.Fake.Issuer = AppRig.Application(card);
        rig.Fake.DuringAuthorise = () => rig.Keypad.Type("c");
        rig.Amount("1000");
        rig.Slot.Insert(card);
        rig.App.Step();

        // Statement: ARQC, host approves with a valid ARPC, second GENERATE AC TC: approved online and confirmed.
        TransactionRecord r = rig.App.LastTransaction!;
        Assert.True(r.Approved);
        Assert.Equal("approved-online", r.KernelDecision);
        Assert.Equal((1, true), Assert.Single(rig.Fake.Completions));
        Assert.Equal(AppState.RemoveCard, rig.App.State);
        // More Cancel presses at "remove card": the screen waits for the card; the receipt is not lost.
        rig.Keypad.Type("cc");
        rig.App.Step();
        rig.App.Step();
        Assert.Equal(AppState.RemoveCard, rig.App.State);
        Assert.Empty(rig.Printer.Printed);
        rig.Slot.Remove();
        rig.App.Step();
        Assert.Equal(2, rig.Printer.Printed.Count);
        Assert.Equal((1, true), Assert.Single(rig.Fake.Completions)); // still confirmed, never reversed
        rig.Drain();
        Assert.Equal(AppState.Idle, rig.App.State);
    }

    [Fact]
    public void Cancel_at_the_result_only_dismisses_it()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Field.Tap(AppRig.Card("visa-qvsdc-online"));
        rig.App.Step();
        Assert.Equal(AppState.Message, rig.App.State);
        Assert.True(rig.App.LastTransaction!.Approved);
        rig.Keypad.Type("c");
        rig.App.Step();
        Assert.Equal(AppState.Idle, rig.App.State);
        Assert.True(rig.App.LastTransaction.Approved);
        Assert.Equal((1, true), Assert.Single(rig.Fake.Completions));
        Assert.Equal(2, rig.Printer.Printed.Count);
    }

    [Fact]
    public void Cancel_while_keying_the_trace_number_to_void_sends_nothing()
    {
        var rig = new AppRig();
        rig.Keypad.Type("m21");
        rig.Drain();
        Assert.Equal(AppState.VoidTrace, rig.App.State);
        rig.Keypad.Type("c");
        rig.App.Step();
        Assert.Equal(AppState.Idle, rig.App.State);
        Assert.Empty(rig.Fake.Requests);
    }
}
