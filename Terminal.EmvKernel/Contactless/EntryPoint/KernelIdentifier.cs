namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// Kernel identifiers as Entry Point compares them (EMV Contactless Book B, 3.3.2.5 and Table 3-6). An
    /// identifier is an int: a one-byte kernel ID (byte 1 b8-b7 = 00 or 01) is that byte, e.g. 2, 3, 7; a
    /// domestic kernel ID (b8-b7 = 10 or 11) is its first three bytes, big-endian (above 0x7FFFFF). 0 means
    /// "any kernel" (requested kernel ID zero).
    /// </summary>
    public static class KernelIdentifier
    {
        /// <summary>Requested kernel ID zero: the directory entry accepts any kernel of a matching combination.</summary>
        public const int Any = 0;
        /// <summary>The requested kernel ID is unusable (a domestic ID shorter than 3 bytes, or short ID 0): the entry is skipped.</summary>
        public const int Invalid = -1;

        /// <summary>Kernel 1.</summary>
        public const int Kernel1 = 1;
        /// <summary>Kernel 2 (Book C-2 style).</summary>
        public const int Kernel2 = 2;
        /// <summary>Kernel 3 (Book C-3 style).</summary>
        public const int Kernel3 = 3;
        /// <summary>Kernel 4.</summary>
        public const int Kernel4 = 4;
        /// <summary>Kernel 5.</summary>
        public const int Kernel5 = 5;
        /// <summary>Kernel 6.</summary>
        public const int Kernel6 = 6;
        /// <summary>Kernel 7.</summary>
        public const int Kernel7 = 7;

        // Book B Table 3-6, default kernel per RID, as listed in the reference notes (emv-kernel.md 4.4).
        // The Discover RID is marked [K] there.
        private static readonly byte[][] Rids =
        {
            new byte[] { 0xA0, 0x00, 0x00, 0x00, 0x04 },
            new byte[] { 0xA0, 0x00, 0x00, 0x00, 0x03 },
            new byte[] { 0xA0, 0x00, 0x00, 0x00, 0x25 },
            new byte[] { 0xA0, 0x00, 0x00, 0x00, 0x65 },
            new byte[] { 0xA0, 0x00, 0x00, 0x01, 0x52 },
            new byte[] { 0xA0, 0x00, 0x00, 0x03, 0x33 },
        };
        private static readonly int[] RidKernels = { Kernel2, Kernel3, Kernel4, Kernel5, Kernel6, Kernel7 };

        /// <summary>
        /// The Requested Kernel ID of a directory entry (Book B 3.3.2.5): from '9F2A' when present and its first byte is not zero,
        /// otherwise the default for the ADF name's RID (<see cref="DefaultForAdfName"/>). Returns
        /// <see cref="Invalid"/> when the value cannot name a kernel.
        /// </summary>
        public static int Requested(byte[] kernelIdentifier, byte[] adfName)
        {
            // Absent, empty, or a first byte '00' (kernel ID 0 names no kernel): the default for the RID.
            if (kernelIdentifier == null || kernelIdentifier.Length == 0 || kernelIdentifier[0] == 0)
            {
                return DefaultForAdfName(adfName);
            }
            int type = kernelIdentifier[0] & 0xC0;
            if (type == 0x00 || type == 0x40)
            {
                // International or EMVCo kernel: byte 1 is the Requested Kernel ID.
                return kernelIdentifier[0];
            }
            // Domestic kernel: bytes 1-3; short kernel ID 0 is proprietary, out of scope.
            if (kernelIdentifier.Length < 3 || (kernelIdentifier[0] & 0x3F) == 0) return Invalid;
            return (kernelIdentifier[0] << 16) | (kernelIdentifier[1] << 8) | kernelIdentifier[2];
        }

        /// <summary>Book B Table 3-6: the default kernel for the RID of <paramref name="adfName"/>; <see cref="Any"/> for an unlisted RID [K].</summary>
        public static int DefaultForAdfName(byte[] adfName)
        {
            if (adfName == null || adfName.Length < 5) return Any;
            for (int i = 0; i < Rids.Length; i++)
            {
                byte[] rid = Rids[i];
                bool same = true;
                for (int j = 0; j < 5; j++)
                {
                    if (adfName[j] != rid[j]) { same = false; break; }
                }
                if (same) return RidKernels[i];
            }
            return Any;
        }
    }
}
