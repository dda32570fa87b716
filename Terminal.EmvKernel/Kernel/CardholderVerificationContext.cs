using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The transaction facts the CVM condition codes test (EMV 4.4 Book 3, Annex C3, Table 44), read from the
    /// terminal data: Terminal Type '9F35', Transaction Type '9C', Amount, Authorised '9F02' and Amount, Other '9F03'.
    /// Missing or malformed values read as attended, goods and services, amount 0.
    /// </summary>
    internal sealed class CardholderVerificationContext
    {
        /// <summary>Reads the facts from <paramref name="terminal"/>.</summary>
        public CardholderVerificationContext(TerminalData terminal)
        {
            bool attended = true;
            byte[] type = terminal.Get(TerminalType.TagValue);
            if (type != null && type.Length == 1)
            {
                try
                {
                    attended = new TerminalType(type).IsAttended;
                }
                catch (DataObjectException)
                {
                    attended = true;
                }
            }
            byte[] typeValue = terminal.Get(TransactionType.TagValue);
            int transactionType = typeValue != null && typeValue.Length == 1 ? typeValue[0] : TransactionType.GoodsAndServices;
            bool cash = TransactionType.IsCash(transactionType);
            IsUnattendedCash = cash && !attended;
            IsManualCash = cash && attended;
            long other = Numeric(terminal.Get(ProcessingRestrictions.AmountOtherTag));
            IsPurchaseWithCashback = transactionType == TransactionType.Cashback
                || (TransactionType.IsPurchase(transactionType) && other > 0);
            Amount = Numeric(terminal.Get(CardholderVerification.AmountAuthorisedTag));
        }

        /// <summary>Cash at an unattended terminal.</summary>
        public bool IsUnattendedCash { get; private set; }

        /// <summary>Cash at an attended terminal.</summary>
        public bool IsManualCash { get; private set; }

        /// <summary>Purchase with cashback ('9C' 09, or a purchase with a non-zero Amount, Other).</summary>
        public bool IsPurchaseWithCashback { get; private set; }

        /// <summary>Amount, Authorised in minor units (0 when missing or not BCD).</summary>
        public long Amount { get; private set; }

        private static long Numeric(byte[] bcd)
        {
            if (bcd == null) return 0;
            long value = 0;
            for (int i = 0; i < bcd.Length; i++)
            {
                int high = bcd[i] >> 4;
                int low = bcd[i] & 0x0F;
                if (high > 9 || low > 9) return 0;
                value = value * 100 + high * 10 + low;
            }
            return value;
        }
    }
}
