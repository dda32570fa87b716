using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// ISO 9564-1:2017 clear PIN blocks, formats 0 to 3 (8 bytes). The clear PIN is given as a byte[] of digit
    /// values 0..9; <see cref="Encode"/> WIPES that buffer (Array.Clear) before returning, whether it succeeds or
    /// not, and wipes its own intermediate buffers. Decoding (host side) returns the PIN digits in a new buffer
    /// the caller must wipe. Every rejection is a <see cref="SecurityException"/> naming the rule, never the PIN.
    /// </summary>
    public static class PinBlock
    {
        /// <summary>Format 0 (ISO 9564-1 9.3.2): 0 | length | PIN | F fill, xor the PAN field.</summary>
        public const int Format0 = 0;
        /// <summary>Format 1 (9.3.3): 1 | length | PIN | free fill (transaction field), no PAN.</summary>
        public const int Format1 = 1;
        /// <summary>Format 2 (9.3.4): 2 | length | PIN | F fill, no PAN (EMV offline PIN).</summary>
        public const int Format2 = 2;
        /// <summary>Format 3 (9.3.5): 3 | length | PIN | random A..F fill, xor the PAN field.</summary>
        public const int Format3 = 3;
        /// <summary>Bytes of a format 0..3 block.</summary>
        public const int BlockLength = 8;
        /// <summary>Shortest PIN.</summary>
        public const int MinPinLength = 4;
        /// <summary>Longest PIN.</summary>
        public const int MaxPinLength = 12;

        /// <summary>
        /// Builds a clear PIN block of <paramref name="format"/> (0..3). <paramref name="pan"/> (decimal digits,
        /// check digit included) is needed by formats 0 and 3. <paramref name="random"/> supplies the fill of
        /// formats 1 (fill nibble = low nibble of each byte) and 3 (fill nibble = A + byte mod 6); it may be null
        /// for formats 0 and 2. The caller's <paramref name="pinDigits"/> is all zero when this returns or throws.
        /// </summary>
        public static byte[] Encode(int format, byte[] pinDigits, string pan, IRandomSource random)
        {
            byte[] fill = null;
            byte[] block = null;
            try
            {
                if (format < Format0 || format > Format3) throw new SecurityException(SecurityError.PinBlockControlField, "PIN block format must be 0..3");
                CheckPin(pinDigits);
                int n = pinDigits.Length;
                block = new byte[BlockLength];
                if (format == Format1 || format == Format3)
                {
                    if (random == null) throw new System.ArgumentNullException("random");
                    fill = new byte[14 - n];
                    random.NextBytes(fill, 0, fill.Length);
                }
                SetNibble(block, 0, format);
                SetNibble(block, 1, n);
                for (int i = 0; i < 14; i++)
                {
                    int v;
                    if (i < n) v = pinDigits[i];
                    else if (format == Format1) v = fill[i - n] & 0x0F;
                    else if (format == Format3) v = 0x0A + (fill[i - n] % 6);
                    else v = 0x0F;
                    SetNibble(block, 2 + i, v);
                }
                if (format == Format0 || format == Format3) XorPanField(block, pan);
                byte[] result = block;
                block = null;
                return result;
            }
            finally
            {
                KeyBytes.Wipe(pinDigits);
                KeyBytes.Wipe(fill);
                KeyBytes.Wipe(block);
            }
        }

        /// <summary>
        /// Decodes a clear PIN block of <paramref name="format"/> (0..3) and returns the PIN digits (values 0..9).
        /// Rejects a wrong control field, a length outside 4..12, non-decimal PIN digits and fill digits that break
        /// the format (0 and 2: all F; 3: A..F; 1: any) with <see cref="SecurityException"/>.
        /// </summary>
        public static byte[] Decode(int format, byte[] block, string pan)
        {
            if (format < Format0 || format > Format3) throw new SecurityException(SecurityError.PinBlockControlField, "PIN block format must be 0..3");
            if (block == null || block.Length != BlockLength) throw new SecurityException(SecurityError.PinBlockLength, "a PIN block has 8 bytes");
            byte[] clear = Bytes.Copy(block);
            try
            {
                if (format == Format0 || format == Format3) XorPanField(clear, pan);
                int fillLow = format == Format1 ? 0x00 : (format == Format3 ? 0x0A : 0x0F);
                return DecodePinField(clear, format, 14, fillLow, 0x0F);
            }
            finally
            {
                KeyBytes.Wipe(clear);
            }
        }

        /// <summary>
        /// Checks control, length, digits and fill of a PIN field (shared by formats 0..4): the fill nibbles after
        /// the PIN up to nibble 2 + <paramref name="fieldDigits"/> must lie in [fillLow, fillHigh].
        /// </summary>
        internal static byte[] DecodePinField(byte[] field, int control, int fieldDigits, int fillLow, int fillHigh)
        {
            int c = Nibble(field, 0);
            if (c != control) throw new SecurityException(SecurityError.PinBlockControlField, string.Concat("control field is ", c.ToString(), ", not ", control.ToString()));
            int n = Nibble(field, 1);
            if (n < MinPinLength || n > MaxPinLength) throw new SecurityException(SecurityError.PinLength, "PIN length outside 4..12");
            for (int i = 0; i < n; i++)
                if (Nibble(field, 2 + i) > 9) throw new SecurityException(SecurityError.PinDigits, "PIN digits not numeric");
            for (int i = n; i < fieldDigits; i++)
            {
                int f = Nibble(field, 2 + i);
                if (f < fillLow || f > fillHigh) throw new SecurityException(SecurityError.PinBlockFill, "fill digits break the format");
            }
            byte[] pin = new byte[n];
            for (int i = 0; i < n; i++) pin[i] = (byte)Nibble(field, 2 + i);
            return pin;
        }

        /// <summary>Throws unless the PIN is 4..12 digit values 0..9 (message without the PIN).</summary>
        internal static void CheckPin(byte[] pinDigits)
        {
            if (pinDigits == null || pinDigits.Length < MinPinLength || pinDigits.Length > MaxPinLength)
                throw new SecurityException(SecurityError.PinLength, "PIN length outside 4..12");
            for (int i = 0; i < pinDigits.Length; i++)
                if (pinDigits[i] > 9) throw new SecurityException(SecurityError.PinDigits, "PIN digits must be values 0..9");
        }

        // PAN field of formats 0 and 3: 0000 | rightmost 12 PAN digits excluding the check digit (ISO 9564-1 9.3.2).
        private static void XorPanField(byte[] block, string pan)
        {
            CheckPan(pan, 13);
            int start = pan.Length - 13;
            for (int i = 0; i < 12; i++)
            {
                int nib = 4 + i;
                SetNibble(block, nib, Nibble(block, nib) ^ (pan[start + i] - '0'));
            }
        }

        /// <summary>Throws <see cref="SecurityError.BadPan"/> unless the PAN is decimal with at least minLength digits (at most 19).</summary>
        internal static void CheckPan(string pan, int minLength)
        {
            if (pan == null || pan.Length < minLength || pan.Length > 19) throw new SecurityException(SecurityError.BadPan, "PAN length not accepted");
            for (int i = 0; i < pan.Length; i++)
                if (pan[i] < '0' || pan[i] > '9') throw new SecurityException(SecurityError.BadPan, "PAN is not decimal");
        }

        /// <summary>Nibble i (0 = high nibble of byte 0).</summary>
        internal static int Nibble(byte[] data, int i)
        {
            int b = data[i / 2];
            return (i & 1) == 0 ? b >> 4 : b & 0x0F;
        }

        /// <summary>Sets nibble i (0 = high nibble of byte 0).</summary>
        internal static void SetNibble(byte[] data, int i, int value)
        {
            int idx = i / 2;
            if ((i & 1) == 0) data[idx] = (byte)((data[idx] & 0x0F) | (value << 4));
            else data[idx] = (byte)((data[idx] & 0xF0) | (value & 0x0F));
        }
    }
}
