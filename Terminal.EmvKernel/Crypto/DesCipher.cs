namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// DES (FIPS 46-3) and TDEA (NIST SP 800-67) with the key length choosing the algorithm:
    /// 8 bytes = single DES; 16 bytes = 2-key TDEA K1|K2 used as K1,K2,K1; 24 bytes = 3-key TDEA
    /// E(K3, D(K2, E(K1, x))). Parity bits are ignored and weak keys are accepted (payment test keys use
    /// them). The key schedule is computed once per instance, so keep the instance when enciphering many
    /// blocks under one key. Instances hold key material: do not share them beyond the key's use.
    /// </summary>
    public sealed class DesCipher : IBlockCipher
    {
        /// <summary>DES block length in bytes.</summary>
        public const int BlockLength = 8;

        private readonly DesTables _tables;
        private readonly uint[] _encrypt;   // round-key words in the order encryption uses them
        private readonly uint[] _decrypt;   // the same for decryption
        private readonly int _keyLength;

        /// <summary>Keys a cipher with the whole array (8, 16 or 24 bytes).</summary>
        public DesCipher(byte[] key)
            : this(key, 0, key == null ? 0 : key.Length)
        {
        }

        /// <summary>Keys a cipher with key[offset..offset+length) (8, 16 or 24 bytes), without copying the key.</summary>
        public DesCipher(byte[] key, int offset, int length)
        {
            CryptoArguments.CheckRange(key, offset, length, "key");
            int stages = Stages(length);
            _tables = DesTables.Instance;
            _keyLength = length;
            _encrypt = new uint[stages * 32];
            _decrypt = new uint[stages * 32];
            Schedule(key, offset);
        }

        /// <inheritdoc/>
        public int BlockSize { get { return BlockLength; } }

        /// <summary>The key length this cipher was made with: 8, 16 or 24.</summary>
        public int KeyLength { get { return _keyLength; } }

        /// <summary>DES/TDES of data[offset..offset+length) (whole blocks) into a new array; iv null = ECB, else CBC.</summary>
        public static byte[] Encrypt(byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return BlockCipherModes.Process(new DesCipher(key), CipherDirection.Encrypt, iv, data, offset, length);
        }

        /// <summary>DES/TDES decryption of data[offset..offset+length) into a new array; iv null = ECB, else CBC.</summary>
        public static byte[] Decrypt(byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return BlockCipherModes.Process(new DesCipher(key), CipherDirection.Decrypt, iv, data, offset, length);
        }

        /// <inheritdoc/>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            Crypt(_encrypt, input, inputOffset, output, outputOffset);
        }

        /// <inheritdoc/>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            Crypt(_decrypt, input, inputOffset, output, outputOffset);
        }

        private static int Stages(int keyLength)
        {
            if (keyLength == 8) return 1;
            if (keyLength == 16 || keyLength == 24) return 3;
            throw CryptoArguments.BadKeyLength("DES/TDES", "8, 16 or 24", keyLength);
        }

        private void Schedule(byte[] key, int offset)
        {
            if (_keyLength == 8)
            {
                ScheduleOne(key, offset, _encrypt, 0);
                Reverse(_encrypt, 0, _decrypt, 0);
                return;
            }
            // SP 800-67 3.1: encryption is E(K1), D(K2), E(K3) in that order, decryption D(K3), E(K2), D(K1).
            // Each distinct DES key is scheduled once; the other orders are copies (decryption = rounds reversed).
            ScheduleOne(key, offset, _encrypt, 0);                              // E K1
            ScheduleOne(key, offset + 8, _decrypt, 32);                         // E K2
            if (_keyLength == 24) ScheduleOne(key, offset + 16, _encrypt, 64);  // E K3
            else System.Array.Copy(_encrypt, 0, _encrypt, 64, 32);              // 2-key: K3 = K1
            Reverse(_decrypt, 32, _encrypt, 32);                                // D K2
            Reverse(_encrypt, 64, _decrypt, 0);                                 // D K3
            Reverse(_encrypt, 0, _decrypt, 64);                                 // D K1
        }

        /// <summary>Copies the 16 round keys (two words each) of one DES schedule in reverse round order.</summary>
        private static void Reverse(uint[] source, int sourceStart, uint[] target, int targetStart)
        {
            for (int round = 0; round < 16; round++)
            {
                target[targetStart + 2 * round] = source[sourceStart + 30 - 2 * round];
                target[targetStart + 2 * round + 1] = source[sourceStart + 31 - 2 * round];
            }
        }

        /// <summary>FIPS 46-3 key schedule of one 8-byte DES key into 32 round-key words at ks[start], in encryption order.</summary>
        private void ScheduleOne(byte[] key, int offset, uint[] ks, int start)
        {
            byte[] pc1 = DesTables.Pc1;
            uint c = 0, d = 0;
            for (int i = 0; i < 28; i++)
            {
                int b = pc1[i] - 1;
                c = (c << 1) | (uint)((key[offset + (b >> 3)] >> (7 - (b & 7))) & 1);
                b = pc1[28 + i] - 1;
                d = (d << 1) | (uint)((key[offset + (b >> 3)] >> (7 - (b & 7))) & 1);
            }
            uint[] bits = _tables.KeyBits;
            byte[] shifts = DesTables.Shifts;
            for (int round = 0; round < 16; round++)
            {
                int s = shifts[round];
                c = ((c << s) | (c >> (28 - s))) & 0x0FFFFFFF;
                d = ((d << s) | (d >> (28 - s))) & 0x0FFFFFFF;
                uint odd = 0, even = 0;
                for (int n = 0; n < 7; n++)
                {
                    int i = (int)(2 * (16 * n + ((c >> (24 - 4 * n)) & 15)));
                    odd |= bits[i];
                    even |= bits[i + 1];
                    i = (int)(2 * (16 * (7 + n) + ((d >> (24 - 4 * n)) & 15)));
                    odd |= bits[i];
                    even |= bits[i + 1];
                }
                int at = start + 2 * round;
                ks[at] = odd;
                ks[at + 1] = even;
            }
        }

        /// <summary>
        /// One DES or TDES block. The initial and final permutations are the usual swap sequence (equal to
        /// FIPS 46-3 IP and IP^-1, with both halves left rotated by one bit); between TDES stages they cancel,
        /// so only the halves are exchanged.
        /// </summary>
        private void Crypt(uint[] ks, byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            uint[] sp = _tables.Sp;
            uint left = BigEndian.ReadUInt32(input, inputOffset);
            uint right = BigEndian.ReadUInt32(input, inputOffset + 4);
            uint work;

            work = ((left >> 4) ^ right) & 0x0F0F0F0F; right ^= work; left ^= work << 4;
            work = ((left >> 16) ^ right) & 0x0000FFFF; right ^= work; left ^= work << 16;
            work = ((right >> 2) ^ left) & 0x33333333; left ^= work; right ^= work << 2;
            work = ((right >> 8) ^ left) & 0x00FF00FF; left ^= work; right ^= work << 8;
            right = (right << 1) | (right >> 31);
            work = (left ^ right) & 0xAAAAAAAA; left ^= work; right ^= work;
            left = (left << 1) | (left >> 31);

            int k = 0;
            int end = ks.Length;
            while (true)
            {
                int stageEnd = k + 32;
                while (k < stageEnd)
                {
                    work = ((right << 28) | (right >> 4)) ^ ks[k];
                    uint f = sp[(int)(work & 0x3F) + 384] | sp[(int)((work >> 8) & 0x3F) + 256]
                        | sp[(int)((work >> 16) & 0x3F) + 128] | sp[(int)((work >> 24) & 0x3F)];
                    work = right ^ ks[k + 1];
                    f |= sp[(int)(work & 0x3F) + 448] | sp[(int)((work >> 8) & 0x3F) + 320]
                        | sp[(int)((work >> 16) & 0x3F) + 192] | sp[(int)((work >> 24) & 0x3F) + 64];
                    left ^= f;

                    work = ((left << 28) | (left >> 4)) ^ ks[k + 2];
                    f = sp[(int)(work & 0x3F) + 384] | sp[(int)((work >> 8) & 0x3F) + 256]
                        | sp[(int)((work >> 16) & 0x3F) + 128] | sp[(int)((work >> 24) & 0x3F)];
                    work = left ^ ks[k + 3];
                    f |= sp[(int)(work & 0x3F) + 448] | sp[(int)((work >> 8) & 0x3F) + 320]
                        | sp[(int)((work >> 16) & 0x3F) + 192] | sp[(int)((work >> 24) & 0x3F) + 64];
                    right ^= f;
                    k += 4;
                }
                if (k >= end) break;
                // Next TDES stage: IP(IP^-1(R16 L16)) = R16 L16.
                work = left; left = right; right = work;
            }

            right = (right << 31) | (right >> 1);
            work = (left ^ right) & 0xAAAAAAAA; left ^= work; right ^= work;
            left = (left << 31) | (left >> 1);
            work = ((left >> 8) ^ right) & 0x00FF00FF; right ^= work; left ^= work << 8;
            work = ((left >> 2) ^ right) & 0x33333333; right ^= work; left ^= work << 2;
            work = ((right >> 16) ^ left) & 0x0000FFFF; left ^= work; right ^= work << 16;
            work = ((right >> 4) ^ left) & 0x0F0F0F0F; left ^= work; right ^= work << 4;

            BigEndian.WriteUInt32(output, outputOffset, right);
            BigEndian.WriteUInt32(output, outputOffset + 4, left);
        }
    }
}
