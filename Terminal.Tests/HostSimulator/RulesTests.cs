using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// The issuer rules: approval 00 with ARPC, unknown card 14, expired card 54, wrong PIN 55, decline above an amount
/// (61), insufficient funds 51 against the per-card balance, and the rules file that configures them.
/// </summary>
public class RulesTests
{
    [Fact]
    public void Approval_debits_the_balance_and_carries_rrn_auth_code_and_arpc()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var r = HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 1000, "1234", HostKit.IccData(1000)));
        Assert.Equal("0210", r.Mti);
        Assert.Equal("00", r.GetString(39));
        Assert.Equal(12, r.GetString(37).Length);
        Assert.Equal(6, r.GetString(38).Length);
        // Visa CVN 10 uses ARPC method 1: tag 91 = ARPC (8) || ARC, ARC = "00" in ASCII (30 30).
        byte[] tag91 = HostKit.Tag(r.GetBytes(55), 0x91);
        Assert.Equal(10, tag91.Length);
        Assert.Equal(new byte[] { 0x30, 0x30 }, tag91[8..]);
        Assert.Equal(1_000_000 - 1000, host.Account(HostKit.VisaPan).Balance);
    }

    [Fact]
    public void Unknown_card_is_declined_14()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        Assert.Equal("14", HostKit.Send(host, t, t.Sale("5413339000000999", 100, null, null)).GetString(39));
        Assert.Empty(host.Ledger.Counted());
    }

    [Fact]
    public void Expired_card_is_declined_54()
    {
        var host = HostKit.Host();
        host.Account(HostKit.VisaPan).Expiry = "2605";    // May 2026, host date 15 June 2026
        var t = HostKit.Terminal(host);
        Assert.Equal("54", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, null, null)).GetString(39));
        host.Account(HostKit.VisaPan).Expiry = "2606";    // valid to the end of June 2026
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, null, null)).GetString(39));
    }

    [Theory]
    [InlineData(HostDialect.Generic, DukptScheme.Tdes)]
    [InlineData(HostDialect.Generic, DukptScheme.Aes)]
    [InlineData(HostDialect.UnionPay, DukptScheme.Tdes)]
    public void Wrong_pin_is_declined_55_and_the_right_pin_approved(HostDialect dialect, DukptScheme scheme)
    {
        var host = HostKit.Host(dialect);
        var t = HostKit.Terminal(host, scheme: scheme);
        Assert.Equal("55", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, "4321", null)).GetString(39));
        Assert.Equal("55", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, "12345", null)).GetString(39));
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, "1234", null)).GetString(39));
        Assert.Single(host.Ledger.Counted());
    }

    [Fact]
    public void Amount_above_the_limit_is_declined_with_the_configured_code()
    {
        var host = HostKit.Host(rules: new HostRules { DeclineAbove = 50_000 });
        var t = HostKit.Terminal(host);
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 50_000, null, null)).GetString(39));
        Assert.Equal("61", HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 50_001, null, null)).GetString(39));
    }

    [Fact]
    public void Insufficient_funds_is_51_against_the_per_card_balance()
    {
        var host = HostKit.Host();                           // OtherPan has 5000
        var t = HostKit.Terminal(host);
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.OtherPan, 3000, null, null)).GetString(39));
        Assert.Equal("51", HostKit.Send(host, t, t.Sale(HostKit.OtherPan, 2001, null, null)).GetString(39));
        Assert.Equal("00", HostKit.Send(host, t, t.Sale(HostKit.OtherPan, 2000, null, null)).GetString(39));
        Assert.Equal(0, host.Account(HostKit.OtherPan).Balance);
    }

    [Fact]
    public void Balance_inquiry_answers_de54_and_is_not_counted()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var f = t.Fields(HostKit.OtherPan, -1);
        var m = Generic87Messages.BalanceInquiry(f);
        t.Pin(m, HostKit.OtherPan, null);
        var r = HostKit.Send(host, t, m);
        Assert.Equal("00", r.GetString(39));
        // account type 00, amount type 02, currency 156, credit, 5000 in 12 digits.
        Assert.Equal("0002156C000000005000", r.GetString(54));
        Assert.Empty(host.Ledger.Counted());
    }

    [Fact]
    public void Arqc_of_another_key_is_declined_with_the_cryptogram_failure_code()
    {
        var host = HostKit.Host(rules: new HostRules { CryptogramFailureCode = "Z9" });
        var t = HostKit.Terminal(host);
        byte[] otherKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        var r = HostKit.Send(host, t, t.Sale(HostKit.VisaPan, 100, null, HostKit.IccData(100, mkAc: otherKey)));
        Assert.Equal("Z9", r.GetString(39));
        Assert.Empty(host.Ledger.Counted());
    }

    [Fact]
    public void Rules_file_sets_rules_keys_and_accounts_and_imports_card_profiles()
    {
        string cards = Path.Combine(RepoRoot(), "cards");
        string text = "[rules]\ndecline-above = 700\namount-limit-code = 13\nrequire-mac = no\n"
            + "[account 4000000000000002]\npin = 9876\nbalance = 250\nexpiry = 2912\ncvn = visa-18\n"
            + "imk-ac = 0123456789ABCDEFFEDCBA9876543210\nimk-smi = FEDCBA98765432100123456789ABCDEF\nimk-smc = 89ABCDEF0123456776543210FEDCBA98\n"
            + "script = 72 841E0000\n"
            + "[card visa-online-host-approves.card]\nbalance = 1234\n";
        HostConfiguration c = HostConfiguration.Parse(text, cards);
        Assert.Equal(700, c.Rules.DeclineAbove);
        Assert.Equal("13", c.Rules.AmountLimitCode);
        Assert.False(c.Rules.RequireMac);
        var a = c.Accounts.Single(x => x.Pan == "4000000000000002");
        Assert.Equal(250, a.Balance);
        Assert.Equal(18, a.CryptogramVersion.Number);
        Assert.Single(a.Scripts);
        var card = c.Accounts.Single(x => x.Pan == "4761739000000301");   // from the profile's [application]
        Assert.Equal(1234, card.Balance);
        Assert.Equal("3012", card.Expiry);                                 // expiry = 2030-12-31
        Assert.Equal("01", card.Psn);
        Assert.Equal(10, card.CryptogramVersion.Number);
        Assert.Equal("0123456789ABCDEFFEDCBA9876543210", Convert.ToHexString(card.MasterKeys.MkAc));
        Assert.Throws<FormatException>(() => HostConfiguration.Parse("[rules]\nno-such-rule = 1\n", "."));
        Assert.Throws<FormatException>(() => HostConfiguration.Parse("[account 4000000000000002]\ncvn = visa-99\n", "."));
    }

    [Fact]
    public void Every_test_card_profile_imports_as_an_account_with_its_cryptogram_keys()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(RepoRoot(), "cards"), "*.card"))
            foreach (HostAccount a in HostConfiguration.FromCardProfile(File.ReadAllText(file)))
                Assert.True(a.CryptogramVersion == null || a.MasterKeys != null, file);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
