namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>Argument checks and small byte operations shared by the EMV cryptography classes.</summary>
    internal static class EmvBytes
    {
        /// <summary>Length of a 2-key TDEA key (K1 || K2).</summary>
        public const int DoubleKeyLength = 16;

        /// <summary>Throws unless key is a 16-byte 2-key TDEA key. The message names the key, never its bytes.</summary>
        public static void RequireDoubleLengthKey(byte[] key, string name)
        {
            if (key == null) throw new EmvCryptoException(EmvCryptoError.MissingArgument, name + " is null");
            if (key.Length != DoubleKeyLength)
                throw new EmvCryptoException(EmvCryptoError.InvalidKeyLength,
                    name + " must be a 16-byte 2-key TDEA key, got " + key.Length.ToString() + " bytes");
        }

        /// <summary>Throws unless data is exactly length bytes.</summary>
        public static void RequireLength(byte[] data, int length, string name)
        {
            if (data == null) throw new EmvCryptoException(EmvCryptoError.MissingArgument, name + " is null");
            if (data.Length != length)
                throw new EmvCryptoException(EmvCryptoError.InvalidDataLength,
                    name + " must be " + length.ToString() + " bytes, got " + data.Length.ToString());
        }

        /// <summary>Throws unless data is between min and max bytes long.</summary>
        public static void RequireLengthBetween(byte[] data, int min, int max, string name)
        {
            if (data == null) throw new EmvCryptoException(EmvCryptoError.MissingArgument, name + " is null");
            if (data.Length < min || data.Length > max)
                throw new EmvCryptoException(EmvCryptoError.InvalidDataLength,
                    name + " must be " + min.ToString() + " to " + max.ToString() + " bytes, got " + data.Length.ToString());
        }

        /// <summary>
        /// ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with the 16-byte key over the whole of data, 8 bytes
        /// (EMV 4.4 Book 2, Annex A1.2.1), on the portable <see cref="Iso9797Mac"/>.
        /// </summary>
        public static byte[] RetailMac(byte[] key, byte[] data, Iso9797PaddingMethod padding)
        {
            return Iso9797Mac.Algorithm3(key, padding, data, 0, data.Length);
        }

        /// <summary>data padded with ISO/IEC 9797-1 method 2 to whole 8-byte blocks (<see cref="Iso9797Padding"/>).</summary>
        public static byte[] PadMethod2(byte[] data)
        {
            return Iso9797Padding.Pad(Iso9797PaddingMethod.Method2, 8, data, 0, data.Length);
        }

        /// <summary>Throws when the value is null.</summary>
        public static void RequireNotNull(object value, string name)
        {
            if (value == null) throw new EmvCryptoException(EmvCryptoError.MissingArgument, name + " is null");
        }

        /// <summary>
        /// Sets the least significant bit of each byte so that every byte has an odd number of 1 bits
        /// (DES key parity), in place. The EMV derivations apply it to each derived key (vector convention "tdea").
        /// </summary>
        public static void AdjustOddParity(byte[] key)
        {
            for (int i = 0; i < key.Length; i++)
            {
                int b = key[i] & 0xFE;
                int ones = 0;
                for (int v = b; v != 0; v >>= 1) ones += v & 1;
                key[i] = (byte)((ones & 1) == 0 ? b | 1 : b);
            }
        }
    }
}
