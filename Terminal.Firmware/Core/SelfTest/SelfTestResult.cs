using System.Collections;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>The result on the terminal, as the self-test names it (from <see cref="TransactionRecord"/>).</summary>
    public static class SelfTestOutcome
    {
        /// <summary>Approved (online, offline or with signature).</summary>
        public const string Approved = "approved";
        /// <summary>The host declined (DE 39 not "00").</summary>
        public const string DeclinedByHost = "declined-by-host";
        /// <summary>The card or the terminal declined.</summary>
        public const string DeclinedByCard = "declined-by-card";
        /// <summary>No answer from the host and no offline approval.</summary>
        public const string HostUnavailable = "host-unavailable";
        /// <summary>The card could not be read or processed.</summary>
        public const string CardError = "card-error";
        /// <summary>No application the terminal supports, or the card is blocked.</summary>
        public const string CardNotSupported = "card-not-supported";
        /// <summary>Cancelled, or a timeout (amount, card, PIN).</summary>
        public const string Cancelled = "cancelled";
        /// <summary>Any other decline.</summary>
        public const string Declined = "declined";

        /// <summary>The outcome of <paramref name="r"/>.</summary>
        public static string Of(TransactionRecord r)
        {
            if (r == null) return null;
            if (r.Approved) return Approved;
            MessageId reason = r.Reason;
            if (reason == MessageId.DeclinedByHost) return DeclinedByHost;
            if (reason == MessageId.DeclinedByCard) return DeclinedByCard;
            if (reason == MessageId.HostUnavailable) return HostUnavailable;
            if (reason == MessageId.CardError || reason == MessageId.CardRemoved) return CardError;
            if (reason == MessageId.CardNotSupported) return CardNotSupported;
            if (reason == MessageId.Cancelled || reason == MessageId.PinTimeout || reason == MessageId.CardTimeout) return Cancelled;
            return Declined;
        }
    }

    /// <summary>What one scenario gave, and whether it was what the scenario expects.</summary>
    public sealed class SelfTestResult
    {
        private readonly ArrayList _failures = new ArrayList();

        /// <summary>A result for <paramref name="scenario"/>.</summary>
        public SelfTestResult(SelfTestScenario scenario)
        {
            Scenario = scenario;
        }

        /// <summary>The scenario.</summary>
        public SelfTestScenario Scenario { get; private set; }

        /// <summary>True when every expectation held (and the run reached a result).</summary>
        public bool Passed
        {
            get { return Outcome != null && _failures.Count == 0; }
        }

        /// <summary>The result on the terminal (<see cref="SelfTestOutcome"/>), or null when the run failed before one.</summary>
        public string Outcome { get; internal set; }

        /// <summary>The response code on the terminal, or null.</summary>
        public string ResponseCode { get; internal set; }

        /// <summary>The kernel decision, or null (swipe, or no kernel run).</summary>
        public string Decision { get; internal set; }

        /// <summary>TVR hex, or null.</summary>
        public string Tvr { get; internal set; }

        /// <summary>CVM Results hex, or null.</summary>
        public string Cvm { get; internal set; }

        /// <summary>Receipt slips printed.</summary>
        public int Slips { get; internal set; }

        /// <summary>Transactions the journal counts in the open batch afterwards.</summary>
        public int Counted { get; internal set; }

        /// <summary>Net amount of the open batch afterwards, minor units.</summary>
        public long Net { get; internal set; }

        /// <summary>Reversals pending in the journal afterwards.</summary>
        public int PendingReversals { get; internal set; }

        /// <summary>Advices pending in the journal afterwards.</summary>
        public int PendingAdvices { get; internal set; }

        /// <summary>
        /// Time of the transaction on the platform's clock, ms: from the card presented to the result shown and the
        /// receipt printed (the cashier flow, kernel, card, host link and acquirer; not the card's personalisation).
        /// </summary>
        public long Milliseconds { get; internal set; }

        /// <summary>Number of failed expectations.</summary>
        public int FailureCount
        {
            get { return _failures.Count; }
        }

        /// <summary>Why it failed ("expected ... got ..." items joined by "; "), or null when it passed.</summary>
        public string Failure
        {
            get
            {
                if (_failures.Count == 0) return Outcome == null ? "no result" : null;
                string all = (string)_failures[0];
                for (int i = 1; i < _failures.Count; i++) all = string.Concat(all, "; ", (string)_failures[i]);
                return all;
            }
        }

        /// <summary>Records a failed expectation (no card data or PIN in <paramref name="text"/>).</summary>
        internal void Fail(string text)
        {
            _failures.Add(text);
        }
    }

    /// <summary>The whole self-test run.</summary>
    public sealed class SelfTestReport
    {
        private readonly ArrayList _results = new ArrayList();

        /// <summary>Number of scenarios run.</summary>
        public int Count
        {
            get { return _results.Count; }
        }

        /// <summary>The result at <paramref name="index"/>, in run order.</summary>
        public SelfTestResult ResultAt(int index)
        {
            return (SelfTestResult)_results[index];
        }

        /// <summary>Scenarios that passed.</summary>
        public int Passed { get; private set; }

        /// <summary>Scenarios that failed.</summary>
        public int Failed { get; private set; }

        /// <summary>Sum of the scenarios' transaction times, ms.</summary>
        public long TotalMilliseconds { get; private set; }

        /// <summary>True when every scenario passed.</summary>
        public bool AllPassed
        {
            get { return Failed == 0 && Passed > 0; }
        }

        internal void Add(SelfTestResult r)
        {
            _results.Add(r);
            TotalMilliseconds += r.Milliseconds;
            if (r.Passed) Passed++;
            else Failed++;
        }
    }
}
