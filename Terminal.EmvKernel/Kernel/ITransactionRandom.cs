namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The random number of terminal risk management's random transaction selection (EMV 4.4 Book 3, 10.6.2).
    /// </summary>
    public interface ITransactionRandom
    {
        /// <summary>A number drawn uniformly from 1 to 99 inclusive.</summary>
        int NextPercent();
    }
}
