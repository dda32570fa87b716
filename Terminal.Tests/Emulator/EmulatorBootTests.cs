using System.Net;
using Terminal.Emulator;
using Terminal.Emulator.Host;
using Terminal.HostSimulation;
using Terminal.Pc.Crypto;
using Xunit;

namespace Terminal.Tests.Emulator;

/// <summary>
/// The emulator starts the terminal through the shared boot (TerminalBoot) from its provisioning file, as the boards do:
/// a file the boot refuses stops the run with the boot's own finding; --host overrides the provisioned host.
/// </summary>
public class EmulatorBootTests
{
    private static string TerminalConf => File.ReadAllText(Path.Combine(EmulatorRun.Root, "tools", "Terminal.Emulator", "terminal.conf"));

    private static EmulatorRun WithConfig(string config, string scenario, params string[] extra)
    {
        string path = Path.Combine(Path.GetTempPath(), "emulator-conf-" + Guid.NewGuid().ToString("N") + ".conf");
        File.WriteAllText(path, config);
        try
        {
            return EmulatorRun.Named(scenario, [.. extra, "--config", path]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_configuration_without_a_pin_key_stops_the_boot()
    {
        // Without "key dukpt" the file loads but is incomplete: TerminalBoot's Incomplete finding, a usage error.
        string config = string.Join("\n", TerminalConf.Split('\n').Where(l => !l.StartsWith("key ", StringComparison.Ordinal)));
        EmulatorRun run = WithConfig(config, "approved-contactless");
        Assert.Equal(EmulatorCommand.Usage, run.ExitCode);
        Assert.Contains("terminal configuration: the configuration is incomplete: ", run.Transcript);
    }

    [Fact]
    public void The_library_ca_keys_are_provisioned_unless_the_file_has_its_own()
    {
        var crypto = new BclCryptoProvider();
        var options = new EmulatorOptions { Library = EmulatorRun.Library, Configuration = TerminalConf };
        // cards/pki/test-ca-keys.txt: 3 key records and 1 revocation record.
        Assert.Equal(4, EmulatorSession.Provisioned(options, crypto).CaKeyLines.Count);
        string one = File.ReadLines(Path.Combine(EmulatorRun.Library, "pki", "test-ca-keys.txt")).First(l => l.StartsWith("key ", StringComparison.Ordinal));
        options.Configuration = TerminalConf + "\ncapk " + one + "\n";
        Assert.Equal(new object[] { one }, EmulatorSession.Provisioned(options, crypto).CaKeyLines.ToArray());
    }

    [Fact]
    public async Task Host_option_overrides_the_provisioned_host()
    {
        // The provisioned host is a TEST-NET-1 address nothing answers on (RFC 5737); --host names a host simulator on
        // loopback with the library's accounts, verifying MACs. The online approval (response 00) can only come from the latter.
        var library = new EmulatorHost(EmulatorRun.Library, () => EmulatedWallClockDate, requireMac: true);
        await using var server = new HostServer(library.Simulator, new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        string config = TerminalConf.Replace("set host 127.0.0.1:5000", "set host 192.0.2.1:9", StringComparison.Ordinal);
        Assert.Contains("set host 192.0.2.1:9", config, StringComparison.Ordinal);
        EmulatorRun run = WithConfig(config, "approved-contactless", "--host", "127.0.0.1:" + server.Port);
        Assert.True(run.ExitCode == EmulatorCommand.Passed, run.Transcript);
        Assert.Equal("00", run.Record.Transactions.Single().ResponseCode);
        Assert.True(server.Connections >= 1);
    }

    private static DateTime EmulatedWallClockDate => Terminal.Emulator.Devices.EmulatedWallClock.ScriptDate.ToUniversalTime();
}

/// <summary>
/// The in-process host verifies the DE 64 MAC of every request (RequireMac on): the terminal's DUKPT key is derived
/// from the host's TEST BDK, so the shipped configuration is approved, and a terminal whose initial key does not come
/// from that BDK for its KSN is not.
/// </summary>
public class EmulatorMacTests
{
    [Fact]
    public void A_request_macd_under_a_key_the_host_cannot_derive_is_not_approved()
    {
        string conf = File.ReadAllText(Path.Combine(EmulatorRun.Root, "tools", "Terminal.Emulator", "terminal.conf"));
        // Same IPEK, another initial KSN (key set ID ...9876543211): the host derives a different IPEK from its BDK for
        // this KSN (ANSI X9.24-1: IPEK = f(BDK, KSN with the counter cleared)), so the MAC it computes differs.
        string other = conf.Replace("FFFF9876543210E00000", "FFFF9876543211E00000", StringComparison.Ordinal);
        Assert.NotEqual(conf, other);
        string path = Path.Combine(Path.GetTempPath(), "emulator-conf-" + Guid.NewGuid().ToString("N") + ".conf");
        File.WriteAllText(path, other);
        try
        {
            EmulatorRun good = EmulatorRun.Named("approved-contactless");
            Assert.Equal(EmulatorCommand.Passed, good.ExitCode);
            EmulatorRun bad = EmulatorRun.Named("approved-contactless", "--config", path);
            Assert.Equal(EmulatorCommand.Failed, bad.ExitCode);
            Assert.NotEqual("00", bad.Record.Transactions.Single().ResponseCode);
            Assert.Contains(bad.Transcript.Split('\n'), l => l.StartsWith("transaction 1:", StringComparison.Ordinal) && !l.Contains("approved ("));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>
/// --dialect unionpay: the terminal signs on at boot with the TEST TMK of terminal.conf (the host simulator's test
/// TMK), MACs with the working keys (UnionPay ECB MAC, TerminalBoot's default) and the in-process host, built in the
/// same dialect, verifies them. Expected outcomes are those of the generic runs (the cards' statements).
/// </summary>
public class EmulatorUnionPayTests
{
    [Theory]
    [InlineData("approved-contactless")]
    [InlineData("declined")]
    public void The_example_scenarios_hold_in_the_unionpay_dialect(string scenario)
    {
        EmulatorRun run = EmulatorRun.Named(scenario, "--dialect", "unionpay");
        Assert.True(run.ExitCode == EmulatorCommand.Passed, run.Transcript);
    }

    [Fact]
    public void A_unionpay_terminal_sends_the_offline_pin_card_online_because_its_floor_limits_are_zero()
    {
        // The UnionPay dialect has no offline-sale advice, so TerminalBoot sets every floor limit to 0: 10.00 exceeds
        // it, TVR B4b8 "transaction exceeds floor limit" is set (byte 4 = 80 -> 0000008000), the TAC-Online asks for
        // an ARQC and the host approves (in the generic dialect the same card approves offline with TVR 0000000000).
        EmulatorRun run = EmulatorRun.Text("""
            amount 10.00
            insert visa-pin-offline-plaintext
            expect screen "ENTER PIN"
            pin 1234
            expect screen "APPROVED"
            expect outcome approved
            expect tvr 0000008000
            expect cvm 410302
            remove
            expect screen "WELCOME"
            """, "--dialect", "unionpay");
        Assert.True(run.ExitCode == EmulatorCommand.Passed, run.Transcript);
        Assert.Equal("00", run.Record.Transactions.Single().ResponseCode);
    }

    [Fact]
    public void A_unionpay_online_approval_comes_after_a_sign_on()
    {
        // Trace numbers are shared by all messages (docs/host-session.md): the boot's sign-on (0800) takes trace 1,
        // so the sale approved online is trace 2; in the generic dialect (no sign-on) it is trace 1.
        EmulatorRun unionPay = EmulatorRun.Named("approved-contactless", "--dialect", "unionpay");
        EmulatorRun generic = EmulatorRun.Named("approved-contactless");
        Assert.Equal(2, unionPay.Record.Transactions.Single().Stan);
        Assert.Equal(1, generic.Record.Transactions.Single().Stan);
        Assert.Equal("00", unionPay.Record.Transactions.Single().ResponseCode);
    }
}
