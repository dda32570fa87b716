using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>Offline approvals go up as 0220 advices, repeated as 0221, until the 0230 (docs/host-protocol.md "Advice").</summary>
public class AdviceTests
{
    private readonly ScriptedHost _host = new();

    [Fact]
    public void Offline_approval_counts_at_once_and_is_advised_when_the_0230_arrives()
    {
        _host.Session.RecordOfflineApproval(_host.OfflineAdvice(400), TransactionKind.Sale, CardScheme.Visa);
        JournalTransaction tx = _host.Journal.Find(1);
        Assert.Equal(TransactionState.AdvicePending, tx.State);
        Assert.Single(_host.Journal.CurrentBatch());            // counted before it is uploaded
        Assert.Empty(_host.Received);                           // recording sends nothing

        Assert.Equal(SessionFailure.None, _host.Session.SendPendingAdvices());
        Assert.Equal("0220", _host.Mtis);
        Assert.Equal("Y1", _host.Received[0].GetString(39));
        Assert.Equal(400, _host.Received[0].GetNumeric(4));
        Assert.Equal(TransactionState.Advised, _host.Journal.Find(1).State);
    }

    [Fact]
    public void Advice_without_answer_stays_pending_and_is_repeated_as_0221()
    {
        _host.Session.RecordOfflineApproval(_host.OfflineAdvice(400), TransactionKind.Sale, CardScheme.Visa);
        _host.Reply = m => null;
        Assert.Equal(SessionFailure.Timeout, _host.Session.SendPendingAdvices());
        Assert.Equal(TransactionState.AdvicePending, _host.Journal.Find(1).State);
        _host.Reply = null;
        Assert.Equal(SessionFailure.None, _host.Session.SendPendingAdvices());
        Assert.Equal("0220 0221", _host.Mtis);
        Assert.Equal(TransactionState.Advised, _host.Journal.Find(1).State);
    }

    [Fact]
    public void Advices_go_oldest_first_and_stop_at_the_first_failure()
    {
        _host.Session.RecordOfflineApproval(_host.OfflineAdvice(100), TransactionKind.Sale, CardScheme.Visa);  // trace 1
        _host.Session.RecordOfflineApproval(_host.OfflineAdvice(200), TransactionKind.Sale, CardScheme.Visa);  // trace 2
        _host.Reply = m => m.GetNumeric(11) == 1 ? null : ScriptedHost.Approve(m);
        Assert.Equal(SessionFailure.Timeout, _host.Session.SendPendingAdvices());
        Assert.Equal("0220", _host.Mtis);                        // trace 2 not tried after trace 1 failed
        Assert.Equal(2, _host.Journal.PendingAdvices().Count);
    }

    [Fact]
    public void Offline_approval_survives_a_restart_and_is_sent_after_it()
    {
        _host.Session.RecordOfflineApproval(_host.OfflineAdvice(400), TransactionKind.Sale, CardScheme.Visa);
        _host.Restart();
        Assert.Equal(SessionFailure.None, _host.Session.SendPendingAdvices());
        Assert.Equal(TransactionState.Advised, _host.Journal.Find(1).State);
    }
}
