using System.Diagnostics;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;
using Xunit.Abstractions;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>
/// Issue 5 acceptance, the fault campaign: per fault mode, 1,000 randomised transactions (sales and refunds of
/// random amounts and schemes, some declined by the host, some declined by the card after host approval, some
/// offline approvals sent as advices) run through the host session, the journal on power-cut slots and the host
/// simulator's pure core. Three in ten messages meet a fault at a random point: before send (connect or send
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
    private const double FaultRate = 0.3;

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
    public void Journal_and_host_ledger_agree_after_a_fault_campaign(CampaignMode mode) => RunCampaign(mode, settleEvery: 0);

    /// <summary>
    /// The same campaign with the merchant settling every 50 transactions under the same faults. A settlement whose
    /// answer is lost (no 0510, garbage, wrong MAC, disconnect, host restart, power cut before the journal closes the
    /// batch) stays journaled as pending: new transactions are held (NotSent, SettlementPending) until the very same
    /// 0500 is answered, so no sale joins a batch the host may already have closed. Every settlement must balance
    /// at its first verdict: the host never closes a batch "after upload".
    /// </summary>
    [Theory]
    [InlineData(CampaignMode.NoAnswer)]
    [InlineData(CampaignMode.LateAnswer)]
    [InlineData(CampaignMode.Garbage)]
    [InlineData(CampaignMode.WrongMac)]
    [InlineData(CampaignMode.Disconnect)]
    [InlineData(CampaignMode.HostRestart)]
    [InlineData(CampaignMode.PowerCut)]
    public void Journal_and_host_ledger_agree_when_settling_under_faults(CampaignMode mode) => RunCampaign(mode, settleEvery: 50);

    private void RunCampaign(CampaignMode mode, int settleEvery)
    {
        int seed = SeedOf(mode);
        var watch = Stopwatch.StartNew();
        var rig = new CampaignRig(mode, seed, FaultRate);
        string outcome = null;
        try
        {
            for (int i = 0; i < TransactionsPerMode; i++)
            {
                OneTransaction(rig);
                if (settleEvery > 0 && i % settleEvery == settleEvery - 1) Settle(rig);
            }
            CampaignOutcome o = CampaignCheck.DrainCompareSettle(rig);
            // Every settlement the host saw balanced at once: none closed "after upload", none left unbalanced.
            foreach (SettlementRecord record in rig.Host.Ledger.Settlements())
                Assert.True(record.Balanced && !record.ClosedAfterUpload, $"batch {record.Batch} did not balance: terminal {record.Terminal}, host {record.Host}");
            if (settleEvery == 0)
            {
                Assert.True(o.HostCounted > TransactionsPerMode / 3, "too few counted transactions for a meaningful campaign");
                Assert.True(o.UnknownReversed > 0, "the campaign produced no unknown outcome");
            }
            else
            {
                // Settled batches leave the journal: judge the whole run by the host's ledger and the session results.
                Assert.True(rig.Host.Ledger.Counted().Count > TransactionsPerMode / 3, "too few counted transactions for a meaningful campaign");
                Assert.True(rig.Stats.UnknownOutcomes > 0, "the campaign produced no unknown outcome");
                // Settlements cut before their 0500 left (power cut while sending reversals) leave no host record.
                Assert.True(rig.Host.Ledger.Settlements().Count >= 2, "too few settlements");
            }
            outcome = o.ToString();
        }
        catch (Exception e) when (e is not SeedReported)
        {
            throw new SeedReported($"mode {mode}, seed {seed} (TERMINAL_CAMPAIGN_SEED={seed}): {e.Message}\n{rig.Stats}", e);
        }
        _output.WriteLine($"{mode} seed {seed}: {rig.Stats}; {outcome}; {watch.ElapsedMilliseconds} ms");
        Assert.Equal(TransactionsPerMode, rig.Stats.Transactions);
    }

    private sealed class SeedReported(string message, Exception inner) : Exception(message, inner);

    /// <summary>One customer at the terminal: an online sale or refund (host answer, then the card's verdict), or an offline approval.</summary>
    /// <summary>A settlement under faults: it may fail (the batch stays open) or settle; either way nothing is lost.</summary>
    private static void Settle(CampaignRig rig)
    {
        rig.MaybeFailBeforeSend();
        rig.Run(() =>
        {
            SettlementResult s = rig.Session.Settle(CampaignRig.SettlementFields());
            if (s.Settled) rig.Stats.Settlements++;
            else rig.Stats.FailedSettlements++;
        });
        if (rig.Session.SettlementPending) rig.Stats.SettlementsLeftPending++;
    }

    internal static void OneTransaction(CampaignRig rig)
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
                if (!rig.Session.RecordOfflineApproval(Generic87Messages.Advice(f), TransactionKind.Sale, card.Scheme))
                    rig.Stats.HeldBySettlement++;
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
                        if (result.Failure == SessionFailure.SettlementPending) rig.Stats.HeldBySettlement++;
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
                        rig.Stats.UnknownOutcomes++;
                        break;
                    default:
                        rig.Stats.UnknownOutcomes++;
                        Assert.Equal(AuthorisationStatus.ReversalPending, result.Status);
                        Assert.Equal(TransactionState.ReversalPending, tx.State);
                        break;
                }
            });
        }
        // Store-and-forward now and then, as an idle terminal does.
        if (r.Next(4) == 0) rig.Run(() => rig.Session.SendPendingAdvices());
    }

}
