namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Values of the Transaction Type, tag '9C' (n 2): the first two digits of the ISO 8583 processing code
    /// (EMV 4.4 Book 3, Annex A). Only the values the kernel's rules look at are named here.
    /// </summary>
    public static class TransactionType
    {
        /// <summary>Tag '9C'.</summary>
        public const int TagValue = 0x9C;
        /// <summary>'00' purchase of goods or services.</summary>
        public const byte GoodsAndServices = 0x00;
        /// <summary>'01' cash (withdrawal / cash advance).</summary>
        public const byte Cash = 0x01;
        /// <summary>'09' purchase with cashback.</summary>
        public const byte Cashback = 0x09;
        /// <summary>'17' cash disbursement; treated as a cash transaction like '01'.</summary>
        public const byte CashDisbursement = 0x17;
        /// <summary>'20' refund.</summary>
        public const byte Refund = 0x20;
        /// <summary>'30' balance inquiry.</summary>
        public const byte Inquiry = 0x30;

        /// <summary>True for the cash transaction types '01' and '17'.</summary>
        public static bool IsCash(int type)
        {
            return type == Cash || type == CashDisbursement;
        }

        /// <summary>
        /// True for a purchase of goods or services: '00', and '09' whose purchase part is goods or services.
        /// </summary>
        public static bool IsPurchase(int type)
        {
            return type == GoodsAndServices || type == Cashback;
        }
    }
}
