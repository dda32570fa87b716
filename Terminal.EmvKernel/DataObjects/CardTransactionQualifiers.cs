namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Card Transaction Qualifiers, tag '9F6C', 2 bytes (EMV Contactless Book C-3, Annex A): the card's CVM
    /// requirements and issuer preferences for a qVSDC transaction. Bit codes are <c>(byte &lt;&lt; 8) | mask</c>.
    /// </summary>
    public sealed class CardTransactionQualifiers : BitMappedDataObject
    {
        /// <summary>Tag '9F6C'.</summary>
        public const int TagValue = 0x9F6C;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 2;

        /// <summary>B1b8 Online PIN Required.</summary>
        public const int OnlinePinRequired = 0x0180;
        /// <summary>B1b7 Signature Required.</summary>
        public const int SignatureRequired = 0x0140;
        /// <summary>B1b6 Go Online if Offline Data Authentication Fails and Reader is online capable.</summary>
        public const int GoOnlineIfOdaFails = 0x0120;
        /// <summary>B1b5 Switch Interface if Offline Data Authentication fails and Reader supports contact chip.</summary>
        public const int SwitchInterfaceIfOdaFails = 0x0110;
        /// <summary>B1b4 Go Online if Application Expired.</summary>
        public const int GoOnlineIfApplicationExpired = 0x0108;
        /// <summary>B1b3 Switch Interface for Cash Transactions.</summary>
        public const int SwitchInterfaceForCash = 0x0104;
        /// <summary>B1b2 Switch Interface for Cashback Transactions.</summary>
        public const int SwitchInterfaceForCashback = 0x0102;
        /// <summary>B1b1 Not valid for contactless ATM transactions.</summary>
        public const int NotValidForContactlessAtm = 0x0101;
        /// <summary>B2b8 Consumer Device CVM Performed.</summary>
        public const int ConsumerDeviceCvmPerformed = 0x0280;
        /// <summary>B2b7 Card supports Issuer Update Processing at the POS.</summary>
        public const int IssuerUpdateProcessingSupported = 0x0240;

        private static readonly string[] Names =
        {
            "Online PIN Required",
            "Signature Required",
            "Go Online if Offline Data Authentication Fails and Reader is online capable",
            "Switch Interface if Offline Data Authentication fails and Reader supports contact chip",
            "Go Online if Application Expired",
            "Switch Interface for Cash Transactions",
            "Switch Interface for Cashback Transactions",
            "Not valid for contactless ATM transactions",
            "Consumer Device CVM Performed",
            "Card supports Issuer Update Processing at the POS",
            null, null, null, null, null, null,
        };

        /// <summary>All bits clear.</summary>
        public CardTransactionQualifiers() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 2-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public CardTransactionQualifiers(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }
    }
}
