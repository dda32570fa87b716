namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// Lookup tables of the AES core (FIPS 197), computed from the field arithmetic rather than typed in:
    /// the S-box and its inverse (512 bytes), four encryption T-tables that merge SubBytes, ShiftRows and
    /// MixColumns (4 KB), and one decryption T-table (1 KB; the other three are its byte rotations,
    /// computed on the fly, since decryption is the rarer direction on a terminal). Built on first use,
    /// so a device that never runs AES does not spend the heap.
    /// </summary>
    internal sealed class AesTables
    {
        internal readonly byte[] SBox = new byte[256];
        internal readonly byte[] InverseSBox = new byte[256];

        /// <summary>Te0[x] = (2s, s, s, 3s) as a big-endian word with s = SBox[x]; Te1..Te3 are its right rotations by 8, 16, 24.</summary>
        internal readonly uint[] Te0 = new uint[256];
        internal readonly uint[] Te1 = new uint[256];
        internal readonly uint[] Te2 = new uint[256];
        internal readonly uint[] Te3 = new uint[256];

        /// <summary>Td0[x] = (14s, 9s, 13s, 11s) with s = InverseSBox[x].</summary>
        internal readonly uint[] Td0 = new uint[256];

        private static AesTables _instance;

        /// <summary>The tables, built on the first call.</summary>
        internal static AesTables Instance
        {
            // A race may build the tables twice; both results are equal and the field never goes back to null.
            get { if (_instance == null) _instance = new AesTables(); return _instance; }
        }

        private AesTables()
        {
            // FIPS 197 5.1.1: S(x) = affine(x^-1). Walk p over the powers of the generator 3 and q over
            // the powers of its inverse, so q = p^-1 at every step.
            int p = 1, q = 1;
            do
            {
                p = (p ^ (p << 1) ^ ((p & 0x80) != 0 ? 0x1B : 0)) & 0xFF;
                q ^= q << 1;
                q ^= q << 2;
                q ^= q << 4;
                q &= 0xFF;
                if ((q & 0x80) != 0) q ^= 0x09;
                int x = q ^ RotateByte(q, 1) ^ RotateByte(q, 2) ^ RotateByte(q, 3) ^ RotateByte(q, 4);
                SBox[p] = (byte)(x ^ 0x63);
            }
            while (p != 1);
            SBox[0] = 0x63;
            for (int i = 0; i < 256; i++) InverseSBox[SBox[i]] = (byte)i;

            for (int i = 0; i < 256; i++)
            {
                uint s = SBox[i];
                uint s2 = Times2(s);
                uint e = (s2 << 24) | (s << 16) | (s << 8) | (s2 ^ s);
                Te0[i] = e;
                Te1[i] = (e >> 8) | (e << 24);
                Te2[i] = (e >> 16) | (e << 16);
                Te3[i] = (e >> 24) | (e << 8);

                uint t = InverseSBox[i];
                uint t2 = Times2(t), t4 = Times2(t2), t8 = Times2(t4);
                Td0[i] = ((t8 ^ t4 ^ t2) << 24) | ((t8 ^ t) << 16) | ((t8 ^ t4 ^ t) << 8) | (t8 ^ t2 ^ t);
            }
        }

        /// <summary>Multiplication by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS 197 4.2.1).</summary>
        internal static uint Times2(uint b)
        {
            return ((b << 1) ^ ((b & 0x80) != 0 ? 0x1Bu : 0u)) & 0xFF;
        }

        private static int RotateByte(int b, int n)
        {
            return ((b << n) | (b >> (8 - n))) & 0xFF;
        }
    }
}
