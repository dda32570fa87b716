namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// One entry of the terminal's list of supported applications (EMV 4.4 Book 1, 12.3.1): the AID and its
    /// Application Selection Indicator, which says whether a card ADF name longer than the AID may match it.
    /// </summary>
    public sealed class TerminalAid
    {
        /// <summary>An AID of 5 to 16 bytes; <paramref name="partialMatchAllowed"/> is the ASI.</summary>
        public TerminalAid(byte[] aid, bool partialMatchAllowed)
        {
            if (aid == null || aid.Length < 5 || aid.Length > 16)
                throw new System.ArgumentException("a terminal AID has 5 to 16 bytes (Book 1, 12.2.1)", "aid");
            Aid = aid;
            PartialMatchAllowed = partialMatchAllowed;
        }

        /// <summary>The AID (RID and PIX).</summary>
        public byte[] Aid { get; private set; }

        /// <summary>ASI: true when a longer ADF name beginning with the AID matches (Book 1, 12.3.1).</summary>
        public bool PartialMatchAllowed { get; private set; }

        /// <summary>
        /// True when the card's ADF name matches: equal (exact), or longer and beginning with the AID when
        /// partial matching is allowed (Book 1, 12.3.1).
        /// </summary>
        public bool Matches(byte[] adfName)
        {
            if (adfName == null || adfName.Length < Aid.Length) return false;
            if (adfName.Length > Aid.Length && !PartialMatchAllowed) return false;
            return IsPrefixOf(adfName);
        }

        /// <summary>True when <paramref name="adfName"/> begins with (or equals) the AID.</summary>
        public bool IsPrefixOf(byte[] adfName)
        {
            if (adfName == null || adfName.Length < Aid.Length) return false;
            for (int i = 0; i < Aid.Length; i++)
            {
                if (adfName[i] != Aid[i]) return false;
            }
            return true;
        }
    }
}
