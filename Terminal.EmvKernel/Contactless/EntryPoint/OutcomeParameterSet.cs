namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// The Outcome Parameter Set a kernel (or Entry Point itself) hands to outcome processing (EMV Contactless
    /// Book A, 6.2; Book B 3.5): the outcome, the restart point, the CVM, the UI requests on outcome and on
    /// restart, the Data Record (EMV data for the authorisation or clearing, TLV), Discretionary Data, the
    /// alternate interface, the Field Off Request and the removal timeout.
    /// </summary>
    public sealed class OutcomeParameterSet
    {
        /// <summary>No Field Off Request.</summary>
        public const int NoFieldOffRequest = -1;

        /// <summary>An outcome with every other parameter N/A (Start N/A, no UI requests, no data, no field off).</summary>
        public OutcomeParameterSet(ContactlessOutcome outcome)
        {
            Outcome = outcome;
            Start = StartPoint.NotApplicable;
            FieldOffRequest = NoFieldOffRequest;
        }

        /// <summary>The outcome.</summary>
        public ContactlessOutcome Outcome { get; set; }

        /// <summary>Where Entry Point restarts, N/A for none.</summary>
        public StartPoint Start { get; set; }

        /// <summary>Online Response Data: what the POS hands back when it restarts after the online response.</summary>
        public OnlineResponseDataKind OnlineResponseData { get; set; }

        /// <summary>The CVM.</summary>
        public OutcomeCvm Cvm { get; set; }

        /// <summary>The UI request to show with the outcome, or null.</summary>
        public UiRequest UiRequestOnOutcome { get; set; }

        /// <summary>The UI request to show when Entry Point restarts, or null.</summary>
        public UiRequest UiRequestOnRestart { get; set; }

        /// <summary>Data Record: the EMV data (BER-TLV) for the authorisation request or clearing, or null.</summary>
        public byte[] DataRecord { get; set; }

        /// <summary>Discretionary Data (BER-TLV), or null.</summary>
        public byte[] DiscretionaryData { get; set; }

        /// <summary>The alternate interface preference (Try Another Interface).</summary>
        public AlternateInterface AlternateInterface { get; set; }

        /// <summary>A receipt is required.</summary>
        public bool Receipt { get; set; }

        /// <summary>Field Off Request: hold time in 100 ms units (0 to 254), or <see cref="NoFieldOffRequest"/>.</summary>
        public int FieldOffRequest { get; set; }

        /// <summary>Removal Timeout in 100 ms units (0 = none).</summary>
        public int RemovalTimeout { get; set; }

        /// <summary>
        /// The 8-byte encoding of Book C-2's Outcome Parameter Set 'DF8129' (reference notes 4.2; default value
        /// F0 F0 F0 F0 00 F0 FF 00). C-2 defines Online Response Data only as N/A, so byte 3 is always 'F0'.
        /// The CVM and alternate interface codes are marked [K] (unverified) in the notes.
        /// </summary>
        public byte[] ToC2Encoding()
        {
            byte[] b = new byte[8];
            b[0] = (byte)(StatusCode(Outcome) << 4);
            b[1] = (byte)(StartCode(Start) << 4);
            b[2] = 0xF0;
            b[3] = (byte)(CvmCode(Cvm) << 4);
            int flags = 0;
            if (UiRequestOnOutcome != null) flags |= 0x80;
            if (UiRequestOnRestart != null) flags |= 0x40;
            if (DataRecord != null) flags |= 0x20;
            if (DiscretionaryData != null) flags |= 0x10;
            if (Receipt) flags |= 0x08;
            b[4] = (byte)flags;
            b[5] = (byte)(AlternateCode(AlternateInterface) << 4);
            b[6] = FieldOffRequest < 0 || FieldOffRequest > 0xFE ? (byte)0xFF : (byte)FieldOffRequest;
            b[7] = (byte)(RemovalTimeout < 0 ? 0 : (RemovalTimeout > 0xFF ? 0xFF : RemovalTimeout));
            return b;
        }

        private static int StatusCode(ContactlessOutcome o)
        {
            switch (o)
            {
                case ContactlessOutcome.Approved: return 1;
                case ContactlessOutcome.Declined: return 2;
                case ContactlessOutcome.OnlineRequest: return 3;
                case ContactlessOutcome.EndApplication: return 4;
                case ContactlessOutcome.SelectNext: return 5;
                case ContactlessOutcome.TryAnotherInterface: return 6;
                case ContactlessOutcome.TryAgain: return 7;
                default: return 0xF;
            }
        }

        private static int StartCode(StartPoint s)
        {
            switch (s)
            {
                case StartPoint.A: return 0;
                case StartPoint.B: return 1;
                case StartPoint.C: return 2;
                case StartPoint.D: return 3;
                default: return 0xF;
            }
        }

        private static int CvmCode(OutcomeCvm c)
        {
            switch (c)
            {
                case OutcomeCvm.NoCvm: return 0;
                case OutcomeCvm.ObtainSignature: return 1;
                case OutcomeCvm.OnlinePin: return 2;
                case OutcomeCvm.ConfirmationCodeVerified: return 3;
                default: return 0xF;
            }
        }

        private static int AlternateCode(AlternateInterface a)
        {
            switch (a)
            {
                case AlternateInterface.ContactChip: return 1;
                case AlternateInterface.Magstripe: return 2;
                default: return 0xF;
            }
        }
    }
}
