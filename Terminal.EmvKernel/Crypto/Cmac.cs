namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// CMAC (NIST SP 800-38B; for AES also IETF RFC 4493) over any <see cref="IBlockCipher"/>: AES-CMAC for
    /// AES DUKPT (ANSI X9.24-3) and TDEA-CMAC. The tag is a whole block; callers that need a shorter MAC take
    /// its leftmost bytes (SP 800-38B 6.2 step 7). The message is read in place, never copied.
    /// </summary>
    public static class Cmac
    {
        /// <summary>The full-block CMAC of data[offset..offset+length) under the keyed cipher.</summary>
        public static byte[] Compute(IBlockCipher cipher, byte[] data, int offset, int length)
        {
            if (cipher == null) throw new System.ArgumentNullException("cipher");
            CryptoArguments.CheckRange(data, offset, length, "data");
            int b = cipher.BlockSize;
            byte[] k1 = new byte[b];
            byte[] k2 = new byte[b];
            GenerateSubkeys(cipher, k1, k2);

            // SP 800-38B 6.2: all blocks but the last are chained as in CBC-MAC.
            byte[] state = new byte[b];
            int blocks = length == 0 ? 1 : (length + b - 1) / b;
            int lastStart = offset + (blocks - 1) * b;
            for (int position = offset; position < lastStart; position += b)
            {
                for (int j = 0; j < b; j++) state[j] ^= data[position + j];
                cipher.EncryptBlock(state, 0, state, 0);
            }
            // The last block: complete -> xor K1; partial or empty -> pad with 10..0 and xor K2.
            int remaining = offset + length - lastStart;
            if (length > 0 && remaining == b)
            {
                for (int j = 0; j < b; j++) state[j] ^= (byte)(data[lastStart + j] ^ k1[j]);
            }
            else
            {
                for (int j = 0; j < remaining; j++) state[j] ^= data[lastStart + j];
                state[remaining] ^= 0x80;
                for (int j = 0; j < b; j++) state[j] ^= k2[j];
            }
            cipher.EncryptBlock(state, 0, state, 0);
            return state;
        }

        /// <summary>AES-CMAC (RFC 4493) with a 16-, 24- or 32-byte key; 16-byte tag.</summary>
        public static byte[] Aes(byte[] key, byte[] data, int offset, int length)
        {
            return Compute(new AesCipher(key), data, offset, length);
        }

        /// <summary>TDEA-CMAC (SP 800-38B) with a 16-byte (K1,K2,K1) or 24-byte key; 8-byte tag. An 8-byte key gives DES-CMAC.</summary>
        public static byte[] Tdes(byte[] key, byte[] data, int offset, int length)
        {
            return Compute(new DesCipher(key), data, offset, length);
        }

        /// <summary>
        /// The subkeys K1 and K2 (SP 800-38B 6.1; RFC 4493 2.3): L = E(K, 0^b), K1 = dbl(L), K2 = dbl(K1), where
        /// dbl is a left shift by one bit with R_b (0x87 for 128-bit, 0x1B for 64-bit blocks) xored in when
        /// the bit shifted out was 1. k1 and k2 must be one block long.
        /// </summary>
        public static void GenerateSubkeys(IBlockCipher cipher, byte[] k1, byte[] k2)
        {
            if (cipher == null) throw new System.ArgumentNullException("cipher");
            int b = cipher.BlockSize;
            if (k1 == null || k1.Length != b) throw new System.ArgumentException("k1 must be one cipher block long", "k1");
            if (k2 == null || k2.Length != b) throw new System.ArgumentException("k2 must be one cipher block long", "k2");
            byte rb = b == 16 ? (byte)0x87 : (byte)0x1B;
            System.Array.Clear(k1, 0, b);
            cipher.EncryptBlock(k1, 0, k1, 0);
            Double(k1, k1, rb);
            Double(k1, k2, rb);
        }

        private static void Double(byte[] input, byte[] output, byte rb)
        {
            int n = input.Length;
            bool carry = (input[0] & 0x80) != 0;
            for (int i = 0; i < n - 1; i++) output[i] = (byte)((input[i] << 1) | (input[i + 1] >> 7));
            output[n - 1] = (byte)(input[n - 1] << 1);
            if (carry) output[n - 1] ^= rb;
        }
    }
}
