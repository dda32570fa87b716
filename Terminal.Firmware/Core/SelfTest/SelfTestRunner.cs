using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// The on-device self-test (issue 7 item 7): each conformance scenario (<see cref="SelfTestScenario.All"/>) is a
    /// sale through the firmware application on a fresh <see cref="SelfTestRig"/> - the amount keyed, the virtual
    /// card (personalised from the embedded library profile) inserted, tapped or swiped, the PIN typed at the
    /// prompt, the host link to the in-memory acquirer, the receipt printed - and is then checked as a QA engineer
    /// would: result and response code, kernel decision (and the card's statement where the scenario is its
    /// reference transaction), the receipt (masked PAN, AID, TVR; never the full PAN), and the journal's batch and
    /// pending reversals and advices. Prints one PASS/FAIL line per scenario with the transaction's time on the
    /// platform clock, then a summary. The same code runs on the device (serial console) and in the PC test suite,
    /// so both give the same verdicts.
    /// </summary>
    public sealed class SelfTestRunner
    {
        private readonly ICryptoProvider _crypto;
        private readonly IRandomSource _random;
        private readonly IMonotonicClock _clock;
        private readonly KernelConfiguration _kernel;
        private readonly CaPublicKeyStore _caKeys;
        private readonly TerminalConfiguration _configuration;

        /// <summary>Creates the runner with the platform's crypto, random source and clock (for the times printed).</summary>
        public SelfTestRunner(ICryptoProvider crypto, IRandomSource random, IMonotonicClock clock)
        {
            if (crypto == null || random == null || clock == null) throw new System.ArgumentNullException("crypto", "crypto, random and clock are required");
            _crypto = crypto;
            _random = random;
            _clock = clock;
            _kernel = ReferenceTerminal.Configuration();
            _caKeys = new CaPublicKeyStore(CaPublicKeySet.Test, crypto);
            CaKeyFile.Load(SelfTestCards.KeyFile("pki/test-ca-keys.txt"), _caKeys);
            TerminalConfiguration configuration;
            string[] errors = ProvisioningConsole.LoadFile(SelfTestRig.ConfigurationFile, crypto, out configuration);
            if (errors.Length > 0) throw new System.InvalidOperationException("self-test configuration: " + errors[0]);
            _configuration = configuration;
        }

        /// <summary>Runs every scenario, writing to <paramref name="output"/>.</summary>
        public SelfTestReport RunAll(ISelfTestOutput output)
        {
            return RunAll(SelfTestScenario.All(), output);
        }

        /// <summary>Runs <paramref name="scenarios"/> in order, writing a header, one line each and a summary.</summary>
        public SelfTestReport RunAll(SelfTestScenario[] scenarios, ISelfTestOutput output)
        {
            if (scenarios == null || output == null) throw new System.ArgumentNullException("scenarios", "scenarios and output are required");
            SelfTestReport report = new SelfTestReport();
            output.WriteLine("self-test: " + scenarios.Length.ToString() + " scenarios through the firmware application (TEST cards and keys)");
            for (int i = 0; i < scenarios.Length; i++)
            {
                SelfTestResult r = Run(scenarios[i]);
                report.Add(r);
                output.WriteLine(Line(r));
            }
            output.WriteLine(Summary(report));
            return report;
        }

        /// <summary>Runs one scenario on a fresh terminal. Never throws: a defect shows as a failure with its message.</summary>
        public SelfTestResult Run(SelfTestScenario scenario)
        {
            if (scenario == null) throw new System.ArgumentNullException("scenario");
            SelfTestResult r = new SelfTestResult(scenario);
            try
            {
                Execute(scenario, r);
            }
            catch (System.Exception e)
            {
                // A scenario must end in a verdict, whatever went wrong. The message names the fault, never card data.
                r.Fail("error: " + e.Message);
            }
            return r;
        }

        private void Execute(SelfTestScenario s, SelfTestResult r)
        {
            string text = SelfTestCards.Profile(s.Card);
            if (text == null) throw new System.ArgumentException("no embedded card " + s.Card, "scenario");
            CardProfile profile = CardProfile.Parse(text);
            VirtualCard card = null;
            SelfTestIssuer issuer = null;
            string pan;
            string aid = null;
            if (s.Entry == SelfTestEntry.Magstripe)
            {
                string track2 = profile.Track == null ? null : profile.Track.Text("track2");
                if (track2 == null) throw new System.ArgumentException("card " + s.Card + " has no track 2", "scenario");
                int separator = track2.IndexOf('D');
                pan = separator < 0 ? track2 : track2.Substring(0, separator);
            }
            else
            {
                CardImage image = Personaliser.Personalise(profile, new EmbeddedPkiFiles(), _crypto);
                card = new VirtualCard(image, _random, _crypto);
                issuer = new SelfTestIssuer((CardApplication)image.Applications[0], s.IssuerKey, _crypto);
                ProfileApplication application = profile.ApplicationAt(0);
                pan = application.Application.Text("pan");
                aid = application.Application.Argument;
            }
            SelfTestRig rig = new SelfTestRig(_configuration, _kernel, _caKeys, _crypto, _random, new SelfTestAcquirer(s.Host, s.DeclineCode, issuer));
            rig.CardholderPin(s.Pin);
            rig.Slot.PullAfterCommands = s.PullCardAfterCommands;
            if (!rig.KeyAmount(s.Amount))
            {
                r.Fail("the terminal did not ask for a card after the amount");
                return;
            }

            long start = _clock.NowMilliseconds;
            if (s.Entry == SelfTestEntry.Contact) rig.Insert(card);
            else if (s.Entry == SelfTestEntry.Contactless) rig.Tap(card);
            else rig.Swipe(profile.Track.Text("track2"));
            bool finished = rig.RunTransaction();
            r.Milliseconds = _clock.NowMilliseconds - start;
            if (!finished)
            {
                r.Fail("no result within " + SelfTestRig.MaxSteps.ToString() + " steps");
                return;
            }

            TransactionRecord t = rig.App.LastTransaction;
            r.Outcome = SelfTestOutcome.Of(t);
            r.ResponseCode = t.ResponseCode;
            r.Decision = t.KernelDecision;
            r.Tvr = t.Tvr;
            r.Cvm = t.CvmResults;
            ReadJournal(rig.Journal, r);
            r.Slips = rig.Printer.Count;

            Expect(r, "outcome", s.ExpectedOutcome, r.Outcome);
            Expect(r, "response code", s.ExpectedResponseCode, r.ResponseCode);
            if (s.ExpectedDecision != null) Expect(r, "decision", s.ExpectedDecision, r.Decision);
            if (s.CheckStatement) CheckStatement(r, profile);
            CheckReceipt(r, s, rig.Printer, pan, aid);
            Expect(r, "counted", s.ExpectedCounted, r.Counted);
            Expect(r, "batch net", s.ExpectedNet, r.Net);
            Expect(r, "pending reversals", s.ExpectedPendingReversals, r.PendingReversals);
            Expect(r, "pending advices", s.ExpectedPendingAdvices, r.PendingAdvices);
        }

        private static void ReadJournal(TransactionJournal journal, SelfTestResult r)
        {
            r.Counted = journal.CurrentBatch().Count;
            BatchTotals totals = journal.Totals();
            long net = 0;
            for (int i = 0; i < totals.Count; i++) net += totals[i].NetAmount;
            r.Net = net;
            r.PendingReversals = journal.PendingReversals().Count;
            r.PendingAdvices = journal.PendingAdvices().Count;
        }

        /// <summary>Decision, TVR and CVM Results are the card's statement (its profile's [card] section).</summary>
        private static void CheckStatement(SelfTestResult r, CardProfile profile)
        {
            Expect(r, "statement decision", FirstWord(profile.Card.Text("decision")), r.Decision);
            string tvr = FirstWord(profile.Card.Text("tvr"));
            if (tvr.Length > 0 && tvr != "-") Expect(r, "statement TVR", tvr, r.Tvr);
            string cvm = FirstWord(profile.Card.Text("cvm-result"));
            if (cvm.Length > 0 && cvm != "-") Expect(r, "statement CVM", cvm, r.Cvm);
        }

        /// <summary>
        /// Both copies printed, each with the masked PAN (first 6, last 4) and never the full PAN; a chip card's
        /// copies also carry the AID and the TVR.
        /// </summary>
        private static void CheckReceipt(SelfTestResult r, SelfTestScenario s, SelfTestPrinter printer, string pan, string aid)
        {
            if (!s.ExpectReceipt)
            {
                Expect(r, "slips", 0, printer.Count);
                return;
            }
            Expect(r, "slips", 2, printer.Count);
            string masked = PanMask.MaskDigits(pan);
            for (int i = 0; i < printer.Count; i++)
            {
                string[] slip = printer.SlipAt(i);
                string copy = i == 0 ? "merchant copy" : "customer copy";
                if (Contains(slip, pan)) r.Fail(copy + " shows the full PAN");
                if (!Contains(slip, masked)) r.Fail(copy + " lacks the masked PAN");
                if (aid == null) continue;
                if (!Contains(slip, aid)) r.Fail(copy + " lacks the AID " + aid);
                if (!Contains(slip, "TVR") || r.Tvr == null || !Contains(slip, r.Tvr)) r.Fail(copy + " lacks the TVR");
            }
        }

        private static bool Contains(string[] lines, string text)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i] != null && lines[i].IndexOf(text) >= 0) return true;
            }
            return false;
        }

        private static void Expect(SelfTestResult r, string what, string expected, string actual)
        {
            if (expected == actual) return;
            r.Fail(string.Concat(what, " ", Show(actual), " (expected ", Show(expected), ")"));
        }

        private static void Expect(SelfTestResult r, string what, long expected, long actual)
        {
            if (expected == actual) return;
            r.Fail(string.Concat(what, " ", actual.ToString(), " (expected ", expected.ToString(), ")"));
        }

        private static string Show(string value)
        {
            return value == null ? "none" : value;
        }

        private static string FirstWord(string text)
        {
            if (text == null) return "";
            text = text.Trim();
            int space = text.IndexOf(' ');
            return space < 0 ? text : text.Substring(0, space);
        }

        /// <summary>
        /// "PASS contact online approved (visa-online-host-approves): approved rc 00 approved-online TVR 0000000000
        /// CVM 1E0300; batch 1 net 1000 rev 0 adv 0; 35 ms", with "; why" after a FAIL.
        /// </summary>
        public static string Line(SelfTestResult r)
        {
            string head = string.Concat(r.Passed ? "PASS " : "FAIL ", r.Scenario.Name, " (", r.Scenario.Card + "): ");
            if (r.Outcome == null) return head + r.Failure;
            string line = string.Concat(head, r.Outcome, " rc ", Show(r.ResponseCode));
            if (r.Decision != null) line = string.Concat(line, " ", r.Decision, " TVR ", Show(r.Tvr)) + " CVM " + Show(r.Cvm);
            line = string.Concat(line, "; batch ", r.Counted.ToString(), " net ", r.Net.ToString())
                + string.Concat(" rev ", r.PendingReversals.ToString(), " adv ", r.PendingAdvices.ToString());
            line = string.Concat(line, "; ", r.Milliseconds.ToString(), " ms");
            return r.Passed ? line : string.Concat(line, "; ", r.Failure);
        }

        /// <summary>"self-test: 10 passed, 0 failed, 420 ms".</summary>
        public static string Summary(SelfTestReport report)
        {
            return string.Concat("self-test: ", report.Passed.ToString(), " passed, ", report.Failed.ToString() + " failed, ")
                + report.TotalMilliseconds.ToString() + " ms";
        }
    }
}
