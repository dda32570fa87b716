namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>What the host said about the terminal's totals in its 0510.</summary>
    public enum SettlementVerdict
    {
        /// <summary>Totals agree: the batch is closed.</summary>
        Balanced = 1,
        /// <summary>Totals differ: upload the batch (0320).</summary>
        NotBalanced = 2,
        /// <summary>Any other answer: settlement failed.</summary>
        Refused = 3,
    }
}
