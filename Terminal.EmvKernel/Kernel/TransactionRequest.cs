namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// What the firmware asks the kernel for: one transaction's amounts, type, date and time. Money is in minor
    /// units of the terminal's transaction currency ('5F2A' of the configuration).
    /// </summary>
    public sealed class TransactionRequest
    {
        /// <summary>A purchase of <paramref name="amount"/> on the given date and time (YYMMDD, HHMMSS as n 6 packed).</summary>
        public TransactionRequest(long amount, byte[] date, byte[] time)
        {
            if (amount < 0 || amount > 999999999999L) throw new System.ArgumentOutOfRangeException("amount", "an n 12 amount is 0 to 999999999999");
            if (date == null || date.Length != 3) throw new System.ArgumentException("the transaction date '9A' is 3 bytes YYMMDD", "date");
            if (time == null || time.Length != 3) throw new System.ArgumentException("the transaction time '9F21' is 3 bytes HHMMSS", "time");
            Amount = amount;
            Date = date;
            Time = time;
            Type = TransactionType.GoodsAndServices;
        }

        /// <summary>Amount, Authorised ('9F02'), including any cashback.</summary>
        public long Amount { get; private set; }

        /// <summary>Amount, Other ('9F03'): the cashback part; 0 when none.</summary>
        public long AmountOther { get; set; }

        /// <summary>Transaction Type '9C' (<see cref="TransactionType"/>).</summary>
        public byte Type { get; set; }

        /// <summary>'9A', YYMMDD packed.</summary>
        public byte[] Date { get; private set; }

        /// <summary>'9F21', HHMMSS packed.</summary>
        public byte[] Time { get; private set; }

        /// <summary>True for a purchase of services (AUC "valid for services"); false for goods (Book 3, 10.4.2).</summary>
        public bool PurchaseOfServices { get; set; }

        /// <summary>Transaction Sequence Counter '9F41' (0-99999999).</summary>
        public int SequenceCounter { get; set; }

        /// <summary>The merchant forced the transaction online: TVR B4b4 (Book 3, 10.6).</summary>
        public bool MerchantForcedOnline { get; set; }
    }
}
