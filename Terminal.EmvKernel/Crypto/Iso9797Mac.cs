namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// ISO/IEC 9797-1 MAC algorithms 1 and 3 with DES/TDES, zero initial value, padding applied on the fly
    /// (the message is read in place, never copied). The result is the full 8-byte final block; an ISO 8583
    /// or EMV MAC of 4 to 8 bytes is its leftmost bytes (ISO/IEC 9797-1 7.1, output transformation and
    /// truncation).
    /// </summary>
    public static class Iso9797Mac
    {
        /// <summary>
        /// MAC algorithm 1 (CBC-MAC, ISO/IEC 9797-1 7.2) under any block cipher: the last block of the CBC
        /// encipherment of the padded data with a zero initial value.
        /// </summary>
        public static byte[] Algorithm1(IBlockCipher cipher, Iso9797PaddingMethod padding, byte[] data, int offset, int length)
        {
            if (cipher == null) throw new System.ArgumentNullException("cipher");
            CryptoArguments.CheckRange(data, offset, length, "data");
            Iso9797Padding.CheckArguments(padding, cipher.BlockSize, length);
            byte[] state = new byte[cipher.BlockSize];
            Chain(cipher, padding, data, offset, length, state);
            return state;
        }

        /// <summary>MAC algorithm 1 with a DES (8-byte) or TDES (16- or 24-byte) key.</summary>
        public static byte[] Algorithm1(byte[] key, Iso9797PaddingMethod padding, byte[] data, int offset, int length)
        {
            return Algorithm1(new DesCipher(key), padding, data, offset, length);
        }

        /// <summary>
        /// MAC algorithm 3 (ISO/IEC 9797-1 7.4; the ANSI X9.19 "retail MAC"): CBC-MAC with single DES under
        /// the left key half KL, then the final block deciphered with the right half KR and enciphered with KL.
        /// key is KL|KR, 16 bytes. Used for ISO 8583 MACs, DUKPT request/response MACs and EMV cryptograms
        /// (EMV 4.4 Book 2, Annex A1.2).
        /// </summary>
        public static byte[] Algorithm3(byte[] key, Iso9797PaddingMethod padding, byte[] data, int offset, int length)
        {
            if (key == null) throw new System.ArgumentNullException("key");
            if (key.Length != 16) throw CryptoArguments.BadKeyLength("retail MAC (ISO/IEC 9797-1 algorithm 3)", "16", key.Length);
            CryptoArguments.CheckRange(data, offset, length, "data");
            Iso9797Padding.CheckArguments(padding, DesCipher.BlockLength, length);
            DesCipher left = new DesCipher(key, 0, 8);
            DesCipher right = new DesCipher(key, 8, 8);
            byte[] state = new byte[DesCipher.BlockLength];
            Chain(left, padding, data, offset, length, state);
            // Output transformation 3: G = E(KL, D(KR, H_q)).
            right.DecryptBlock(state, 0, state, 0);
            left.EncryptBlock(state, 0, state, 0);
            return state;
        }

        /// <summary>CBC chaining (zero initial value) of the padded data into state, without building the padded copy.</summary>
        private static void Chain(IBlockCipher cipher, Iso9797PaddingMethod padding, byte[] data, int offset, int length, byte[] state)
        {
            int b = cipher.BlockSize;
            if (padding == Iso9797PaddingMethod.Method3)
            {
                Iso9797Padding.WriteLengthBlock(length, state, b);
                cipher.EncryptBlock(state, 0, state, 0);
            }
            int whole = length - length % b;
            for (int i = 0; i < whole; i += b)
            {
                for (int j = 0; j < b; j++) state[j] ^= data[offset + i + j];
                cipher.EncryptBlock(state, 0, state, 0);
            }
            int rest = length - whole;
            // A final padded block: method 2 always has one; methods 1 and 3 when bytes remain or the data is empty.
            if (rest > 0 || length == 0 || padding == Iso9797PaddingMethod.Method2)
            {
                for (int j = 0; j < rest; j++) state[j] ^= data[offset + whole + j];
                if (padding == Iso9797PaddingMethod.Method2) state[rest] ^= 0x80;
                cipher.EncryptBlock(state, 0, state, 0);
            }
        }
    }
}
