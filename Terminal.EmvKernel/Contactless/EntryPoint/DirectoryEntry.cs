using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// One Directory Entry '61' of the PPSE FCI (EMV Contactless Book B, 3.3.2, Table 3-4): ADF Name '4F',
    /// Application Label '50', Application Priority Indicator '87', Kernel Identifier '9F2A' and Extended
    /// Selection '9F29'. <see cref="Index"/> is its position in the FCI.
    /// </summary>
    public sealed class DirectoryEntry
    {
        private readonly byte[] _adfName;
        private readonly byte[] _label;
        private readonly byte[] _kernelIdentifier;
        private readonly byte[] _extendedSelection;

        /// <summary>An entry; arrays are copied, null for absent. <paramref name="priority"/> is the '87' byte or -1.</summary>
        public DirectoryEntry(int index, byte[] adfName, byte[] label, int priority, byte[] kernelIdentifier, byte[] extendedSelection)
        {
            Index = index;
            _adfName = Bytes.Copy(adfName);
            _label = Bytes.Copy(label);
            Priority = priority;
            _kernelIdentifier = Bytes.Copy(kernelIdentifier);
            _extendedSelection = Bytes.Copy(extendedSelection);
        }

        /// <summary>Position of the entry in the PPSE FCI (0 first).</summary>
        public int Index { get; private set; }

        /// <summary>ADF Name '4F' (a copy), or null when absent.</summary>
        public byte[] AdfName { get { return Bytes.Copy(_adfName); } }

        /// <summary>Application Label '50' (a copy), or null.</summary>
        public byte[] Label { get { return Bytes.Copy(_label); } }

        /// <summary>Application Priority Indicator '87' (the whole byte), or -1 when absent or not one byte.</summary>
        public int Priority { get; private set; }

        /// <summary>Kernel Identifier '9F2A' (a copy), or null.</summary>
        public byte[] KernelIdentifierValue { get { return Bytes.Copy(_kernelIdentifier); } }

        /// <summary>Extended Selection '9F29' (a copy), or null.</summary>
        public byte[] ExtendedSelection { get { return Bytes.Copy(_extendedSelection); } }

        /// <summary>True when the ADF name is present and 5 to 16 bytes long (Book B 3.3.2.5).</summary>
        public bool HasValidAdfName { get { return _adfName != null && _adfName.Length >= 5 && _adfName.Length <= 16; } }

        /// <summary>The ADF name without copying, for the selection code of this namespace.</summary>
        internal byte[] AdfNameRef { get { return _adfName; } }

        /// <summary>The Requested Kernel ID (<see cref="KernelIdentifier.Requested"/>).</summary>
        public int RequestedKernelId { get { return KernelIdentifier.Requested(_kernelIdentifier, _adfName); } }
    }
}
