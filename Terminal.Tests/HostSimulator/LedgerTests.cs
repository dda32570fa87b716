using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// Ledger exactness: an approved request counts once by (terminal, trace, date); a repeat gets the identical answer
/// bytes without a second count; a reversal removes it (and restores the balance) once; a reversal of an unknown
/// transaction is acknowledged and removes nothing; advices add offline approvals once.
/// </summary>
public class LedgerTests
{
    [Fact]
    public void Repeated_request_gets_the_identical_answer_and_counts_once()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        byte[] request = t.Pack(t.Sale(HostKit.VisaPan, 700, null, HostKit.IccData(700)));
        byte[] first = host.Handle(request);
        byte[] again = host.Handle(request);
        Assert.Equal(first, again);
        Assert.Single(host.Ledger.Counted());
        Assert.Equal(1_000_000 - 700, host.Account(HostKit.VisaPan).Balance);
    }

    [Fact]
    public void Same_trace_with_other_content_is_a_duplicate_transmission_94_and_not_counted()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var a = t.Sale(HostKit.VisaPan, 700, null, null);
        host.Handle(t.Pack(a));
        var b = t.Sale(HostKit.VisaPan, 800, null, null);
        b.SetString(11, a.GetString(11));
        Assert.Equal("94", HostKit.Send(host, t, b).GetString(39));
        Assert.Single(host.Ledger.Counted());
        Assert.Equal(700, host.Ledger.Counted()[0].Amount);
    }

    [Fact]
    public void Reversal_removes_the_sale_once_and_restores_the_balance()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var sale = t.Sale(HostKit.VisaPan, 900, null, null);
        Assert.Equal("00", HostKit.Send(host, t, sale).GetString(39));
        var reversal = Generic87Messages.Reversal(sale, t.NextStan(), "0615103001", "98");
        t.Pin(reversal, HostKit.VisaPan, null);
        var r = HostKit.Send(host, t, reversal);
        Assert.Equal("0410", r.Mti);
        Assert.Equal("00", r.GetString(39));
        Assert.Empty(host.Ledger.Counted());
        Assert.Equal(1_000_000, host.Account(HostKit.VisaPan).Balance);
        // The repeat (0401) is acknowledged and changes nothing.
        var repeat = Generic87Messages.Reversal(sale, t.NextStan(), "0615103002", "98");
        repeat.Mti = MessageTypes.RepeatOf(repeat.Mti);
        t.Pin(repeat, HostKit.VisaPan, null);
        Assert.Equal("00", HostKit.Send(host, t, repeat).GetString(39));
        Assert.Equal(1_000_000, host.Account(HostKit.VisaPan).Balance);
        Assert.Single(host.Ledger.Entries());
        Assert.True(host.Ledger.Entries()[0].Reversed);
    }

    [Fact]
    public void Reversal_of_an_unknown_transaction_is_acknowledged_and_the_late_original_is_not_approved()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var sale = t.Sale(HostKit.VisaPan, 900, null, null);
        byte[] saleBytes = t.Pack(sale);                       // never delivered before the reversal
        var reversal = Generic87Messages.Reversal(sale, t.NextStan(), "0615103001", "98");
        t.Pin(reversal, HostKit.VisaPan, null);
        Assert.Equal("00", HostKit.Send(host, t, reversal).GetString(39));
        Assert.Empty(host.Ledger.Entries());
        // The original, delayed, arrives after its own reversal: declined, not counted.
        Assert.NotEqual("00", Generic87Dialect.Dialect.Parse(host.Handle(saleBytes)).GetString(39));
        Assert.Empty(host.Ledger.Counted());
        Assert.Equal(1_000_000, host.Account(HostKit.VisaPan).Balance);
    }

    [Fact]
    public void UnionPay_reversal_matches_the_original_by_trace_and_batch()
    {
        var host = HostKit.Host(HostDialect.UnionPay);
        var t = HostKit.Terminal(host);
        var sale = t.Sale(HostKit.VisaPan, 900, null, HostKit.IccData(900));
        Assert.Equal("00", HostKit.Send(host, t, sale).GetString(39));
        var reversal = UnionPayMessages.Reversal(sale, UnionPayMessages.ReversalNoResponse);
        Assert.Equal("00", HostKit.Send(host, t, reversal).GetString(39));
        Assert.Empty(host.Ledger.Counted());
    }

    [Fact]
    public void Advice_adds_an_offline_approval_once()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var f = t.Fields(HostKit.VisaPan, 450);
        f.AuthorizationCode = "Y1    ";
        f.ResponseCode = "Y1";
        var advice = Generic87Messages.Advice(f);
        t.Pin(advice, HostKit.VisaPan, null);
        byte[] bytes = t.Pack(advice);
        byte[] first = host.Handle(bytes);
        Assert.Equal("0230", Generic87Dialect.Dialect.Parse(first).Mti);
        Assert.Equal(first, host.Handle(bytes));               // the repeat (store-and-forward retry)
        var counted = Assert.Single(host.Ledger.Counted());
        Assert.True(counted.Advice);
        Assert.Equal(LedgerKind.Debit, counted.Kind);
        Assert.Equal(1_000_000 - 450, host.Account(HostKit.VisaPan).Balance);
    }

    [Fact]
    public void Refund_is_a_credit_and_declined_offline_advice_does_not_count()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var refund = Generic87Messages.Refund(t.Fields(HostKit.VisaPan, 300));
        t.Pin(refund, HostKit.VisaPan, null);
        Assert.Equal("00", HostKit.Send(host, t, refund).GetString(39));
        var f = t.Fields(HostKit.VisaPan, 450);
        f.AuthorizationCode = "Z3    ";
        f.ResponseCode = "Z3";
        var advice = Generic87Messages.Advice(f);
        t.Pin(advice, HostKit.VisaPan, null);
        Assert.Equal("00", HostKit.Send(host, t, advice).GetString(39));
        var counted = Assert.Single(host.Ledger.Counted());
        Assert.Equal(LedgerKind.Credit, counted.Kind);
        Assert.Equal(1_000_300, host.Account(HostKit.VisaPan).Balance);
        Assert.Equal("476173******0301", counted.MaskedPan);
    }

    [Fact]
    public void Issuer_script_queued_for_a_card_goes_out_once_in_template_72()
    {
        var host = HostKit.Host();
        host.QueueIssuerScript(HostKit.VisaPan, new IssuerScript(0x72, new byte[] { 0x84, 0x1E, 0x00, 0x00 }, null));
        var t = HostKit.Terminal(host);
        var first = HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, null, HostKit.IccData(100)));
        var parsed = Terminal.EmvKernel.Tlv.TlvParser.Parse(first.GetBytes(55));
        var template = parsed.Find(0x72);
        Assert.NotNull(template);
        byte[] command = template.Children.FindValue(0x86);
        // APPLICATION BLOCK with secure messaging: 84 1E 00 00, Lc 08, 8-byte MAC; the card's own check accepts it.
        Assert.Equal(new byte[] { 0x84, 0x1E, 0x00, 0x00, 0x08 }, command[..5]);
        byte[] f55 = HostKit.IccData(100);
        var arqc = IssuerCryptography.Read(f55);
        var cv = Terminal.EmvKernel.Crypto.Emv.CryptogramVersion.Visa10;
        Assert.True(cv.VerifyScriptCommand(new Terminal.EmvKernel.Crypto.PortableCryptoProvider(), HostKit.MkSmi, arqc.Atc, arqc.Cryptogram, command));
        var second = HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, null, HostKit.IccData(100)));
        Assert.Null(Terminal.EmvKernel.Tlv.TlvParser.Parse(second.GetBytes(55)).Find(0x72));
    }
}
