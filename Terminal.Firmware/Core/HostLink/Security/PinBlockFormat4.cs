using Terminal.EmvKernel.Crypto;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// ISO 9564-1:2017 format 4 (AES, 9.4): PIN field = 4 | length | PIN | A fill to 16 nibbles | 8 random bytes;
    /// PAN field = (PAN length - 12, at least 0) | PAN left-padded with zeros to 12 digits | zero fill to 32
    /// nibbles; enciphered block = AES(K, AES(K, PIN field) xor PAN field). <see cref="Encipher"/> wipes the
    /// caller's PIN digit buffer and every intermediate buffer.
    /// </summary>
    public static class PinBlockFormat4
    {
        /// <summary>Bytes of the PIN field, PAN field and enciphered block.</summary>
        public const int BlockLength = 16;

        /// <summary>
        /// Builds the PIN field; the 8 random bytes come from <paramref name="random"/>. Wipes <paramref name="pinDigits"/>.
        /// The result holds the clear PIN: wipe it after use.
        /// </summary>
        public static byte[] PinField(byte[] pinDigits, IRandomSource random)
        {
            byte[] field = null;
            try
            {
                PinBlock.CheckPin(pinDigits);
                if (random == null) throw new System.ArgumentNullException("random");
                field = new byte[BlockLength];
                PinBlock.SetNibble(field, 0, 4);
                PinBlock.SetNibble(field, 1, pinDigits.Length);
                for (int i = 0; i < 14; i++) PinBlock.SetNibble(field, 2 + i, i < pinDigits.Length ? pinDigits[i] : 0x0A);
                random.NextBytes(field, 8, 8);
                byte[] result = field;
                field = null;
                return result;
            }
            finally
            {
                KeyBytes.Wipe(pinDigits);
                KeyBytes.Wipe(field);
            }
        }

        /// <summary>The PAN field of a 1..19-digit PAN.</summary>
        public static byte[] PanField(string pan)
        {
            PinBlock.CheckPan(pan, 1);
            byte[] field = new byte[BlockLength];
            int m = pan.Length > 12 ? pan.Length - 12 : 0;
            PinBlock.SetNibble(field, 0, m);
            int pad = pan.Length < 12 ? 12 - pan.Length : 0;
            for (int i = 0; i < pan.Length; i++) PinBlock.SetNibble(field, 1 + pad + i, pan[i] - '0');
            return field;
        }

        /// <summary>
        /// Enciphers a format 4 PIN block under the AES key (16, 24 or 32 bytes). Wipes <paramref name="pinDigits"/>.
        /// </summary>
        public static byte[] Encipher(byte[] key, byte[] pinDigits, string pan, IRandomSource random)
        {
            byte[] pinField = null;
            byte[] blockA = null;
            try
            {
                CheckKey(key);
                byte[] panField = PanField(pan);
                pinField = PinField(pinDigits, random);
                blockA = AesCipher.Encrypt(key, null, pinField, 0, BlockLength);
                KeyBytes.XorInto(blockA, 0, panField, 0, BlockLength);
                return AesCipher.Encrypt(key, null, blockA, 0, BlockLength);
            }
            finally
            {
                KeyBytes.Wipe(pinDigits);
                KeyBytes.Wipe(pinField);
                KeyBytes.Wipe(blockA);
            }
        }

        /// <summary>
        /// Deciphers a format 4 block (host side) and returns the clear PIN field (16 bytes, wipe after use),
        /// without checking it. Use <see cref="DecodePinField"/> to get the PIN.
        /// </summary>
        public static byte[] DecipherPinField(byte[] key, byte[] block, string pan)
        {
            CheckKey(key);
            if (block == null || block.Length != BlockLength) throw new SecurityException(SecurityError.PinBlockLength, "a format 4 PIN block has 16 bytes");
            byte[] panField = PanField(pan);
            byte[] b = AesCipher.Decrypt(key, null, block, 0, BlockLength);
            KeyBytes.XorInto(b, 0, panField, 0, BlockLength);
            byte[] field = AesCipher.Decrypt(key, null, b, 0, BlockLength);
            KeyBytes.Wipe(b);
            return field;
        }

        /// <summary>Deciphers and decodes a format 4 block: the PIN digits (values 0..9; wipe after use).</summary>
        public static byte[] Decipher(byte[] key, byte[] block, string pan)
        {
            byte[] field = DecipherPinField(key, block, pan);
            try
            {
                return DecodePinField(field);
            }
            finally
            {
                KeyBytes.Wipe(field);
            }
        }

        /// <summary>Checks a PIN field (control 4, length 4..12, digits, A fill) and returns the PIN digits.</summary>
        public static byte[] DecodePinField(byte[] pinField)
        {
            if (pinField == null || pinField.Length != BlockLength) throw new SecurityException(SecurityError.PinBlockLength, "a format 4 PIN field has 16 bytes");
            return PinBlock.DecodePinField(pinField, 4, 14, 0x0A, 0x0A);
        }

        private static void CheckKey(byte[] key)
        {
            if (key == null || (key.Length != 16 && key.Length != 24 && key.Length != 32))
                throw new SecurityException(SecurityError.BadKeyLength, "AES key has the wrong length");
        }
    }
}
