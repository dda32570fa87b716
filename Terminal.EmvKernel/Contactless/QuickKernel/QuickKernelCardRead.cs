using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// The result of the quick kernel's card phase (Book C-3: GPO and READ RECORD): everything the card said,
    /// gathered while it was in the field. When <see cref="CardReadComplete"/> is true the card may leave the
    /// field ("card read OK, remove card") and <see cref="QuickKernel.Complete"/> does the deferred work (fDDA
    /// RSA, restrictions, CVM, outcome) without the card. When false, <see cref="EarlyOutcome"/> says why the
    /// card phase ended early (a GPO status word, a card error, the card removed).
    /// </summary>
    public sealed class QuickKernelCardRead
    {
        internal QuickKernelCardRead(ApduTransport transport, TerminalData terminal, CardData card)
        {
            Transport = transport;
            Terminal = terminal;
            Card = card;
            TerminationStatusWord = -1;
        }

        /// <summary>The transport the card phase used (its trace is masked into the outcome).</summary>
        public ApduTransport Transport { get; private set; }

        /// <summary>The terminal data, with the TTQ '9F66' and the amounts the PDOL read.</summary>
        public TerminalData Terminal { get; private set; }

        /// <summary>The card data: FCI items, GPO response objects and the records read.</summary>
        public CardData Card { get; private set; }

        /// <summary>The PDOL-related data sent in GET PROCESSING OPTIONS (the value of '83'), or null before GPO.</summary>
        public byte[] PdolData { get; internal set; }

        /// <summary>The TTQ '9F66' as it was sent in the PDOL data (4 bytes), or null when GPO was not sent.</summary>
        public byte[] TtqSent { get; internal set; }

        /// <summary>The records read (READ RECORD commands answered '9000').</summary>
        public ApplicationData Records { get; internal set; }

        /// <summary>True when the card phase ended normally: the card may be removed, the rest is deferred.</summary>
        public bool CardReadComplete { get; internal set; }

        /// <summary>When <see cref="CardReadComplete"/> is false: the outcome the card phase already decided.</summary>
        public QuickKernelOutcome EarlyOutcome { get; internal set; }

        /// <summary>True when the outcome asks the cardholder to look at the phone (GPO '6986', Book C-3 / A: UI "see phone").</summary>
        public bool SeePhone { get; internal set; }

        /// <summary>When the card phase ended early: the kernel's reason (card removed, bad response, status word).</summary>
        public KernelTerminationReason TerminationReason { get; internal set; }

        /// <summary>When the card phase ended early: a short text without card data.</summary>
        public string TerminationDetail { get; internal set; }

        /// <summary>When the card phase ended on a status word: that status word; otherwise -1.</summary>
        public int TerminationStatusWord { get; internal set; }
    }
}
