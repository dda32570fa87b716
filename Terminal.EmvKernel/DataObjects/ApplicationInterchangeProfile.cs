namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Application Interchange Profile, tag '82', 2 bytes (EMV 4.4 Book 3, Annex C1, Table 41; byte 1 b2 and
    /// byte 2 from the contactless books, C-2 Annex A). Bit codes are <c>(byte &lt;&lt; 8) | mask</c>.
    /// </summary>
    public sealed class ApplicationInterchangeProfile : BitMappedDataObject
    {
        /// <summary>Tag '82'.</summary>
        public const int TagValue = 0x82;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 2;

        /// <summary>B1b8 XDA supported (EMV 4.4).</summary>
        public const int XdaSupported = 0x0180;
        /// <summary>B1b7 SDA supported.</summary>
        public const int SdaSupported = 0x0140;
        /// <summary>B1b6 DDA supported.</summary>
        public const int DdaSupported = 0x0120;
        /// <summary>B1b5 Cardholder verification is supported.</summary>
        public const int CardholderVerificationSupported = 0x0110;
        /// <summary>B1b4 Terminal risk management is to be performed.</summary>
        public const int TerminalRiskManagementToBePerformed = 0x0108;
        /// <summary>B1b3 Issuer authentication is supported.</summary>
        public const int IssuerAuthenticationSupported = 0x0104;
        /// <summary>B1b2 On device cardholder verification is supported (contactless).</summary>
        public const int OnDeviceCardholderVerificationSupported = 0x0102;
        /// <summary>B1b1 CDA supported.</summary>
        public const int CdaSupported = 0x0101;
        /// <summary>B2b8 EMV mode is supported (C-2).</summary>
        public const int EmvModeSupported = 0x0280;
        /// <summary>B2b7 Mobile phone (C-2).</summary>
        public const int MobilePhone = 0x0240;
        /// <summary>B2b6 Contactless transaction (C-2).</summary>
        public const int ContactlessTransaction = 0x0220;
        /// <summary>B2b1 Relay Resistance Protocol is supported (C-2).</summary>
        public const int RelayResistanceProtocolSupported = 0x0201;

        private static readonly string[] Names =
        {
            "XDA supported",
            "SDA supported",
            "DDA supported",
            "Cardholder verification is supported",
            "Terminal risk management is to be performed",
            "Issuer authentication is supported",
            "On device cardholder verification is supported",
            "CDA supported",
            "EMV mode is supported (contactless)",
            "Mobile phone (contactless)",
            "Contactless transaction (contactless)",
            null, null, null, null,
            "Relay Resistance Protocol is supported (contactless)",
        };

        /// <summary>All bits clear.</summary>
        public ApplicationInterchangeProfile() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 2-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public ApplicationInterchangeProfile(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }
    }
}
