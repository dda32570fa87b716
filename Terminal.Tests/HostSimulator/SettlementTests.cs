using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// Settlement against the ledger: equal totals close the batch (00 / UnionPay result 1); different totals give 95
/// (UnionPay result 2), then the batch upload and a repeated 0500 (UnionPay end of upload 202) close it as
/// "closed after upload". Totals count approved, unreversed debits and credits of that terminal only.
/// </summary>
public class SettlementTests
{
    private static Iso8583Message Reconciliation(SimulatedTerminal t, long debits, long debitAmount, long credits = 0, long creditAmount = 0)
    {
        var f = t.Fields(null, -1);
        var totals = new Generic87Totals { DebitsNumber = debits, DebitsAmount = debitAmount, CreditsNumber = credits, CreditsAmount = creditAmount };
        var m = Generic87Messages.Reconciliation(f, totals);
        t.Pin(m, null, null);
        return m;
    }

    private static void Sales(HostSimulator host, SimulatedTerminal t)
    {
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 1000, null, null)).GetString(39));
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 2500, null, null)).GetString(39));
        var reversed = t.Sale(HostKit.VisaPan, 9999, null, null);
        Assert.Equal("00", HostKit.Send(host, t, reversed).GetString(39));
        var reversal = Generic87Messages.Reversal(reversed, t.NextStan(), "0615103001", "98");
        t.Pin(reversal, HostKit.VisaPan, null);
        HostKit.Send(host, t, reversal);
        var refund = Generic87Messages.Refund(t.Fields(HostKit.VisaPan, 300));
        t.Pin(refund, HostKit.VisaPan, null);
        Assert.Equal("00", HostKit.Send(host, t, refund).GetString(39));
        // Another terminal's sale is not in this terminal's batch.
        var other = HostKit.Terminal(host, "TERM0002", device: 2);
        Assert.Equal("00", HostKit.Send(host, other, other.Sale(HostKit.VisaPan, 777, null, null)).GetString(39));
    }

    [Fact]
    public void Equal_totals_close_the_batch()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        Sales(host, t);
        // 2 debits 3500, 1 credit 300 (the reversed 9999 is not counted).
        var r = HostKit.Send(host, t, Reconciliation(t, 2, 3500, 1, 300));
        Assert.Equal("0510", r.Mti);
        Assert.Equal("00", r.GetString(39));
        var record = Assert.Single(host.Ledger.Settlements());
        Assert.True(record.Balanced);
        Assert.Equal(1, record.Batch);
        // The closed batch no longer counts; the other terminal's batch is untouched.
        Assert.Equal(0, host.Ledger.Totals("TERM0001", 1).DebitCount);
        Assert.Equal(777, host.Ledger.Totals("TERM0002", 1).DebitAmount);
    }

    [Fact]
    public void Terminal_counting_reversals_in_both_elements_still_balances()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        Sales(host, t);
        var m = Generic87Messages.Reconciliation(t.Fields(null, -1), new Generic87Totals
        {
            DebitsNumber = 3, DebitsAmount = 3500 + 9999, DebitsReversalNumber = 1, DebitsReversalAmount = 9999,
            CreditsNumber = 1, CreditsAmount = 300,
        });
        t.Pin(m, null, null);
        Assert.Equal("00", HostKit.Send(host, t, m).GetString(39));
    }

    [Fact]
    public void Different_totals_answer_95_then_upload_and_retry_close_the_batch()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        Sales(host, t);
        Assert.Equal("95", HostKit.Send(host, t, Reconciliation(t, 3, 3500 + 9999, 1, 300)).GetString(39));
        Assert.False(host.Ledger.Settlements()[0].Balanced);
        Assert.Equal(2, host.Ledger.Totals("TERM0001", 1).DebitCount);        // still open
        // Batch upload of one approved transaction (0320), then the 0500 again.
        var approved = t.Sale(HostKit.VisaPan, 1000, null, null);
        approved.SetString(37, "000000000001");
        approved.SetString(38, "000001");
        approved.SetString(39, "00");
        var upload = Generic87Messages.BatchUpload(approved, t.NextStan(), "0615110000");
        t.Pin(upload, HostKit.VisaPan, null);
        Assert.Equal("0330", HostKit.Send(host, t, upload).Mti);
        var retry = HostKit.Send(host, t, Reconciliation(t, 3, 3500 + 9999, 1, 300));
        Assert.Equal("00", retry.GetString(39));
        var last = host.Ledger.Settlements()[^1];
        Assert.True(last.ClosedAfterUpload);
        Assert.False(last.Balanced);
        Assert.Equal(1, last.Uploaded);
        Assert.Equal(2, last.Host.DebitCount);
        Assert.Equal(3, last.Terminal.DebitCount);
    }

    [Fact]
    public void Repeated_settlement_gets_the_same_answer_and_does_not_settle_twice()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        Sales(host, t);
        var m = Reconciliation(t, 2, 3500, 1, 300);
        byte[] bytes = t.Pack(m);
        byte[] first = host.Handle(bytes);
        Assert.Equal(first, host.Handle(bytes));
        Assert.Single(host.Ledger.Settlements());
    }

    [Fact]
    public void UnionPay_settlement_answers_result_codes_in_field_48()
    {
        var host = HostKit.Host(HostDialect.UnionPay);
        var t = HostKit.Terminal(host);
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 1000, null, null)).GetString(39));
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 2000, null, null)).GetString(39));

        Iso8583Message Settle(long amount, int count)
        {
            var totals = new UnionPaySettlementTotals(new UnionPayCardTotals(amount, count, 0, 0, 0), new UnionPayCardTotals(0, 0, 0, 0, 0));
            return UnionPayMessages.Settlement(UnionPayHeader.ForHost(3), t.Fields(null, -1), totals, "001");
        }
        var wrong = HostKit.Send(host, t, Settle(3000, 3), expectMac: false);
        Assert.Equal("00", wrong.GetString(39));
        Assert.Equal(UnionPayCardTotals.ResultNotBalanced, UnionPaySettlementTotals.Parse(wrong.GetString(48)).Domestic.Result);
        // Upload one transaction (60.3 201), then end of upload after unbalanced totals (60.3 202) closes the batch.
        HostKit.Send(host, t, UnionPayMessages.BatchUpload(UnionPayHeader.ForHost(3), t.Fields(null, -1), "0001", UnionPayMessages.NetSettlement), expectMac: false);
        HostKit.Send(host, t, UnionPayMessages.BatchUploadEnd(UnionPayHeader.ForHost(3), t.Fields(null, -1), 1, false), expectMac: false);
        var last = host.Ledger.Settlements()[^1];
        Assert.True(last.ClosedAfterUpload);
        Assert.Equal(1, last.Uploaded);

        t.Batch = 2;
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 500, null, null)).GetString(39));
        var right = HostKit.Send(host, t, Settle(500, 1), expectMac: false);
        Assert.Equal(UnionPayCardTotals.ResultBalanced, UnionPaySettlementTotals.Parse(right.GetString(48)).Domestic.Result);
        Assert.True(host.Ledger.Settlements()[^1].Balanced);
    }
}
