using nanoFramework.TestFramework;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.SelfTest;

namespace Terminal.Firmware.SelfTest.Device
{
    /// <summary>
    /// The self-test scenarios (Terminal.Firmware/Core/SelfTest) as nanoFramework unit tests, one test method per
    /// scenario of <see cref="SelfTestScenario.All"/>, for QA who run the nanoFramework test adapter (virtual nanoCLR
    /// or a board over serial). Each scenario is a sale through the firmware application (keypad, readers, host link
    /// to the in-memory acquirer, journal, receipt) checked against its expectations; the runner's PASS/FAIL line with
    /// the transaction time goes to the test output. Written against nanoFramework.TestFramework 3.0.x as listed in
    /// ../shared/reference/nanoframework-api; not compiled in this repository's CI (README.md).
    /// </summary>
    [TestClass]
    public class SelfTestScenarioTests
    {
        private static SelfTestRunner _runner;

        /// <summary>Builds the runner once: portable crypto, the device's random source and clock.</summary>
        [Setup]
        public void CreateRunner()
        {
            _runner = new SelfTestRunner(new PortableCryptoProvider(), new PlatformRandomSource(), new UtcMillisecondClock());
        }

        /// <summary>Contact, plaintext offline PIN typed at the prompt, offline approval and its advice.</summary>
        [TestMethod]
        public void ContactOfflinePin()
        {
            Check("contact offline PIN");
        }

        /// <summary>Contact, DDA, signature, offline approval and its advice.</summary>
        [TestMethod]
        public void ContactDdaOffline()
        {
            Check("contact DDA offline");
        }

        /// <summary>Contact, card goes online, the acquirer approves with an ARPC, counted.</summary>
        [TestMethod]
        public void ContactOnlineApproved()
        {
            Check("contact online approved");
        }

        /// <summary>Contact, card goes online, the acquirer declines (05), not counted.</summary>
        [TestMethod]
        public void ContactOnlineDeclined()
        {
            Check("contact online declined");
        }

        /// <summary>Contact, no connection: default action, offline approval (Y3), no reversal.</summary>
        [TestMethod]
        public void ContactHostUnreachable()
        {
            Check("contact host unreachable");
        }

        /// <summary>Contact, the request goes out and no answer comes: the reversal stays pending in the journal.</summary>
        [TestMethod]
        public void ContactHostDownLeavesReversalPending()
        {
            Check("contact host down");
        }

        /// <summary>Contactless qVSDC online, the acquirer approves.</summary>
        [TestMethod]
        public void ContactlessOnline()
        {
            Check("contactless online");
        }

        /// <summary>Contactless qVSDC offline with fDDA.</summary>
        [TestMethod]
        public void ContactlessOfflineFdda()
        {
            Check("contactless offline fDDA");
        }

        /// <summary>Contactless qVSDC online, the acquirer declines (51).</summary>
        [TestMethod]
        public void ContactlessDeclinedByHost()
        {
            Check("contactless declined by host");
        }

        /// <summary>Magstripe-only card swiped, authorised online.</summary>
        [TestMethod]
        public void MagstripeOnline()
        {
            Check("magstripe online");
        }

        /// <summary>Card pulled out of the slot during selection: card error, no receipt, nothing journaled.</summary>
        [TestMethod]
        public void ContactCardPulledOut()
        {
            Check("contact card pulled out");
        }

        /// <summary>The whole run prints its lines and passes.</summary>
        [TestMethod]
        public void WholeRunPasses()
        {
            SelfTestReport report = _runner.RunAll(new OutputHelperLines());
            Assert.AreEqual(SelfTestScenario.All().Length, report.Passed);
            Assert.AreEqual(0, report.Failed);
        }

        /// <summary>The runner can fail: an issuer that does not know the card's key declines, and the scenario that expected an approval fails.</summary>
        [TestMethod]
        public void ArqcRejectedByTheIssuerIsReportedAsFail()
        {
            SelfTestScenario s = Find("contact online approved");
            s.IssuerKey = Hex.Decode("00112233445566778899AABBCCDDEEFF");
            SelfTestResult r = _runner.Run(s);
            OutputHelper.WriteLine(SelfTestRunner.Line(r));
            Assert.IsFalse(r.Passed);
            Assert.AreEqual(SelfTestOutcome.DeclinedByHost, r.Outcome);
        }

        private static void Check(string name)
        {
            SelfTestResult r = _runner.Run(Find(name));
            string line = SelfTestRunner.Line(r);
            OutputHelper.WriteLine(line);
            Assert.IsTrue(r.Passed, line);
        }

        private static SelfTestScenario Find(string name)
        {
            SelfTestScenario[] all = SelfTestScenario.All();
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Name == name) return all[i];
            }
            Assert.IsTrue(false, "no scenario " + name);
            return null;
        }

        private sealed class OutputHelperLines : ISelfTestOutput
        {
            public void WriteLine(string line)
            {
                OutputHelper.WriteLine(line);
            }
        }
    }
}
