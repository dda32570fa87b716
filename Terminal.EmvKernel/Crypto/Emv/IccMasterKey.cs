using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// ICC master key derivation from an issuer master key (EMV 4.4 Book 2, Annex A1.4). The issuer derives the
    /// card's keys at personalisation (card simulator) and again per transaction (host simulator).
    /// PAN and PSN are decimal digit strings; a null or empty PSN means "00".
    /// </summary>
    public static class IccMasterKey
    {
        /// <summary>Derives the 16-byte ICC master key with the given option.</summary>
        public static byte[] Derive(ICryptoProvider provider, MasterKeyDerivation option, byte[] issuerMasterKey, string pan, string psn)
        {
            if (option == MasterKeyDerivation.OptionA) return DeriveOptionA(provider, issuerMasterKey, pan, psn);
            if (option == MasterKeyDerivation.OptionB) return DeriveOptionB(provider, issuerMasterKey, pan, psn);
            throw new EmvCryptoException(EmvCryptoError.UnsupportedValue, "master key derivation must be option A or B");
        }

        /// <summary>
        /// Option A (EMV 4.4 Book 2, A1.4.1): Y = rightmost 16 digits of PAN || PSN, left-padded with '0';
        /// MK = TDES(IMK, Y) || TDES(IMK, Y xor 'FF..FF'), odd parity on every byte.
        /// </summary>
        public static byte[] DeriveOptionA(ICryptoProvider provider, byte[] issuerMasterKey, string pan, string psn)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(issuerMasterKey, "issuer master key");
            return FromY(provider, issuerMasterKey, OptionAInput(pan, psn));
        }

        /// <summary>
        /// Option B (EMV 4.4 Book 2, A1.4.2): for a PAN of 16 digits or fewer it is option A. Otherwise
        /// Y = the first 16 decimal digits of SHA-1(PAN || PSN) (see <see cref="OptionBInput"/>), then as option A.
        /// </summary>
        public static byte[] DeriveOptionB(ICryptoProvider provider, byte[] issuerMasterKey, string pan, string psn)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(issuerMasterKey, "issuer master key");
            return FromY(provider, issuerMasterKey, OptionBInput(provider, pan, psn));
        }

        /// <summary>The 16-digit option A input Y: rightmost 16 digits of PAN || PSN, left-padded with '0' (A1.4.1).</summary>
        public static string OptionAInput(string pan, string psn)
        {
            string x = string.Concat(CheckPan(pan), CheckPsn(psn));
            if (x.Length >= 16) return x.Substring(x.Length - 16);
            return string.Concat(new string('0', 16 - x.Length), x);
        }

        /// <summary>
        /// The 16-digit option B input Y (EMV 4.4 Book 2, A1.4.2). PAN of 16 digits or fewer: the option A input.
        /// Otherwise X = PAN || PSN, left-padded with one '0' to an even number of digits and packed as BCD;
        /// Y = the decimal digits of the hexadecimal SHA-1(X) read left to right; when fewer than 16, the
        /// letters 'A'..'F' in order of occurrence follow, decimalised as 0..5.
        /// </summary>
        public static string OptionBInput(ICryptoProvider provider, string pan, string psn)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            string checkedPan = CheckPan(pan);
            string checkedPsn = CheckPsn(psn);
            if (checkedPan.Length <= 16) return OptionAInput(checkedPan, checkedPsn);

            string x = string.Concat(checkedPan, checkedPsn);
            if ((x.Length & 1) != 0) x = string.Concat("0", x);
            byte[] bcd = new byte[x.Length / 2];
            for (int i = 0; i < bcd.Length; i++)
                bcd[i] = (byte)(((x[2 * i] - '0') << 4) | (x[2 * i + 1] - '0'));
            byte[] digest = provider.Sha1(bcd, 0, bcd.Length);

            char[] y = new char[16];
            int count = 0;
            // First pass: the decimal nibbles; second pass: the nibbles A..F as 0..5.
            for (int pass = 0; pass < 2 && count < 16; pass++)
            {
                for (int i = 0; i < digest.Length * 2 && count < 16; i++)
                {
                    int nibble = (i & 1) == 0 ? digest[i / 2] >> 4 : digest[i / 2] & 0x0F;
                    if (pass == 0 && nibble <= 9) y[count++] = (char)('0' + nibble);
                    else if (pass == 1 && nibble > 9) y[count++] = (char)('0' + nibble - 10);
                }
            }
            return new string(y);
        }

        private static byte[] FromY(ICryptoProvider provider, byte[] issuerMasterKey, string y)
        {
            byte[] blocks = new byte[16];
            for (int i = 0; i < 8; i++)
            {
                blocks[i] = (byte)(((y[2 * i] - '0') << 4) | (y[2 * i + 1] - '0'));
                blocks[8 + i] = (byte)(blocks[i] ^ 0xFF);
            }
            byte[] key = provider.Tdes(CipherDirection.Encrypt, issuerMasterKey, null, blocks, 0, 16);
            EmvBytes.AdjustOddParity(key);
            return key;
        }

        private static string CheckPan(string pan)
        {
            // EMV 4.4 Book 3, Annex A: PAN (5A) is up to 19 digits.
            if (!DecimalText.IsDigits(pan, 1, 19))
                throw new EmvCryptoException(EmvCryptoError.InvalidPan, "PAN must be 1 to 19 decimal digits");
            return pan;
        }

        private static string CheckPsn(string psn)
        {
            if (psn == null || psn.Length == 0) return "00";
            if (!DecimalText.IsDigits(psn, 2, 2))
                throw new EmvCryptoException(EmvCryptoError.InvalidPanSequenceNumber, "PAN sequence number must be two decimal digits");
            return psn;
        }
    }
}
