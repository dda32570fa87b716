using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// MAC handling: a request whose MAC is wrong or missing is answered with the dialect's MAC error (generic 63,
/// UnionPay A0) and never approved or counted; the answer's own MAC verifies under the response key.
/// </summary>
public class MacTests
{
    [Theory]
    [InlineData(HostDialect.Generic, DukptScheme.Tdes, "63")]
    [InlineData(HostDialect.Generic, DukptScheme.Aes, "63")]
    [InlineData(HostDialect.GenericWithTpdu, DukptScheme.Tdes, "63")]
    [InlineData(HostDialect.UnionPay, DukptScheme.Tdes, "A0")]
    public void Wrong_mac_is_refused_with_the_dialect_code_and_not_counted(HostDialect dialect, DukptScheme scheme, string code)
    {
        var host = HostKit.Host(dialect);
        var t = HostKit.Terminal(host, scheme: scheme);
        byte[] request = t.Pack(t.Sale(HostKit.VisaPan, 100, null, HostKit.IccData(100)));
        byte[] tampered = (byte[])request.Clone();
        tampered[^1] ^= 0x01;                                  // last byte of DE 64
        long before = host.Ledger.Version;
        Iso8583Message r = t.ParseResponse(host.Handle(tampered), out bool macOk);
        Assert.Equal(code, r.GetString(39));
        Assert.True(macOk);                                    // the refusal itself is MACed with the response key
        Assert.Equal(before, host.Ledger.Version);
        Assert.Empty(host.Ledger.Entries());
        // The untouched request is then approved: the refusal recorded nothing under its trace number.
        r = t.ParseResponse(host.Handle(request), out macOk);
        Assert.Equal("00", r.GetString(39));
        Assert.True(macOk);
    }

    [Fact]
    public void Missing_mac_is_refused_when_required_and_accepted_when_the_rule_is_off()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var m = t.Sale(HostKit.VisaPan, 100, null, null);
        t.Pack(m);
        m.Remove(64);
        byte[] plain = Generic87Dialect.Dialect.Pack(m);
        Assert.Equal("63", Generic87Dialect.Dialect.Parse(host.Handle(plain)).GetString(39));
        host.Rules.RequireMac = false;
        Assert.Equal("00", Generic87Dialect.Dialect.Parse(host.Handle(plain)).GetString(39));
    }

    [Fact]
    public void Changed_amount_under_the_old_mac_is_refused()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var m = t.Sale(HostKit.VisaPan, 100, null, null);
        t.Pack(m);
        m.SetString(4, "000000099999");
        Assert.Equal("63", Generic87Dialect.Dialect.Parse(host.Handle(Generic87Dialect.Dialect.Pack(m))).GetString(39));
        Assert.Empty(host.Ledger.Counted());
    }

    [Fact]
    public void Generic_answer_mac_is_the_retail_mac_of_the_response_key_of_the_request_ksn()
    {
        // Independent check of the response MAC: the key is derived here from the published X9.24-1 test BDK and
        // the KSN carried in DE 62, and the MAC is ISO 9797-1 algorithm 3 over the answer up to DE 64.
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var request = t.Sale(HostKit.VisaPan, 100, null, null);
        byte[] answer = host.Handle(t.Pack(request));
        byte[] ksn = request.GetBytes(62);
        byte[] bdk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        byte[] tk = TdesDukpt.DeriveTransactionKey(TdesDukpt.DeriveIpek(bdk, ksn), ksn);
        byte[] mac = MessageMac.Compute(MessageMacAlgorithm.RetailMac, TdesDukpt.MacResponseKey(tk), answer, 0, answer.Length - 8);
        Assert.Equal(mac[..8], answer[^8..]);
    }

    [Fact]
    public void UnionPay_sign_on_gives_working_keys_whose_check_values_verify_under_the_tmk()
    {
        var host = HostKit.Host(HostDialect.UnionPay);
        var t = new SimulatedTerminal(HostDialect.UnionPay, "TERM0001", host.Keys);
        var answer = UnionPayDialect.Dialect.Parse(host.Handle(t.PackPlain(t.SignOn())));
        Assert.Equal("0810", answer.Mti);
        Assert.Equal("00", answer.GetString(39));
        Assert.Equal(40, answer.GetBytes(62).Length);         // 60.3 003: PIK 16 + 4, MAK 16 + 4
        var keys = new MasterSessionKeys();
        keys.LoadMasterKey(host.Keys.DefaultMasterKey);
        keys.InstallWorkingKeys(UnionPayWorkingKeys.Parse(answer.GetBytes(62)));   // throws when a check value is wrong
        Assert.True(keys.HasWorkingKeys);
        t.AcceptSignOn(answer);
        // A terminal that never signed on cannot MAC: its sale is refused with A0.
        var host2 = HostKit.Host(HostDialect.UnionPay);
        Assert.Equal("A0", UnionPayDialect.Dialect.Parse(host2.Handle(t.Pack(t.Sale(HostKit.VisaPan, 100, null, null)))).GetString(39));
    }
}
