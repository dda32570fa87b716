namespace Terminal.Firmware.Core.Ui
{
    /// <summary>
    /// How amounts are shown: the currency's minor-unit exponent (EMV '5F36'), and either its symbol before the
    /// number ("¥12.34") or its alphabetic code and a space ("CNY 12.34"). Money is a long in minor units. The one
    /// money formatter of the firmware: the screen (configured format), receipts and settlement notices
    /// (<see cref="ForNumericCode"/>, "RMB 1234.50") all go through it.
    /// </summary>
    public sealed class CurrencyFormat
    {
        /// <summary>A format for a currency with <paramref name="exponent"/> (0-3) minor digits.</summary>
        public CurrencyFormat(string alphaCode, string symbol, int exponent, bool useSymbol)
        {
            if (exponent < 0 || exponent > 3) throw new System.ArgumentOutOfRangeException("exponent", "currency exponent is 0 to 3");
            AlphaCode = alphaCode == null ? "" : alphaCode;
            Symbol = symbol == null ? "" : symbol;
            Exponent = exponent;
            UseSymbol = useSymbol && Symbol.Length > 0;
        }

        /// <summary>ISO 4217 alphabetic code, for example "CNY".</summary>
        public string AlphaCode { get; private set; }

        /// <summary>The currency symbol, for example "¥".</summary>
        public string Symbol { get; private set; }

        /// <summary>Digits after the decimal point ('5F36').</summary>
        public int Exponent { get; private set; }

        /// <summary>True: symbol prefix; false: alphabetic code and a space.</summary>
        public bool UseSymbol { get; private set; }

        /// <summary>Yuan: "¥", exponent 2.</summary>
        public static CurrencyFormat Cny(bool useSymbol)
        {
            return new CurrencyFormat("CNY", "\u00A5", 2, useSymbol);
        }

        // ISO 4217: numeric code, printed alphabetic code, minor unit exponent. Renminbi prints as "RMB", the usual
        // mark on UnionPay slips.
        private static readonly string[] IsoNumeric = { "156", "344", "446", "901", "840", "978", "826", "392", "410", "702", "036" };
        private static readonly string[] IsoAlpha = { "RMB", "HKD", "MOP", "TWD", "USD", "EUR", "GBP", "JPY", "KRW", "SGD", "AUD" };
        private static readonly int[] IsoExponent = { 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2 };

        /// <summary>
        /// The printed format of an ISO 4217 numeric currency code (EMV '5F2A'): its alphabetic code and a space
        /// ("RMB 1234.50", "JPY 500"), exponent from ISO 4217. An unknown code is printed as is with two decimals
        /// ("999 1.99"); null gives the number alone.
        /// </summary>
        public static CurrencyFormat ForNumericCode(string numericCode)
        {
            if (numericCode != null)
            {
                for (int i = 0; i < IsoNumeric.Length; i++)
                {
                    if (IsoNumeric[i] == numericCode) return new CurrencyFormat(IsoAlpha[i], "", IsoExponent[i], false);
                }
            }
            return new CurrencyFormat(numericCode, "", 2, false);
        }

        /// <summary>The number alone: 1234 with exponent 2 is "12.34"; 5 is "0.05"; negative amounts get a leading '-'.</summary>
        public string Number(long minor)
        {
            bool negative = minor < 0;
            // long.MinValue has no positive counterpart; amounts are n 12 so this is a safety net only.
            ulong v = negative ? (ulong)(-(minor + 1)) + 1UL : (ulong)minor;
            string digits = v.ToString();
            while (digits.Length <= Exponent) digits = "0" + digits;
            string text = Exponent == 0 ? digits
                : digits.Substring(0, digits.Length - Exponent) + "." + digits.Substring(digits.Length - Exponent);
            return negative ? "-" + text : text;
        }

        /// <summary>The amount with its currency: "¥12.34" or "CNY 12.34".</summary>
        public string Format(long minor)
        {
            string number = Number(minor);
            if (UseSymbol) return Symbol + number;
            return AlphaCode.Length == 0 ? number : AlphaCode + " " + number;
        }
    }
}
