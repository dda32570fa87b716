namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Amounts in format n 12 (6 bytes of packed BCD, e.g. '9F02' Amount, Authorised and '9F03' Amount, Other;
    /// EMV 4.4 Book 3, Annex A) read as a count of minor currency units.
    /// </summary>
    public static class NumericAmount
    {
        /// <summary>Length of an n 12 amount in bytes.</summary>
        public const int ValueLength = 6;

        /// <summary>
        /// Reads <paramref name="value"/> as n 12 into <paramref name="amount"/>. False (and 0) when it is null,
        /// not 6 bytes long or holds a nibble above 9.
        /// </summary>
        public static bool TryRead(byte[] value, out long amount)
        {
            amount = 0;
            if (value == null || value.Length != ValueLength) return false;
            long result = 0;
            for (int i = 0; i < value.Length; i++)
            {
                int high = value[i] >> 4;
                int low = value[i] & 0x0F;
                if (high > 9 || low > 9) return false;
                result = result * 100 + high * 10 + low;
            }
            amount = result;
            return true;
        }
    

        /// <summary>The n 12 encoding of <paramref name="amount"/> (0 to 999,999,999,999 minor units).</summary>
        public static byte[] Encode(long amount)
        {
            if (amount < 0 || amount > 999999999999L) throw new System.ArgumentOutOfRangeException("amount", "an n 12 amount is 0 to 999999999999");
            byte[] value = new byte[ValueLength];
            for (int i = ValueLength - 1; i >= 0; i--)
            {
                int low = (int)(amount % 10);
                amount /= 10;
                int high = (int)(amount % 10);
                amount /= 10;
                value[i] = (byte)((high << 4) | low);
            }
            return value;
        }
    }
}
