using System.Diagnostics;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;
using Xunit.Abstractions;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>
/// Issue 5 acceptance, the fault campaign: per fault mode, 1,000 randomised transactions (sales and refunds of
/// random amounts and schemes, some declined by the host, some declined by the card after host approval, some
/// offline approvals sent as advices) run through the host session, the journal on power-cut slots and the host
/// simulator's pure core. A fifth of the messages meet a fault at a random point: before send (connect or send
/// failure, request lost), after send / mid-response (the mode's fault: no answer, late answer, garbage, wrong MAC,
/// disconnect mid-frame, host restart before or after processing, power cut while waiting), or a power cut at a
/// random byte of one of the next journal writes. The terminal recovers as the firmware does (reopen the journal,
/// pending reversals and advices on the next connection). At the end, with faults off, everything is drained and
/// the terminal journal and the host ledger must agree exactly (the acceptance's three rules):
/// the counted (trace, amount, debit/credit) sets are equal (no approved sale lost or counted twice), every
/// unknown outcome is reversed on both sides, and the 0500 balances at the first attempt and closes the batch.
/// A failure message carries the mode and seed (TERMINAL_CAMPAIGN_SEED repeats a run).
/// </summary>
public class FaultCampaignTests
{
    /// <summary>Transactions per fault mode (the acceptance asks for at least 1,000).</summary>
    public const int TransactionsPerMode = 1000;
    private const double FaultRate = 0.2;

    private readonly ITestOutputHelper _output;

    public FaultCampaignTests(ITestOutputHelper output) => _output = output;

    private static int SeedOf(CampaignMode mode)
    {
        string s = Environment.GetEnvironmentVariable("TERMINAL_CAMPAIGN_SEED");
        return int.TryParse(s, out int seed) ? seed : 20261126 + (int)mode;
    }

    [Theory]
    [InlineData(CampaignMode.NoAnswer)]
    [InlineData(CampaignMode.LateAnswer)]
    [InlineData(CampaignMode.Garbage)]
    [InlineData(CampaignMode.WrongMac)]
    [InlineData(CampaignMode.Disconnect)]
    [InlineData(CampaignMode.HostRestart)]
    [InlineData(CampaignMode.PowerCut)]
    public void Journal_and_host_ledger_agree_after_a_fault_campaign(CampaignMode mode)
    {
        int seed = SeedOf(mode);
        var watch = Stopwatch.StartNew();
        var rig = new CampaignRig(mode, seed, FaultRate);
        try
        {
            for (int i = 0; i < TransactionsPerMode; i++) OneTransaction(rig);
            DrainAndCompare(rig);
        }
        catch (Exception e) when (e is not SeedReported)
        {
            throw new SeedReported($"mode {mode}, seed {seed} (TERMINAL_CAMPAIGN_SEED={seed}): {e.Message}\n{rig.Stats}", e);
        }
        _output.WriteLine($"{mode} seed {seed}: {rig.Stats}; {watch.ElapsedMilliseconds} ms");
        Assert.Equal(TransactionsPerMode, rig.Stats.Transactions);
    }

    private sealed class SeedReported(string message, Exception inner) : Exception(message, inner);

    /// <summary>One customer at the terminal: an online sale or refund (host answer, then the card's verdict), or an offline approval.</summary>
    private static void OneTransaction(CampaignRig rig)
    {
        Random r = rig.Random;
        var card = CampaignRig.Cards[r.Next(CampaignRig.Cards.Length)];
        long amount = 1 + r.Next(200_000);          // up to 2,000.00: above DeclineAbove the host declines (61)
        double roll = r.NextDouble();
        rig.Stats.Transactions++;
        rig.MaybeFailBeforeSend();
        if (roll < 0.15)
        {
            rig.Stats.Offline++;
            rig.Run(() =>
            {
                TransactionFields f = CampaignRig.Fields(rig.Session.NextTrace(), card.Pan, amount);
                f.AuthorizationCode = "Y1    ";
                f.ResponseCode = "Y1";                  // offline approval (EMV Book 4 A6: Y1)
                rig.Session.RecordOfflineApproval(Generic87Messages.Advice(f), TransactionKind.Sale, card.Scheme);
            });
        }
        else
        {
            bool refund = roll > 0.9;
            rig.Stats.Online++;
            if (refund) rig.Stats.Refunds++;
            bool cardAccepts = r.NextDouble() >= 0.1;
            rig.Run(() =>
            {
                TransactionFields f = CampaignRig.Fields(rig.Session.NextTrace(), card.Pan, amount);
                Iso8583Message request = refund ? Generic87Messages.Refund(f) : Generic87Messages.Sale(f);
                AuthorisationResult result = rig.Session.Authorise(request, refund ? TransactionKind.Refund : TransactionKind.Sale, card.Scheme);
                JournalTransaction tx = rig.Journal.Find(f.Stan);
                switch (result.Status)
                {
                    case AuthorisationStatus.NotSent:
                        Assert.Null(tx);                 // nothing recorded, nothing sent
                        break;
                    case AuthorisationStatus.HostApproved:
                        Assert.Equal(TransactionState.InFlight, tx.State);
                        if (!cardAccepts) rig.Stats.CardDeclines++;
                        result = rig.Session.Complete(result, cardAccepts, null);
                        TransactionState expected = cardAccepts ? TransactionState.Approved
                            : result.Status == AuthorisationStatus.Reversed ? TransactionState.Reversed : TransactionState.ReversalPending;
                        Assert.Equal(expected, rig.Journal.Find(f.Stan).State);
                        break;
                    case AuthorisationStatus.Declined:
                        Assert.Equal(TransactionState.Declined, tx.State);
                        break;
                    case AuthorisationStatus.Reversed:
                        Assert.Equal(TransactionState.Reversed, tx.State);
                        break;
                    default:
                        Assert.Equal(AuthorisationStatus.ReversalPending, result.Status);
                        Assert.Equal(TransactionState.ReversalPending, tx.State);
                        break;
                }
            });
        }
        // Store-and-forward now and then, as an idle terminal does.
        if (r.Next(4) == 0) rig.Run(() => rig.Session.SendPendingAdvices());
    }

    private static void DrainAndCompare(CampaignRig rig)
    {
        rig.StopFaults();
        rig.Link.Close();
        Assert.Equal(SessionFailure.None, rig.Session.SendPendingReversals());
        Assert.Equal(SessionFailure.None, rig.Session.SendPendingAdvices());
        TransactionJournal journal = rig.Journal;
        Assert.Empty(journal.PendingReversals());
        Assert.Empty(journal.PendingAdvices());

        // Every transaction the journal holds has a final state; the host agrees with each.
        foreach (JournalTransaction tx in journal.Transactions())
        {
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
            if (e.TerminalId != CampaignRig.TerminalId) continue;
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
        Assert.True(terminal.Count > TransactionsPerMode / 3, "too few counted transactions for a meaningful campaign");

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
    }

    private static string Key(int trace, long amount, bool credit) => $"{trace:D6}/{amount}/{(credit ? "C" : "D")}";
}
