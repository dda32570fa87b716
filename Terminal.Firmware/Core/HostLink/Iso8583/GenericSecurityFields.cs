using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Dialect A's security layout [K: a project convention shared with the host simulator; ISO 8583:1987 leaves
    /// DE 53 and DE 62 to the network] (docs/host-protocol.md, "DUKPT fields"): DE 53 (n16) = digit 1 key management
    /// (1 TDES DUKPT, 2 AES DUKPT), digit 2 PIN block format (0 or 4), digit 3 card data (0 clear in DE 2/35,
    /// 1 enciphered in DE 57), then 13 zeros; DE 62 = the KSN (10 bytes TDES, 12 bytes AES), followed for AES DUKPT
    /// by the 16-byte enciphered ISO 9564 format 4 PIN block (DE 52 holds only 8 bytes).
    /// </summary>
    public static class GenericSecurityFields
    {
        /// <summary>TDES DUKPT KSN length (X9.24-1).</summary>
        public const int TdesKsnLength = 10;
        /// <summary>AES DUKPT KSN length (X9.24-3).</summary>
        public const int AesKsnLength = 12;
        /// <summary>Format 4 PIN block length.</summary>
        public const int AesPinBlockLength = 16;

        /// <summary>DE 53 for a KSN of <paramref name="ksnLength"/> bytes (10 TDES, 12 AES).</summary>
        public static string Field53(int ksnLength, bool cardDataEnciphered)
        {
            bool aes = CheckKsnLength(ksnLength);
            return string.Concat(aes ? "24" : "10", cardDataEnciphered ? "1" : "0", "0000000000000");
        }

        /// <summary>
        /// Writes DE 53 and DE 62 into <paramref name="message"/>: <paramref name="ksn"/> (10 or 12 bytes), the AES
        /// PIN block (16 bytes, AES only) or null, and whether DE 57 carries the card data.
        /// </summary>
        public static void Write(Iso8583Message message, byte[] ksn, byte[] aesPinBlock, bool cardDataEnciphered)
        {
            if (message == null || ksn == null) throw new System.ArgumentNullException("ksn", "message and KSN are required");
            bool aes = CheckKsnLength(ksn.Length);
            if (aesPinBlock != null && (!aes || aesPinBlock.Length != AesPinBlockLength))
                throw new System.ArgumentException("a 16-byte format 4 PIN block goes with an AES DUKPT KSN only", "aesPinBlock");
            message.SetString(53, Field53(ksn.Length, cardDataEnciphered));
            message.SetBytes(62, aesPinBlock == null ? Bytes.Copy(ksn) : Bytes.Concat(ksn, aesPinBlock));
        }

        /// <summary>The KSN in DE 62 of a message in this layout (DE 53 names TDES or AES DUKPT), or null.</summary>
        public static byte[] ReadKsn(Iso8583Message message)
        {
            if (message == null) return null;
            string f53 = message.GetString(53);
            byte[] f62 = message.GetBytes(62);
            if (f53 == null || f62 == null || f53.Length != 16) return null;
            int length;
            if (f53[0] == '1' && f53[1] == '0') length = TdesKsnLength;
            else if (f53[0] == '2' && f53[1] == '4') length = AesKsnLength;
            else return null;
            if (f62.Length != length && !(length == AesKsnLength && f62.Length == AesKsnLength + AesPinBlockLength)) return null;
            return Bytes.Slice(f62, 0, length);
        }

        private static bool CheckKsnLength(int length)
        {
            if (length != TdesKsnLength && length != AesKsnLength)
                throw new System.ArgumentException("a DUKPT KSN has 10 (TDES) or 12 (AES) bytes", "ksn");
            return length == AesKsnLength;
        }
    }
}
