namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>Small byte helpers shared by the security layer (XOR, wiping, length and bit checks; copies and compares are Terminal.EmvKernel.Util.Bytes).</summary>
    internal static class KeyBytes
    {

        /// <summary>target[i] ^= mask[i] for every byte of mask.</summary>
        public static void XorInto(byte[] target, int targetOffset, byte[] mask, int maskOffset, int length)
        {
            for (int i = 0; i < length; i++) target[targetOffset + i] ^= mask[maskOffset + i];
        }

        /// <summary>Zeroes a buffer (null allowed).</summary>
        public static void Wipe(byte[] data)
        {
            if (data != null) System.Array.Clear(data, 0, data.Length);
        }

        /// <summary>Throws <see cref="SecurityError.BadKeyLength"/> unless key has one of the lengths a or b.</summary>
        public static void RequireLength(byte[] key, int a, int b, string what)
        {
            if (key == null || (key.Length != a && key.Length != b))
                throw new SecurityException(SecurityError.BadKeyLength, string.Concat(what, " has the wrong length"));
        }

        /// <summary>Number of one-bits in a 32-bit value.</summary>
        public static int BitCount(uint value)
        {
            int n = 0;
            while (value != 0) { value &= value - 1; n++; }
            return n;
        }
    }
}
