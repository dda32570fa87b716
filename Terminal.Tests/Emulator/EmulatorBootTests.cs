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
        // loopback with the library's accounts. The online approval (response 00) can only come from the latter.
        var library = new EmulatorHost(EmulatorRun.Library, () => EmulatedWallClockDate);
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
