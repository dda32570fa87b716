using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Dol;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Terminal-sourced data objects of one transaction (9F02 amount, 9F1A country, 9F33 capabilities, 9F37
    /// unpredictable number, 95 TVR, ...). It is the <see cref="IDolDataSource"/> the kernel builds DOL data
    /// from, formats taken from <see cref="EmvDictionary.FormatOf"/> (EMV 4.4 Book 3, 5.4).
    /// </summary>
    public sealed class TerminalData : TagValueStore, IDolDataSource
    {
        /// <inheritdoc />
        public DataFormat FormatOf(int tag)
        {
            return EmvDictionary.FormatOf(tag);
        }
    }
}
