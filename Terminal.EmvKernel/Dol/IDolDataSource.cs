using Terminal.EmvKernel.Dictionary;

namespace Terminal.EmvKernel.Dol
{
    /// <summary>
    /// Where DOL building takes data element values from (the kernel wires the TLV store and the data
    /// dictionary behind it).
    /// </summary>
    public interface IDolDataSource
    {
        /// <summary>
        /// The current value of the data element, or null when it is absent, unknown to the terminal, or
        /// not applicable to this transaction (EMV 4.4 Book 3, 5.4: all of these are sent as zeros).
        /// The array is only read.
        /// </summary>
        byte[] Get(int tag);

        /// <summary>The element's format (EMV 4.4 Book 3, 4.3); decides padding and truncation.</summary>
        DataFormat FormatOf(int tag);
    }
}
