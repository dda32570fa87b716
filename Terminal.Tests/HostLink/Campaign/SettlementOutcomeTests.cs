using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>
/// The smallest case of the defect the settle-under-faults campaign finds: the host closes the batch on a balanced
/// 0500 but its 0510 is lost. The terminal keeps the batch open (right: it does not know) and settles again; the
/// retry must be recognised as the same settlement and balance, not be compared with the host's next, empty batch.
/// </summary>
public class SettlementOutcomeTests
{
    [Fact]
    public void A_settlement_whose_answer_was_lost_balances_when_retried()
    {
        var rig = new CampaignRig(CampaignMode.NoAnswer, 1, 0);
        rig.StopFaults();
        TransactionFields f = CampaignRig.Fields(rig.Session.NextTrace(), CampaignRig.Cards[0].Pan, 12_345);
        AuthorisationResult r = rig.Session.Authorise(Generic87Messages.Sale(f), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.Approved, rig.Session.Complete(r, true, null).Status);

        rig.Host.Faults.QueueNext(HostFault.NoAnswer);           // the host settles batch 1; its 0510 is lost
        SettlementResult first = rig.Session.Settle(CampaignRig.SettlementFields());
        Assert.False(first.Settled);
        Assert.Equal(SessionFailure.Timeout, first.Report.Failure);
        Assert.True(rig.Host.Ledger.Settlements()[^1].Balanced);

        SettlementResult again = rig.Session.Settle(CampaignRig.SettlementFields());
        Assert.True(again.Settled);
        Assert.Equal(SettlementVerdict.Balanced, again.Report.FirstVerdict);   // the same totals, the same batch
        Assert.Equal(0, again.Report.UploadedCount);
    }
}
