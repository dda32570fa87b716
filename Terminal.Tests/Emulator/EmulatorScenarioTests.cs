using System.Diagnostics;
using Terminal.Emulator;
using Terminal.Emulator.Output;
using Xunit;

namespace Terminal.Tests.Emulator;

/// <summary>
/// Issue 7 acceptance: the scripted mode of the emulator's command runs the four example scenarios of
/// tools/Terminal.Emulator/scenarios to the end, through the firmware application (TerminalApplication) on the
/// emulated devices. Expected values come from the cards' statements (cards/*.card) and the reference terminal of
/// docs/card-profiles.md (TACs zero, floor limit 100.00, capabilities E0F8C8), never from a run: PANs masked first 6 /
/// last 4 (PCI), amount 10.00 = 1000 minor units, screen texts from the English message catalog.
/// </summary>
public class EmulatorScenarioTests
{
    // visa-qvsdc-online: "GPO returns ARQC with CTQ; online authorisation, host approves", decision approved-online,
    // TVR 0000000000, CVM 1F0302 (no CVM below the 50.00 CVM required limit). The in-process host approves with 00.
    [Fact]
    public void Approved_contactless_transaction()
    {
        EmulatorRun run = EmulatorRun.Named("approved-contactless");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.True(run.Record.Passed);
        Assert.Equal(EmulatorSession.TerminalName, run.Record.Terminal);
        Assert.True(run.ScreensInOrder("WELCOME", "10.00", "TAP, INSERT OR SWIPE", "APPROVED"), string.Join("\n", run.Record.Screens));
        TransactionRecord t = Assert.Single(run.Record.Transactions);
        Assert.Equal(("approved", "contactless", "visa-qvsdc-online", 1000L), (t.Outcome, t.EntryMode, t.Card, t.Amount));
        Assert.Equal(("approved-online", "0000000000", "1F0302"), (t.Decision, t.Tvr, t.Cvm));
        Assert.Equal(("00", "476173******0400", "A0000000031010"), (t.ResponseCode, t.MaskedPan, t.Aid));
        Assert.Equal("80", t.Cid);                           // the GPO's ARQC (Book 3 C5: CID b8-b7 = 10)
        Assert.False(t.Reversal);
    }

    // visa-pin-offline-plaintext: CVM list 4103 (plaintext PIN, PIN 1234): VERIFY 9000, CVM Results 410302, then TVR
    // 0000000000 -> TC offline (CID 40): approved-offline, Y1 (Book 4 A6), TSI E800 (ODA, CVM, card and terminal risk
    // management performed). The PIN screen comes before the result, "REMOVE CARD" after it.
    [Fact]
    public void Approved_contact_transaction_with_offline_pin()
    {
        EmulatorRun run = EmulatorRun.Named("approved-contact-offline-pin");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.True(run.ScreensInOrder("10.00", "ENTER PIN", "****", "APPROVED", "REMOVE CARD", "WELCOME"), string.Join("\n", run.Record.Screens));
        TransactionRecord t = Assert.Single(run.Record.Transactions);
        Assert.Equal(("approved", "contact", "approved-offline"), (t.Outcome, t.EntryMode, t.Decision));
        Assert.Equal(("0000000000", "E800", "410302", "40"), (t.Tvr, t.Tsi, t.Cvm, t.Cid));
        Assert.Equal(("476173******0152", "Y1"), (t.MaskedPan, t.ResponseCode));
        Assert.False(t.SignatureRequired);
        Assert.DoesNotContain("1234", run.Transcript);       // the PIN is never shown
        // An approval prints a merchant and a customer copy; they carry the masked PAN only.
        Assert.Equal(2, run.Record.Receipts.Count);
        Assert.All(run.Record.Receipts, r => Assert.Contains("476173******0152", r));
    }

    // visa-online-host-declines: force-online ARQC; the in-process host holds no funds for it (statement host =
    // decline) so it answers 51 (insufficient funds) with a valid ARPC; EXTERNAL AUTHENTICATE (AIP 3C00) and the
    // second GENERATE AC asks an AAC: declined-online, TVR 0000000000, TSI F800 (+ issuer authentication performed).
    [Fact]
    public void Declined_transaction()
    {
        EmulatorRun run = EmulatorRun.Named("declined");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.True(run.ScreensInOrder("10.00", "DECLINED", "REMOVE CARD", "WELCOME"), string.Join("\n", run.Record.Screens));
        TransactionRecord t = Assert.Single(run.Record.Transactions);
        Assert.Equal(("declined", "declined-online", "declined by host"), (t.Outcome, t.Decision, t.Reason));
        Assert.Equal(("0000000000", "F800", "51"), (t.Tvr, t.Tsi, t.ResponseCode));
        Assert.False(t.Reversal);
        Assert.Contains(run.Record.Screens, s => s.Contains("51"));
    }

    // visa-chip-magstripe-201: track 2 service code 201 (ISO/IEC 7813 digit 1 = 2: integrated circuit) -> insert the
    // chip; inserted, the chip approves offline (statement: TVR 0, CVM 1E0300 signature, so a signature is due).
    [Fact]
    public void Swiped_chip_card_is_asked_to_insert()
    {
        EmulatorRun run = EmulatorRun.Named("swiped-chip-card");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.True(run.ScreensInOrder("TAP, INSERT OR SWIPE", "PLEASE INSERT CHIP", "APPROVED"), string.Join("\n", run.Record.Screens));
        TransactionRecord chip = Assert.Single(run.Record.Transactions);     // the swipe itself is no transaction
        Assert.Equal(("approved", "contact", "approved-offline", "1E0300"), (chip.Outcome, chip.EntryMode, chip.Decision, chip.Cvm));
        Assert.Equal(("visa-chip-magstripe-201", "476173******0475"), (chip.Card, chip.MaskedPan));
        Assert.True(chip.SignatureRequired);
    }

    // void.txt: visa-qvsdc-online approved online (trace 1), then menu 2 VOID of trace 1. Dialect A has no void
    // message: the void is the 0400 reversal of the sale; its own trace is 2 (reserved when the sale was journaled).
    // The in-process host acknowledges it (0410): the void is approved, nothing is left pending.
    [Fact]
    public void Void_by_trace_number_reverses_the_sale()
    {
        EmulatorRun run = EmulatorRun.Named("void");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Equal(2, run.Record.Transactions.Count);
        TransactionRecord sale = run.Record.Transactions[0];
        TransactionRecord v = run.Record.Transactions[1];
        Assert.Equal(("sale", "approved", 1), (sale.Type, sale.Outcome, sale.Stan));
        Assert.Equal(("void", "approved", 1000L, 2), (v.Type, v.Outcome, v.Amount, v.Stan));
        Assert.Equal("476173******0400", v.MaskedPan);
        Assert.False(v.Reversal);
    }

    [Fact]
    public void A_failed_expectation_gives_exit_code_1_and_says_which()
    {
        EmulatorRun run = EmulatorRun.Text("amount 10.00\ninsert visa-pin-offline-plaintext\npin 1234\nexpect outcome declined\nexpect screen \"APPROVED\"\n");

        Assert.Equal(EmulatorCommand.Failed, run.ExitCode);
        Assert.False(run.Record.Passed);
        Assert.Equal([false, true], run.Record.Expectations.Select(e => e.Passed));
        Assert.Equal(4, run.Record.Expectations[0].Line);
        Assert.Equal("outcome = approved", run.Record.Expectations[0].Actual);
    }

    [Fact]
    public void A_step_the_terminal_never_takes_fails_the_run()
    {
        // At the amount prompt the terminal reads keys only: the tap is never taken.
        EmulatorRun run = EmulatorRun.Text("key 1\ntap visa-qvsdc-online\n");

        Assert.Equal(EmulatorCommand.Failed, run.ExitCode);
        Assert.Contains("line 2", run.Record.Error);
    }

    [Theory]
    [InlineData("amount twelve\n")]
    [InlineData("key 1\nfly away\n")]
    [InlineData("expect screen APPROVED\n")]
    public void A_bad_scenario_is_a_usage_error(string scenario)
    {
        EmulatorRun run = EmulatorRun.Text(scenario);

        Assert.Equal(EmulatorCommand.Usage, run.ExitCode);
        Assert.Null(run.Record);
        Assert.Contains("scenario line", run.Transcript);
    }

    // No card for 30 s at "present card" (terminal.conf: cardtimeout 30): the virtual clock moves with the wait, so
    // the timeout is deterministic.
    [Fact]
    public void Present_card_times_out_on_the_virtual_clock()
    {
        EmulatorRun run = EmulatorRun.Text("amount 5.00\nwait 31\nexpect screen \"CARD TIMEOUT\"\nexpect outcome timeout\n");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Equal(500, Assert.Single(run.Record.Transactions).Amount);
    }

    // Host down: visa-online-host-approves forces online (ARQC) but the connect fails: the kernel's default action,
    // TVR 0 against IAC-default DCE004F800 and TAC-default 0 -> TC with ARC Y3 (Book 3 10.7; the library's
    // visa-online-host-unreachable statement): approved offline; nothing reached the host, so nothing to reverse.
    [Fact]
    public void Host_down_completes_with_the_default_action()
    {
        EmulatorRun run = EmulatorRun.Text("host down\namount 10.00\ninsert visa-online-host-approves\nexpect outcome approved\nremove\n");

        Assert.True(run.ExitCode == 0, run.Transcript);
        TransactionRecord t = Assert.Single(run.Record.Transactions);
        Assert.Equal(("approved-offline", "Y3"), (t.Decision, t.ResponseCode));
        Assert.False(t.Reversal);
    }

    [Fact]
    public void Trace_decodes_the_apdus_with_the_pan_masked_and_no_pin()
    {
        EmulatorRun run = EmulatorRun.Named("approved-contact-offline-pin", "--trace");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("VERIFY", run.Transcript);
        Assert.Contains("GENERATE AC", run.Transcript);
        Assert.Contains("476173******0152", run.Transcript);
        Assert.DoesNotContain("4761739000000152", run.Transcript);
        // Plaintext PIN block (Book 3 6.5.12): 24 12 34 FF FF FF FF FF; the trace keeps only zeros in its place.
        Assert.DoesNotContain("241234FF", run.Transcript);
    }

    // --language zh: the catalog's Simplified Chinese texts: 请插卡或挥卡或刷卡 (tap, insert or swipe), 交易成功 (approved).
    [Fact]
    public void Chinese_screens_on_request()
    {
        EmulatorRun run = EmulatorRun.Text("amount 10.00\nexpect screen \"请插卡或挥卡或刷卡\"\ntap visa-qvsdc-online\nexpect screen \"交易成功\"\n",
            "--language", "zh");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Equal("approved", Assert.Single(run.Record.Transactions).Outcome);
    }

    // The same command as a process: the built emulator (dotnet Terminal.Emulator.dll --script ...), exit code 0.
    [Fact]
    public void The_built_command_runs_a_scenario_as_a_process()
    {
        string dll = typeof(EmulatorCommand).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), "emulator runtimeconfig missing beside " + dll);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = EmulatorRun.Root,
        };
        foreach (string a in new[] { dll, "--script", EmulatorRun.Scenario("approved-contactless"), "--library", EmulatorRun.Library })
            start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();

        Assert.True(p.ExitCode == 0, output + p.StandardError.ReadToEnd());
        Assert.Contains("PASSED", output);
    }
}
