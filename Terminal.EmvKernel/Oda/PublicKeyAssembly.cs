using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// Builds a recovered public key modulus from the certificate's key field and the remainder data object
    /// (EMV 4.4 Book 2, 5.3 step 12 and 6.4 step 11).
    /// </summary>
    internal static class PublicKeyAssembly
    {
        /// <summary>
        /// When the key length fits the certificate field, the key is its first keyLength bytes (the rest is BB
        /// padding); otherwise it is the whole field followed by the remainder, which must then be exactly
        /// keyLength - fieldLength bytes. Returns null when the lengths disagree.
        /// </summary>
        public static byte[] Modulus(byte[] recovered, int fieldOffset, int fieldLength, int keyLength, byte[] remainder)
        {
            if (keyLength == 0) return null;
            if (keyLength <= fieldLength) return EmvBytes.Slice(recovered, fieldOffset, keyLength);
            int remainderLength = remainder == null ? 0 : remainder.Length;
            if (remainderLength != keyLength - fieldLength) return null;
            byte[] key = new byte[keyLength];
            System.Array.Copy(recovered, fieldOffset, key, 0, fieldLength);
            System.Array.Copy(remainder, 0, key, fieldLength, remainderLength);
            return key;
        }
    }
}
