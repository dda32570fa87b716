using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// The reader's configuration for one combination of AID and kernel (EMV Contactless Book B, 3.1 and
    /// Table 5-2 "Entry Point configuration data"): the limits and flags Entry Point pre-processing reads and the
    /// TTQ base value handed to the kernel. Amounts are minor units of the transaction currency; a limit of -1 is
    /// absent. A combination may be restricted to one Transaction Type ('9C'); -1 serves every type.
    /// </summary>
    public sealed class ContactlessCombination
    {
        /// <summary>No limit configured.</summary>
        public const long Absent = -1;

        private readonly byte[] _aid;
        private byte[] _ttq;

        /// <summary>
        /// A combination of <paramref name="aid"/> (5 to 16 bytes; a PPSE ADF name equal to it or beginning with it
        /// matches, Book B 3.3.2.5) and <paramref name="kernelId"/> (see <see cref="KernelIdentifier"/>), with
        /// every limit absent, every flag off and an all-zero TTQ.
        /// </summary>
        public ContactlessCombination(byte[] aid, int kernelId)
        {
            if (aid == null || aid.Length < 5 || aid.Length > 16) throw new System.ArgumentException("an AID is 5 to 16 bytes", "aid");
            if (kernelId <= 0) throw new System.ArgumentOutOfRangeException("kernelId", "a combination names a kernel (identifier above 0)");
            _aid = Bytes.Copy(aid);
            KernelId = kernelId;
            TransactionType = -1;
            TransactionLimit = Absent;
            FloorLimit = Absent;
            TerminalFloorLimit = Absent;
            CvmRequiredLimit = Absent;
            _ttq = new byte[TerminalTransactionQualifiers.ValueLength];
        }

        /// <summary>The AID of the combination (a copy).</summary>
        public byte[] Aid { get { return Bytes.Copy(_aid); } }

        /// <summary>The kernel of the combination (<see cref="KernelIdentifier"/> form).</summary>
        public int KernelId { get; private set; }

        /// <summary>The Transaction Type ('9C') this configuration serves, or -1 for every type.</summary>
        public int TransactionType { get; set; }

        /// <summary>Reader Contactless Transaction Limit: an amount at or over it is not allowed (Book B 3.1.1.5); -1 absent.</summary>
        public long TransactionLimit { get; set; }

        /// <summary>Reader Contactless Floor Limit: an amount over it needs an online cryptogram (Book B 3.1.1.6); -1 absent.</summary>
        public long FloorLimit { get; set; }

        /// <summary>Terminal Floor Limit '9F1B', used when the reader floor limit is absent (Book B 3.1.1.7); -1 absent.</summary>
        public long TerminalFloorLimit { get; set; }

        /// <summary>Reader CVM Required Limit: an amount at or over it needs a CVM (Book B 3.1.1.8); -1 absent.</summary>
        public long CvmRequiredLimit { get; set; }

        /// <summary>Status Check Support flag (Book B 3.1.1.3).</summary>
        public bool StatusCheckSupported { get; set; }

        /// <summary>Zero Amount Allowed flag; false means a zero amount is not allowed (Book B 3.1.1.4).</summary>
        public bool ZeroAmountAllowed { get; set; }

        /// <summary>Extended Selection Support flag: '9F29' of the directory entry is appended to the SELECT (Book B 3.3.3.3).</summary>
        public bool ExtendedSelectionSupported { get; set; }

        /// <summary>The configured TTQ '9F66' (4 bytes, a copy); the base of each transaction's copy (Book B 3.1.1.2).</summary>
        public byte[] Ttq
        {
            get { return Bytes.Copy(_ttq); }
            set
            {
                if (value == null || value.Length != TerminalTransactionQualifiers.ValueLength) throw new System.ArgumentException("the TTQ is 4 bytes", "value");
                _ttq = Bytes.Copy(value);
            }
        }

        /// <summary>True when this configuration serves Transaction Type <paramref name="type"/>.</summary>
        public bool Serves(int type)
        {
            return TransactionType < 0 || TransactionType == type;
        }

        /// <summary>True when <paramref name="adfName"/> equals the AID or begins with it (Book B 3.3.2.5, partial match).</summary>
        public bool MatchesAdfName(byte[] adfName)
        {
            if (adfName == null || adfName.Length < _aid.Length) return false;
            for (int i = 0; i < _aid.Length; i++)
            {
                if (adfName[i] != _aid[i]) return false;
            }
            return true;
        }
    }
}
