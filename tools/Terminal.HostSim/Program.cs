using System.CommandLine;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Terminal.HostSimulation;

namespace Terminal.HostSim;

/// <summary>
/// dotnet run --project tools/Terminal.HostSim -- --port 5000 [--tls cert.pfx | --tls-self-signed]
///     [--dialect generic|generic-tpdu|unionpay] [--rules file] [--cards dir] [--fault-rate 0.1 --fault-seed 7]
/// dotnet run -c Release --project tools/Terminal.HostSim -- --bench 50 [--bench-sales 200] [--tls-self-signed]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on", DefaultValueFactory = _ => 5000 };
        var tls = new Option<FileInfo>("--tls") { Description = "PFX file with the server certificate (TLS on)" };
        var tlsPassword = new Option<string>("--tls-password") { Description = "password of the PFX file" };
        var selfSigned = new Option<bool>("--tls-self-signed") { Description = "TLS with a self-signed certificate made at startup" };
        var dialect = new Option<string>("--dialect") { Description = "generic, generic-tpdu or unionpay", DefaultValueFactory = _ => "generic" };
        dialect.AcceptOnlyFromAmong("generic", "generic-tpdu", "unionpay");
        var rules = new Option<FileInfo>("--rules") { Description = "rules file (rules, keys, accounts, card profiles)" };
        var cards = new Option<DirectoryInfo>("--cards") { Description = "import every *.card test profile of this folder as an account (default: ./cards when present and no rules file)" };
        var faultRate = new Option<double>("--fault-rate") { Description = "probability of a random fault per message (0..1)" };
        var faultSeed = new Option<int>("--fault-seed") { Description = "seed of the random faults", DefaultValueFactory = _ => 1 };
        var bench = new Option<int>("--bench") { Description = "run the loopback load benchmark with this many concurrent terminals, then exit" };
        var benchSales = new Option<int>("--bench-sales") { Description = "authorizations per terminal in the benchmark", DefaultValueFactory = _ => 200 };

        var root = new RootCommand("EMV terminal host simulator: acquirer and issuer over ISO 8583 (TEST KEYS ONLY)")
        {
            port, tls, tlsPassword, selfSigned, dialect, rules, cards, faultRate, faultSeed, bench, benchSales,
        };
        root.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(bench) > 0)
            {
                LoadResult r = await LoadRun.RunAsync(parse.GetValue(bench), parse.GetValue(benchSales), parse.GetValue(selfSigned));
                Console.WriteLine(r);
                return r.Failures == 0 ? 0 : 1;
            }
            HostConfiguration config = parse.GetValue(rules) != null ? HostConfiguration.Load(parse.GetValue(rules).FullName) : new HostConfiguration();
            DirectoryInfo cardDir = parse.GetValue(cards) ?? (parse.GetValue(rules) == null && Directory.Exists("cards") ? new DirectoryInfo("cards") : null);
            if (cardDir != null)
                foreach (string file in Directory.GetFiles(cardDir.FullName, "*.card"))
                    config.Accounts.AddRange(HostConfiguration.FromCardProfile(File.ReadAllText(file)));
            HostDialect d = parse.GetValue(dialect) switch { "unionpay" => HostDialect.UnionPay, "generic-tpdu" => HostDialect.GenericWithTpdu, _ => HostDialect.Generic };
            var host = new HostSimulator(d, config.Keys, config.Rules, Environment.TickCount);
            foreach (HostAccount a in config.Accounts) host.AddAccount(a);
            if (parse.GetValue(faultRate) > 0)
                host.Faults.SetRandom(parse.GetValue(faultSeed), parse.GetValue(faultRate), HostFault.NoAnswer, HostFault.LateAnswer,
                    HostFault.Garbage, HostFault.WrongMac, HostFault.Disconnect, HostFault.Restart);
            X509Certificate2 cert = parse.GetValue(tls) != null ? SelfSignedCertificate.Load(parse.GetValue(tls).FullName, parse.GetValue(tlsPassword))
                : parse.GetValue(selfSigned) ? SelfSignedCertificate.Create() : null;
            await using var server = new HostServer(host, new IPEndPoint(IPAddress.Any, parse.GetValue(port)), cert);
            server.Start();
            Console.WriteLine($"host simulator ({d}) listening on port {server.Port}{(cert != null ? " with TLS" : "")}, {host.Accounts().Count} accounts; Ctrl+C to stop");
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
            }
            var counted = host.Ledger.Counted();
            Console.WriteLine($"ledger: {counted.Count} counted transactions, {host.Ledger.Settlements().Count} settlements, {host.Rejected} rejected messages");
            return 0;
        });
        return await root.Parse(args).InvokeAsync();
    }
}
