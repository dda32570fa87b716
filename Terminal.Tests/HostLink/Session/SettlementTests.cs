using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// Settlement (issue 5 §5; docs/host-protocol.md "Settlement with batch upload on mismatch"). The batch built in
/// <see cref="BuildBatch"/> is, by hand: sale 10.00 (trace 1) and sale 2.50 (trace 3) approved, refund 3.00
/// (trace 5) approved, sale 7.00 (trace 7) declined, sale 9.00 (trace 9) approved by the host but declined by the
/// card and reversed, offline sale 4.00 (trace 11) pending advice. Counted: debits 3 = 10.00 + 2.50 + 4.00 =
/// 16.50, credits 1 = 3.00; net = 16.50 - 3.00 = 13.50 owed to the merchant, DE 97 "C" + 16 digits.
/// Reversals take the even traces 2..10; the 0500 takes 12.
/// </summary>
public class SettlementTests
{
    private readonly ScriptedHost _host = new();

    private void BuildBatch()
    {
        HostSession s = _host.Session;
        s.Complete(s.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa), true, null);
        s.Complete(s.Authorise(_host.Sale(250), TransactionKind.Sale, CardScheme.Mastercard), true, null);
        s.Complete(s.Authorise(_host.Refund(300), TransactionKind.Refund, CardScheme.Visa), true, null);
        _host.Reply = m => ScriptedHost.Answer(m, "05");
        s.Authorise(_host.Sale(700), TransactionKind.Sale, CardScheme.Visa);
        _host.Reply = null;
        s.Complete(s.Authorise(_host.Sale(900), TransactionKind.Sale, CardScheme.Visa), false, null);
        s.RecordOfflineApproval(_host.OfflineAdvice(400), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal("0200 0200 0200 0200 0200 0400", _host.Mtis);
        _host.Received.Clear();
    }

    [Fact]
    public void Matching_totals_settle_and_close_the_batch()
    {
        BuildBatch();
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.True(result.Settled);
        Assert.Equal("0220 0500", _host.Mtis);                  // the pending advice goes first
        Iso8583Message rec = _host.Received[1];
        Assert.Equal("920000", rec.GetString(3));
        Assert.Equal(12, rec.GetNumeric(11));
        Assert.Equal("000001", rec.GetString(60));              // batch 1
        Assert.Equal(1, rec.GetNumeric(74));                    // credits: the refund
        Assert.Equal(300, rec.GetNumeric(86));
        Assert.Equal(3, rec.GetNumeric(76));                    // debits: 10.00, 2.50, 4.00
        Assert.Equal(1650, rec.GetNumeric(88));
        Assert.Equal(0, rec.GetNumeric(75));
        Assert.Equal(0, rec.GetNumeric(77));
        Assert.Equal("C0000000000001350", rec.GetString(97));
        Assert.Equal(2, _host.Journal.BatchNumber);             // batch closed

        SettlementReport report = result.Report;
        Assert.Equal(1, report.BatchNumber);
        Assert.Equal(SettlementVerdict.Balanced, report.FirstVerdict);
        Assert.Equal(1, report.ReconciliationAttempts);
        Assert.Equal(0, report.UploadedCount);
        Assert.Equal(1350, report.NetAmount);
        Assert.Equal(2, report.Totals.Count);                   // Visa and Mastercard groups in 978
        Assert.Equal(1400, report.Totals.Find(CardScheme.Visa, "978").DebitAmount);

        SettlementNotice notice = result.Notice;
        Assert.True(notice.FundsSettled);
        Assert.Equal("FUNDS SETTLED", notice.Title);
        Assert.Equal(new[]
        {
            "Batch 000001 currency 978", "Sales 3 16.50", "Voids 0 0.00", "Refunds 1 3.00", "Net 13.50", "Totals agreed",
        }, notice.Lines);
    }

    [Fact]
    public void Mismatch_uploads_every_counted_transaction_then_asks_again()
    {
        BuildBatch();
        int reconciliations = 0;
        _host.Reply = m => m.Mti == "0500" ? ScriptedHost.Answer(m, ++reconciliations == 1 ? "95" : "00") : ScriptedHost.Approve(m);
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.True(result.Settled);
        Assert.Equal("0220 0500 0320 0320 0320 0320 0500", _host.Mtis);
        // DE 60 of each 0320: original MTI + original DE 11 (docs/host-protocol.md, dialect A); oldest first.
        Assert.Equal(new[] { "0200000001", "0200000003", "0200000005", "0220000011" },
            _host.Received.Where(m => m.Mti == "0320").Select(m => m.GetString(60)).ToArray());
        Iso8583Message first = _host.Received[2];
        Assert.Equal(13, first.GetNumeric(11));                  // traces 13..16 for the uploads
        Assert.Equal(1000, first.GetNumeric(4));
        Assert.Equal("4761739001010010", first.GetString(2));
        Assert.Equal("506712345678", first.GetString(37));
        Assert.Equal("A1B2C3", first.GetString(38));
        Assert.Equal("00", first.GetString(39));
        Assert.Equal("200000", _host.Received[4].GetString(3));   // the refund's processing code
        Iso8583Message offline = _host.Received[5];
        Assert.Equal("Y1    ", offline.GetString(38));
        Assert.Equal("Y1", offline.GetString(39));
        Assert.Equal(17, _host.Received[6].GetNumeric(11));
        Assert.Equal(SettlementVerdict.NotBalanced, result.Report.FirstVerdict);
        Assert.Equal(4, result.Report.UploadedCount);
        Assert.Equal(2, result.Report.ReconciliationAttempts);
        Assert.Equal("Batch uploaded: 4 transactions", result.Notice.Lines[5]);
        Assert.Equal(2, _host.Journal.BatchNumber);
    }

    [Fact]
    public void Totals_that_still_differ_after_upload_fail_and_keep_the_batch()
    {
        BuildBatch();
        _host.Reply = m => m.Mti == "0500" ? ScriptedHost.Answer(m, "95") : ScriptedHost.Approve(m);
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.False(result.Settled);
        Assert.Equal(SessionFailure.TotalsDiffer, result.Report.Failure);
        Assert.Equal(1, _host.Journal.BatchNumber);
        Assert.Equal("SETTLEMENT FAILED", result.Notice.Title);
        Assert.Equal(new[]
        {
            "Batch 000001 currency 978", "Reason: totals differ after batch upload", "Host response 95",
            "Batch kept open; settle again later",
        }, result.Notice.Lines);
    }

    [Fact]
    public void Host_refusal_fails_without_upload()
    {
        BuildBatch();
        _host.Reply = m => m.Mti == "0500" ? ScriptedHost.Answer(m, "96") : ScriptedHost.Approve(m);
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.Equal(SessionFailure.HostRefused, result.Report.Failure);
        Assert.Equal("0220 0500", _host.Mtis);
        Assert.Equal(1, _host.Journal.BatchNumber);
    }

    [Fact]
    public void Unreachable_host_fails_with_the_reason_and_keeps_the_batch()
    {
        BuildBatch();
        _host.Link.Close();
        _host.Link.FailConnects = 1;
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.False(result.Settled);
        Assert.Equal(SessionFailure.ConnectFailed, result.Report.Failure);
        Assert.False(result.Notice.FundsSettled);
        Assert.Equal("Reason: host unreachable", result.Notice.Lines[1]);
        Assert.Equal("No host answer", result.Notice.Lines[2]);
        Assert.Equal(1, _host.Journal.BatchNumber);
    }

    [Fact]
    public void Pending_reversal_that_cannot_be_delivered_blocks_settlement()
    {
        _host.Reply = m => null;
        _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.Equal(SessionFailure.ReversalsPending, result.Report.Failure);
        Assert.DoesNotContain(_host.Received, m => m.Mti == "0500");
    }

    [Fact]
    public void Timeout_during_upload_fails_and_a_later_settlement_succeeds()
    {
        BuildBatch();
        _host.Reply = m => m.Mti == "0500" ? ScriptedHost.Answer(m, "95") : m.Mti == "0320" ? null : ScriptedHost.Approve(m);
        SettlementResult failed = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.Equal(SessionFailure.Timeout, failed.Report.Failure);
        Assert.Equal(1, _host.Journal.BatchNumber);
        _host.Reply = null;
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.True(result.Settled);
        Assert.Equal(2, _host.Journal.BatchNumber);
    }

    [Fact]
    public void Empty_batch_settles_with_zero_totals()
    {
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.True(result.Settled);
        Iso8583Message rec = _host.Received[0];
        Assert.Equal(0, rec.GetNumeric(76));
        Assert.Equal("C0000000000000000", rec.GetString(97));   // net zero is C (docs/host-protocol.md)
        Assert.Equal("Net 0.00", result.Notice.Lines[4]);
    }
}
