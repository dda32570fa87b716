using System.Collections;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>What one scenario gave.</summary>
    public sealed class SelfTestResult
    {
        /// <summary>The scenario.</summary>
        public SelfTestScenario Scenario { get; internal set; }

        /// <summary>True when decision, TVR and CVM Results are the card's statement.</summary>
        public bool Passed { get; internal set; }

        /// <summary>The decision reached (approved-offline, ...), or null when the run failed before one.</summary>
        public string Decision { get; internal set; }

        /// <summary>TVR, hex, or null.</summary>
        public string Tvr { get; internal set; }

        /// <summary>CVM Results, hex, or null.</summary>
        public string Cvm { get; internal set; }

        /// <summary>Why it failed (expected against actual, or the error), or null.</summary>
        public string Failure { get; internal set; }

        /// <summary>Time of the transaction (kernel and host, not the card's personalisation), ms.</summary>
        public long Milliseconds { get; internal set; }
    }

    /// <summary>The whole self-test run.</summary>
    public sealed class SelfTestReport
    {
        private readonly ArrayList _results = new ArrayList();

        /// <summary>Number of scenarios run.</summary>
        public int Count { get { return _results.Count; } }

        /// <summary>The result at <paramref name="index"/>, in run order.</summary>
        public SelfTestResult ResultAt(int index)
        {
            return (SelfTestResult)_results[index];
        }

        /// <summary>Scenarios that passed.</summary>
        public int Passed { get; private set; }

        /// <summary>Scenarios that failed.</summary>
        public int Failed { get; private set; }

        /// <summary>True when every scenario passed.</summary>
        public bool AllPassed { get { return Failed == 0 && Passed > 0; } }

        internal void Add(SelfTestResult r)
        {
            _results.Add(r);
            if (r.Passed) Passed++;
            else Failed++;
        }
    }
}
