namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Application Usage Control, tag '9F07', 2 bytes (EMV 4.4 Book 3, Annex C2, Table 42).
    /// Bit codes are <c>(byte &lt;&lt; 8) | mask</c>.
    /// </summary>
    public sealed class ApplicationUsageControl : BitMappedDataObject
    {
        /// <summary>Tag '9F07'.</summary>
        public const int TagValue = 0x9F07;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 2;

        /// <summary>B1b8 Valid for domestic cash transactions.</summary>
        public const int DomesticCash = 0x0180;
        /// <summary>B1b7 Valid for international cash transactions.</summary>
        public const int InternationalCash = 0x0140;
        /// <summary>B1b6 Valid for domestic goods.</summary>
        public const int DomesticGoods = 0x0120;
        /// <summary>B1b5 Valid for international goods.</summary>
        public const int InternationalGoods = 0x0110;
        /// <summary>B1b4 Valid for domestic services.</summary>
        public const int DomesticServices = 0x0108;
        /// <summary>B1b3 Valid for international services.</summary>
        public const int InternationalServices = 0x0104;
        /// <summary>B1b2 Valid at ATMs.</summary>
        public const int ValidAtAtms = 0x0102;
        /// <summary>B1b1 Valid at terminals other than ATMs.</summary>
        public const int ValidAtNonAtmTerminals = 0x0101;
        /// <summary>B2b8 Domestic cashback allowed.</summary>
        public const int DomesticCashback = 0x0280;
        /// <summary>B2b7 International cashback allowed.</summary>
        public const int InternationalCashback = 0x0240;

        private static readonly string[] Names =
        {
            "Valid for domestic cash transactions",
            "Valid for international cash transactions",
            "Valid for domestic goods",
            "Valid for international goods",
            "Valid for domestic services",
            "Valid for international services",
            "Valid at ATMs",
            "Valid at terminals other than ATMs",
            "Domestic cashback allowed",
            "International cashback allowed",
            null, null, null, null, null, null,
        };

        /// <summary>All bits clear.</summary>
        public ApplicationUsageControl() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 2-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public ApplicationUsageControl(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }
    }
}
