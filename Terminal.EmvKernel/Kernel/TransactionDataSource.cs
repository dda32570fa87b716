using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Dol;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The DOL data source of a transaction: terminal data first, then card data (Book 3, 5.4: a DOL may name
    /// data the terminal holds from either side, such as '8A', '91' or '9F4C').
    /// </summary>
    public sealed class TransactionDataSource : IDolDataSource
    {
        private readonly TerminalData _terminal;
        private readonly CardData _card;

        /// <summary>The source over the transaction's two stores.</summary>
        public TransactionDataSource(TerminalData terminal, CardData card)
        {
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (card == null) throw new System.ArgumentNullException("card");
            _terminal = terminal;
            _card = card;
        }

        /// <summary>The terminal's value of <paramref name="tag"/>, else the card's, else null.</summary>
        public byte[] Get(int tag)
        {
            byte[] v = _terminal.Get(tag);
            return v ?? _card.Get(tag);
        }

        /// <summary>The dictionary format of <paramref name="tag"/>.</summary>
        public DataFormat FormatOf(int tag)
        {
            return EmvDictionary.FormatOf(tag);
        }
    }
}
