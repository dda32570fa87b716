namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4 section 6.2), used with AES DUKPT (HMAC-SHA-256, ANSI X9.24-3) and newer ODA
    /// schemes. Incremental use: <see cref="MessageDigest.Update(byte[], int, int)"/> then
    /// <see cref="MessageDigest.Final()"/>; one-shot: <see cref="Hash(byte[], int, int)"/>.
    /// </summary>
    public sealed class Sha256 : MessageDigest
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashLength = 32;

        // FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        private static readonly uint[] K =
        {
            0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
            0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
            0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
            0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
            0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
            0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
            0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
            0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2
        };

        private readonly uint[] _schedule = new uint[64];

        /// <summary>Creates a SHA-256 hash ready for input.</summary>
        public Sha256() : base(8) { }

        /// <summary>SHA-256 of data[offset..offset+length).</summary>
        public static byte[] Hash(byte[] data, int offset, int length)
        {
            return new Sha256().Compute(data, offset, length);
        }

        /// <summary>SHA-256 of the whole array.</summary>
        public static byte[] Hash(byte[] data)
        {
            return new Sha256().Compute(data, 0, data == null ? 0 : data.Length);
        }

        /// <inheritdoc/>
        protected override void SetInitialState()
        {
            // FIPS 180-4 5.3.3
            State[0] = 0x6A09E667;
            State[1] = 0xBB67AE85;
            State[2] = 0x3C6EF372;
            State[3] = 0xA54FF53A;
            State[4] = 0x510E527F;
            State[5] = 0x9B05688C;
            State[6] = 0x1F83D9AB;
            State[7] = 0x5BE0CD19;
        }

        /// <inheritdoc/>
        protected override void ProcessBlock(byte[] block, int offset)
        {
            // FIPS 180-4 6.2.2
            uint[] w = _schedule;
            uint[] k = K;
            for (int t = 0; t < 16; t++) w[t] = BigEndian.ReadUInt32(block, offset + 4 * t);
            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 2];
                uint y = w[t - 15];
                uint s1 = ((x >> 17) | (x << 15)) ^ ((x >> 19) | (x << 13)) ^ (x >> 10);
                uint s0 = ((y >> 7) | (y << 25)) ^ ((y >> 18) | (y << 14)) ^ (y >> 3);
                w[t] = s1 + w[t - 7] + s0 + w[t - 16];
            }
            uint a = State[0], b = State[1], c = State[2], d = State[3];
            uint e = State[4], f = State[5], g = State[6], h = State[7];
            for (int t = 0; t < 64; t++)
            {
                uint t1 = h + (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7)))
                    + ((e & f) ^ (~e & g)) + k[t] + w[t];
                uint t2 = (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10)))
                    + ((a & b) ^ (a & c) ^ (b & c));
                h = g; g = f; f = e; e = d + t1;
                d = c; c = b; b = a; a = t1 + t2;
            }
            State[0] += a;
            State[1] += b;
            State[2] += c;
            State[3] += d;
            State[4] += e;
            State[5] += f;
            State[6] += g;
            State[7] += h;
        }
    }
}
