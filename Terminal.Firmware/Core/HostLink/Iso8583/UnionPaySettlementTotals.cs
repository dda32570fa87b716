using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// One half of UnionPay field 48 in batch settlement (0500/0510): debit total amount (n12), debit count (n3),
    /// credit total amount (n12), credit count (n3), reconciliation result code (n1: 0 in the request, 1 balanced,
    /// 2 not balanced, 3 error in the answer).
    /// </summary>
    public sealed class UnionPayCardTotals
    {
        /// <summary>Digits of one half.</summary>
        public const int DigitsLength = 31;
        /// <summary>Result code in a request.</summary>
        public const int ResultRequest = 0;
        /// <summary>Result code: totals agree.</summary>
        public const int ResultBalanced = 1;
        /// <summary>Result code: totals differ (batch upload follows).</summary>
        public const int ResultNotBalanced = 2;
        /// <summary>Result code: reconciliation error.</summary>
        public const int ResultError = 3;

        /// <summary>Creates the totals of one card group.</summary>
        public UnionPayCardTotals(long debitAmount, int debitCount, long creditAmount, int creditCount, int result)
        {
            DebitAmount = debitAmount;
            DebitCount = debitCount;
            CreditAmount = creditAmount;
            CreditCount = creditCount;
            Result = result;
        }

        /// <summary>Sum of debit transactions (sales, completions), minor units.</summary>
        public long DebitAmount { get; private set; }
        /// <summary>Number of debit transactions.</summary>
        public int DebitCount { get; private set; }
        /// <summary>Sum of credit transactions (refunds, voids of completions...), minor units.</summary>
        public long CreditAmount { get; private set; }
        /// <summary>Number of credit transactions.</summary>
        public int CreditCount { get; private set; }
        /// <summary>Reconciliation result code.</summary>
        public int Result { get; private set; }

        internal string Compose()
        {
            return string.Concat(new string[]
            {
                Digits.Pad(DebitAmount, 12, 48), Digits.Pad(DebitCount, 3, 48),
                Digits.Pad(CreditAmount, 12, 48), Digits.Pad(CreditCount, 3, 48), Digits.Pad(Result, 1, 48)
            });
        }

        internal static UnionPayCardTotals Parse(string value, int start)
        {
            return new UnionPayCardTotals(Digits.Value(value, start, 12), (int)Digits.Value(value, start + 12, 3),
                Digits.Value(value, start + 15, 12), (int)Digits.Value(value, start + 27, 3), (int)Digits.Value(value, start + 30, 1));
        }
    }

    /// <summary>
    /// UnionPay field 48 of batch settlement: domestic card totals (内卡) then foreign card totals (外卡),
    /// 62 digits.
    /// </summary>
    public sealed class UnionPaySettlementTotals
    {
        /// <summary>Creates the field from its two halves.</summary>
        public UnionPaySettlementTotals(UnionPayCardTotals domestic, UnionPayCardTotals foreign)
        {
            if (domestic == null || foreign == null)
                throw new Iso8583Exception(Iso8583Error.InvalidValue, 48, Iso8583Exception.NoOffset, "both halves are needed");
            Domestic = domestic;
            Foreign = foreign;
        }

        /// <summary>Totals of domestic (UnionPay) cards.</summary>
        public UnionPayCardTotals Domestic { get; private set; }
        /// <summary>Totals of foreign cards.</summary>
        public UnionPayCardTotals Foreign { get; private set; }

        /// <summary>The 62 digits.</summary>
        public string Compose()
        {
            return string.Concat(Domestic.Compose(), Foreign.Compose());
        }

        /// <summary>Reads the 62 digits of field 48.</summary>
        public static UnionPaySettlementTotals Parse(string value)
        {
            if (!DecimalText.IsDigits(value, 2 * UnionPayCardTotals.DigitsLength, 2 * UnionPayCardTotals.DigitsLength))
                throw new Iso8583Exception(Iso8583Error.BadSubfield, 48, Iso8583Exception.NoOffset, "settlement totals need 62 digits");
            return new UnionPaySettlementTotals(UnionPayCardTotals.Parse(value, 0), UnionPayCardTotals.Parse(value, UnionPayCardTotals.DigitsLength));
        }
    }
}
