namespace Terminal.EmvKernel.Crypto
{
    /// <summary>ISO/IEC 9797-1 padding methods (clause 6.3).</summary>
    public enum Iso9797PaddingMethod
    {
        /// <summary>Zero bytes up to a block boundary; none when already whole blocks; empty data gives one zero block.</summary>
        Method1 = 1,

        /// <summary>One 0x80 byte, then zero bytes up to a block boundary (always adds at least one byte). EMV uses it for cryptograms and secure messaging.</summary>
        Method2 = 2,

        /// <summary>A first block holding the data length in bits (big-endian), then the data padded as method 1.</summary>
        Method3 = 3
    }

    /// <summary>
    /// ISO/IEC 9797-1 padding (clause 6.3) as separate bytes. The MACs in <see cref="Iso9797Mac"/> pad on the
    /// fly without this copy; use this where the padded data itself is needed (for example EMV secure
    /// messaging encipherment, EMV 4.4 Book 2, 9.3).
    /// </summary>
    public static class Iso9797Padding
    {
        /// <summary>Length of data of the given length after padding with method to blockSize.</summary>
        public static int PaddedLength(Iso9797PaddingMethod method, int blockSize, int length)
        {
            CheckArguments(method, blockSize, length);
            int blocks = method == Iso9797PaddingMethod.Method2 ? length / blockSize + 1 : (length + blockSize - 1) / blockSize;
            if (blocks == 0) blocks = 1;
            return (method == Iso9797PaddingMethod.Method3 ? blocks + 1 : blocks) * blockSize;
        }

        /// <summary>data[offset..offset+length) padded with method to a multiple of blockSize, as a new array.</summary>
        public static byte[] Pad(Iso9797PaddingMethod method, int blockSize, byte[] data, int offset, int length)
        {
            CryptoArguments.CheckRange(data, offset, length, "data");
            byte[] padded = new byte[PaddedLength(method, blockSize, length)];
            int at = 0;
            if (method == Iso9797PaddingMethod.Method3)
            {
                WriteLengthBlock(length, padded, blockSize);
                at = blockSize;
            }
            System.Array.Copy(data, offset, padded, at, length);
            if (method == Iso9797PaddingMethod.Method2) padded[at + length] = 0x80;
            return padded;
        }

        /// <summary>Writes the method 3 length block: the length in bits, big-endian, right-aligned in one block.</summary>
        internal static void WriteLengthBlock(int length, byte[] block, int blockSize)
        {
            long bits = (long)length << 3;
            System.Array.Clear(block, 0, blockSize);
            for (int i = 0; i < 8 && i < blockSize; i++) block[blockSize - 1 - i] = (byte)(bits >> (8 * i));
        }

        internal static void CheckArguments(Iso9797PaddingMethod method, int blockSize, int length)
        {
            if (method != Iso9797PaddingMethod.Method1 && method != Iso9797PaddingMethod.Method2 && method != Iso9797PaddingMethod.Method3)
            {
                throw new System.ArgumentException(string.Concat("unknown ISO/IEC 9797-1 padding method ", ((int)method).ToString()), "method");
            }
            if (blockSize != 8 && blockSize != 16)
            {
                throw new System.ArgumentException(string.Concat("block size must be 8 or 16, got ", blockSize.ToString()), "blockSize");
            }
            if (length < 0) throw new System.ArgumentOutOfRangeException("length", "length is negative");
        }
    }
}
