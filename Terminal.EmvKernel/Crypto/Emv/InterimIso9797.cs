namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// INTERIM: ISO/IEC 9797-1 padding methods 1/2 and MAC algorithm 3 (retail MAC) on top of
    /// <see cref="ICryptoProvider.Tdes"/>, until the portable ISO 9797-1 MAC and padding classes land in
    /// Terminal.EmvKernel.Crypto. Then this file is deleted and its callers switch to those classes.
    /// </summary>
    internal static class InterimIso9797
    {
        /// <summary>ISO/IEC 9797-1 padding of data to a multiple of 8 bytes (methods 1 and 2).</summary>
        public static byte[] Pad(byte[] data, PaddingMethod method)
        {
            int length;
            if (method == PaddingMethod.Method2) length = (data.Length / 8 + 1) * 8;
            else if (method == PaddingMethod.Method1) length = data.Length == 0 ? 8 : (data.Length + 7) / 8 * 8;
            else throw new EmvCryptoException(EmvCryptoError.UnsupportedValue, "padding method must be ISO/IEC 9797-1 method 1 or 2");
            byte[] padded = new byte[length];
            System.Array.Copy(data, 0, padded, 0, data.Length);
            if (method == PaddingMethod.Method2) padded[data.Length] = 0x80;
            return padded;
        }

        /// <summary>
        /// ISO/IEC 9797-1 MAC algorithm 3 with a 16-byte key K1 || K2: single-DES CBC with K1 over the padded
        /// data, the last block then deciphered with K2 and enciphered with K1. Returns all 8 bytes.
        /// </summary>
        public static byte[] RetailMac(ICryptoProvider provider, byte[] key, byte[] data, PaddingMethod method)
        {
            byte[] padded = Pad(data, method);
            byte[] k1 = EmvBytes.Slice(key, 0, 8);
            byte[] chain = new byte[8];
            int last = padded.Length - 8;
            if (last > 0)
            {
                byte[] cbc = provider.Tdes(CipherDirection.Encrypt, k1, chain, padded, 0, last);
                chain = EmvBytes.Slice(cbc, last - 8, 8);
            }
            for (int i = 0; i < 8; i++) chain[i] ^= padded[last + i];
            // E(K1) D(K2) E(K1) of the final chained block is 2-key TDEA encipherment with K1 || K2.
            return provider.Tdes(CipherDirection.Encrypt, key, null, chain, 0, 8);
        }
    }
}
