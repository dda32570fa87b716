using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// An entry of Entry Point's candidate list (EMV Contactless Book B, 3.3.2.5): the directory entry, the
    /// matching combination and its indicators, the kernel and the Extended Selection to append when the
    /// combination supports it.
    /// </summary>
    public sealed class ContactlessCandidate
    {
        internal ContactlessCandidate(DirectoryEntry entry, PreProcessingIndicators indicators, int combinationIndex)
        {
            Entry = entry;
            Indicators = indicators;
            CombinationIndex = combinationIndex;
            byte[] extended = entry.ExtendedSelection;
            _extendedSelection = indicators.Combination.ExtendedSelectionSupported && extended != null && extended.Length > 0 ? extended : null;
        }

        private readonly byte[] _extendedSelection;

        /// <summary>The PPSE directory entry.</summary>
        public DirectoryEntry Entry { get; private set; }

        /// <summary>The combination's pre-processing indicators (and through them the combination).</summary>
        public PreProcessingIndicators Indicators { get; private set; }

        /// <summary>The combination.</summary>
        public ContactlessCombination Combination { get { return Indicators.Combination; } }

        /// <summary>The kernel to activate: the combination's kernel ID.</summary>
        public int KernelId { get { return Indicators.Combination.KernelId; } }

        /// <summary>Position of the combination in the pre-processing result (tie-break after PPSE order).</summary>
        public int CombinationIndex { get; private set; }

        /// <summary>Extended Selection '9F29' to append to the ADF name, or null (not present or not supported).</summary>
        public byte[] ExtendedSelection { get { return Bytes.Copy(_extendedSelection); } }

        /// <summary>The name the final SELECT sends: ADF name, followed by the Extended Selection when used (Book B 3.3.3.3).</summary>
        public byte[] SelectName
        {
            get { return _extendedSelection == null ? Entry.AdfName : Bytes.Concat(Entry.AdfNameRef, _extendedSelection); }
        }

        /// <summary>
        /// Priority rank (Book B 3.3.3.2): the low nibble of the Application Priority Indicator, 1 highest; 0 or
        /// an absent indicator ranks lowest (16).
        /// </summary>
        public int Rank
        {
            get
            {
                int nibble = Entry.Priority < 0 ? 0 : Entry.Priority & 0x0F;
                return nibble == 0 ? 16 : nibble;
            }
        }

        /// <summary>True when this candidate comes before <paramref name="other"/>: rank, then PPSE order, then combination order.</summary>
        internal bool Precedes(ContactlessCandidate other)
        {
            if (Rank != other.Rank) return Rank < other.Rank;
            if (Entry.Index != other.Entry.Index) return Entry.Index < other.Entry.Index;
            return CombinationIndex < other.CombinationIndex;
        }
    }
}
