namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The six action codes of Terminal Action Analysis (Book 3, 10.7): the Issuer Action Codes read from the card
    /// (null when absent) and the Terminal Action Codes of the AID (null when not configured), 5 bytes each.
    /// </summary>
    public sealed class ActionCodes
    {
        /// <summary>Issuer Action Code - Denial ('9F0E'), or null.</summary>
        public byte[] IacDenial { get; set; }

        /// <summary>Issuer Action Code - Online ('9F0F'), or null.</summary>
        public byte[] IacOnline { get; set; }

        /// <summary>Issuer Action Code - Default ('9F0D'), or null.</summary>
        public byte[] IacDefault { get; set; }

        /// <summary>Terminal Action Code - Denial, or null.</summary>
        public byte[] TacDenial { get; set; }

        /// <summary>Terminal Action Code - Online, or null.</summary>
        public byte[] TacOnline { get; set; }

        /// <summary>Terminal Action Code - Default, or null.</summary>
        public byte[] TacDefault { get; set; }

        /// <summary>The codes with the IACs taken from <paramref name="card"/> and the given TACs.</summary>
        public static ActionCodes From(CardData card, byte[] tacDenial, byte[] tacOnline, byte[] tacDefault)
        {
            if (card == null) throw new System.ArgumentNullException("card");
            ActionCodes codes = new ActionCodes();
            codes.IacDenial = card.Get(TerminalActionAnalysis.IacDenialTag);
            codes.IacOnline = card.Get(TerminalActionAnalysis.IacOnlineTag);
            codes.IacDefault = card.Get(TerminalActionAnalysis.IacDefaultTag);
            codes.TacDenial = tacDenial;
            codes.TacOnline = tacOnline;
            codes.TacDefault = tacDefault;
            return codes;
        }
    }
}
