using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.SelfTest;
using Terminal.Pc.Crypto;
using Terminal.Pc.HostLink;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.SelfTest;

/// <summary>
/// The on-device self-test runner (Terminal.Firmware/Core/SelfTest) run on the PC with the device's portable crypto:
/// the same scenarios and verdicts QA see on the board's serial console. Expected values are the cards' statements
/// (cards/*.card) as derived in Terminal.Tests/Kernel/Scenarios/LibraryCardScenarioTests and
/// Contactless/EntryPointQuickKernelTests, written out here, not taken from the runner.
/// </summary>
public class SelfTestRunnerTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private sealed class Lines : ISelfTestOutput
    {
        public List<string> All { get; } = new();
        public void WriteLine(string line) => All.Add(line);
    }

    private static SelfTestRunner Runner() => new(new PortableCryptoProvider(), new SystemRandomSource(), new StopwatchClock());

    [Fact]
    public void Every_scenario_passes_with_the_statement_of_its_card()
    {
        var output = new Lines();
        SelfTestReport report = Runner().RunAll(output);

        foreach (string line in output.All) log.WriteLine(line);
        Assert.True(report.AllPassed, string.Join("\n", output.All));
        Assert.Equal((7, 0), (report.Passed, report.Failed));
        var expected = new (string Card, string Decision, string Tvr, string Cvm)[]
        {
            // Plaintext offline PIN 4103 verified -> 410302; TVR 0 -> TC.
            ("visa-pin-offline-plaintext", "approved-offline", "0000000000", "410302"),
            // DDA passes, CVM list 1E03 1F03: signature -> 1E0300 (result unknown); TVR 0 -> TC.
            ("visa-dda-pass", "approved-offline", "0000000000", "1E0300"),
            // Card forces online; the issuer approves (00) with a valid ARPC; TC at the second GENERATE AC.
            ("visa-online-host-approves", "approved-online", "0000000000", "1E0300"),
            // The issuer declines (05) with a valid ARPC; AAC at the second GENERATE AC.
            ("visa-online-host-declines", "declined-online", "0000000000", "1E0300"),
            // No answer: default action, TVR 0 against IAC-default -> TC, Y3.
            ("visa-online-host-unreachable", "approved-offline", "0000000000", "1E0300"),
            // qVSDC ARQC in the GPO, no CVM under the 50.00 CVM required limit (1F0302), issuer approves.
            ("visa-qvsdc-online", "approved-online", "0000000000", "1F0302"),
            // qVSDC TC with fDDA verified, no CVM.
            ("visa-qvsdc-offline-fdda", "approved-offline", "0000000000", "1F0302"),
        };
        for (int i = 0; i < expected.Length; i++)
        {
            SelfTestResult r = report.ResultAt(i);
            Assert.Equal(expected[i], (r.Scenario.Card, r.Decision, r.Tvr, r.Cvm));
            Assert.True(r.Milliseconds >= 0);
        }
        // One header, one line per scenario, one summary.
        Assert.Equal(9, output.All.Count);
        Assert.Equal("self-test: 7 passed, 0 failed", output.All[^1]);
        Assert.StartsWith("PASS contact offline PIN (visa-pin-offline-plaintext): approved-offline TVR 0000000000 CVM 410302, ", output.All[1]);
        Assert.EndsWith(" ms", output.All[1]);
    }

    // A wrong PIN (9999 against the card's 1234): VERIFY 63C2, the kernel asks again and gets 9999 again until the
    // try limit; the CVM fails -> CVM Results 4103 01 (failed), not the statement's 410302: the scenario fails and
    // says why.
    [Fact]
    public void A_scenario_that_misses_its_statement_fails_and_says_why()
    {
        SelfTestResult r = Runner().Run(new SelfTestScenario("wrong PIN", "visa-pin-offline-plaintext", false, 1000, "9999"));

        Assert.False(r.Passed);
        Assert.Contains("CVM", r.Failure);
        Assert.Contains("(statement 410302)", r.Failure);
        Assert.StartsWith("FAIL wrong PIN", SelfTestRunner.Line(r));
    }

    [Fact]
    public void A_card_that_is_not_embedded_is_a_failure_not_an_exception()
    {
        SelfTestResult r = Runner().Run(new SelfTestScenario("missing", "no-such-card", false, 1000, null));

        Assert.False(r.Passed);
        Assert.Null(r.Decision);
        Assert.Contains("no embedded card", r.Failure);
    }

    // The device has no file system guarantee, so the profiles and key files are compiled in; they must stay the
    // library's own text.
    [Fact]
    public void Embedded_cards_and_keys_are_the_library_files()
    {
        foreach (string name in SelfTestCards.Names)
            Assert.Equal(Normalise(File.ReadAllText(Path.Combine(CardLibrary.Root, name + ".card"))), SelfTestCards.Profile(name));
        foreach (string path in SelfTestCards.KeyFiles)
            Assert.Equal(Normalise(File.ReadAllText(Path.Combine(CardLibrary.Root, path))), SelfTestCards.KeyFile(path));
        foreach (SelfTestScenario s in SelfTestScenario.All())
            Assert.Contains(s.Card, SelfTestCards.Names);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n");
}
