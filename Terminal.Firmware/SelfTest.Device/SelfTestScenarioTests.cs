using nanoFramework.TestFramework;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.SelfTest;

namespace Terminal.Firmware.SelfTest.Device
{
    /// <summary>
    /// The self-test scenarios (Terminal.Firmware/Core/SelfTest) as nanoFramework unit tests, one test method per
    /// scenario, for QA who run the nanoFramework test adapter (virtual nanoCLR or a board over serial). Written
    /// against nanoFramework.TestFramework 3.0.x as listed in ../shared/reference/nanoframework-api; not compiled in
    /// this repository's CI (README.md).
    /// </summary>
    [TestClass]
    public class SelfTestScenarioTests
    {
        private static SelfTestRunner _runner;
        private static SelfTestScenario[] _scenarios;

        /// <summary>Builds the runner once: portable crypto, the device's random source and clock.</summary>
        [Setup]
        public void CreateRunner()
        {
            _runner = new SelfTestRunner(new PortableCryptoProvider(), new PlatformRandomSource(), new UtcMillisecondClock());
            _scenarios = SelfTestScenario.All();
        }

        /// <summary>Contact, plaintext offline PIN, offline approval.</summary>
        [TestMethod]
        public void ContactOfflinePin()
        {
            Check(0);
        }

        /// <summary>Contact, DDA, signature, offline approval.</summary>
        [TestMethod]
        public void ContactDdaOffline()
        {
            Check(1);
        }

        /// <summary>Contact, card goes online, issuer approves.</summary>
        [TestMethod]
        public void ContactOnlineApproved()
        {
            Check(2);
        }

        /// <summary>Contact, card goes online, issuer declines.</summary>
        [TestMethod]
        public void ContactOnlineDeclined()
        {
            Check(3);
        }

        /// <summary>Contact, host unreachable, default action.</summary>
        [TestMethod]
        public void ContactHostUnreachable()
        {
            Check(4);
        }

        /// <summary>Contactless qVSDC online, issuer approves.</summary>
        [TestMethod]
        public void ContactlessOnline()
        {
            Check(5);
        }

        /// <summary>Contactless qVSDC offline with fDDA.</summary>
        [TestMethod]
        public void ContactlessOfflineFdda()
        {
            Check(6);
        }

        /// <summary>The whole run prints its lines and passes.</summary>
        [TestMethod]
        public void WholeRunPasses()
        {
            SelfTestReport report = _runner.RunAll(new OutputHelperLines());
            Assert.AreEqual(_scenarios.Length, report.Passed);
            Assert.AreEqual(0, report.Failed);
        }

        private static void Check(int index)
        {
            SelfTestResult r = _runner.Run(_scenarios[index]);
            string line = SelfTestRunner.Line(r);
            OutputHelper.WriteLine(line);
            Assert.IsTrue(r.Passed, line);
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
