namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// Lookup tables of the DES core, derived once from the FIPS 46-3 S-boxes, P, PC-1 and PC-2 tables and
    /// kept for the life of the process (about 3.8 KB). They are built on first use, not at start-up, so a
    /// device that never runs DES does not spend the heap.
    /// <para>Layout (the classic "SP-box" arrangement): a 32-bit half R is kept rotated left by one bit.
    /// Then the E expansion needs no bit shuffling: rotating the stored value right by 4 puts the 6-bit
    /// groups for S1, S3, S5, S7 at bits 29-24, 21-16, 13-8, 5-0, and the stored value itself holds the
    /// groups for S2, S4, S6, S8 at the same places. Each round key is therefore two words (odd and even
    /// groups) and each SP entry is S_i followed by P, rotated left by one like the halves.</para>
    /// </summary>
    internal sealed class DesTables
    {
        // FIPS 46-3: S1..S8, each 4 rows of 16 columns.
        private static readonly byte[] SBoxes =
        {
            14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
            0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
            4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
            15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,

            15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
            3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
            0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
            13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,

            10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
            13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
            13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
            1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,

            7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
            13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
            10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
            3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,

            2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
            14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
            4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
            11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,

            12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
            10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
            9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
            4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,

            4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
            13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
            1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
            6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,

            13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
            1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
            7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
            2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11
        };

        // FIPS 46-3: permutation P (output bit i comes from input bit P[i], bits numbered from 1 at the left).
        private static readonly byte[] P =
        {
            16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
            2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25
        };

        /// <summary>FIPS 46-3 permuted choice 1: 28 bits of C, then 28 bits of D (key bits numbered from 1).</summary>
        internal static readonly byte[] Pc1 =
        {
            57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
            63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4
        };

        // FIPS 46-3 permuted choice 2 (bits of C||D numbered from 1).
        private static readonly byte[] Pc2 =
        {
            14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
            41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32
        };

        /// <summary>FIPS 46-3 left shifts of C and D per round.</summary>
        internal static readonly byte[] Shifts = { 1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1 };

        /// <summary>SP boxes: Sp[64 * i + v] is S-box i+1 applied to the 6-bit group v, then P, rotated left by 1.</summary>
        internal readonly uint[] Sp = new uint[8 * 64];

        /// <summary>
        /// PC-2 by nibbles: for nibble n of C (n = 0..6, from the left) or of D (n = 7..13) with value v,
        /// KeyBits[2 * (16 * n + v)] is its share of the odd-group round-key word, [+1] of the even one.
        /// </summary>
        internal readonly uint[] KeyBits = new uint[14 * 16 * 2];

        private static DesTables _instance;

        /// <summary>The tables, built on the first call.</summary>
        internal static DesTables Instance
        {
            // A race may build the tables twice; both results are equal and the field never goes back to null.
            get { if (_instance == null) _instance = new DesTables(); return _instance; }
        }

        private DesTables()
        {
            for (int box = 0; box < 8; box++)
            {
                for (int v = 0; v < 64; v++)
                {
                    // Row from the outer bits, column from the inner four (FIPS 46-3, "The functions S_i").
                    int row = ((v >> 4) & 2) | (v & 1);
                    int column = (v >> 1) & 15;
                    uint s = (uint)SBoxes[64 * box + 16 * row + column] << (28 - 4 * box);
                    uint permuted = 0;
                    for (int i = 0; i < 32; i++)
                    {
                        if (((s >> (32 - P[i])) & 1) != 0) permuted |= 1u << (31 - i);
                    }
                    Sp[64 * box + v] = (permuted << 1) | (permuted >> 31);
                }
            }
            for (int p = 0; p < 48; p++)
            {
                int bit = Pc2[p];                       // 1..56 in C||D
                int group = p / 6;                      // S-box index 0..7
                int word = group & 1;                   // 0: groups 1,3,5,7; 1: groups 2,4,6,8
                int shift = 24 - 8 * (group >> 1) + (5 - p % 6);
                int position = bit <= 28 ? bit - 1 : bit - 29;   // 0..27 from the left of C or D
                int nibble = (bit <= 28 ? 0 : 7) + position / 4;
                int nibbleBit = 3 - position % 4;
                for (int v = 0; v < 16; v++)
                {
                    if (((v >> nibbleBit) & 1) != 0) KeyBits[2 * (16 * nibble + v) + word] |= 1u << shift;
                }
            }
        }
    }
}
