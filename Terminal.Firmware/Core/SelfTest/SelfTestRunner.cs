using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// The on-device self-test (issue 7 item 7): the conformance scenarios (<see cref="SelfTestScenario.All"/>)
    /// through the real kernel - <see cref="ContactTransaction"/> for inserted cards, <see cref="EntryPointProcess"/>
    /// with the quick kernel for taps - on the reference terminal (<see cref="ReferenceTerminal"/>), with virtual
    /// cards personalised from the embedded library profiles and an in-memory issuer (<see cref="SelfTestHost"/>).
    /// Each scenario passes when its decision, TVR and CVM Results are its card's statement. Prints one line per
    /// scenario with the time of the transaction, then a summary. The same code runs on the device (serial console)
    /// and in the PC test suite, so both give the same verdicts.
    /// </summary>
    public sealed class SelfTestRunner
    {
        /// <summary>Transaction date of the scenarios (YYMMDD): the library's reference date, 2026-06-15.</summary>
        public static readonly byte[] TransactionDate = { 0x26, 0x06, 0x15 };

        private readonly ICryptoProvider _crypto;
        private readonly IRandomSource _random;
        private readonly IMonotonicClock _clock;
        private readonly KernelConfiguration _configuration;
        private readonly CaPublicKeyStore _caKeys;

        /// <summary>Creates the runner with the platform's crypto, random source and clock.</summary>
        public SelfTestRunner(ICryptoProvider crypto, IRandomSource random, IMonotonicClock clock)
        {
            if (crypto == null || random == null || clock == null) throw new System.ArgumentNullException("crypto", "crypto, random and clock are required");
            _crypto = crypto;
            _random = random;
            _clock = clock;
            _configuration = ReferenceTerminal.Configuration();
            _caKeys = new CaPublicKeyStore(CaPublicKeySet.Test, crypto);
            CaKeyFile.Load(SelfTestCards.KeyFile("pki/test-ca-keys.txt"), _caKeys);
        }

        /// <summary>Runs every scenario, writing to <paramref name="output"/>.</summary>
        public SelfTestReport RunAll(ISelfTestOutput output)
        {
            SelfTestScenario[] all = SelfTestScenario.All();
            SelfTestReport report = new SelfTestReport();
            output.WriteLine("self-test: " + all.Length + " scenarios (TEST cards and keys)");
            for (int i = 0; i < all.Length; i++)
            {
                SelfTestResult r = Run(all[i]);
                report.Add(r);
                output.WriteLine(Line(r));
            }
            output.WriteLine("self-test: " + report.Passed + " passed, " + report.Failed + " failed");
            return report;
        }

        /// <summary>Runs one scenario.</summary>
        public SelfTestResult Run(SelfTestScenario scenario)
        {
            SelfTestResult r = new SelfTestResult();
            r.Scenario = scenario;
            try
            {
                string text = SelfTestCards.Profile(scenario.Card);
                if (text == null) throw new System.ArgumentException("no embedded card " + scenario.Card, "scenario");
                CardProfile profile = CardProfile.Parse(text);
                CardImage image = Personaliser.Personalise(profile, new EmbeddedPkiFiles(), _crypto);
                VirtualCard card = new VirtualCard(image, _random, _crypto);
                string mode = profile.Card.Text("host");
                if (mode == null || mode.Length == 0) mode = "approve";
                SelfTestHost host = new SelfTestHost((CardApplication)image.Applications[0], mode, _crypto);
                long start = _clock.NowMilliseconds;
                TransactionOutcome outcome = scenario.Contactless ? Tap(card, host, scenario) : Insert(card, host, scenario);
                r.Milliseconds = _clock.NowMilliseconds - start;
                Check(r, profile, outcome);
            }
            catch (System.Exception e)
            {
                // A scenario must end in a verdict, whatever went wrong (a defect shows as a failure with its message).
                r.Passed = false;
                r.Failure = "error: " + e.Message;
            }
            return r;
        }

        private TransactionOutcome Insert(VirtualCard card, SelfTestHost host, SelfTestScenario scenario)
        {
            ContactTransaction kernel = new ContactTransaction(_configuration, _caKeys, _random);
            kernel.Cardholder = new SelfTestPinPad(scenario.Pin);
            kernel.Host = host;
            return kernel.Run(card, Request(scenario));
        }

        private TransactionOutcome Tap(VirtualCard card, SelfTestHost host, SelfTestScenario scenario)
        {
            SilentContactlessUi ui = new SilentContactlessUi();
            QuickKernelActivation kernel = new QuickKernelActivation(new QuickKernelConfiguration(_caKeys), _configuration.Terminal, ui);
            EntryPointProcess process = new EntryPointProcess(ReferenceTerminal.ContactlessCombinations(), new SelfTestTap(card), ui, _random);
            process.AddKernel(KernelIdentifier.Kernel3, kernel);
            process.AddKernel(KernelIdentifier.Kernel7, kernel);
            EntryPointResult result = process.Start(Request(scenario));
            if (result.Outcome.Outcome == ContactlessOutcome.OnlineRequest && kernel.LastResult != null && kernel.LastResult.AuthorisationData != null)
            {
                OnlineResponse answer = host.Authorise(kernel.LastResult.AuthorisationData);
                bool approved = answer != null && answer.Approved;
                // Book C-3: the online outcome is the host's; no answer is a decline for the quick kernel (Z3).
                return kernel.LastResult.CompleteOnline(approved, answer != null ? answer.AuthorisationResponseCode : new byte[] { 0x5A, 0x33 });
            }
            return kernel.LastTransaction;
        }

        private static TransactionRequest Request(SelfTestScenario scenario)
        {
            TransactionRequest request = new TransactionRequest(scenario.Amount, Bytes.Copy(TransactionDate), new byte[] { 0x12, 0x00, 0x00 });
            request.SequenceCounter = 1;
            return request;
        }

        private static void Check(SelfTestResult r, CardProfile profile, TransactionOutcome outcome)
        {
            if (outcome == null)
            {
                r.Failure = "no transaction outcome";
                return;
            }
            r.Decision = OutcomeNames.Of(outcome.Decision);
            r.Tvr = outcome.Tvr == null ? "" : Hex.Encode(outcome.Tvr);
            r.Cvm = outcome.CvmResults == null ? "" : Hex.Encode(outcome.CvmResults);
            string decision = FirstWord(profile.Card.Text("decision"));
            string tvr = FirstWord(profile.Card.Text("tvr"));
            string cvm = FirstWord(profile.Card.Text("cvm-result"));
            string failure = "";
            if (r.Decision != decision) failure = failure + " decision " + r.Decision + " (statement " + decision + ")";
            if (tvr.Length > 0 && r.Tvr != tvr) failure = failure + " TVR " + r.Tvr + " (statement " + tvr + ")";
            if (cvm.Length > 0 && r.Cvm != cvm) failure = failure + " CVM " + r.Cvm + " (statement " + cvm + ")";
            r.Passed = failure.Length == 0;
            r.Failure = r.Passed ? null : failure.Trim();
        }

        private static string FirstWord(string text)
        {
            if (text == null) return "";
            text = text.Trim();
            int space = text.IndexOf(' ');
            return space < 0 ? text : text.Substring(0, space);
        }

        /// <summary>"PASS contact offline PIN: approved-offline TVR 0000000000 CVM 410302, 123 ms".</summary>
        public static string Line(SelfTestResult r)
        {
            string head = (r.Passed ? "PASS " : "FAIL ") + r.Scenario.Name + " (" + r.Scenario.Card + ")";
            if (r.Decision == null) return head + ": " + r.Failure;
            string line = head + ": " + r.Decision + " TVR " + r.Tvr + " CVM " + r.Cvm + ", " + r.Milliseconds.ToString() + " ms";
            return r.Passed ? line : line + "; " + r.Failure;
        }
    }
}
