namespace Terminal.EmvKernel.Kernel
{
    /// <summary>The terminal's transaction log as used for the split-sales part of the floor limit check (EMV 4.4 Book 3, 10.6.1).</summary>
    public interface ITransactionLog
    {
        /// <summary>
        /// The amount, in the minor units of the transaction currency, of the most recent approved transaction
        /// logged for Application PAN <paramref name="pan"/>; 0 when none is logged.
        /// </summary>
        long RecentApprovedAmount(byte[] pan);
    }
}
