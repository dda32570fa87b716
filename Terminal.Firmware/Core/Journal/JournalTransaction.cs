namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// One transaction of the journal. The caller creates it (trace, kind, scheme, amount, currency, masked PAN,
    /// MTI, and the stored message) and hands it to <see cref="TransactionJournal.RecordRequest"/> or
    /// <see cref="TransactionJournal.RecordAdvice"/>; afterwards the journal owns it and only its state changes.
    /// The full PAN never appears here: only inside the stored message bytes (<see cref="Reversal"/>,
    /// <see cref="Advice"/>), which are the packed ISO 8583 messages the host must receive.
    /// </summary>
    public sealed class JournalTransaction
    {
        /// <summary>Creates a transaction to record.</summary>
        /// <param name="trace">DE 11 of the request, 1..999999 (from <see cref="TransactionJournal.ReserveTrace"/>).</param>
        /// <param name="kind">What it is (decides how it counts).</param>
        /// <param name="scheme">Card scheme.</param>
        /// <param name="amount">DE 4 amount in minor units, 0 or more.</param>
        /// <param name="currency">DE 49, 3 digits (e.g. "156", "978").</param>
        /// <param name="maskedPan">The PAN masked by <see cref="MaskPan"/> (first 6, last 4).</param>
        /// <param name="mti">MTI of the request, 4 digits (e.g. "0200").</param>
        public JournalTransaction(int trace, TransactionKind kind, CardScheme scheme, long amount, string currency, string maskedPan, string mti)
        {
            Trace = trace;
            Kind = kind;
            Scheme = scheme;
            Amount = amount;
            Currency = currency;
            MaskedPan = maskedPan;
            Mti = mti;
            OriginalTrace = -1;
        }

        /// <summary>DE 11 of the request.</summary>
        public int Trace { get; private set; }
        /// <summary>Batch the transaction belongs to (set by the journal when recorded).</summary>
        public int Batch { get; internal set; }
        /// <summary>What it is.</summary>
        public TransactionKind Kind { get; private set; }
        /// <summary>Card scheme.</summary>
        public CardScheme Scheme { get; private set; }
        /// <summary>Amount in minor units.</summary>
        public long Amount { get; private set; }
        /// <summary>DE 49 currency, 3 digits.</summary>
        public string Currency { get; private set; }
        /// <summary>Masked PAN (first 6, last 4 digits).</summary>
        public string MaskedPan { get; private set; }
        /// <summary>MTI of the request.</summary>
        public string Mti { get; private set; }
        /// <summary>Trace number of the transaction a void refers to; -1 when none.</summary>
        public int OriginalTrace { get; set; }
        /// <summary>Packed 0400 reversal, built before the request is sent (holds the PAN). Required by RecordRequest.</summary>
        public byte[] Reversal { get; set; }
        /// <summary>Packed 0220 advice (holds the PAN). Required by RecordAdvice.</summary>
        public byte[] Advice { get; set; }
        /// <summary>Current state (set by the journal).</summary>
        public TransactionState State { get; internal set; }
        /// <summary>DE 37 retrieval reference number of the answer, when known.</summary>
        public string Rrn { get; internal set; }
        /// <summary>DE 38 authorization code, when known.</summary>
        public string AuthorizationCode { get; internal set; }
        /// <summary>DE 39 response code of the answer (or Y1/Y3 offline), when known.</summary>
        public string ResponseCode { get; internal set; }
        /// <summary>Reason given when the reversal was armed (e.g. "98" no answer, "06" card declined), when known.</summary>
        public string ReversalReason { get; internal set; }

        /// <summary>True when the state is Approved, AdvicePending or Advised (the host counts it).</summary>
        public bool Counted
        {
            get { return State == TransactionState.Approved || State == TransactionState.AdvicePending || State == TransactionState.Advised; }
        }

        /// <summary>True when no further state change is expected (Approved, Declined, Reversed, Advised).</summary>
        public bool Final
        {
            get { return State == TransactionState.Approved || State == TransactionState.Declined || State == TransactionState.Reversed || State == TransactionState.Advised; }
        }

        /// <summary>
        /// The PAN with all but the first 6 and last 4 digits replaced by '*' (PCI display rule); a PAN of 10 digits
        /// or fewer is masked entirely.
        /// </summary>
        public static string MaskPan(string pan)
        {
            if (pan == null) throw new JournalException(JournalError.InvalidArgument, -1, "null PAN");
            return Terminal.EmvKernel.Util.PanMask.MaskDigits(pan);
        }

        internal JournalTransaction Clone()
        {
            JournalTransaction t = new JournalTransaction(Trace, Kind, Scheme, Amount, Currency, MaskedPan, Mti);
            t.Batch = Batch;
            t.OriginalTrace = OriginalTrace;
            t.Reversal = Reversal;
            t.Advice = Advice;
            t.State = State;
            t.Rrn = Rrn;
            t.AuthorizationCode = AuthorizationCode;
            t.ResponseCode = ResponseCode;
            t.ReversalReason = ReversalReason;
            return t;
        }
    }
}
