namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Additional Terminal Capabilities, tag '9F40', 5 bytes (EMV 4.4 Book 4, Annex A3, Tables 28-32):
    /// transaction types, data input and data output capabilities. Bit codes are <c>(byte &lt;&lt; 8) | mask</c>.
    /// </summary>
    public sealed class AdditionalTerminalCapabilities : BitMappedDataObject
    {
        /// <summary>Tag '9F40'.</summary>
        public const int TagValue = 0x9F40;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 5;

        /// <summary>B1b8 Cash.</summary>
        public const int Cash = 0x0180;
        /// <summary>B1b7 Goods.</summary>
        public const int Goods = 0x0140;
        /// <summary>B1b6 Services.</summary>
        public const int Services = 0x0120;
        /// <summary>B1b5 Cashback.</summary>
        public const int Cashback = 0x0110;
        /// <summary>B1b4 Inquiry.</summary>
        public const int Inquiry = 0x0108;
        /// <summary>B1b3 Transfer.</summary>
        public const int Transfer = 0x0104;
        /// <summary>B1b2 Payment.</summary>
        public const int Payment = 0x0102;
        /// <summary>B1b1 Administrative.</summary>
        public const int Administrative = 0x0101;
        /// <summary>B2b8 Cash deposit.</summary>
        public const int CashDeposit = 0x0280;
        /// <summary>B3b8 Numeric keys.</summary>
        public const int NumericKeys = 0x0380;
        /// <summary>B3b7 Alphabetic and special characters keys.</summary>
        public const int AlphabeticAndSpecialKeys = 0x0340;
        /// <summary>B3b6 Command keys.</summary>
        public const int CommandKeys = 0x0320;
        /// <summary>B3b5 Function keys.</summary>
        public const int FunctionKeys = 0x0310;
        /// <summary>B4b8 Print, attendant.</summary>
        public const int PrintAttendant = 0x0480;
        /// <summary>B4b7 Print, cardholder.</summary>
        public const int PrintCardholder = 0x0440;
        /// <summary>B4b6 Display, attendant.</summary>
        public const int DisplayAttendant = 0x0420;
        /// <summary>B4b5 Display, cardholder.</summary>
        public const int DisplayCardholder = 0x0410;

        /// <summary>Code of "Code table n" (1-10; ISO/IEC 8859 part n).</summary>
        public static int CodeTable(int n)
        {
            if (n < 1 || n > 10) throw new System.ArgumentOutOfRangeException("n", "code tables are 1..10");
            return n <= 8 ? Bit(5, n) : Bit(4, n - 8);
        }

        private static readonly string[] Names =
        {
            "Cash", "Goods", "Services", "Cashback", "Inquiry", "Transfer", "Payment", "Administrative",
            "Cash deposit", null, null, null, null, null, null, null,
            "Numeric keys", "Alphabetic and special characters keys", "Command keys", "Function keys", null, null, null, null,
            "Print, attendant", "Print, cardholder", "Display, attendant", "Display, cardholder", null, null, "Code table 10", "Code table 9",
            "Code table 8", "Code table 7", "Code table 6", "Code table 5", "Code table 4", "Code table 3", "Code table 2", "Code table 1",
        };

        /// <summary>All bits clear.</summary>
        public AdditionalTerminalCapabilities() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 5-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public AdditionalTerminalCapabilities(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }
    }
}
