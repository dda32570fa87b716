namespace Terminal.EmvKernel.Crypto.BigNumbers
{
    /// <summary>
    /// An immutable unsigned (natural) integer of any size, for RSA up to 2048-bit moduli and their CRT
    /// halves. Stored as little-endian 32-bit limbs; converted from and to big-endian bytes, the order used
    /// by EMV and by RSA keys. Every operation returns a new value and never changes its operands.
    /// Invalid arguments (null, a negative difference, division by zero, a value too long for the requested
    /// byte length) throw <see cref="System.ArgumentException"/> (or <see cref="System.ArgumentNullException"/>).
    /// Not constant-time.
    /// </summary>
    public sealed class BigNat
    {
        private static readonly uint[] NoLimbs = new uint[0];

        /// <summary>The value 0.</summary>
        public static readonly BigNat Zero = new BigNat(NoLimbs, 0);

        /// <summary>The value 1.</summary>
        public static readonly BigNat One = FromUInt32(1);

        private readonly uint[] _limbs;
        private readonly int _length;

        /// <summary>
        /// Wraps limbs[0..length) without copying; length must be normalised and the array must not be
        /// changed afterwards (the caller hands it over).
        /// </summary>
        internal BigNat(uint[] limbs, int length)
        {
            _limbs = limbs;
            _length = length;
        }

        /// <summary>The limb array (little-endian; only the first <see cref="Length"/> limbs count).</summary>
        internal uint[] Limbs { get { return _limbs; } }

        /// <summary>Number of significant 32-bit limbs (0 for zero).</summary>
        internal int Length { get { return _length; } }

        /// <summary>The value of a big-endian unsigned byte string (leading zero bytes allowed).</summary>
        public static BigNat FromBytes(byte[] bigEndian)
        {
            if (bigEndian == null) throw new System.ArgumentNullException("bigEndian");
            return FromBytes(bigEndian, 0, bigEndian.Length);
        }

        /// <summary>The value of the big-endian unsigned bytes data[offset..offset+count).</summary>
        public static BigNat FromBytes(byte[] data, int offset, int count)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new System.ArgumentException("byte range " + offset + "+" + count + " lies outside the " + data.Length + "-byte array");
            }
            int end = offset + count;
            while (offset < end && data[offset] == 0) offset++;
            int bytes = end - offset;
            if (bytes == 0) return Zero;
            uint[] limbs = new uint[(bytes + 3) / 4];
            int shift = 0;
            int limb = 0;
            for (int i = end - 1; i >= offset; i--)
            {
                limbs[limb] |= (uint)data[i] << shift;
                shift += 8;
                if (shift == 32)
                {
                    shift = 0;
                    limb++;
                }
            }
            return new BigNat(limbs, limbs.Length);
        }

        /// <summary>The value of a 32-bit unsigned integer.</summary>
        public static BigNat FromUInt32(uint value)
        {
            if (value == 0) return Zero;
            return new BigNat(new uint[] { value }, 1);
        }

        /// <summary>True for 0.</summary>
        public bool IsZero { get { return _length == 0; } }

        /// <summary>True when the value is odd.</summary>
        public bool IsOdd { get { return _length > 0 && (_limbs[0] & 1) != 0; } }

        /// <summary>Number of significant bits (0 for zero).</summary>
        public int BitLength { get { return LimbArithmetic.BitLength(_limbs, _length); } }

        /// <summary>Number of bytes of the minimal big-endian form (0 for zero).</summary>
        public int ByteLength { get { return (BitLength + 7) / 8; } }

        /// <summary>Minimal big-endian bytes; zero gives the single byte 00.</summary>
        public byte[] ToBytes()
        {
            int length = ByteLength;
            return ToBytes(length == 0 ? 1 : length);
        }

        /// <summary>
        /// Big-endian bytes left-padded with zeros to exactly <paramref name="length"/> bytes. Throws
        /// <see cref="System.ArgumentException"/> when the value needs more bytes than that.
        /// </summary>
        public byte[] ToBytes(int length)
        {
            int needed = ByteLength;
            if (length < needed)
            {
                throw new System.ArgumentException("value needs " + needed + " bytes, more than the requested length " + length);
            }
            byte[] result = new byte[length];
            int position = length - 1;
            for (int i = 0; i < _length; i++)
            {
                uint limb = _limbs[i];
                for (int b = 0; b < 4 && position >= 0; b++)
                {
                    result[position--] = (byte)limb;
                    limb >>= 8;
                }
            }
            return result;
        }

        /// <summary>Compares two values: negative when a &lt; b, zero when equal, positive when a &gt; b.</summary>
        public static int Compare(BigNat a, BigNat b)
        {
            CheckNotNull(a, "a");
            CheckNotNull(b, "b");
            return LimbArithmetic.Compare(a._limbs, a._length, b._limbs, b._length);
        }

        /// <summary>a + b.</summary>
        public static BigNat Add(BigNat a, BigNat b)
        {
            CheckNotNull(a, "a");
            CheckNotNull(b, "b");
            uint[] result = new uint[(a._length > b._length ? a._length : b._length) + 1];
            return new BigNat(result, LimbArithmetic.Add(a._limbs, a._length, b._limbs, b._length, result));
        }

        /// <summary>a - b; throws <see cref="System.ArgumentException"/> when b &gt; a.</summary>
        public static BigNat Subtract(BigNat a, BigNat b)
        {
            if (Compare(a, b) < 0) throw new System.ArgumentException("subtraction would give a negative number (b > a)");
            uint[] result = new uint[a._length];
            return new BigNat(result, LimbArithmetic.Subtract(a._limbs, a._length, b._limbs, b._length, result));
        }

        /// <summary>a * b.</summary>
        public static BigNat Multiply(BigNat a, BigNat b)
        {
            CheckNotNull(a, "a");
            CheckNotNull(b, "b");
            if (a == b) return Square(a);
            uint[] result = new uint[a._length + b._length];
            return new BigNat(result, LimbArithmetic.Multiply(a._limbs, a._length, b._limbs, b._length, result));
        }

        /// <summary>a * a (about half the work of a general multiplication).</summary>
        public static BigNat Square(BigNat a)
        {
            CheckNotNull(a, "a");
            uint[] result = new uint[2 * a._length];
            return new BigNat(result, LimbArithmetic.Square(a._limbs, a._length, result));
        }

        /// <summary>
        /// Integer division: returns a / b and sets remainder = a mod b. Throws
        /// <see cref="System.ArgumentException"/> when b is zero.
        /// </summary>
        public static BigNat DivRem(BigNat a, BigNat b, out BigNat remainder)
        {
            CheckNotNull(a, "a");
            ModulusReducer reducer = ReducerFor(b);
            int quotientLength = a._length - b._length + 1;
            uint[] quotient = new uint[quotientLength < 1 ? 1 : quotientLength];
            uint[] rest = new uint[b._length];
            int restLength = reducer.Reduce(a._limbs, a._length, rest, quotient);
            remainder = new BigNat(rest, restLength);
            return new BigNat(quotient, LimbArithmetic.Normalize(quotient, quotient.Length));
        }

        /// <summary>a mod m; throws <see cref="System.ArgumentException"/> when m is zero.</summary>
        public static BigNat Mod(BigNat a, BigNat m)
        {
            CheckNotNull(a, "a");
            ModulusReducer reducer = ReducerFor(m);
            uint[] rest = new uint[m._length];
            return new BigNat(rest, reducer.Reduce(a._limbs, a._length, rest, null));
        }

        /// <summary>
        /// baseValue^exponent mod modulus for any non-zero modulus (x^0 = 1, so the result is 1 mod modulus).
        /// Throws <see cref="System.ArgumentException"/> when modulus is zero.
        /// </summary>
        public static BigNat ModPow(BigNat baseValue, BigNat exponent, BigNat modulus)
        {
            CheckNotNull(baseValue, "baseValue");
            CheckNotNull(exponent, "exponent");
            ModulusReducer reducer = ReducerFor(modulus);
            BigNat reduced = baseValue;
            if (LimbArithmetic.Compare(baseValue._limbs, baseValue._length, modulus._limbs, modulus._length) >= 0)
            {
                uint[] rest = new uint[modulus._length];
                reduced = new BigNat(rest, reducer.Reduce(baseValue._limbs, baseValue._length, rest, null));
            }
            return ModularExponentiation.Power(reduced, exponent, reducer);
        }

        /// <summary>Value equality.</summary>
        public override bool Equals(object obj)
        {
            BigNat other = obj as BigNat;
            return other != null && LimbArithmetic.Compare(_limbs, _length, other._limbs, other._length) == 0;
        }

        /// <summary>Hash of the value.</summary>
        public override int GetHashCode()
        {
            uint h = 17;
            for (int i = 0; i < _length; i++) h = h * 31 + _limbs[i];
            return (int)h;
        }

        /// <summary>Upper-case hex of the minimal big-endian bytes (for diagnostics; never log secrets).</summary>
        public override string ToString()
        {
            return Terminal.EmvKernel.Util.Hex.Encode(ToBytes());
        }

        private static ModulusReducer ReducerFor(BigNat modulus)
        {
            CheckNotNull(modulus, "modulus");
            if (modulus._length == 0) throw new System.ArgumentException("modulus (divisor) must not be zero");
            return new ModulusReducer(modulus._limbs, modulus._length);
        }

        private static void CheckNotNull(BigNat value, string name)
        {
            if (value == null) throw new System.ArgumentNullException(name);
        }
    }
}
