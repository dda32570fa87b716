namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The plaintext offline PIN block of VERIFY (EMV 4.4 Book 3, 6.5.12.2; ISO 9564-1 format 2): 8 bytes
    /// C N P P P P P/F ... F/F, C = 2, N = number of digits (4-12), one PIN digit per nibble, 'F' filler.
    /// </summary>
    public static class CardholderVerificationPinBlock
    {
        /// <summary>Length of the block.</summary>
        public const int Length = 8;

        /// <summary>
        /// Builds the block from digit values 0-9 (4 to 12 of them) and wipes <paramref name="digits"/>, also
        /// when they are refused with <see cref="System.ArgumentException"/> (whose message holds no digit).
        /// </summary>
        public static byte[] Build(byte[] digits)
        {
            if (digits == null) throw new System.ArgumentNullException("digits");
            try
            {
                if (digits.Length < 4 || digits.Length > 12)
                    throw new System.ArgumentException("a PIN has 4 to 12 digits", "digits");
                byte[] block = new byte[Length];
                for (int i = 0; i < Length; i++) block[i] = 0xFF;
                block[0] = (byte)(0x20 | digits.Length);
                for (int i = 0; i < digits.Length; i++)
                {
                    int d = digits[i];
                    if (d > 9)
                    {
                        System.Array.Clear(block, 0, block.Length);
                        throw new System.ArgumentException("a PIN digit is not 0-9", "digits");
                    }
                    int index = 1 + i / 2;
                    if ((i & 1) == 0) block[index] = (byte)((d << 4) | 0x0F);
                    else block[index] = (byte)((block[index] & 0xF0) | d);
                }
                return block;
            }
            finally
            {
                System.Array.Clear(digits, 0, digits.Length);
            }
        }
    }
}
