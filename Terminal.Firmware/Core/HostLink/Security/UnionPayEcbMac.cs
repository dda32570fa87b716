using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// The UnionPay POS terminal "ECB" MAC over the MAC block (docs/host-protocol.md, "UnionPay MAC") [K: written
    /// from the algorithm's common description in UnionPay POS terminal integration guides; no public test vector
    /// exists, it is tested against an independent implementation and a hand-checked case only and is unverified
    /// against a real host]:
    /// <list type="number">
    /// <item>the data in 8-byte blocks, the last one padded with 00 bytes (no padding when the length is a multiple of 8; empty data is one zero block);</item>
    /// <item>all blocks XORed into one 8-byte block;</item>
    /// <item>that block as 16 uppercase hex characters (ASCII);</item>
    /// <item>the first 8 characters enciphered (DES, or TDES with a double-length key, ECB) under the MAC key;</item>
    /// <item>the result XORed with the last 8 characters;</item>
    /// <item>enciphered again under the MAC key;</item>
    /// <item>the result as 16 uppercase hex characters; the MAC is the first 8 characters (8 ASCII bytes).</item>
    /// </list>
    /// </summary>
    public static class UnionPayEcbMac
    {
        /// <summary>Length of the MAC (ASCII characters).</summary>
        public const int MacLength = 8;

        /// <summary>The 8-byte (ASCII hex) MAC of <paramref name="data"/> under an 8- or 16-byte DES/TDES key.</summary>
        public static byte[] Compute(byte[] key, byte[] data, int offset, int length)
        {
            KeyBytes.RequireLength(key, 8, 16, "UnionPay MAC key");
            if (data == null || offset < 0 || length < 0 || offset > data.Length - length)
                throw new System.ArgumentOutOfRangeException("length", "MAC data range outside the buffer");
            byte[] xor = new byte[8];
            for (int i = 0; i < length; i++) xor[i % 8] ^= data[offset + i];
            byte[] hex = Ascii(Hex.Encode(xor));
            byte[] first = DesCipher.Encrypt(key, null, hex, 0, 8);
            for (int i = 0; i < 8; i++) first[i] ^= hex[8 + i];
            byte[] second = DesCipher.Encrypt(key, null, first, 0, 8);
            byte[] mac = Bytes.Slice(Ascii(Hex.Encode(second)), 0, MacLength);
            KeyBytes.Wipe(first);
            KeyBytes.Wipe(second);
            return mac;
        }

        private static byte[] Ascii(string text)
        {
            byte[] b = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) b[i] = (byte)text[i];
            return b;
        }
    }
}
