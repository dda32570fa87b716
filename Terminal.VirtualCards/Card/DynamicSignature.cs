using Terminal.EmvKernel.Crypto;

namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// Signed Dynamic Application Data (9F4B) produced by the card, EMV 4.4 Book 2, 6.5.1 (DDA, Table 17)
    /// and 6.6.1 (CDA): the N_IC-byte block '6A' || '05' || '01' (SHA-1) || LDD || ICC dynamic data ||
    /// 'BB' padding (N_IC - LDD - 25 bytes) || H || 'BC', signed with the ICC private key, where
    /// H = SHA-1('05' || '01' || LDD || ICC dynamic data || padding || terminal dynamic data).
    /// The terminal dynamic data is the DDOL data (DDA), the Unpredictable Number (CDA), or
    /// UN || amount || currency || 9F69 (fDDA, Book C-3).
    /// </summary>
    internal static class DynamicSignature
    {
        /// <summary>Fixed part of the signed block: header, format, hash algorithm, LDD, hash (20), trailer.</summary>
        public const int Overhead = 25;

        /// <summary>
        /// Signs. Returns null when the ICC dynamic data does not fit the key. tamper: corrupts the signed
        /// dynamic data after hashing (the terminal's hash check then fails).
        /// </summary>
        public static byte[] Sign(ICryptoProvider crypto, RsaPrivateCrtKey key, byte[] iccDynamicData,
            byte[] terminalDynamicData, bool tamper)
        {
            int n = key.ModulusLength;
            int ldd = iccDynamicData.Length;
            if (ldd > n - Overhead || ldd > 255) return null;
            byte[] block = new byte[n];
            block[0] = 0x6A;
            block[1] = 0x05;
            block[2] = 0x01;
            block[3] = (byte)ldd;
            System.Array.Copy(iccDynamicData, 0, block, 4, ldd);
            int padEnd = n - 21;
            for (int i = 4 + ldd; i < padEnd; i++) block[i] = 0xBB;
            int tdd = terminalDynamicData == null ? 0 : terminalDynamicData.Length;
            byte[] hashInput = new byte[padEnd - 1 + tdd];
            System.Array.Copy(block, 1, hashInput, 0, padEnd - 1);
            if (tdd > 0) System.Array.Copy(terminalDynamicData, 0, hashInput, padEnd - 1, tdd);
            byte[] hash = crypto.Sha1(hashInput, 0, hashInput.Length);
            System.Array.Copy(hash, 0, block, padEnd, 20);
            block[n - 1] = 0xBC;
            if (tamper) block[4] ^= 0x01;
            return Rsa.PrivateOperation(key, block);
        }
    }
}
