#nullable enable
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.SelfTest;
using Terminal.Pc.Crypto;
using Terminal.Pc.HostLink;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.SelfTest;

/// <summary>
/// The on-device self-test runner (Terminal.Firmware/Core/SelfTest) run on the PC with the device's portable crypto:
/// the same scenarios, through the same firmware application, host link, acquirer and journal, and so the same
/// verdicts QA see on the board's serial console. Expected values are the cards' statements (cards/*.card, as
/// derived in Terminal.Tests/Kernel/Scenarios/LibraryCardScenarioTests and Contactless/EntryPointQuickKernelTests)
/// and the journal rules of docs/host-session.md, written out here, not taken from the runner.
/// </summary>
public class SelfTestRunnerTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private sealed class Lines : ISelfTestOutput
    {
        public List<string> All { get; } = new();
        public void WriteLine(string line) => All.Add(line);
    }

    private static SelfTestRunner Runner() => new(new PortableCryptoProvider(), new SystemRandomSource(), new StopwatchClock());

    private static SelfTestScenario Scenario(string name) => SelfTestScenario.All().Single(s => s.Name == name);

    [Fact]
    public void Every_scenario_passes_through_the_firmware_application()
    {
        var output = new Lines();
        SelfTestReport report = Runner().RunAll(output);

        foreach (string line in output.All) log.WriteLine(line);
        Assert.True(report.AllPassed, string.Join("\n", output.All));
        Assert.Equal((11, 0), (report.Passed, report.Failed));
        var expected = new (string Name, string Outcome, string? Rc, string? Decision, string? Tvr, string? Cvm, int Counted, long Net, int Reversals, int Advices)[]
        {
            // Plaintext offline PIN 4103 verified -> 410302; TVR 0 -> TC, '8A' Y1; an offline approval is a 0220
            // advice, counted at once (docs/host-session.md).
            ("contact offline PIN", "approved", "Y1", "approved-offline", "0000000000", "410302", 1, 1000, 0, 1),
            // DDA passes, CVM list 1E03 1F03: signature -> 1E0300; TVR 0 -> TC, Y1, advice.
            ("contact DDA offline", "approved", "Y1", "approved-offline", "0000000000", "1E0300", 1, 1000, 0, 1),
            // Card forces online; the issuer approves (00) with a valid ARPC; TC at the second GENERATE AC; the
            // 0200 is approved and counted.
            ("contact online approved", "approved", "00", "approved-online", "0000000000", "1E0300", 1, 1000, 0, 0),
            // The issuer declines (05) with a valid ARPC; AAC at the second GENERATE AC; declined is not counted.
            ("contact online declined", "declined-by-host", "05", "declined-online", "0000000000", "1E0300", 0, 0, 0, 0),
            // No connection: nothing sent, so nothing to reverse; default action TVR 0 against IAC-default -> TC, Y3.
            ("contact host unreachable", "approved", "Y3", "approved-offline", "0000000000", "1E0300", 1, 1000, 0, 1),
            // The 0200 went out and no answer came: its reversal stays pending (host still down); the card's TC (Y3)
            // is an advice.
            ("contact host down", "approved", "Y3", "approved-offline", "0000000000", "1E0300", 1, 1000, 1, 1),
            // qVSDC ARQC in the GPO, no CVM under the 50.00 CVM required limit (1F0302), issuer approves.
            ("contactless online", "approved", "00", "approved-online", "0000000000", "1F0302", 1, 1000, 0, 0),
            // qVSDC TC with fDDA verified, no CVM; Y1 (Book 4, A6); advice.
            ("contactless offline fDDA", "approved", "Y1", "approved-offline", "0000000000", "1F0302", 1, 1000, 0, 1),
            // The issuer answers 51 to the same online card: declined online, nothing counted.
            ("contactless declined by host", "declined-by-host", "51", "declined-online", "0000000000", "1F0302", 0, 0, 0, 0),
            // Service code 101: a magstripe sale authorised online, no kernel run.
            ("magstripe online", "approved", "00", null, null, null, 1, 1000, 0, 0),
            // Card pulled out during application selection: the kernel terminates with the TVR as initialised (all
            // zero, Book 3, 10.1: no check ran yet) and no CVM; card error, no cryptogram (no '8A'), nothing sent.
            ("contact card pulled out", "card-error", null, "terminated", "0000000000", null, 0, 0, 0, 0),
        };
        for (int i = 0; i < expected.Length; i++)
        {
            SelfTestResult r = report.ResultAt(i);
            Assert.Equal(expected[i], (r.Scenario.Name, r.Outcome!, r.ResponseCode, r.Decision, r.Tvr, r.Cvm, r.Counted, r.Net, r.PendingReversals, r.PendingAdvices));
            // Merchant and customer copy, except when nothing was approved or sent (no trace number to print).
            Assert.Equal(r.Outcome == "card-error" ? 0 : 2, r.Slips);
            Assert.True(r.Milliseconds >= 0);
        }
        // One header, one line per scenario, one summary.
        Assert.Equal(13, output.All.Count);
        Assert.StartsWith("self-test: 11 passed, 0 failed, ", output.All[^1]);
        Assert.StartsWith("PASS contact offline PIN (visa-pin-offline-plaintext): approved rc Y1 approved-offline TVR 0000000000 CVM 410302; batch 1 net 1000 rev 0 adv 1; ", output.All[1]);
        Assert.EndsWith(" ms", output.All[1]);
    }

    // The issuer holds another ICC master key than the card's: the ARQC does not verify, the issuer declines (05)
    // and the card, given no valid approval, ends declined. The scenario expected an approval: it must FAIL and say so.
    [Fact]
    public void A_card_whose_arqc_the_issuer_rejects_is_reported_as_a_failure()
    {
        SelfTestScenario s = Scenario("contact online approved");
        s.IssuerKey = Hex.Decode("00112233445566778899AABBCCDDEEFF");

        SelfTestResult r = Runner().Run(s);

        log.WriteLine(SelfTestRunner.Line(r));
        Assert.False(r.Passed);
        Assert.Equal("declined-by-host", r.Outcome);
        Assert.Equal("05", r.ResponseCode);
        Assert.Contains("outcome declined-by-host (expected approved)", r.Failure);
        Assert.Contains("response code 05 (expected 00)", r.Failure);
        Assert.StartsWith("FAIL contact online approved (visa-online-host-approves): declined-by-host rc 05", SelfTestRunner.Line(r));
    }

    // A wrong expectation (the declines card said to approve) fails on the outcome, the response code, the decision
    // and the journal: the runner compares, it does not echo.
    [Fact]
    public void A_wrong_expected_outcome_is_reported_as_a_failure()
    {
        SelfTestScenario s = Scenario("contact online declined");
        s.ExpectedOutcome = SelfTestOutcome.Approved;
        s.ExpectedCounted = 1;

        SelfTestResult r = Runner().Run(s);

        Assert.False(r.Passed);
        Assert.Equal(2, r.FailureCount);
        Assert.Contains("outcome declined-by-host (expected approved)", r.Failure);
        Assert.Contains("counted 0 (expected 1)", r.Failure);
    }

    [Fact]
    public void A_wrong_pin_misses_the_statement_and_fails()
    {
        // PIN 9999 against the card's 1234: VERIFY 63Cx at every try until the limit; the PIN CVM fails, so the
        // CVM Results are not the statement's 410302 (Book 3, 10.5).
        var s = new SelfTestScenario("wrong PIN", "visa-pin-offline-plaintext", SelfTestEntry.Contact, 1000, "9999", SelfTestHostMode.Approve)
        {
            ExpectedOutcome = SelfTestOutcome.Approved, CheckStatement = true,
        };

        SelfTestResult r = Runner().Run(s);

        Assert.False(r.Passed);
        Assert.Contains("statement CVM", r.Failure);
        Assert.Contains("(expected 410302)", r.Failure);
        Assert.StartsWith("FAIL wrong PIN", SelfTestRunner.Line(r));
    }

    [Fact]
    public void A_receipt_expectation_that_does_not_hold_fails()
    {
        SelfTestScenario s = Scenario("magstripe online");
        s.ExpectReceipt = false;

        SelfTestResult r = Runner().Run(s);

        Assert.False(r.Passed);
        Assert.Equal("slips 2 (expected 0)", r.Failure);
    }

    [Fact]
    public void A_card_that_is_not_embedded_is_a_failure_not_an_exception()
    {
        SelfTestResult r = Runner().Run(new SelfTestScenario("missing", "no-such-card", SelfTestEntry.Contact, 1000, null, SelfTestHostMode.Approve));

        Assert.False(r.Passed);
        Assert.Null(r.Outcome);
        Assert.Contains("no embedded card", r.Failure);
        Assert.StartsWith("FAIL missing (no-such-card): error: no embedded card", SelfTestRunner.Line(r));
    }

    // The host-down scenario step by step on the rig, read from the journal and the acquirer rather than the runner:
    // the 0200 reached the acquirer, was never answered, and the journal holds it as ReversalPending with the
    // no-answer reason "68" (Generic87SessionMessages.ReasonNoAnswer); the reversal itself went out once and was not
    // answered either. The card's TC went to the journal as an advice.
    [Fact]
    public void Host_down_leaves_the_reversal_pending_in_the_journal()
    {
        SelfTestRig rig = Rig("visa-online-host-unreachable", SelfTestHostMode.Down, out var card);
        Assert.True(rig.KeyAmount(1000));
        rig.Insert(card);
        Assert.True(rig.RunTransaction());

        Assert.Equal(1, rig.Acquirer.Authorisations);
        Assert.True(rig.Acquirer.Reversals >= 1);
        Assert.Equal(0, rig.Acquirer.Advices);                          // advices wait for a later upload
        var reversals = rig.Journal.PendingReversals().Cast<JournalTransaction>().ToList();
        JournalTransaction pending = Assert.Single(reversals);
        Assert.Equal(TransactionState.ReversalPending, pending.State);
        Assert.Equal("68", pending.ReversalReason);
        Assert.Equal("0200", pending.Mti);
        Assert.Equal(1000, pending.Amount);
        Assert.Equal("476173******0327", pending.MaskedPan);              // cards/visa-online-host-unreachable.card PAN
        JournalTransaction advice = Assert.Single(rig.Journal.PendingAdvices().Cast<JournalTransaction>());
        // The stored 0220 carries the card's '8A' as DE 39: Y3, approved offline after unable to go online.
        Assert.Equal("Y3", Terminal.Firmware.Core.HostLink.Session.Generic87SessionMessages.Instance.Dialect.Parse(advice.Advice).GetString(39));
        Assert.True(rig.App.LastTransaction!.Reversal);
        Assert.Equal(AppState.Message, rig.App.State);
    }

    // The approved online sale on the rig: the acquirer saw one 0200, answered 00 with an ARPC that the card
    // accepted, and the journal holds the sale approved with the acquirer's RRN and approval code.
    [Fact]
    public void Online_approval_is_journaled_with_the_acquirers_references()
    {
        SelfTestRig rig = Rig("visa-online-host-approves", SelfTestHostMode.Approve, out var card);
        Assert.True(rig.KeyAmount(1000));
        rig.Insert(card);
        Assert.True(rig.RunTransaction());

        Assert.Equal(1, rig.Acquirer.Authorisations);
        Assert.Equal("00", rig.Acquirer.LastResponseCode);
        JournalTransaction sale = Assert.Single(rig.Journal.CurrentBatch().Cast<JournalTransaction>());
        Assert.Equal(TransactionState.Approved, sale.State);
        Assert.Equal("SELFTEST0001", sale.Rrn);
        Assert.Equal("ST0001", sale.AuthorizationCode);
        Assert.Equal("approved-online", rig.App.LastTransaction!.KernelDecision);
    }

    private static SelfTestRig Rig(string cardName, string host, out Terminal.VirtualCards.Card.VirtualCard card)
    {
        var crypto = new PortableCryptoProvider();
        var random = new SystemRandomSource();
        var image = Terminal.VirtualCards.Personalisation.Personaliser.Personalise(
            Terminal.VirtualCards.Personalisation.CardProfile.Parse(SelfTestCards.Profile(cardName)), new EmbeddedPkiFiles(), crypto);
        card = new Terminal.VirtualCards.Card.VirtualCard(image, random, crypto);
        var issuer = new SelfTestIssuer((Terminal.VirtualCards.Card.CardApplication)image.Applications[0]!, null, crypto);
        string[] errors = Terminal.Firmware.Core.Provisioning.ProvisioningConsole.LoadFile(SelfTestRig.ConfigurationFile, crypto, out var config);
        Assert.Empty(errors);
        var caKeys = new Terminal.EmvKernel.Capk.CaPublicKeyStore(Terminal.EmvKernel.Capk.CaPublicKeySet.Test, crypto);
        Terminal.EmvKernel.Capk.CaKeyFile.Load(SelfTestCards.KeyFile("pki/test-ca-keys.txt"), caKeys);
        return new SelfTestRig(config!, ReferenceTerminal.Configuration(), caKeys, crypto, random, new SelfTestAcquirer(host, "05", issuer));
    }

    // QA on a PC: the emulator's --selftest runs the same runner and prints the same lines, exit code 0 when all pass.
    [Fact]
    public void Emulator_selftest_switch_prints_the_runner_lines_and_exits_zero()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = Terminal.Emulator.EmulatorCommand.Run(["--selftest"], output, error);

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        Assert.Equal(13, lines.Length);
        Assert.Equal(11, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.StartsWith("self-test: 11 passed, 0 failed", lines[^1]);
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

    // Per-scenario cost on this PC (the runner's own time and the bytes allocated on this thread), for
    // docs/performance.md. Logged, not asserted (no timed assertions).
    [Fact]
    public void Measure_time_and_allocations_per_scenario()
    {
        SelfTestRunner runner = Runner();
        runner.Run(Scenario("contact online approved"));                // warm-up (JIT)
        foreach (SelfTestScenario s in SelfTestScenario.All())
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            SelfTestResult r = runner.Run(s);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(r.Passed, SelfTestRunner.Line(r));
            log.WriteLine($"{s.Name}: {r.Milliseconds} ms, {bytes / 1024} KiB allocated (incl. card personalisation)");
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n");
}
