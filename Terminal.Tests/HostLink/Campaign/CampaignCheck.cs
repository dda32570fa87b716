using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>What the journal and the ledger held when a campaign (or a stretch of a fuzz run) was reconciled.</summary>
public sealed class CampaignOutcome
{
    public int Approved, Advised, Declined, UnknownReversed, CardDeclineReversed, HostCounted;
    public long Debits, Credits;

    public override string ToString() =>
        $"journal: approved {Approved}, advised {Advised}, declined {Declined}, unknown outcomes reversed {UnknownReversed}, " +
        $"card declines reversed {CardDeclineReversed}; host counted {HostCounted}, settled debits {Debits} credits {Credits}";
}

/// <summary>
/// The end of a campaign: faults off, pending reversals, advices and any pending settlement drained, then the terminal journal and the host
/// ledger compared transaction by transaction and as (trace, amount, debit/credit) sets, and the batch settled: the
/// 0500 must balance at the first attempt (no 0320 upload) and close the batch on both sides.
/// </summary>
public static class CampaignCheck
{
    /// <summary>Drains with faults off, compares journal and ledger, settles; returns the outcome counts.</summary>
    public static CampaignOutcome DrainCompareSettle(CampaignRig rig)
    {
        rig.StopFaults();
        rig.Link.Close();
        Assert.Equal(SessionFailure.None, rig.Session.SendPendingReversals());
        Assert.Equal(SessionFailure.None, rig.Session.SendPendingAdvices());
        // A settlement whose answer was lost is resolved first (the firmware's next session call does the same).
        SettlementResult resumed = rig.Session.ResumeSettlement();
        Assert.True(resumed == null || resumed.Settled, "pending settlement not resolved: " + resumed?.Report.Failure);
        Assert.False(rig.Session.SettlementPending);
        TransactionJournal journal = rig.Journal;
        Assert.Empty(journal.PendingReversals());
        Assert.Empty(journal.PendingAdvices());

        // Every transaction the journal holds has a final state; the host agrees with each.
        int approved = 0, advised = 0, declined = 0, unknownReversed = 0, cardDeclineReversed = 0;
        foreach (JournalTransaction tx in journal.Transactions())
        {
            if (tx.State == TransactionState.Approved) approved++;
            if (tx.State == TransactionState.Advised) advised++;
            if (tx.State == TransactionState.Declined) declined++;
            if (tx.State == TransactionState.Reversed)
            {
                if (tx.ReversalReason == Generic87SessionMessages.ReasonCardDeclined) cardDeclineReversed++;
                else unknownReversed++;              // 68 no answer, A0 wrong MAC, or in flight at a power cut
            }
            LedgerEntry entry = rig.Host.Ledger.Find(CampaignRig.TerminalId, tx.Trace, CampaignRig.LocalDate);
            switch (tx.State)
            {
                case TransactionState.Approved:
                case TransactionState.Advised:
                    Assert.True(entry != null && entry.Counted, $"trace {tx.Trace} {tx.State} in the journal, not counted by the host");
                    break;
                case TransactionState.Reversed:
                    // An unknown outcome or a card decline: reversed at the host, or never processed there.
                    Assert.True(entry == null || !entry.Counted, $"trace {tx.Trace} reversed in the journal, still counted by the host");
                    break;
                case TransactionState.Declined:
                    Assert.True(entry == null || !entry.Approved, $"trace {tx.Trace} declined in the journal, approved by the host");
                    break;
                default:
                    Assert.Fail($"trace {tx.Trace} left in state {tx.State}");
                    break;
            }
        }

        // The counted sets: journal batch = host ledger entries of this terminal that count.
        var terminal = new SortedSet<string>();
        long terminalDebits = 0, terminalCredits = 0;
        foreach (JournalTransaction tx in journal.CurrentBatch())
        {
            bool credit = tx.Kind == TransactionKind.Refund;
            terminal.Add(Key(tx.Trace, tx.Amount, credit));
            if (credit) terminalCredits += tx.Amount; else terminalDebits += tx.Amount;
        }
        var host = new SortedSet<string>();
        long hostDebits = 0, hostCredits = 0;
        foreach (LedgerEntry e in rig.Host.Ledger.Counted())
        {
            if (e.TerminalId != CampaignRig.TerminalId || e.SettledBatch >= 0) continue;
            bool credit = e.Kind == LedgerKind.Credit;
            Assert.True(host.Add(Key(e.Stan, e.Amount, credit)), $"trace {e.Stan} counted twice by the host");
            if (credit) hostCredits += e.Amount; else hostDebits += e.Amount;
        }
        Assert.Equal(journal.CurrentBatch().Count, terminal.Count);   // no trace twice in the journal's batch
        var lost = new SortedSet<string>(host); lost.ExceptWith(terminal);
        var extra = new SortedSet<string>(terminal); extra.ExceptWith(host);
        Assert.True(lost.Count == 0 && extra.Count == 0,
            $"host only: {string.Join(", ", lost)}; journal only: {string.Join(", ", extra)}");
        Assert.Equal(hostDebits, terminalDebits);
        Assert.Equal(hostCredits, terminalCredits);

        // Settlement: the 0500 totals equal the ledger at the first attempt (no 0320 upload needed).
        int batch = journal.BatchNumber;
        SettlementResult s = rig.Session.Settle(CampaignRig.SettlementFields());
        Assert.True(s.Settled, "settlement failed: " + s.Report.Failure);
        Assert.Equal(SettlementVerdict.Balanced, s.Report.FirstVerdict);
        Assert.Equal(0, s.Report.UploadedCount);
        SettlementRecord record = rig.Host.Ledger.Settlements()[^1];
        Assert.True(record.Balanced);
        Assert.Equal(hostDebits, record.Host.DebitAmount);
        Assert.Equal(hostCredits, record.Host.CreditAmount);
        Assert.Equal(batch + 1, journal.BatchNumber);
        Assert.Empty(journal.CurrentBatch());
        return new CampaignOutcome
        {
            Approved = approved, Advised = advised, Declined = declined, UnknownReversed = unknownReversed,
            CardDeclineReversed = cardDeclineReversed, HostCounted = host.Count, Debits = hostDebits, Credits = hostCredits,
        };
    }

    private static string Key(int trace, long amount, bool credit) => $"{trace:D6}/{amount}/{(credit ? "C" : "D")}";
}
