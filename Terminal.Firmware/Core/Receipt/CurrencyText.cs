namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>
    /// Amounts in minor units as printed: the ISO 4217 alphabetic code (renminbi as "RMB", the usual mark on
    /// UnionPay slips), a space, the units and the decimals of the currency's exponent ("RMB 1234.50", "JPY 500",
    /// "RMB -12.00"). No grouping separators.
    /// </summary>
    public static class CurrencyText
    {
        // ISO 4217: numeric code, printed code, minor unit exponent.
        private static readonly string[] Numeric = { "156", "344", "446", "901", "840", "978", "826", "392", "410", "702", "036" };
        private static readonly string[] Alpha = { "RMB", "HKD", "MOP", "TWD", "USD", "EUR", "GBP", "JPY", "KRW", "SGD", "AUD" };
        private static readonly int[] Exponent = { 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2 };

        /// <summary>The printed code of a numeric currency code; the numeric code itself when unknown; "" for null.</summary>
        public static string Code(string numericCode)
        {
            int i = IndexOf(numericCode);
            return i < 0 ? (numericCode ?? string.Empty) : Alpha[i];
        }

        /// <summary>The minor unit exponent (2 when unknown).</summary>
        public static int MinorDigits(string numericCode)
        {
            int i = IndexOf(numericCode);
            return i < 0 ? 2 : Exponent[i];
        }

        /// <summary>The amount without the code: "1234.50", "-0.05", "500" (exponent 0).</summary>
        public static string Number(long minor, string numericCode)
        {
            int exponent = MinorDigits(numericCode);
            bool negative = minor < 0;
            long v = negative ? -minor : minor;
            long scale = 1;
            for (int i = 0; i < exponent; i++) scale *= 10;
            string text = (v / scale).ToString();
            if (exponent > 0) text = string.Concat(text, ".", ReceiptText.ZeroPad(v % scale, exponent));
            return negative ? string.Concat("-", text) : text;
        }

        /// <summary>The amount with its code: "RMB 1234.50".</summary>
        public static string Format(long minor, string numericCode)
        {
            string code = Code(numericCode);
            string number = Number(minor, numericCode);
            return code.Length == 0 ? number : string.Concat(code, " ", number);
        }

        private static int IndexOf(string numericCode)
        {
            if (numericCode == null) return -1;
            for (int i = 0; i < Numeric.Length; i++)
            {
                if (Numeric[i] == numericCode) return i;
            }
            return -1;
        }
    }
}
