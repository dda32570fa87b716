namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// Builds a receipt's text lines from a <see cref="TransactionRecord"/>. The application calls it at one place
    /// (<see cref="TerminalApplication"/> printing); <see cref="Terminal.Firmware.Core.Receipt.SlipReceipt"/> gives the market layout of
    /// Core/Receipt.
    /// </summary>
    public interface IReceiptBuilder
    {
        /// <summary>The lines of the merchant copy (<paramref name="merchantCopy"/>) or the customer copy; a reprint is marked duplicate.</summary>
        string[] Build(TransactionRecord record, bool merchantCopy, bool duplicate);
    }
}
