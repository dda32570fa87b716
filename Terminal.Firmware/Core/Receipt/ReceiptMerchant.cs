namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>The merchant and terminal identification printed at the head of every slip (from the configuration).</summary>
    public sealed class ReceiptMerchant
    {
        /// <summary>Creates the merchant data.</summary>
        /// <param name="name">Merchant name (商户名称); may hold Chinese characters.</param>
        /// <param name="merchantNumber">Merchant number (商户编号, card acceptor ID, DE 42, 15 characters).</param>
        /// <param name="terminalNumber">Terminal number (终端编号, card acceptor terminal ID, DE 41, 8 characters).</param>
        public ReceiptMerchant(string name, string merchantNumber, string terminalNumber)
        {
            Name = name;
            MerchantNumber = merchantNumber;
            TerminalNumber = terminalNumber;
        }

        /// <summary>Merchant name.</summary>
        public string Name { get; private set; }

        /// <summary>Merchant number (DE 42).</summary>
        public string MerchantNumber { get; private set; }

        /// <summary>Terminal number (DE 41).</summary>
        public string TerminalNumber { get; private set; }

        /// <summary>Operator (cashier) number (操作员号), or null to leave the line out.</summary>
        public string OperatorNumber { get; set; }
    }
}
