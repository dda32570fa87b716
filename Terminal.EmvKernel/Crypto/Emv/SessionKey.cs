namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// Session keys derived from an ICC master key: the EMV common session key derivation (EMV 4.4 Book 2,
    /// Annex A1.3.1) with the diversification values the schemes use, and the Visa secure-messaging key.
    /// </summary>
    public static class SessionKey
    {
        /// <summary>
        /// EMV common session key derivation (EMV 4.4 Book 2, A1.3.1): with the 8-byte diversification value
        /// R = R0..R7, SK = TDES(MK, R0 R1 'F0' R3..R7) || TDES(MK, R0 R1 '0F' R3..R7), odd parity on every byte.
        /// </summary>
        public static byte[] DeriveCommon(ICryptoProvider provider, byte[] iccMasterKey, byte[] r)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(iccMasterKey, "ICC master key");
            EmvBytes.RequireLength(r, 8, "diversification value R");
            byte[] blocks = new byte[16];
            System.Array.Copy(r, 0, blocks, 0, 8);
            System.Array.Copy(r, 0, blocks, 8, 8);
            blocks[2] = 0xF0;
            blocks[10] = 0x0F;
            byte[] key = provider.Tdes(CipherDirection.Encrypt, iccMasterKey, null, blocks, 0, 16);
            EmvBytes.AdjustOddParity(key);
            return key;
        }

        /// <summary>
        /// R = ATC || '000000000000', the AC session key diversification of EMV 4.4 Book 2, A1.3.1
        /// (Visa CVN 18/22, Mastercard CVN 20/21).
        /// </summary>
        public static byte[] AtcDiversification(byte[] atc)
        {
            EmvBytes.RequireLength(atc, 2, "ATC");
            byte[] r = new byte[8];
            r[0] = atc[0];
            r[1] = atc[1];
            return r;
        }

        /// <summary>
        /// R = ATC || '0000' || UN, the Mastercard session key derivation (SKD) used by M/Chip CVN 16/17
        /// and Interac CVN 133 (vector files' "Mastercard SKD").
        /// </summary>
        public static byte[] AtcAndUnpredictableNumberDiversification(byte[] atc, byte[] unpredictableNumber)
        {
            EmvBytes.RequireLength(atc, 2, "ATC");
            EmvBytes.RequireLength(unpredictableNumber, 4, "unpredictable number");
            byte[] r = new byte[8];
            r[0] = atc[0];
            r[1] = atc[1];
            System.Array.Copy(unpredictableNumber, 0, r, 4, 4);
            return r;
        }

        /// <summary>
        /// Visa secure-messaging session key (Visa VIS, CVN 10/18; vector convention "visa_sm_session_key"):
        /// left = MK left xor '000000000000' || ATC, right = MK right xor '000000000000' || (ATC xor 'FFFF'),
        /// odd parity on every byte. No cipher is involved.
        /// </summary>
        public static byte[] DeriveVisaSecureMessaging(byte[] iccMasterKey, byte[] atc)
        {
            EmvBytes.RequireDoubleLengthKey(iccMasterKey, "ICC master key");
            EmvBytes.RequireLength(atc, 2, "ATC");
            byte[] key = new byte[16];
            System.Array.Copy(iccMasterKey, 0, key, 0, 16);
            key[6] ^= atc[0];
            key[7] ^= atc[1];
            key[14] ^= (byte)(atc[0] ^ 0xFF);
            key[15] ^= (byte)(atc[1] ^ 0xFF);
            EmvBytes.AdjustOddParity(key);
            return key;
        }
    }
}
