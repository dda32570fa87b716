namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>ISO/IEC 9797-1 padding methods used by EMV application cryptograms and MACs.</summary>
    public enum PaddingMethod
    {
        /// <summary>Method 1: append '00' bytes up to a multiple of 8 (none when already a multiple).</summary>
        Method1 = 1,
        /// <summary>Method 2: append '80' then '00' bytes up to a multiple of 8 (always at least one byte).</summary>
        Method2 = 2
    }
}
