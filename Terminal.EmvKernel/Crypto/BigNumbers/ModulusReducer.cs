namespace Terminal.EmvKernel.Crypto.BigNumbers
{
    /// <summary>
    /// Division by one fixed divisor (the modulus), by Knuth's Algorithm D (The Art of Computer Programming
    /// vol. 2, 4.3.1) on 32-bit limbs. The divisor is normalised once (shifted left until its top bit is set)
    /// and the dividend workspace is kept between calls, so the repeated reductions of one modular
    /// exponentiation allocate nothing.
    /// <para>
    /// Why division rather than Montgomery multiplication: reducing a 2n-limb product costs about n^2 limb
    /// multiplications either way, but Montgomery form needs a conversion in (with R^2 mod N, itself a
    /// division) and out. For the exponents that matter on the terminal (3 and 65537) the conversions would
    /// cost as much as the exponentiation; division also works for any modulus, odd or even.
    /// </para>
    /// Not thread-safe: one instance per operation.
    /// </summary>
    internal sealed class ModulusReducer
    {
        private readonly uint[] _divisor;
        private readonly int _length;
        private readonly int _shift;
        private uint[] _work;

        /// <summary>
        /// Prepares division by modulus[0..length); length is normalised and at least 1 (non-zero modulus).
        /// </summary>
        internal ModulusReducer(uint[] modulus, int length)
        {
            _length = length;
            _divisor = new uint[length];
            uint top = modulus[length - 1];
            int shift = 0;
            while ((top & 0x80000000u) == 0)
            {
                top <<= 1;
                shift++;
            }
            _shift = shift;
            ShiftLeftInto(modulus, length, shift, _divisor, false);
            _work = new uint[2 * length + 1];
        }

        /// <summary>Number of limbs of the modulus; every remainder fits in this many limbs.</summary>
        internal int Length { get { return _length; } }

        /// <summary>
        /// remainder[0.._length) = value mod modulus, and when quotient is not null it receives
        /// value / modulus (it needs valueLength - Length + 1 limbs, at least 1). value is not changed and
        /// may be the same array as remainder. Returns the normalised length of the remainder.
        /// </summary>
        internal int Reduce(uint[] value, int valueLength, uint[] remainder, uint[] quotient)
        {
            int n = _length;
            if (valueLength < n)
            {
                if (quotient != null) quotient[0] = 0;
                if (value != remainder) System.Array.Copy(value, remainder, valueLength);
                for (int i = valueLength; i < n; i++) remainder[i] = 0;
                return LimbArithmetic.Normalize(remainder, valueLength);
            }
            if (_work.Length < valueLength + 1) _work = new uint[valueLength + 1];
            uint[] un = _work;
            ShiftLeftInto(value, valueLength, _shift, un, true);

            if (n == 1) DivideBySingleLimb(un, valueLength, quotient);
            else DivideLong(un, valueLength, quotient);

            // The remainder is un[0..n) shifted back right by the normalisation shift.
            int s = _shift;
            if (s == 0)
            {
                System.Array.Copy(un, remainder, n);
            }
            else
            {
                for (int i = 0; i < n - 1; i++) remainder[i] = (un[i] >> s) | (un[i + 1] << (32 - s));
                remainder[n - 1] = un[n - 1] >> s;
            }
            return LimbArithmetic.Normalize(remainder, n);
        }

        /// <summary>Algorithm D steps D2-D7 on the normalised dividend un[0..valueLength] (one extra limb).</summary>
        private void DivideLong(uint[] un, int valueLength, uint[] quotient)
        {
            uint[] vn = _divisor;
            int n = _length;
            ulong vTop = vn[n - 1];
            ulong vNext = vn[n - 2];
            for (int j = valueLength - n; j >= 0; j--)
            {
                // D3: estimate the quotient digit from the top two dividend limbs, then correct it with the
                // next limb; it is then exact or one too large.
                ulong num = ((ulong)un[j + n] << 32) | un[j + n - 1];
                ulong qhat = num / vTop;
                ulong rhat = num - qhat * vTop;
                while (qhat > 0xFFFFFFFFul || qhat * vNext > ((rhat << 32) | un[j + n - 2]))
                {
                    qhat--;
                    rhat += vTop;
                    if (rhat > 0xFFFFFFFFul) break;
                }
                if (qhat != 0)
                {
                    // D4: un[j..j+n] -= qhat * vn.
                    ulong borrow = 0;
                    int k = j;
                    for (int i = 0; i < n; i++, k++)
                    {
                        // Branch-free: a data-dependent branch here is mispredicted half the time.
                        // t = un[k] - low(p) wraps below zero to a value with bit 63 set.
                        ulong p = qhat * vn[i] + borrow;
                        ulong t = (ulong)un[k] - (uint)p;
                        un[k] = (uint)t;
                        borrow = (p >> 32) + (t >> 63);
                    }
                    uint top = un[j + n];
                    un[j + n] = (uint)(top - borrow);
                    if (top < borrow)
                    {
                        // D6: the estimate was one too large; add the divisor back once.
                        qhat--;
                        ulong carry = 0;
                        k = j;
                        for (int i = 0; i < n; i++, k++)
                        {
                            carry += (ulong)un[k] + vn[i];
                            un[k] = (uint)carry;
                            carry >>= 32;
                        }
                        un[j + n] += (uint)carry;
                    }
                }
                if (quotient != null) quotient[j] = (uint)qhat;
            }
        }

        /// <summary>Division by a one-limb (normalised) divisor; the remainder is left in un[0].</summary>
        private void DivideBySingleLimb(uint[] un, int valueLength, uint[] quotient)
        {
            ulong v = _divisor[0];
            ulong r = un[valueLength];
            for (int j = valueLength - 1; j >= 0; j--)
            {
                ulong num = (r << 32) | un[j];
                ulong q = num / v;
                r = num - q * v;
                if (quotient != null) quotient[j] = (uint)q;
                un[j] = 0;
            }
            un[0] = (uint)r;
        }

        /// <summary>
        /// target[0..length) = source[0..length) shifted left by shift (0..31) bits; with extraLimb the bits
        /// shifted out of the top go to target[length].
        /// </summary>
        private static void ShiftLeftInto(uint[] source, int length, int shift, uint[] target, bool extraLimb)
        {
            if (shift == 0)
            {
                System.Array.Copy(source, target, length);
                if (extraLimb) target[length] = 0;
                return;
            }
            int back = 32 - shift;
            if (extraLimb) target[length] = source[length - 1] >> back;
            for (int i = length - 1; i > 0; i--) target[i] = (source[i] << shift) | (source[i - 1] >> back);
            target[0] = source[0] << shift;
        }
    }
}
