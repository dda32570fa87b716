namespace Terminal.EmvKernel.Util
{
    /// <summary>
    /// The project's small byte-array operations (copy, slice, concatenate, compare, wipe), shared by every
    /// layer so that no folder keeps its own copy. Portable: the device mscorlib has no Span or LINQ.
    /// </summary>
    public static class Bytes
    {
        /// <summary>A copy of <paramref name="source"/>; null gives null.</summary>
        public static byte[] Copy(byte[] source)
        {
            if (source == null) return null;
            byte[] copy = new byte[source.Length];
            System.Array.Copy(source, copy, source.Length);
            return copy;
        }

        /// <summary>data[offset..offset+length) as a new array.</summary>
        public static byte[] Slice(byte[] data, int offset, int length)
        {
            byte[] result = new byte[length];
            System.Array.Copy(data, offset, result, 0, length);
            return result;
        }

        /// <summary>a || b; a null part counts as empty.</summary>
        public static byte[] Concat(byte[] a, byte[] b)
        {
            return Concat(a, b, null);
        }

        /// <summary>a || b || c; a null part counts as empty.</summary>
        public static byte[] Concat(byte[] a, byte[] b, byte[] c)
        {
            int la = a == null ? 0 : a.Length, lb = b == null ? 0 : b.Length, lc = c == null ? 0 : c.Length;
            byte[] result = new byte[la + lb + lc];
            if (la > 0) System.Array.Copy(a, 0, result, 0, la);
            if (lb > 0) System.Array.Copy(b, 0, result, la, lb);
            if (lc > 0) System.Array.Copy(c, 0, result, la + lb, lc);
            return result;
        }

        /// <summary>True when both arrays hold the same bytes (null equals only null).</summary>
        public static bool Equal(byte[] a, byte[] b)
        {
            if (a == null || b == null) return a == b;
            return a.Length == b.Length && Equal(a, 0, b, 0, a.Length);
        }

        /// <summary>True when the <paramref name="length"/> bytes at the two offsets are equal.</summary>
        public static bool Equal(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[aOffset + i] != b[bOffset + i]) return false;
            }
            return true;
        }

        /// <summary>Compares two arrays in time that depends only on their lengths (for MACs and cryptograms).</summary>
        public static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length) return false;
            return FixedTimeEquals(a, 0, b, 0, a.Length);
        }

        /// <summary>Compares two equal-length ranges without an early exit.</summary>
        public static bool FixedTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            int diff = 0;
            for (int i = 0; i < length; i++) diff |= a[aOffset + i] ^ b[bOffset + i];
            return diff == 0;
        }
    }
}
