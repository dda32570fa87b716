using Terminal.EmvKernel.Apdu;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The one result of a contact transaction (Book 3, 10.11 and Book 4, 6.3.8): the decision and its
    /// machine-readable reason, TVR, TSI and CVM Results, the cryptogram, the data for the authorisation, advice or
    /// reversal message (<see cref="AuthorisationData"/>, the only place the full PAN is kept), the data for the
    /// receipt (<see cref="Get"/> refuses PAN-bearing tags) and the APDU trace with the PAN masked and no PIN.
    /// </summary>
    public sealed class TransactionOutcome
    {
        private static readonly int[] PanBearingTags = { 0x5A, 0x57, 0x56, 0x9F6B, 0x9F1F, 0x9F20 };

        private readonly TagValueStore _terminal;
        private readonly TagValueStore _card;

        internal TransactionOutcome(TransactionDecision decision, OutcomeReason reason, TagValueStore terminal, TagValueStore card,
            ApduTrace maskedTrace)
        {
            Decision = decision;
            Reason = reason;
            _terminal = terminal;
            _card = card;
            Trace = maskedTrace;
            TerminationStatusWord = -1;
        }

        /// <summary>The decision.</summary>
        public TransactionDecision Decision { get; private set; }

        /// <summary>Why.</summary>
        public OutcomeReason Reason { get; private set; }

        /// <summary>When <see cref="Decision"/> is Terminated: the kernel's reason; otherwise 0.</summary>
        public KernelTerminationReason TerminationReason { get; internal set; }

        /// <summary>When terminated: a short text without card data.</summary>
        public string TerminationDetail { get; internal set; }

        /// <summary>When terminated on a status word: that status word; otherwise -1.</summary>
        public int TerminationStatusWord { get; internal set; }

        /// <summary>
        /// True when the host approved but the transaction did not end approved (card AAC at the second GENERATE AC,
        /// CDA failure, card removed after the answer): the firmware must send a reversal.
        /// </summary>
        public bool ReversalRequired { get; internal set; }

        /// <summary>True when an authorisation request was handed to the host.</summary>
        public bool WentOnline { get; internal set; }

        /// <summary>The offline approval must be reported to the host as an advice (CID b4 "advice required", Book 3, 6.5.5.4).</summary>
        public bool AdviceRequired { get; internal set; }

        /// <summary>TVR '95' (5 bytes) at the end of the transaction.</summary>
        public byte[] Tvr { get { return Value(_terminal, 0x95); } }

        /// <summary>TSI '9B' (2 bytes) at the end of the transaction.</summary>
        public byte[] Tsi { get { return Value(_terminal, 0x9B); } }

        /// <summary>CVM Results '9F34' (3 bytes), or null when cardholder verification was not reached.</summary>
        public byte[] CvmResults { get { return Value(_terminal, 0x9F34); } }

        /// <summary>The last Application Cryptogram '9F26', or null.</summary>
        public byte[] ApplicationCryptogram { get { return Value(_card, 0x9F26); } }

        /// <summary>The last Cryptogram Information Data '9F27', or null.</summary>
        public byte[] Cid { get { return Value(_card, 0x9F27); } }

        /// <summary>Authorisation Response Code '8A' (2 bytes an: "Y1", "Z1", "Y3", "Z3" or the host's code), or null.</summary>
        public byte[] Arc { get { return Value(_terminal, 0x8A); } }

        /// <summary>Issuer Script Results '9F5B', or null when no script was received.</summary>
        public byte[] IssuerScriptResults { get { return Value(_terminal, 0x9F5B); } }

        /// <summary>
        /// The data for the authorisation request, the advice or the reversal: field 55 and the PAN fields.
        /// Null when the session ended before a cryptogram was generated.
        /// </summary>
        public OnlineRequest AuthorisationData { get; internal set; }

        /// <summary>The PAN masked (first 6, last 4 digits), from '5A' or else the leading digits of '57'; or null.</summary>
        public string MaskedPan
        {
            get { return _card == null ? null : Util.PanMask.MaskPacked(_card.Get(0x5A) ?? _card.Get(0x57)); }
        }

        /// <summary>The APDU trace, PAN masked and PIN data zeroed.</summary>
        public ApduTrace Trace { get; private set; }

        /// <summary>
        /// A data element of the transaction (terminal data first, then card data) for the receipt or display;
        /// null when absent. PAN-bearing tags ('5A', '57', '56', '9F6B', track discretionary data) are refused
        /// (null): they are only in <see cref="AuthorisationData"/>.
        /// </summary>
        public byte[] Get(int tag)
        {
            for (int i = 0; i < PanBearingTags.Length; i++)
            {
                if (PanBearingTags[i] == tag) return null;
            }
            byte[] v = Value(_terminal, tag);
            return v ?? Value(_card, tag);
        }

        private static byte[] Value(TagValueStore store, int tag)
        {
            if (store == null) return null;
            return Util.Bytes.Copy(store.Get(tag));
        }
    }
}
