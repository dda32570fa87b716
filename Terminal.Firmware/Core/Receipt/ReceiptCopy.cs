namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>Which copy of the receipt: the merchant keeps one (with the signature line), the cardholder gets the other.</summary>
    public enum ReceiptCopy
    {
        /// <summary>Merchant copy (商户存根): carries the signature line when the CVM is signature.</summary>
        Merchant = 1,
        /// <summary>Customer (cardholder) copy (持卡人存根).</summary>
        Customer = 2
    }
}
