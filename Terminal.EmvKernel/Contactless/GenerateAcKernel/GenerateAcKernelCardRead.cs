using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The result of the M/Chip-style kernel's card phase (Book C-2: GPO, relay resistance, READ RECORD, RECOVER AC
    /// or GENERATE AC): everything the card said while it was in the field, and the terminal's decisions that went
    /// into GENERATE AC (TVR, CVM Results, the cryptogram asked for). When <see cref="CardReadComplete"/> is true the
    /// card may leave the field and <see cref="GenerateAcKernel.Complete"/> does the deferred work (CDA RSA,
    /// outcome) without the card; otherwise <see cref="EarlyOutcome"/> says why the card phase ended early.
    /// </summary>
    public sealed class GenerateAcKernelCardRead
    {
        internal GenerateAcKernelCardRead(ApduTransport transport, TerminalData terminal, CardData card, PreProcessingIndicators indicators)
        {
            Transport = transport;
            Terminal = terminal;
            Card = card;
            Indicators = indicators;
            TerminationStatusWord = -1;
            Cvm = OutcomeCvm.NoCvm;
        }

        /// <summary>The transport the card phase used (its trace is masked into the outcome).</summary>
        public ApduTransport Transport { get; private set; }

        /// <summary>
        /// The terminal data of the transaction: amounts, '9F37', TVR '95', TSI '9B', CVM Results '9F34', '9F33'. After a
        /// recovery it is the torn transaction's data (the cryptogram was computed over it).
        /// </summary>
        public TerminalData Terminal { get; internal set; }

        /// <summary>The card data: FCI items, GPO response, records, relay resistance data and the GENERATE AC (or RECOVER AC) answer.</summary>
        public CardData Card { get; private set; }

        /// <summary>Entry Point's pre-processing indicators for this combination (CVM required limit, floor limit).</summary>
        public PreProcessingIndicators Indicators { get; private set; }

        /// <summary>The PDOL data sent in GET PROCESSING OPTIONS ('83' value; empty without PDOL), or null before GPO.</summary>
        public byte[] PdolData { get; internal set; }

        /// <summary>The records read.</summary>
        public ApplicationData Records { get; internal set; }

        /// <summary>True when relay resistance was performed (TVR B5b2-b1 = 10).</summary>
        public bool RelayResistancePerformed { get; internal set; }

        /// <summary>The CVM chosen before GENERATE AC (Book A outcome CVM).</summary>
        public OutcomeCvm Cvm { get; internal set; }

        /// <summary>The first GENERATE AC (or RECOVER AC) result, or null when it was not answered.</summary>
        public GenerateAcResult GenerateAc { get; internal set; }

        /// <summary>True when the cryptogram came from RECOVER AC for a torn transaction of this card.</summary>
        public bool Recovered { get; internal set; }

        /// <summary>The torn record this card phase created (card removed during GENERATE AC), or null.</summary>
        public TornTransactionRecord TornRecordCreated { get; internal set; }

        /// <summary>
        /// Torn records that left the log during this card phase without being recovered (evicted from a full log,
        /// expired, or refused by the card's RECOVER AC): transactions of unknown result for the POS to log and clear.
        /// </summary>
        public TornTransactionRecord[] TornRecordsReleased { get; internal set; }

        /// <summary>True when the card phase ended normally: the card may be removed, the rest is deferred.</summary>
        public bool CardReadComplete { get; internal set; }

        /// <summary>When <see cref="CardReadComplete"/> is false: the outcome the card phase already decided.</summary>
        public GenerateAcKernelOutcome EarlyOutcome { get; internal set; }

        /// <summary>When the card phase ended early: the kernel's reason (card removed, bad response, status word).</summary>
        public KernelTerminationReason TerminationReason { get; internal set; }

        /// <summary>When the card phase ended early: a short text without card data.</summary>
        public string TerminationDetail { get; internal set; }

        /// <summary>When the card phase ended on a status word: that status word; otherwise -1.</summary>
        public int TerminationStatusWord { get; internal set; }
    }
}
