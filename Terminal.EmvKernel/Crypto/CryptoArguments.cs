namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// Argument checks shared by the crypto code. Every failure is an <see cref="System.ArgumentException"/>
    /// (or its null / out-of-range subclasses) with a message naming the argument and the lengths involved;
    /// key bytes never appear in a message. Public so that every crypto caller (DUKPT, PIN blocks, the PC
    /// provider) reports bad input the same way.
    /// </summary>
    public static class CryptoArguments
    {
        /// <summary>Checks that array is not null and that [offset, offset+length) lies inside it.</summary>
        public static void CheckRange(byte[] array, int offset, int length, string name)
        {
            if (array == null) throw new System.ArgumentNullException(name);
            if (offset < 0 || length < 0 || offset > array.Length || length > array.Length - offset)
            {
                throw new System.ArgumentOutOfRangeException(name, string.Concat(
                    "offset ", offset.ToString(), " and length ", length.ToString(),
                    " do not fit in the ", array.Length.ToString(), "-byte ", name));
            }
        }

        /// <summary>Checks that length is a whole number of cipher blocks.</summary>
        public static void CheckBlockMultiple(int length, int blockSize, string name)
        {
            if (length % blockSize != 0)
            {
                throw new System.ArgumentException(string.Concat(
                    name, " length ", length.ToString(), " is not a multiple of the ",
                    blockSize.ToString(), "-byte cipher block"), name);
            }
        }

        /// <summary>Checks that an initial value is null (ECB) or exactly one block long.</summary>
        public static void CheckIv(byte[] iv, int blockSize)
        {
            if (iv != null && iv.Length != blockSize)
            {
                throw new System.ArgumentException(string.Concat(
                    "iv must be ", blockSize.ToString(), " bytes, got ", iv.Length.ToString()), "iv");
            }
        }

        /// <summary>The error for a key of the wrong length; only the length is reported, never the key.</summary>
        public static System.ArgumentException BadKeyLength(string algorithm, string allowed, int actual)
        {
            return new System.ArgumentException(string.Concat(
                algorithm, " key must be ", allowed, " bytes, got ", actual.ToString(), " bytes"), "key");
        }
    }
}
