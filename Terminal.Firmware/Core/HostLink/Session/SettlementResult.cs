namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>What <see cref="HostSession.Settle"/> returns: the report (data) and the notice (text to show and print).</summary>
    public sealed class SettlementResult
    {
        internal SettlementResult(SettlementReport report)
        {
            Report = report;
            Notice = SettlementNotice.For(report);
        }

        /// <summary>True when the batch was settled and closed.</summary>
        public bool Settled
        {
            get { return Report.Settled; }
        }

        /// <summary>The settlement report.</summary>
        public SettlementReport Report { get; private set; }

        /// <summary>The outcome notice ("funds settled" or the failure and its reason).</summary>
        public SettlementNotice Notice { get; private set; }
    }
}
