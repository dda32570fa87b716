namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Terminal Capabilities, tag '9F33', 3 bytes (EMV 4.4 Book 4, Annex A2, Tables 25-27): card data input,
    /// CVM and security capabilities. Bit codes are <c>(byte &lt;&lt; 8) | mask</c>.
    /// </summary>
    public sealed class TerminalCapabilities : BitMappedDataObject
    {
        /// <summary>Tag '9F33'.</summary>
        public const int TagValue = 0x9F33;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 3;

        /// <summary>B1b8 Manual key entry.</summary>
        public const int ManualKeyEntry = 0x0180;
        /// <summary>B1b7 Magnetic stripe.</summary>
        public const int MagneticStripe = 0x0140;
        /// <summary>B1b6 IC with contacts.</summary>
        public const int IcWithContacts = 0x0120;
        /// <summary>B2b8 Plaintext PIN for ICC verification.</summary>
        public const int PlaintextPinForIccVerification = 0x0280;
        /// <summary>B2b7 Enciphered PIN for online verification.</summary>
        public const int EncipheredPinOnline = 0x0240;
        /// <summary>B2b6 Signature (paper).</summary>
        public const int Signature = 0x0220;
        /// <summary>B2b5 Enciphered PIN for offline verification (RSA).</summary>
        public const int EncipheredPinOfflineRsa = 0x0210;
        /// <summary>B2b4 No CVM required.</summary>
        public const int NoCvmRequired = 0x0208;
        /// <summary>B2b3 Online biometric (EMV 4.4).</summary>
        public const int OnlineBiometric = 0x0204;
        /// <summary>B2b2 Offline biometric (EMV 4.4).</summary>
        public const int OfflineBiometric = 0x0202;
        /// <summary>B2b1 Enciphered PIN for offline verification (ECC, EMV 4.4).</summary>
        public const int EncipheredPinOfflineEcc = 0x0201;
        /// <summary>B3b8 SDA.</summary>
        public const int Sda = 0x0380;
        /// <summary>B3b7 DDA.</summary>
        public const int Dda = 0x0340;
        /// <summary>B3b6 Card capture.</summary>
        public const int CardCapture = 0x0320;
        /// <summary>B3b4 CDA.</summary>
        public const int Cda = 0x0308;
        /// <summary>B3b3 XDA (EMV 4.4).</summary>
        public const int Xda = 0x0304;

        private static readonly string[] Names =
        {
            "Manual key entry",
            "Magnetic stripe",
            "IC with contacts",
            null, null, null, null, null,
            "Plaintext PIN for ICC verification",
            "Enciphered PIN for online verification",
            "Signature (paper)",
            "Enciphered PIN for offline verification (RSA)",
            "No CVM required",
            "Online biometric",
            "Offline biometric",
            "Enciphered PIN for offline verification (ECC)",
            "SDA",
            "DDA",
            "Card capture",
            null,
            "CDA",
            "XDA",
            null, null,
        };

        /// <summary>All bits clear.</summary>
        public TerminalCapabilities() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 3-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public TerminalCapabilities(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }
    }
}
