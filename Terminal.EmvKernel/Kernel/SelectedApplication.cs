using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The application chosen by final selection (EMV 4.4 Book 1, 12.4) with its File Control Information:
    /// '6F' holding '84' DF name and 'A5' proprietary template ('50', '87', '9F38' PDOL, '5F2D', '9F11',
    /// '9F12', 'BF0C').
    /// </summary>
    public sealed class SelectedApplication
    {
        private readonly TlvList _fci;

        internal SelectedApplication(CandidateApplication candidate, byte[] fciBytes, TlvList fci)
        {
            Candidate = candidate;
            Fci = fciBytes;
            _fci = fci;
        }

        /// <summary>The candidate list entry that was selected.</summary>
        public CandidateApplication Candidate { get; private set; }

        /// <summary>The FCI as received (the SELECT response data).</summary>
        public byte[] Fci { get; private set; }

        /// <summary>DF name '84' from the FCI.</summary>
        public byte[] DfName
        {
            get { return _fci.FindValue(0x84); }
        }

        /// <summary>PDOL '9F38' from the FCI proprietary template, or null when the card has none.</summary>
        public byte[] Pdol
        {
            get { return FindProprietary(0x9F38); }
        }

        /// <summary>
        /// Copies the FCI items to the card data ('84', '50', '87', '9F38', '5F2D', '9F11', '9F12', 'BF0C') and
        /// sets '9F06' (AID - terminal) in the terminal data (Book 1, 12.4; Book 3, Annex A).
        /// </summary>
        public void StoreInto(CardData card, TerminalData terminal)
        {
            if (card == null) throw new System.ArgumentNullException("card");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            card.Set(0x84, DfName);
            int[] tags = { 0x50, 0x87, 0x9F38, 0x5F2D, 0x9F11, 0x9F12, 0xBF0C };
            for (int i = 0; i < tags.Length; i++)
            {
                byte[] value = FindProprietary(tags[i]);
                if (value != null) card.Set(tags[i], value);
            }
            terminal.Set(0x9F06, Candidate.TerminalAid.Aid);
        }

        private byte[] FindProprietary(int tag)
        {
            TlvObject a5 = _fci.Find(0xA5);
            return a5 == null ? null : a5.Children.FindValue(tag);
        }
    }
}
