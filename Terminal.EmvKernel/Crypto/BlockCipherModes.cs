namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// ECB and CBC over any <see cref="IBlockCipher"/> (NIST SP 800-38A sections 6.1 and 6.2), without
    /// padding: the data must be whole blocks. An iv of null selects ECB, otherwise CBC with that iv.
    /// </summary>
    public static class BlockCipherModes
    {
        /// <summary>Enciphers data[offset..offset+length) into a new array.</summary>
        public static byte[] Encrypt(IBlockCipher cipher, byte[] iv, byte[] data, int offset, int length)
        {
            return Process(cipher, CipherDirection.Encrypt, iv, data, offset, length);
        }

        /// <summary>Deciphers data[offset..offset+length) into a new array.</summary>
        public static byte[] Decrypt(IBlockCipher cipher, byte[] iv, byte[] data, int offset, int length)
        {
            return Process(cipher, CipherDirection.Decrypt, iv, data, offset, length);
        }

        /// <summary>Enciphers or deciphers data[offset..offset+length) into a new array.</summary>
        public static byte[] Process(IBlockCipher cipher, CipherDirection direction, byte[] iv, byte[] data, int offset, int length)
        {
            CryptoArguments.CheckRange(data, offset, length, "data");
            byte[] output = new byte[length];
            Process(cipher, direction, iv, data, offset, length, output, 0);
            return output;
        }

        /// <summary>
        /// Enciphers or deciphers data[offset..offset+length) into output[outputOffset..]. The output may be
        /// the input itself (in place) when outputOffset equals offset. Nothing is allocated for ECB and CBC
        /// encryption; CBC decryption keeps two blocks of chaining state.
        /// </summary>
        public static void Process(IBlockCipher cipher, CipherDirection direction, byte[] iv, byte[] data, int offset, int length, byte[] output, int outputOffset)
        {
            if (cipher == null) throw new System.ArgumentNullException("cipher");
            int blockSize = cipher.BlockSize;
            CryptoArguments.CheckRange(data, offset, length, "data");
            CryptoArguments.CheckRange(output, outputOffset, length, "output");
            CryptoArguments.CheckBlockMultiple(length, blockSize, "data");
            CryptoArguments.CheckIv(iv, blockSize);
            bool decrypt = direction == CipherDirection.Decrypt;
            if (iv == null)
            {
                for (int i = 0; i < length; i += blockSize)
                {
                    if (decrypt) cipher.DecryptBlock(data, offset + i, output, outputOffset + i);
                    else cipher.EncryptBlock(data, offset + i, output, outputOffset + i);
                }
            }
            else if (!decrypt)
            {
                // C[i] = E(P[i] xor C[i-1]), C[0] = iv. The previous ciphertext block is read back from output.
                byte[] previous = iv;
                int previousOffset = 0;
                for (int i = 0; i < length; i += blockSize)
                {
                    int o = outputOffset + i;
                    for (int j = 0; j < blockSize; j++) output[o + j] = (byte)(data[offset + i + j] ^ previous[previousOffset + j]);
                    cipher.EncryptBlock(output, o, output, o);
                    previous = output;
                    previousOffset = o;
                }
            }
            else
            {
                // P[i] = D(C[i]) xor C[i-1]. C[i] is saved first so that in-place decryption works.
                byte[] chain = new byte[2 * blockSize];
                System.Array.Copy(iv, 0, chain, 0, blockSize);
                int previous = 0;
                for (int i = 0; i < length; i += blockSize)
                {
                    int current = blockSize - previous;
                    System.Array.Copy(data, offset + i, chain, current, blockSize);
                    int o = outputOffset + i;
                    cipher.DecryptBlock(data, offset + i, output, o);
                    for (int j = 0; j < blockSize; j++) output[o + j] ^= chain[previous + j];
                    previous = current;
                }
            }
        }
    }
}
