namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// One entry of the candidate list (EMV 4.4 Book 1, 12.3): the card's ADF name, the terminal AID it matched,
    /// label '50', preferred name '9F12' and Application Priority Indicator '87' (b8: cardholder confirmation
    /// required; b4-b1: priority 1 highest to 15, 0 none).
    /// </summary>
    public sealed class CandidateApplication
    {
        /// <summary>Creates a candidate; <paramref name="priorityIndicator"/> is -1 when the card gave no '87'.</summary>
        public CandidateApplication(byte[] adfName, TerminalAid terminalAid, byte[] label, byte[] preferredName, int priorityIndicator)
        {
            AdfName = adfName;
            TerminalAid = terminalAid;
            Label = label;
            PreferredName = preferredName;
            PriorityIndicator = priorityIndicator;
        }

        /// <summary>ADF name ('4F' or '84') as given by the card.</summary>
        public byte[] AdfName { get; private set; }

        /// <summary>The terminal AID it matched (becomes '9F06').</summary>
        public TerminalAid TerminalAid { get; private set; }

        /// <summary>Application Label '50', or null.</summary>
        public byte[] Label { get; private set; }

        /// <summary>Application Preferred Name '9F12', or null.</summary>
        public byte[] PreferredName { get; private set; }

        /// <summary>Application Priority Indicator '87' byte, or -1 when absent.</summary>
        public int PriorityIndicator { get; private set; }

        /// <summary>Priority 1 (highest) to 15; 0 when none (Book 1, 12.2.3, table 13).</summary>
        public int Priority
        {
            get { return PriorityIndicator < 0 ? 0 : PriorityIndicator & 0x0F; }
        }

        /// <summary>'87' b8: the application cannot be selected without cardholder confirmation.</summary>
        public bool RequiresConfirmation
        {
            get { return PriorityIndicator >= 0 && (PriorityIndicator & 0x80) != 0; }
        }

        /// <summary>Sort rank: priorities 1-15 first in order, no priority (0) last (Book 1, 12.4).</summary>
        internal int Rank
        {
            get { return Priority == 0 ? 16 : Priority; }
        }
    }
}
