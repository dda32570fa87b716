using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>
/// docs/host-session.md, "Pending settlement": a settlement whose answer is lost stays journaled; new transactions
/// are held until the very same 0500 (same trace, batch and totals) is answered, also after a restart; only then
/// does the next sale go into the next batch. The host simulator's ledger is the judge.
/// </summary>
public class PendingSettlementSessionTests
{
    private static CampaignRig Rig()
    {
        var rig = new CampaignRig(CampaignMode.NoAnswer, 1, 0.0) { FaultsOn = false };
        Sale(rig, 1000);
        Sale(rig, 2500);
        return rig;
    }

    private static AuthorisationResult Sale(CampaignRig rig, long amount)
    {
        TransactionFields f = CampaignRig.Fields(rig.Session.NextTrace(), CampaignRig.Cards[0].Pan, amount);
        AuthorisationResult r = rig.Session.Authorise(Generic87Messages.Sale(f), TransactionKind.Sale, CardScheme.Visa);
        return r.Status == AuthorisationStatus.HostApproved ? rig.Session.Complete(r, true, null) : r;
    }

    private static void Restart(CampaignRig rig) => rig.Restart();

    [Fact]
    public void Lost_0510_keeps_the_settlement_pending_across_a_restart_and_the_next_sale_resolves_it_first()
    {
        CampaignRig rig = Rig();
        rig.Host.Faults.QueueNext(HostFault.NoAnswer);            // the host closes the batch, the 0510 never arrives
        SettlementResult s = rig.Session.Settle(CampaignRig.SettlementFields());
        Assert.False(s.Settled);
        Assert.Equal(SessionFailure.Timeout, s.Report.Failure);
        Assert.True(rig.Session.SettlementPending);
        int trace = rig.Journal.PendingSettlement.Trace;
        Assert.Equal(1, rig.Journal.BatchNumber);
        SettlementRecord closed = Assert.Single(rig.Host.Ledger.Settlements());
        Assert.True(closed.Balanced);
        Assert.Equal(3500, closed.Host.DebitAmount);

        Restart(rig);
        Assert.True(rig.Session.SettlementPending);
        Assert.Equal(trace, rig.Journal.PendingSettlement.Trace);

        // The next sale first sends the stored 0500 again; the host answers it as balanced (same trace), the batch
        // closes on the terminal too, and only then does the sale go out, into batch 2.
        AuthorisationResult sale = Sale(rig, 700);
        Assert.Equal(AuthorisationStatus.Approved, sale.Status);
        Assert.False(rig.Session.SettlementPending);
        Assert.Equal(2, rig.Journal.BatchNumber);
        Assert.Single(rig.Host.Ledger.Settlements());             // the same settlement, not a second one
        Assert.Equal(700, Assert.Single(rig.Journal.CurrentBatch().Cast<JournalTransaction>()).Amount);

        CampaignCheck.DrainCompareSettle(rig);
        Assert.All(rig.Host.Ledger.Settlements(), r => Assert.True(r.Balanced && !r.ClosedAfterUpload));
    }

    [Fact]
    public void Lost_0500_holds_new_transactions_while_the_host_is_unreachable_then_settles_the_same_totals()
    {
        CampaignRig rig = Rig();
        rig.Host.Faults.QueueNext(HostFault.RequestLost);          // the 0500 never reaches the host
        Assert.False(rig.Session.Settle(CampaignRig.SettlementFields()).Settled);
        Assert.True(rig.Session.SettlementPending);
        Assert.Empty(rig.Host.Ledger.Settlements());

        // Host unreachable: the sale is held (nothing recorded), and so is an offline approval.
        rig.Link.FailConnects = 1;
        AuthorisationResult held = Sale(rig, 900);
        Assert.Equal(AuthorisationStatus.NotSent, held.Status);
        Assert.Equal(SessionFailure.ConnectFailed, held.Failure);
        Assert.Null(rig.Journal.Find(held.Trace));
        rig.Link.FailConnects = 1;
        TransactionFields f = CampaignRig.Fields(rig.Session.NextTrace(), CampaignRig.Cards[0].Pan, 50);
        f.AuthorizationCode = "Y1    ";
        f.ResponseCode = "Y1";
        Assert.False(rig.Session.RecordOfflineApproval(Generic87Messages.Advice(f), TransactionKind.Sale, CardScheme.Visa));
        Assert.Null(rig.Journal.Find(f.Stan));

        // The firmware's idle call resolves it: the host settles exactly the two sales of batch 1.
        SettlementResult resumed = rig.Session.ResumeSettlement();
        Assert.True(resumed.Settled);
        Assert.Equal(SettlementVerdict.Balanced, resumed.Report.FirstVerdict);
        SettlementRecord record = Assert.Single(rig.Host.Ledger.Settlements());
        Assert.True(record.Balanced);
        Assert.Equal(3500, record.Terminal.DebitAmount);
        Assert.Equal(2, rig.Journal.BatchNumber);
        Assert.Null(rig.Session.ResumeSettlement());
    }
}
