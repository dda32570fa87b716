namespace Terminal.EmvKernel.Crypto.BigNumbers
{
    /// <summary>
    /// base^exponent mod modulus by left-to-right exponentiation over fixed windows of the exponent.
    /// Short exponents (the RSA public exponents 3 and 65537) use one-bit windows: plain square-and-multiply
    /// with no precomputation, so e = 3 costs one squaring and one multiplication. Long exponents (private
    /// exponents) use 4-bit windows with a table of base^1 .. base^15.
    /// All scratch buffers are allocated once per call; the steps themselves allocate nothing.
    /// Not constant-time: fit for terminal-side public operations and the card simulator, not for a real card.
    /// </summary>
    internal static class ModularExponentiation
    {
        /// <summary>Exponents longer than this many bits use 4-bit windows.</summary>
        private const int ShortExponentBits = 64;
        private const int LongWindowBits = 4;

        /// <summary>
        /// Returns baseValue^exponent mod the reducer's modulus. baseValue must already be below the modulus.
        /// </summary>
        internal static BigNat Power(BigNat baseValue, BigNat exponent, ModulusReducer reducer)
        {
            int n = reducer.Length;
            uint[] acc = new uint[n];
            uint[] e = exponent.Limbs;
            int eLength = exponent.Length;
            int bits = LimbArithmetic.BitLength(e, eLength);
            if (bits == 0)
            {
                // x^0 = 1, reduced so that a modulus of 1 gives 0.
                acc[0] = 1;
                return new BigNat(acc, reducer.Reduce(acc, 1, acc, null));
            }

            int window = bits > ShortExponentBits ? LongWindowBits : 1;
            uint[] product = new uint[2 * n];

            // table[d] = base^d mod modulus for d = 1 .. 2^window - 1.
            int size = 1 << window;
            uint[][] table = new uint[size][];
            int[] tableLength = new int[size];
            table[1] = new uint[n];
            System.Array.Copy(baseValue.Limbs, table[1], baseValue.Length);
            tableLength[1] = baseValue.Length;
            for (int d = 2; d < size; d++)
            {
                table[d] = new uint[n];
                int p = LimbArithmetic.Multiply(table[d - 1], tableLength[d - 1], table[1], tableLength[1], product);
                tableLength[d] = reducer.Reduce(product, p, table[d], null);
            }

            int accLength = 0;
            bool started = false;
            for (int w = (bits - 1) / window; w >= 0; w--)
            {
                if (started)
                {
                    for (int s = 0; s < window; s++)
                    {
                        int p = LimbArithmetic.Square(acc, accLength, product);
                        accLength = reducer.Reduce(product, p, acc, null);
                    }
                }
                int digit = 0;
                for (int b = window - 1; b >= 0; b--)
                {
                    digit = (digit << 1) | LimbArithmetic.BitAt(e, eLength, w * window + b);
                }
                if (digit == 0) continue;
                if (!started)
                {
                    System.Array.Copy(table[digit], acc, n);
                    accLength = tableLength[digit];
                    started = true;
                }
                else
                {
                    int p = LimbArithmetic.Multiply(acc, accLength, table[digit], tableLength[digit], product);
                    accLength = reducer.Reduce(product, p, acc, null);
                }
            }
            return new BigNat(acc, accLength);
        }
    }
}
