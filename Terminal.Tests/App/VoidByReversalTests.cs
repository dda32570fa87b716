#nullable enable
using Terminal.Emulator.Host;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;
using Terminal.HostSimulation;
using Terminal.Tests.Emulator;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// A void in the generic dialect (dialect A has no void message: a void is the 0400 reversal of the original,
/// docs/host-session.md): the application's menu void over the real <see cref="HostSession"/>, an in-memory journal
/// and the host simulator in-process (the emulator's host, plus an account for magstripe-only-101, PAN 4761739900000013).
/// </summary>
public class VoidByReversalTests
{
    private const string Track2 = "4761739900000013D30121010000000000";   // cards/magstripe-only-101.card

    private sealed class Rig
    {
        public EmulatorHost Host = null!;
        public TransactionJournal Journal = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());
        public AppRig App;

        public Rig()
        {
            App = new AppRig(rig =>
            {
                Host = new EmulatorHost(EmulatorRun.Library, () => new DateTime(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc));
                // The library's accounts are its chip applications: the stripe-only card gets one (expiry 3012 as on
                // its track 2, funds for the tests).
                if (Host.Simulator.Account("4761739900000013") == null)
                    Host.Simulator.AddAccount(new HostAccount("4761739900000013") { Expiry = "3012", Balance = 100000 });
                var session = new HostSession(Host.Connection, rig.Clock, Journal, Generic87SessionMessages.Instance);
                return SessionPaymentHost.Generic(session, rig.Configuration, new FixedWallClock());
            });
        }

        public TransactionRecord Sale(string digits)
        {
            if (App.App.LastTransaction != null)
            {
                App.Keypad.Type("\n");                    // any key ends the previous result's message
                App.Drain();
            }
            App.Amount(digits);
            App.Head.Swipe(Track2);
            App.App.Step();
            App.Drain();
            TransactionRecord r = App.App.LastTransaction!;
            Assert.True(r.Approved, r.Reason + " " + r.ResponseCode + " " + string.Join("|", App.Log));
            return r;
        }

        /// <summary>Menu 2 (VOID), the trace number, Enter.</summary>
        public TransactionRecord Void(int trace)
        {
            App.Keypad.Type("\nm2" + trace + "\n");
            App.Drain();
            return App.App.LastTransaction!;
        }

        public string TerminalId => App.Configuration.TerminalId;

        public Ledger Ledger => Host.Simulator.Ledger;

        /// <summary>What the host counts for the terminal's open batch.</summary>
        public Terminal.HostSimulation.BatchTotals HostTotals => Ledger.Totals(TerminalId, Journal.BatchNumber);
    }

    [Fact]
    public void Void_of_an_approved_sale_reverses_it_at_the_host_and_the_batch_settles_balanced()
    {
        var rig = new Rig();
        TransactionRecord kept = rig.Sale("1234");
        TransactionRecord voided = rig.Sale("1000");
        // Both sales reached the host: it counts 2 debits, 12.34 + 10.00 = 2234 minor units.
        Assert.Equal((2L, 2234L), (rig.HostTotals.DebitCount, rig.HostTotals.DebitAmount));

        TransactionRecord v = rig.Void(voided.Trace);

        Assert.Equal(TransactionKind.Void, v.Kind);
        Assert.True(v.Approved);
        Assert.False(v.Reversal);
        Assert.Equal(voided.Trace, v.OriginalTrace);
        Assert.Equal(1000, v.Amount);
        // The void receipt's trace is the reversal's own DE 11 (dialect A: the reversal has its own trace, reserved
        // right after the request's when the sale was journaled), in the open batch.
        Assert.Equal(voided.Trace + 1, v.Trace);
        Assert.Equal(rig.Journal.BatchNumber, v.Batch);
        // Terminal: the sale is reversed (acknowledged by the 0410) and no longer counted; the other sale still is.
        Assert.Equal(TransactionState.Reversed, rig.Journal.Find(voided.Trace).State);
        Assert.Equal(Generic87SessionMessages.ReasonVoided, rig.Journal.Find(voided.Trace).ReversalReason);
        Assert.True(rig.Journal.Find(kept.Trace).Counted);
        Assert.Empty(rig.Journal.PendingReversals());
        // Host: the voided sale's ledger entry is reversed; only 12.34 remains.
        Assert.Equal((1L, 1234L), (rig.HostTotals.DebitCount, rig.HostTotals.DebitAmount));

        rig.App.Keypad.Type("\nm5");
        rig.App.Drain();
        Assert.True(rig.App.App.LastSettlement!.FundsSettled);
        Assert.Contains("Sales 1 12.34", rig.App.App.LastSettlement!.Lines);
        SettlementRecord s = rig.Ledger.Settlements()[^1];
        // The terminal's 0500 totals equal the host's at the first attempt: balanced, no batch upload.
        Assert.True(s.Balanced);
        Assert.Equal(0, s.Uploaded);
        Assert.Equal((1L, 1234L), (s.Terminal.DebitCount, s.Terminal.DebitAmount));
    }

    [Fact]
    public void Void_of_an_unknown_trace_is_refused_and_nothing_is_sent()
    {
        var rig = new Rig();
        TransactionRecord sale = rig.Sale("1000");
        int exchanges = rig.Host.Connection.Exchanges;

        // The menu refuses before asking the host.
        rig.Void(sale.Trace + 50);
        Assert.True(rig.App.ScreenShows(MessageId.TransactionNotFound));
        // The host adapter refuses too, with a reason, when asked directly.
        HostAnswer a = rig.App.Host.Authorise(new PaymentRequest { Kind = TransactionKind.Void, Amount = 1000, OriginalTrace = sale.Trace + 50 });
        Assert.Equal(HostAnswerStatus.Unreachable, a.Status);
        Assert.Equal(0, a.Trace);
        Assert.Contains("no transaction", a.FailureReason);

        Assert.Equal(exchanges, rig.Host.Connection.Exchanges);
        Assert.True(rig.Journal.Find(sale.Trace).Counted);
        Assert.Equal((1L, 1000L), (rig.HostTotals.DebitCount, rig.HostTotals.DebitAmount));
    }

    [Fact]
    public void A_sale_is_voided_once_only()
    {
        var rig = new Rig();
        TransactionRecord sale = rig.Sale("1000");
        Assert.True(rig.Void(sale.Trace).Approved);
        int exchanges = rig.Host.Connection.Exchanges;

        rig.Void(sale.Trace);
        Assert.True(rig.App.ScreenShows(MessageId.TransactionNotFound));
        HostAnswer a = rig.App.Host.Authorise(new PaymentRequest { Kind = TransactionKind.Void, Amount = 1000, OriginalTrace = sale.Trace });
        Assert.Equal(HostAnswerStatus.Unreachable, a.Status);
        Assert.Contains("already voided", a.FailureReason);

        // Nothing more went to the host; the sale is reversed once, nothing counts on either side.
        Assert.Equal(exchanges, rig.Host.Connection.Exchanges);
        Assert.Equal(TransactionState.Reversed, rig.Journal.Find(sale.Trace).State);
        Assert.Equal(0, rig.Journal.Totals().Count);
        Assert.Equal((0L, 0L), (rig.HostTotals.DebitCount, rig.HostTotals.DebitAmount));
    }

    [Fact]
    public void A_void_while_the_host_is_down_is_journaled_and_delivered_later()
    {
        var rig = new Rig();
        TransactionRecord sale = rig.Sale("1000");
        rig.Host.Connection.Down = true;

        TransactionRecord v = rig.Void(sale.Trace);

        // Shown as "reversal pending", not as a silent failure; the void receipt still has its trace.
        Assert.False(v.Approved);
        Assert.True(v.Reversal);
        Assert.Equal(MessageId.ReversalPending, v.Headline);
        Assert.Equal(MessageId.HostUnavailable, v.Reason);
        Assert.Equal(sale.Trace + 1, v.Trace);
        // Journaled: the terminal no longer counts the sale, the 0400 is pending; the host still counts the sale.
        JournalTransaction tx = rig.Journal.Find(sale.Trace);
        Assert.Equal(TransactionState.ReversalPending, tx.State);
        Assert.False(tx.Counted);
        Assert.Single(rig.Journal.PendingReversals());
        Assert.Equal((1L, 1000L), (rig.HostTotals.DebitCount, rig.HostTotals.DebitAmount));

        // Host back: admin "send pending" delivers the reversal; the host no longer counts the sale.
        rig.Host.Connection.Down = false;
        rig.App.Keypad.Type("\nm6314159\n2");
        rig.App.Drain();
        Assert.Empty(rig.Journal.PendingReversals());
        Assert.Equal(TransactionState.Reversed, rig.Journal.Find(sale.Trace).State);
        Assert.Equal((0L, 0L), (rig.HostTotals.DebitCount, rig.HostTotals.DebitAmount));

        rig.App.Keypad.Type("\nm5");
        rig.App.Drain();
        Assert.True(rig.App.App.LastSettlement!.FundsSettled);
        Assert.True(rig.Ledger.Settlements()[^1].Balanced);
    }
    [Fact]
    public void A_sale_of_a_settled_batch_cannot_be_voided()
    {
        var rig = new Rig();
        TransactionRecord sale = rig.Sale("1000");
        rig.App.Keypad.Type("\nm5");
        rig.App.Drain();
        Assert.True(rig.App.App.LastSettlement!.FundsSettled);
        int exchanges = rig.Host.Connection.Exchanges;

        rig.Void(sale.Trace);
        Assert.True(rig.App.ScreenShows(MessageId.TransactionNotFound));
        HostAnswer a = rig.App.Host.Authorise(new PaymentRequest { Kind = TransactionKind.Void, Amount = 1000, OriginalTrace = sale.Trace });
        Assert.Equal(HostAnswerStatus.Unreachable, a.Status);
        Assert.StartsWith("void refused", a.FailureReason);
        Assert.Equal(exchanges, rig.Host.Connection.Exchanges);
    }
}
