using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// The result of final selection (EMV Contactless Book B, 3.3.3): the candidate, the kernel to activate and
    /// the FCI the card returned to the SELECT of the ADF (handed to the kernel, Book B 3.4).
    /// </summary>
    public sealed class SelectedCombination
    {
        private readonly byte[] _fci;

        internal SelectedCombination(ContactlessCandidate candidate, int kernelId, byte[] fci)
        {
            Candidate = candidate;
            KernelId = kernelId;
            _fci = Bytes.Copy(fci);
        }

        /// <summary>The candidate selected.</summary>
        public ContactlessCandidate Candidate { get; private set; }

        /// <summary>The combination selected.</summary>
        public ContactlessCombination Combination { get { return Candidate.Combination; } }

        /// <summary>The kernel to activate (the combination's, or kernel 1 under Book B 3.3.3.6).</summary>
        public int KernelId { get; private set; }

        /// <summary>The ADF name of the directory entry (a copy).</summary>
        public byte[] AdfName { get { return Candidate.Entry.AdfName; } }

        /// <summary>The SELECT response data (the FCI), a copy.</summary>
        public byte[] Fci { get { return Bytes.Copy(_fci); } }

        /// <summary>The FCI parsed, or null when it is not BER-TLV (the kernel decides what that means).</summary>
        public TlvList ParsedFci
        {
            get
            {
                if (_fci == null || _fci.Length == 0) return null;
                try
                {
                    return TlvParser.Parse(_fci);
                }
                catch (TlvException)
                {
                    return null;
                }
            }
        }

        /// <summary>
        /// The PDOL '9F38' of the FCI (inside '6F' / 'A5'), or null when absent or the FCI is unreadable.
        /// </summary>
        public byte[] Pdol
        {
            get
            {
                TlvList fci = ParsedFci;
                TlvObject template = fci == null ? null : fci.FindTopLevel(0x6F);
                TlvObject a5 = template == null ? null : template.Children.FindTopLevel(0xA5);
                TlvObject pdol = a5 == null ? null : a5.Children.FindTopLevel(0x9F38);
                return pdol == null || pdol.IsConstructed ? null : pdol.CopyValue();
            }
        }
    }
}
