namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Transaction Status Information, tag '9B', 2 bytes (EMV 4.4 Book 3, Annex C6, Table 47). Byte 2 is RFU.
    /// Bit codes are <c>(byte &lt;&lt; 8) | mask</c> (see <see cref="BitMappedDataObject"/>).
    /// </summary>
    public sealed class TransactionStatusInformation : BitMappedDataObject
    {
        /// <summary>Tag '9B'.</summary>
        public const int TagValue = 0x9B;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 2;

        /// <summary>B1b8 Offline data authentication was performed.</summary>
        public const int OfflineDataAuthenticationPerformed = 0x0180;
        /// <summary>B1b7 Cardholder verification was performed.</summary>
        public const int CardholderVerificationPerformed = 0x0140;
        /// <summary>B1b6 Card risk management was performed.</summary>
        public const int CardRiskManagementPerformed = 0x0120;
        /// <summary>B1b5 Issuer authentication was performed.</summary>
        public const int IssuerAuthenticationPerformed = 0x0110;
        /// <summary>B1b4 Terminal risk management was performed.</summary>
        public const int TerminalRiskManagementPerformed = 0x0108;
        /// <summary>B1b3 Script processing was performed.</summary>
        public const int ScriptProcessingPerformed = 0x0104;

        private static readonly string[] Names =
        {
            "Offline data authentication was performed",
            "Cardholder verification was performed",
            "Card risk management was performed",
            "Issuer authentication was performed",
            "Terminal risk management was performed",
            "Script processing was performed",
            null, null,
            null, null, null, null, null, null, null, null,
        };

        /// <summary>All bits clear.</summary>
        public TransactionStatusInformation() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 2-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public TransactionStatusInformation(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }
    }
}
