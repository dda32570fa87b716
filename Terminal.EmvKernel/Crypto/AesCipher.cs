namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// AES-128/192/256 (FIPS 197), chosen by the key length (16, 24 or 32 bytes). The round keys are computed
    /// once per instance (the decryption keys, for the equivalent inverse cipher of FIPS 197 5.3.5, on the first
    /// decryption), so keep the instance when enciphering many blocks under one key. Instances hold key material.
    /// </summary>
    public sealed class AesCipher : IBlockCipher
    {
        /// <summary>AES block length in bytes.</summary>
        public const int BlockLength = 16;

        private readonly AesTables _tables;
        private readonly uint[] _encrypt;
        private uint[] _decrypt;   // built on the first decryption; CMAC and key derivation never need it
        private readonly int _rounds;

        /// <summary>Keys a cipher with the whole array (16, 24 or 32 bytes).</summary>
        public AesCipher(byte[] key)
            : this(key, 0, key == null ? 0 : key.Length)
        {
        }

        /// <summary>Keys a cipher with key[offset..offset+length) (16, 24 or 32 bytes), without copying the key.</summary>
        public AesCipher(byte[] key, int offset, int length)
        {
            CryptoArguments.CheckRange(key, offset, length, "key");
            if (length != 16 && length != 24 && length != 32) throw CryptoArguments.BadKeyLength("AES", "16, 24 or 32", length);
            _tables = AesTables.Instance;
            _rounds = length / 4 + 6;
            _encrypt = new uint[4 * (_rounds + 1)];
            ExpandKey(key, offset, length);
        }

        /// <inheritdoc/>
        public int BlockSize { get { return BlockLength; } }

        /// <summary>The key length in bytes: 16, 24 or 32.</summary>
        public int KeyLength { get { return 4 * (_rounds - 6); } }

        /// <summary>AES of data[offset..offset+length) (whole blocks) into a new array; iv null = ECB, else CBC.</summary>
        public static byte[] Encrypt(byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return BlockCipherModes.Process(new AesCipher(key), CipherDirection.Encrypt, iv, data, offset, length);
        }

        /// <summary>AES decryption of data[offset..offset+length) into a new array; iv null = ECB, else CBC.</summary>
        public static byte[] Decrypt(byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return BlockCipherModes.Process(new AesCipher(key), CipherDirection.Decrypt, iv, data, offset, length);
        }

        private void ExpandKey(byte[] key, int offset, int length)
        {
            // FIPS 197 5.2
            byte[] sbox = _tables.SBox;
            uint[] w = _encrypt;
            int nk = length / 4;
            for (int i = 0; i < nk; i++) w[i] = BigEndian.ReadUInt32(key, offset + 4 * i);
            uint rcon = 1;
            for (int i = nk; i < w.Length; i++)
            {
                uint temp = w[i - 1];
                if (i % nk == 0)
                {
                    temp = ((uint)sbox[(int)((temp >> 16) & 0xFF)] << 24) | ((uint)sbox[(int)((temp >> 8) & 0xFF)] << 16)
                        | ((uint)sbox[(int)(temp & 0xFF)] << 8) | sbox[(int)(temp >> 24)];
                    temp ^= rcon << 24;
                    rcon = AesTables.Times2(rcon);
                }
                else if (nk > 6 && i % nk == 4)
                {
                    temp = ((uint)sbox[(int)(temp >> 24)] << 24) | ((uint)sbox[(int)((temp >> 16) & 0xFF)] << 16)
                        | ((uint)sbox[(int)((temp >> 8) & 0xFF)] << 8) | sbox[(int)(temp & 0xFF)];
                }
                w[i] = w[i - nk] ^ temp;
            }
        }

        /// <summary>FIPS 197 5.3.5: decryption round keys in reverse order, InvMixColumns on all but the first and last.</summary>
        private uint[] DecryptionKeys()
        {
            uint[] keys = _decrypt;
            if (keys != null) return keys;
            byte[] sbox = _tables.SBox;
            uint[] w = _encrypt;
            uint[] td0 = _tables.Td0;
            uint[] dk = new uint[w.Length];
            int last = 4 * _rounds;
            for (int j = 0; j < 4; j++)
            {
                dk[j] = w[last + j];
                dk[last + j] = w[j];
            }
            for (int r = 1; r < _rounds; r++)
            {
                for (int j = 0; j < 4; j++)
                {
                    uint x = w[4 * (_rounds - r) + j];
                    // Td0[S[b]] is InvMixColumns of the column (b, 0, 0, 0).
                    dk[4 * r + j] = td0[sbox[(int)(x >> 24)]] ^ Rotate8(td0[sbox[(int)((x >> 16) & 0xFF)]])
                        ^ Rotate16(td0[sbox[(int)((x >> 8) & 0xFF)]]) ^ Rotate24(td0[sbox[(int)(x & 0xFF)]]);
                }
            }
            _decrypt = dk;
            return dk;
        }

        /// <inheritdoc/>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            uint[] rk = _encrypt;
            uint[] te0 = _tables.Te0, te1 = _tables.Te1, te2 = _tables.Te2, te3 = _tables.Te3;
            uint s0 = BigEndian.ReadUInt32(input, inputOffset) ^ rk[0];
            uint s1 = BigEndian.ReadUInt32(input, inputOffset + 4) ^ rk[1];
            uint s2 = BigEndian.ReadUInt32(input, inputOffset + 8) ^ rk[2];
            uint s3 = BigEndian.ReadUInt32(input, inputOffset + 12) ^ rk[3];
            int k = 4;
            for (int round = 1; round < _rounds; round++)
            {
                // FIPS 197 5.1: SubBytes, ShiftRows, MixColumns and AddRoundKey as table look-ups.
                uint t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[k];
                uint t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[k + 1];
                uint t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[k + 2];
                uint t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[k + 3];
                s0 = t0; s1 = t1; s2 = t2; s3 = t3;
                k += 4;
            }
            byte[] sbox = _tables.SBox;
            BigEndian.WriteUInt32(output, outputOffset, Substitute(sbox, s0, s1, s2, s3) ^ rk[k]);
            BigEndian.WriteUInt32(output, outputOffset + 4, Substitute(sbox, s1, s2, s3, s0) ^ rk[k + 1]);
            BigEndian.WriteUInt32(output, outputOffset + 8, Substitute(sbox, s2, s3, s0, s1) ^ rk[k + 2]);
            BigEndian.WriteUInt32(output, outputOffset + 12, Substitute(sbox, s3, s0, s1, s2) ^ rk[k + 3]);
        }

        /// <inheritdoc/>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            uint[] rk = DecryptionKeys();
            uint[] td0 = _tables.Td0;
            uint s0 = BigEndian.ReadUInt32(input, inputOffset) ^ rk[0];
            uint s1 = BigEndian.ReadUInt32(input, inputOffset + 4) ^ rk[1];
            uint s2 = BigEndian.ReadUInt32(input, inputOffset + 8) ^ rk[2];
            uint s3 = BigEndian.ReadUInt32(input, inputOffset + 12) ^ rk[3];
            int k = 4;
            for (int round = 1; round < _rounds; round++)
            {
                // FIPS 197 5.3.5 equivalent inverse cipher; InvShiftRows takes row r from column c - r.
                // Td1..Td3 are Td0 rotated right by 8, 16, 24 bits (inlined: calls are dear on an interpreter).
                uint a = td0[(int)((s3 >> 16) & 0xFF)], b = td0[(int)((s2 >> 8) & 0xFF)], c = td0[(int)(s1 & 0xFF)];
                uint t0 = td0[(int)(s0 >> 24)] ^ ((a >> 8) | (a << 24)) ^ ((b >> 16) | (b << 16)) ^ ((c >> 24) | (c << 8)) ^ rk[k];
                a = td0[(int)((s0 >> 16) & 0xFF)]; b = td0[(int)((s3 >> 8) & 0xFF)]; c = td0[(int)(s2 & 0xFF)];
                uint t1 = td0[(int)(s1 >> 24)] ^ ((a >> 8) | (a << 24)) ^ ((b >> 16) | (b << 16)) ^ ((c >> 24) | (c << 8)) ^ rk[k + 1];
                a = td0[(int)((s1 >> 16) & 0xFF)]; b = td0[(int)((s0 >> 8) & 0xFF)]; c = td0[(int)(s3 & 0xFF)];
                uint t2 = td0[(int)(s2 >> 24)] ^ ((a >> 8) | (a << 24)) ^ ((b >> 16) | (b << 16)) ^ ((c >> 24) | (c << 8)) ^ rk[k + 2];
                a = td0[(int)((s2 >> 16) & 0xFF)]; b = td0[(int)((s1 >> 8) & 0xFF)]; c = td0[(int)(s0 & 0xFF)];
                uint t3 = td0[(int)(s3 >> 24)] ^ ((a >> 8) | (a << 24)) ^ ((b >> 16) | (b << 16)) ^ ((c >> 24) | (c << 8)) ^ rk[k + 3];
                s0 = t0; s1 = t1; s2 = t2; s3 = t3;
                k += 4;
            }
            byte[] inv = _tables.InverseSBox;
            BigEndian.WriteUInt32(output, outputOffset, Substitute(inv, s0, s3, s2, s1) ^ rk[k]);
            BigEndian.WriteUInt32(output, outputOffset + 4, Substitute(inv, s1, s0, s3, s2) ^ rk[k + 1]);
            BigEndian.WriteUInt32(output, outputOffset + 8, Substitute(inv, s2, s1, s0, s3) ^ rk[k + 2]);
            BigEndian.WriteUInt32(output, outputOffset + 12, Substitute(inv, s3, s2, s1, s0) ^ rk[k + 3]);
        }

        /// <summary>
        /// Last round (no MixColumns): byte 0 of a, 1 of b, 2 of c, 3 of d through the (inverse) S-box, so the
        /// order of the four state words performs the (inverse) ShiftRows.
        /// </summary>
        private static uint Substitute(byte[] box, uint a, uint b, uint c, uint d)
        {
            return ((uint)box[(int)(a >> 24)] << 24) | ((uint)box[(int)((b >> 16) & 0xFF)] << 16)
                | ((uint)box[(int)((c >> 8) & 0xFF)] << 8) | box[(int)(d & 0xFF)];
        }

        private static uint Rotate8(uint x) { return (x >> 8) | (x << 24); }

        private static uint Rotate16(uint x) { return (x >> 16) | (x << 16); }

        private static uint Rotate24(uint x) { return (x >> 24) | (x << 8); }
    }
}
