using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// The 8-byte PIN blocks carried, enciphered, in PIN CHANGE/UNBLOCK issuer script commands
    /// (EMV 4.4 Book 3, 6.5.10): the VIS PIN block (Visa) and the ISO 9564-1 format 2 block (Mastercard,
    /// Interac, EMV). PINs are 4 to 12 decimal digits. Nothing here logs or puts PIN digits in a message.
    /// </summary>
    public static class PinChangeBlock
    {
        /// <summary>
        /// VIS PIN block (vector convention "pin_change"): (PIN length byte || PIN digits, 'F'-filled) xor
        /// ('00000000' || bytes 5-8 of the ICC master key for AC), then, when currentPin is given, xor the
        /// current PIN digits left-aligned and '0'-filled to 16 digits.
        /// </summary>
        public static byte[] Vis(byte[] iccMasterKeyAc, string newPin, string currentPin)
        {
            EmvBytes.RequireDoubleLengthKey(iccMasterKeyAc, "ICC master key for AC");
            byte[] block = LengthAndDigits(0x00, newPin, "new PIN");
            XorVisMask(block, iccMasterKeyAc, currentPin);
            return block;
        }

        /// <summary>ISO 9564-1 format 2: control '2', PIN length, PIN digits, 'F' fill.</summary>
        public static byte[] IsoFormat2(string pin)
        {
            return LengthAndDigits(0x20, pin, "PIN");
        }

        /// <summary>
        /// The card's recovery of the new PIN from a VIS PIN block; currentPin is the card's current PIN when the
        /// command says the block includes it (P2 = '01'), else null. Null when the block is not well formed.
        /// </summary>
        public static string RecoverVis(byte[] block, byte[] iccMasterKeyAc, string currentPin)
        {
            EmvBytes.RequireDoubleLengthKey(iccMasterKeyAc, "ICC master key for AC");
            if (block == null || block.Length != 8) return null;
            byte[] plain = new byte[8];
            System.Array.Copy(block, 0, plain, 0, 8);
            XorVisMask(plain, iccMasterKeyAc, currentPin);
            string pin = ReadLengthAndDigits(plain, 0x00);
            System.Array.Clear(plain, 0, 8);
            return pin;
        }

        /// <summary>The PIN of an ISO 9564-1 format 2 block, or null when the block is not well formed.</summary>
        public static string RecoverIsoFormat2(byte[] block)
        {
            if (block == null || block.Length != 8) return null;
            return ReadLengthAndDigits(block, 0x20);
        }

        private static void CheckPin(string pin, string name)
        {
            if (!DecimalText.IsDigits(pin, 4, 12))
                throw new EmvCryptoException(EmvCryptoError.InvalidPin, name + " must be 4 to 12 decimal digits");
        }

        private static byte[] LengthAndDigits(int control, string pin, string name)
        {
            CheckPin(pin, name);
            byte[] block = new byte[8];
            block[0] = (byte)(control | pin.Length);
            for (int i = 0; i < 14; i++)
            {
                int nibble = i < pin.Length ? pin[i] - '0' : 0x0F;
                if ((i & 1) == 0) block[1 + i / 2] = (byte)(nibble << 4);
                else block[1 + i / 2] |= (byte)nibble;
            }
            return block;
        }

        private static void XorVisMask(byte[] block, byte[] iccMasterKeyAc, string currentPin)
        {
            for (int i = 4; i < 8; i++) block[i] ^= iccMasterKeyAc[i];
            if (currentPin == null) return;
            CheckPin(currentPin, "current PIN");
            for (int i = 0; i < currentPin.Length; i++)
            {
                int nibble = currentPin[i] - '0';
                block[i / 2] ^= (byte)((i & 1) == 0 ? nibble << 4 : nibble);
            }
        }

        private static string ReadLengthAndDigits(byte[] block, int control)
        {
            int length = block[0] & 0x0F;
            if ((block[0] & 0xF0) != control || length < 4 || length > 12) return null;
            char[] digits = new char[length];
            for (int i = 0; i < 14; i++)
            {
                int nibble = (i & 1) == 0 ? block[1 + i / 2] >> 4 : block[1 + i / 2] & 0x0F;
                if (i < length)
                {
                    if (nibble > 9) return null;
                    digits[i] = (char)('0' + nibble);
                }
                else if (nibble != 0x0F) return null;
            }
            return new string(digits);
        }
    }
}
