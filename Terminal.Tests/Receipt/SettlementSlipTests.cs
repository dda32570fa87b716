using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Receipt;
using Terminal.Tests.HostLink.Session;
using Xunit;

namespace Terminal.Tests.Receipt;

/// <summary>
/// Settlement slips from real <see cref="HostSession.Settle"/> reports (the scripted host of the session tests).
/// The batch, by hand: sale 10.00 (Visa), sale 2.50 (Mastercard), refund 3.00 (Visa), all approved, in EUR (978):
/// sales 2 = 12.50, voids 0, refunds 1 = 3.00, net 12.50 - 3.00 = 9.50. Table columns: count right-aligned to
/// column 20 of 32 (5/8), amount to column 32.
/// </summary>
public class SettlementSlipTests
{
    private static readonly ReceiptMerchant Merchant = new("TEST SHOP", "123456789012345", "12345678");
    private static readonly DateTime When = new(2026, 11, 26, 18, 0, 0);
    private readonly ScriptedHost _host = new();

    private void BuildBatch()
    {
        HostSession s = _host.Session;
        s.Complete(s.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa), true, null);
        s.Complete(s.Authorise(_host.Sale(250), TransactionKind.Sale, CardScheme.Mastercard), true, null);
        s.Complete(s.Authorise(_host.Refund(300), TransactionKind.Refund, CardScheme.Visa), true, null);
    }

    [Fact]
    public void English_settled_slip()
    {
        BuildBatch();
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.True(result.Settled);
        string[] expected =
        {
            "       SETTLEMENT REPORT",          // 17 columns: (32 - 17) / 2 = 7
            "--------------------------------",
            "MERCHANT NAME:         TEST SHOP",
            "MERCHANT NO.:    123456789012345",
            "TERMINAL NO.:           12345678",
            "--------------------------------",
            "BATCH NO.:                000001",
            "DATE/TIME:   2026/11/26 18:00:00",
            "CURRENCY:                    EUR",  // 9 + 20 + 3
            "--------------------------------",
            "TYPE           COUNT      AMOUNT",  // 4 + 11 + 5 = 20, then 6 + 6
            "SALES              2       12.50",  // 5 + 14 + 1 = 20, then 7 + 5
            "VOIDS              0        0.00",
            "REFUNDS            1        3.00",
            "NET                         9.50",
            "--------------------------------",
            "TOTALS:                 BALANCED",
            "HOST RESPONSE:                00",
            "         FUNDS SETTLED",            // 13: 9 spaces
        };
        Assert.Equal(expected, SettlementSlip.Build(result.Report, Merchant, When, ReceiptLanguage.English, 32));
    }

    [Fact]
    public void Chinese_refused_slip_gives_the_reason()
    {
        BuildBatch();
        _host.Reply = m => m.Mti == "0500" ? ScriptedHost.Answer(m, "96") : ScriptedHost.Approve(m);
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        Assert.Equal(SessionFailure.HostRefused, result.Report.Failure);
        string[] expected =
        {
            "             结算单",               // 6 columns: 13 spaces
            "--------------------------------",
            "商户名称:              TEST SHOP",  // 9 + 14 + 9
            "商户编号:        123456789012345",
            "终端编号:               12345678",
            "--------------------------------",
            "批次号:                   000001",
            "日期/时间:   2026/11/26 18:00:00",
            "币种:                        EUR",  // 5 + 24 + 3
            "--------------------------------",
            "类型            笔数        金额",  // 4 + 12 + 4 = 20, then 8 + 4
            "消费               2       12.50",
            "撤销               0        0.00",
            "退货               1        3.00",
            "净额                        9.50",
            "--------------------------------",
            "对账结果:                   拒绝",  // 9 + 19 + 4
            "主机应答码:                   96",  // 11 + 19 + 2
            "            结算失败",              // 8 columns: 12 spaces
            "原因:               主机拒绝结算",  // 5 + 15 + 12
            "批次未关闭,请稍后重新结算",         // 25 columns: one line
        };
        Assert.Equal(expected, SettlementSlip.Build(result.Report, Merchant, When, ReceiptLanguage.SimplifiedChinese, 32));
    }

    [Fact]
    public void English_unreachable_host_slip()
    {
        BuildBatch();
        _host.Link.Close();
        _host.Link.FailConnects = 1;
        SettlementResult result = _host.Session.Settle(SessionTestData.TerminalFields());
        string[] lines = SettlementSlip.Build(result.Report, Merchant, When, ReceiptLanguage.English, 32);
        Assert.Equal(new[]
        {
            "TOTALS:                NO ANSWER",  // the 0500 was counted as an attempt but no 0510 came: no host response line
            "       SETTLEMENT FAILED",          // 17: 7 spaces
            "REASON:         HOST UNREACHABLE",  // 7 + 9 + 16
            "BATCH KEPT OPEN; SETTLE AGAIN",     // 35 columns wrapped at the last space within 32
            "LATER",
        }, lines[^5..]);
    }

    [Fact]
    public void Null_report_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => SettlementSlip.Build(null!, Merchant, When, ReceiptLanguage.English, 32));
    }
}
