namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// The PPSE FCI cannot be read: not BER-TLV, no '6F' template, no 'A5' or 'BF0C'. Combination selection
    /// treats it as an empty directory (Book B 3.3.2.3). Messages never hold card data.
    /// </summary>
    public sealed class PpseFormatException : System.Exception
    {
        /// <summary>Creates the exception with a short reason.</summary>
        public PpseFormatException(string detail, System.Exception inner) : base(string.Concat("PPSE FCI: ", detail), inner)
        {
        }
    }
}
