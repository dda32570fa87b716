namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Terminal Transaction Qualifiers, tag '9F66', 4 bytes (EMV Contactless Book A, 5.7, Table 5-4; Book C-3
    /// Annex A): reader capabilities and per-transaction requirements sent to the card in the PDOL.
    /// Byte 2 b8-b7 are transient (set by Entry Point pre-processing, Book B 3.1.1). Bits the C-6/C-7 books
    /// add are left RFU here. Bit codes are <c>(byte &lt;&lt; 8) | mask</c>.
    /// </summary>
    public sealed class TerminalTransactionQualifiers : BitMappedDataObject
    {
        /// <summary>Tag '9F66'.</summary>
        public const int TagValue = 0x9F66;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 4;

        /// <summary>B1b8 Mag-stripe mode supported.</summary>
        public const int MagStripeModeSupported = 0x0180;
        /// <summary>B1b6 EMV mode supported.</summary>
        public const int EmvModeSupported = 0x0120;
        /// <summary>B1b5 EMV contact chip supported.</summary>
        public const int EmvContactChipSupported = 0x0110;
        /// <summary>B1b4 Offline-only reader.</summary>
        public const int OfflineOnlyReader = 0x0108;
        /// <summary>B1b3 Online PIN supported.</summary>
        public const int OnlinePinSupported = 0x0104;
        /// <summary>B1b2 Signature supported.</summary>
        public const int SignatureSupported = 0x0102;
        /// <summary>B1b1 Offline Data Authentication for Online Authorizations supported.</summary>
        public const int OdaForOnlineAuthorizationsSupported = 0x0101;
        /// <summary>B2b8 Online cryptogram required (transient).</summary>
        public const int OnlineCryptogramRequired = 0x0280;
        /// <summary>B2b7 CVM required (transient).</summary>
        public const int CvmRequired = 0x0240;
        /// <summary>B2b6 (Contact Chip) Offline PIN supported.</summary>
        public const int ContactChipOfflinePinSupported = 0x0220;
        /// <summary>B3b8 Issuer Update Processing supported.</summary>
        public const int IssuerUpdateProcessingSupported = 0x0380;
        /// <summary>B3b7 Consumer Device CVM supported.</summary>
        public const int ConsumerDeviceCvmSupported = 0x0340;
        /// <summary>B3b4 Consumer Device CVM required.</summary>
        public const int ConsumerDeviceCvmRequired = 0x0308;
        /// <summary>B4b8 fDDA v1.0 supported (C-7).</summary>
        public const int FddaVersion1Supported = 0x0480;

        private static readonly string[] Names =
        {
            "Mag-stripe mode supported", null, "EMV mode supported", "EMV contact chip supported",
            "Offline-only reader", "Online PIN supported", "Signature supported",
            "Offline Data Authentication for Online Authorizations supported",
            "Online cryptogram required", "CVM required", "(Contact Chip) Offline PIN supported", null, null, null, null, null,
            "Issuer Update Processing supported", "Consumer Device CVM supported", null, null, "Consumer Device CVM required", null, null, null,
            "fDDA v1.0 supported", null, null, null, null, null, null, null,
        };

        /// <summary>All bits clear.</summary>
        public TerminalTransactionQualifiers() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 4-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public TerminalTransactionQualifiers(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }
    }
}
