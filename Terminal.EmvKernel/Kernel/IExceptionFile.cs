namespace Terminal.EmvKernel.Kernel
{
    /// <summary>The terminal exception file (hot list) checked by terminal risk management (EMV 4.4 Book 3, 10.6.1 / Book 4).</summary>
    public interface IExceptionFile
    {
        /// <summary>
        /// True when the card with Application PAN <paramref name="pan"/> ('5A') and PAN Sequence Number
        /// <paramref name="psn"/> ('5F34', null when the card has none) is on the exception file.
        /// </summary>
        bool Contains(byte[] pan, byte[] psn);
    }
}
