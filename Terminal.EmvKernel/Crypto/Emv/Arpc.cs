using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// Authorisation Response Cryptogram (ARPC), EMV 4.4 Book 2, 8.2: the issuer proves the response to the
    /// card. Method 1 (8.2.1) answers with an ARC, method 2 (8.2.2) with a Card Status Update. Generation is
    /// the host's side; verification is the card's side. The Issuer Authentication Data (tag 91) carries
    /// ARPC || ARC (method 1) or ARPC || CSU || proprietary authentication data (method 2).
    /// </summary>
    public static class Arpc
    {
        /// <summary>
        /// Method 1 (EMV 4.4 Book 2, 8.2.1): ARPC = TDES(key, ARQC xor (ARC || '000000000000')), 8 bytes.
        /// The key is the ICC master key or the AC session key, as the cryptogram version says.
        /// </summary>
        public static byte[] GenerateMethod1(ICryptoProvider provider, byte[] key, byte[] arqc, byte[] arc)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(key, "ARPC key");
            EmvBytes.RequireLength(arqc, 8, "ARQC");
            EmvBytes.RequireLength(arc, 2, "authorisation response code");
            byte[] block = new byte[8];
            System.Array.Copy(arqc, 0, block, 0, 8);
            block[0] ^= arc[0];
            block[1] ^= arc[1];
            return provider.Tdes(CipherDirection.Encrypt, key, null, block, 0, 8);
        }

        /// <summary>True when arpc is the method 1 ARPC of arqc and arc (fixed-time compare; wrong length is false).</summary>
        public static bool VerifyMethod1(ICryptoProvider provider, byte[] key, byte[] arqc, byte[] arc, byte[] arpc)
        {
            return Bytes.FixedTimeEquals(GenerateMethod1(provider, key, arqc, arc), arpc);
        }

        /// <summary>
        /// Method 2 (EMV 4.4 Book 2, 8.2.2): ARPC = leftmost 4 bytes of ISO/IEC 9797-1 MAC algorithm 3, padding
        /// method 2, with the AC session key over ARQC || CSU || proprietary authentication data (0 to 8 bytes;
        /// null means none). The MAC runs on the portable <see cref="Iso9797Mac"/>; the provider argument keeps
        /// the calls of the layer uniform.
        /// </summary>
        public static byte[] GenerateMethod2(ICryptoProvider provider, byte[] key, byte[] arqc, byte[] csu, byte[] proprietaryAuthenticationData)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(key, "ARPC key");
            EmvBytes.RequireLength(arqc, 8, "ARQC");
            EmvBytes.RequireLength(csu, 4, "card status update");
            byte[] proprietary = proprietaryAuthenticationData == null ? new byte[0] : proprietaryAuthenticationData;
            EmvBytes.RequireLengthBetween(proprietary, 0, 8, "proprietary authentication data");
            byte[] mac = EmvBytes.RetailMac(key, Bytes.Concat(arqc, csu, proprietary), Iso9797PaddingMethod.Method2);
            return Bytes.Slice(mac, 0, 4);
        }

        /// <summary>True when arpc is the method 2 ARPC (fixed-time compare; wrong length is false).</summary>
        public static bool VerifyMethod2(ICryptoProvider provider, byte[] key, byte[] arqc, byte[] csu, byte[] proprietaryAuthenticationData, byte[] arpc)
        {
            return Bytes.FixedTimeEquals(GenerateMethod2(provider, key, arqc, csu, proprietaryAuthenticationData), arpc);
        }
    }
}
