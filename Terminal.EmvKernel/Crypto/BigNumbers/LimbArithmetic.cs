namespace Terminal.EmvKernel.Crypto.BigNumbers
{
    /// <summary>
    /// Arithmetic kernels on unsigned numbers stored as little-endian 32-bit limbs (limb 0 is the least
    /// significant). Every kernel works on caller-supplied arrays with explicit lengths so that one modular
    /// exponentiation can reuse the same scratch buffers for every step. Products are formed in 64-bit
    /// (<c>ulong</c>) arithmetic; the loops are kept plain because the device interprets IL (no JIT).
    /// A length is "normalised" when the top limb below it is non-zero; zero has length 0.
    /// </summary>
    internal static class LimbArithmetic
    {
        /// <summary>The normalised length of a[0..length): drops zero limbs at the top.</summary>
        internal static int Normalize(uint[] a, int length)
        {
            while (length > 0 && a[length - 1] == 0) length--;
            return length;
        }

        /// <summary>Compares two normalised numbers: negative, zero or positive.</summary>
        internal static int Compare(uint[] a, int aLength, uint[] b, int bLength)
        {
            if (aLength != bLength) return aLength < bLength ? -1 : 1;
            for (int i = aLength - 1; i >= 0; i--)
            {
                if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
            }
            return 0;
        }

        /// <summary>
        /// result = a + b. result needs max(aLength, bLength) + 1 limbs and may be the same array as a or b.
        /// Returns the normalised length of the result.
        /// </summary>
        internal static int Add(uint[] a, int aLength, uint[] b, int bLength, uint[] result)
        {
            if (aLength < bLength)
            {
                uint[] t = a; a = b; b = t;
                int tl = aLength; aLength = bLength; bLength = tl;
            }
            ulong carry = 0;
            int i = 0;
            for (; i < bLength; i++)
            {
                carry += (ulong)a[i] + b[i];
                result[i] = (uint)carry;
                carry >>= 32;
            }
            for (; i < aLength; i++)
            {
                carry += a[i];
                result[i] = (uint)carry;
                carry >>= 32;
            }
            result[aLength] = (uint)carry;
            return Normalize(result, aLength + 1);
        }

        /// <summary>
        /// result = a - b for a &gt;= b (the caller checks). result needs aLength limbs and may be the same
        /// array as a or b. Returns the normalised length of the result.
        /// </summary>
        internal static int Subtract(uint[] a, int aLength, uint[] b, int bLength, uint[] result)
        {
            // Branch-free borrow: a difference below zero wraps to a value with bit 63 set.
            ulong borrow = 0;
            int i = 0;
            for (; i < bLength; i++)
            {
                ulong t = (ulong)a[i] - b[i] - borrow;
                result[i] = (uint)t;
                borrow = t >> 63;
            }
            for (; i < aLength; i++)
            {
                ulong t = (ulong)a[i] - borrow;
                result[i] = (uint)t;
                borrow = t >> 63;
            }
            return Normalize(result, aLength);
        }

        /// <summary>
        /// result[0..aLength+bLength) = a * b (schoolbook). result must not be the same array as a or b.
        /// Returns the normalised length of the result.
        /// </summary>
        internal static int Multiply(uint[] a, int aLength, uint[] b, int bLength, uint[] result)
        {
            int total = aLength + bLength;
            if (aLength == 0 || bLength == 0)
            {
                Clear(result, total);
                return 0;
            }
            Clear(result, bLength);
            for (int i = 0; i < aLength; i++)
            {
                ulong ai = a[i];
                ulong carry = 0;
                int k = i;
                for (int j = 0; j < bLength; j++, k++)
                {
                    // ai * b[j] + result[k] + carry < 2^64: (2^32-1)^2 + 2(2^32-1) = 2^64 - 1.
                    carry += ai * b[j] + result[k];
                    result[k] = (uint)carry;
                    carry >>= 32;
                }
                result[k] = (uint)carry;
            }
            return Normalize(result, total);
        }

        /// <summary>
        /// result[0..2*aLength) = a * a. Each cross product a[i]*a[j] (i &lt; j) is formed once and doubled,
        /// then the squares a[i]^2 are added: about half the multiplications of <see cref="Multiply"/>.
        /// result must not be the same array as a. Returns the normalised length of the result.
        /// </summary>
        internal static int Square(uint[] a, int aLength, uint[] result)
        {
            int total = 2 * aLength;
            Clear(result, total);
            if (aLength == 0) return 0;

            // Cross products: sum over i < j of a[i]*a[j]*B^(i+j).
            for (int i = 0; i < aLength - 1; i++)
            {
                ulong ai = a[i];
                ulong carry = 0;
                int k = 2 * i + 1;
                for (int j = i + 1; j < aLength; j++, k++)
                {
                    carry += ai * a[j] + result[k];
                    result[k] = (uint)carry;
                    carry >>= 32;
                }
                result[k] = (uint)carry;
            }

            // Double the cross products and add the squares in one pass.
            uint shiftIn = 0;
            ulong sum = 0;
            for (int i = 0; i < aLength; i++)
            {
                ulong sq = (ulong)a[i] * a[i];
                uint lo = result[2 * i];
                uint hi = result[2 * i + 1];
                sum += (ulong)((lo << 1) | shiftIn) + (uint)sq;
                result[2 * i] = (uint)sum;
                sum >>= 32;
                sum += (ulong)((hi << 1) | (lo >> 31)) + (uint)(sq >> 32);
                result[2 * i + 1] = (uint)sum;
                sum >>= 32;
                shiftIn = hi >> 31;
            }
            return Normalize(result, total);
        }

        /// <summary>Clears a[0..length).</summary>
        internal static void Clear(uint[] a, int length)
        {
            for (int i = 0; i < length; i++) a[i] = 0;
        }

        /// <summary>Number of significant bits in a normalised number (0 for zero).</summary>
        internal static int BitLength(uint[] a, int length)
        {
            if (length == 0) return 0;
            uint top = a[length - 1];
            int bits = 32 * (length - 1);
            while (top != 0)
            {
                bits++;
                top >>= 1;
            }
            return bits;
        }

        /// <summary>Bit number <paramref name="bit"/> (0 = least significant) of a[0..length).</summary>
        internal static int BitAt(uint[] a, int length, int bit)
        {
            int limb = bit >> 5;
            if (limb >= length) return 0;
            return (int)((a[limb] >> (bit & 31)) & 1);
        }
    }
}
