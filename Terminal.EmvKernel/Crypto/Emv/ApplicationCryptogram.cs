using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// Application cryptogram (ARQC, TC, AAC) computation: ISO/IEC 9797-1 MAC algorithm 3 with the AC key
    /// (a session key, or the ICC master key for Visa CVN 10) over the AC data, padded with method 1 or 2
    /// (EMV 4.4 Book 2, 8.1.2 and Annex A1.2.1). The AC data layout per scheme is in <see cref="CryptogramVersion"/>.
    /// The MAC runs on the portable <see cref="Iso9797Mac"/>; the provider argument keeps the layer's calls
    /// uniform (every operation takes the provider that its key derivations and TDES steps use).
    /// </summary>
    public static class ApplicationCryptogram
    {
        /// <summary>Length of an application cryptogram (9F26).</summary>
        public const int Length = 8;

        /// <summary>The 8-byte cryptogram over data with the 16-byte key.</summary>
        public static byte[] Generate(ICryptoProvider provider, byte[] key, byte[] data, Iso9797PaddingMethod padding)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(key, "application cryptogram key");
            EmvBytes.RequireNotNull(data, "application cryptogram data");
            if (padding != Iso9797PaddingMethod.Method1 && padding != Iso9797PaddingMethod.Method2)
                throw new EmvCryptoException(EmvCryptoError.UnsupportedValue, "application cryptogram padding must be ISO/IEC 9797-1 method 1 or 2");
            return EmvBytes.RetailMac(key, data, padding);
        }

        /// <summary>
        /// True when cryptogram is the 8-byte cryptogram of data (compared in fixed time). A cryptogram of
        /// another length is simply not valid (false), since it is received data.
        /// </summary>
        public static bool Verify(ICryptoProvider provider, byte[] key, byte[] data, Iso9797PaddingMethod padding, byte[] cryptogram)
        {
            byte[] expected = Generate(provider, key, data, padding);
            return Bytes.FixedTimeEquals(expected, cryptogram);
        }
    }
}
