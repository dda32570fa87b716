namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// SHA-1 (FIPS 180-4 section 6.1): the hash of EMV offline data authentication and of CA public key
    /// check sums (EMV 4.4 Book 2, Annex B3.1). Incremental use: <see cref="MessageDigest.Update(byte[], int, int)"/>
    /// then <see cref="MessageDigest.Final()"/>; one-shot: <see cref="Hash(byte[], int, int)"/>.
    /// </summary>
    public sealed class Sha1 : MessageDigest
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashLength = 20;

        private readonly uint[] _schedule = new uint[80];

        /// <summary>Creates a SHA-1 hash ready for input.</summary>
        public Sha1() : base(5) { }

        /// <summary>SHA-1 of data[offset..offset+length).</summary>
        public static byte[] Hash(byte[] data, int offset, int length)
        {
            return new Sha1().Compute(data, offset, length);
        }

        /// <summary>SHA-1 of the whole array.</summary>
        public static byte[] Hash(byte[] data)
        {
            return new Sha1().Compute(data, 0, data == null ? 0 : data.Length);
        }

        /// <inheritdoc/>
        protected override void SetInitialState()
        {
            // FIPS 180-4 5.3.1
            State[0] = 0x67452301;
            State[1] = 0xEFCDAB89;
            State[2] = 0x98BADCFE;
            State[3] = 0x10325476;
            State[4] = 0xC3D2E1F0;
        }

        /// <inheritdoc/>
        protected override void ProcessBlock(byte[] block, int offset)
        {
            // FIPS 180-4 6.1.2
            uint[] w = _schedule;
            for (int t = 0; t < 16; t++) w[t] = BigEndian.ReadUInt32(block, offset + 4 * t);
            for (int t = 16; t < 80; t++)
            {
                uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
                w[t] = (x << 1) | (x >> 31);
            }
            uint a = State[0], b = State[1], c = State[2], d = State[3], e = State[4];
            uint temp;
            int i = 0;
            for (; i < 20; i++)
            {
                temp = ((a << 5) | (a >> 27)) + ((b & c) | (~b & d)) + e + 0x5A827999 + w[i];
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp;
            }
            for (; i < 40; i++)
            {
                temp = ((a << 5) | (a >> 27)) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w[i];
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp;
            }
            for (; i < 60; i++)
            {
                temp = ((a << 5) | (a >> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w[i];
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp;
            }
            for (; i < 80; i++)
            {
                temp = ((a << 5) | (a >> 27)) + (b ^ c ^ d) + e + 0xCA62C1D6 + w[i];
                e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = temp;
            }
            State[0] += a;
            State[1] += b;
            State[2] += c;
            State[3] += d;
            State[4] += e;
        }
    }
}
