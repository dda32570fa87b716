using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// The session with the UnionPay rules (docs/host-protocol.md dialect B, "Message flows"): reversal with the
/// original trace and reason 98, no repeat MTIs, settlement totals in DE 48 with result codes 1/2, upload with
/// 60.3 201 and end 202, balanced close 207.
/// </summary>
public class UnionPaySessionTests
{
    private readonly ScriptedHost _host = new(unionPay: true);

    private static string NetworkCode(Iso8583Message m) => UnionPayField60.Parse(m.GetString(60)).NetworkCode;

    /// <summary>A 0510 whose DE 48 repeats the terminal's totals with result <paramref name="result"/> in both halves.</summary>
    private static Action<Transport.FakeHostConnection> SettlementAnswer(Iso8583Message request, int result)
    {
        Iso8583Message a = UnionPayMessages.Response(request, "00");
        UnionPaySettlementTotals t = UnionPaySettlementTotals.Parse(request.GetString(48));
        a.SetString(48, new UnionPaySettlementTotals(
            new UnionPayCardTotals(t.Domestic.DebitAmount, t.Domestic.DebitCount, t.Domestic.CreditAmount, t.Domestic.CreditCount, result),
            new UnionPayCardTotals(t.Foreign.DebitAmount, t.Foreign.DebitCount, t.Foreign.CreditAmount, t.Foreign.CreditCount, result)).Compose());
        return ScriptedHost.Deliver(a);
    }

    [Fact]
    public void Timeout_reverses_with_the_original_trace_and_reason_98_without_repeat_mti()
    {
        _host.Reply = m => null;
        AuthorisationResult r = _host.Session.Authorise(_host.UnionPaySale(1000), TransactionKind.Sale, CardScheme.UnionPay);
        Assert.Equal(AuthorisationStatus.ReversalPending, r.Status);
        _host.Reply = null;
        Assert.Equal(SessionFailure.None, _host.Session.SendPendingReversals());
        Assert.Equal("0200 0400 0400", _host.Mtis);             // UnionPay has no 0401
        Iso8583Message reversal = _host.Received[2];
        Assert.Equal(1, reversal.GetNumeric(11));               // the sale's own trace
        Assert.Equal("98", reversal.GetString(39));
        Assert.Equal(TransactionState.Reversed, _host.Journal.Find(1).State);
        Assert.Equal(1, _host.Journal.LastTrace);               // no trace reserved for the reversal
    }

    [Fact]
    public void Balanced_settlement_sends_totals_in_field_48_and_closes_with_207()
    {
        _host.Session.Complete(_host.Session.Authorise(_host.UnionPaySale(1000), TransactionKind.Sale, CardScheme.Visa), true, null);
        _host.Session.Complete(_host.Session.Authorise(_host.UnionPaySale(250), TransactionKind.Sale, CardScheme.UnionPay), true, null);
        _host.Received.Clear();
        _host.Reply = m => m.Mti == "0500" ? SettlementAnswer(m, UnionPayCardTotals.ResultBalanced) : ScriptedHost.Approve(m);
        TransactionFields terminal = SessionTestData.TerminalFields();
        terminal.CurrencyCode = "156";
        SettlementResult result = _host.Session.Settle(terminal);
        Assert.True(result.Settled);
        Assert.Equal("0500 0320", _host.Mtis);
        // DE 48: domestic (UnionPay cards) debit 2.50 x1, credit 0 x0, result 0; foreign (Visa) debit 10.00 x1.
        Assert.Equal("000000000250" + "001" + "000000000000" + "000" + "0" +
                     "000000001000" + "001" + "000000000000" + "000" + "0", _host.Received[0].GetString(48));
        Assert.Equal("201", NetworkCode(_host.Received[0]));
        Assert.Equal("207", NetworkCode(_host.Received[1]));
        Assert.Equal(2, _host.Journal.BatchNumber);
    }

    [Fact]
    public void Unbalanced_settlement_uploads_each_transaction_and_ends_with_202()
    {
        _host.Session.Complete(_host.Session.Authorise(_host.UnionPaySale(1000), TransactionKind.Sale, CardScheme.UnionPay), true, null);
        _host.Session.Complete(_host.Session.Authorise(_host.UnionPaySale(250), TransactionKind.Sale, CardScheme.UnionPay), true, null);
        _host.Received.Clear();
        _host.Reply = m => m.Mti == "0500" ? SettlementAnswer(m, UnionPayCardTotals.ResultNotBalanced) : ScriptedHost.Approve(m);
        TransactionFields terminal = SessionTestData.TerminalFields();
        terminal.CurrencyCode = "156";
        SettlementResult result = _host.Session.Settle(terminal);
        Assert.True(result.Settled);
        Assert.Equal("0500 0320 0320 0320", _host.Mtis);          // no second 0500 in UnionPay
        Assert.Equal("201", NetworkCode(_host.Received[1]));
        Assert.Equal("01" + "000001" + "000000001000", _host.Received[1].GetString(48));   // count, trace, amount [K]
        Assert.Equal("01" + "000002" + "000000000250", _host.Received[2].GetString(48));
        Assert.Equal("202", NetworkCode(_host.Received[3]));
        Assert.Equal("0002", _host.Received[3].GetString(48));    // number uploaded
        Assert.Equal(2, result.Report.UploadedCount);
        Assert.Equal(SettlementVerdict.NotBalanced, result.Report.FirstVerdict);
    }

    [Fact]
    public void Settlement_answer_without_result_codes_is_refused()
    {
        _host.Reply = m => m.Mti == "0500" ? ScriptedHost.Answer(m, "00") : ScriptedHost.Approve(m);   // echoes result 0
        TransactionFields terminal = SessionTestData.TerminalFields();
        terminal.CurrencyCode = "156";
        SettlementResult result = _host.Session.Settle(terminal);
        Assert.Equal(SessionFailure.HostRefused, result.Report.Failure);
        Assert.Equal(1, _host.Journal.BatchNumber);
    }
}
