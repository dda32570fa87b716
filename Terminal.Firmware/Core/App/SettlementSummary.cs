namespace Terminal.Firmware.Core.App
{
    /// <summary>The settlement notice the application shows and prints: "funds settled" with the totals, or the failure and its reason.</summary>
    public sealed class SettlementSummary
    {
        /// <summary>A notice; <paramref name="lines"/> are the totals or the reason (English, no card data).</summary>
        public SettlementSummary(bool fundsSettled, string[] lines)
        {
            FundsSettled = fundsSettled;
            Lines = lines == null ? new string[0] : lines;
        }

        /// <summary>True when the host confirmed the batch.</summary>
        public bool FundsSettled { get; private set; }

        /// <summary>Totals, or the failure reason.</summary>
        public string[] Lines { get; private set; }
    }
}
