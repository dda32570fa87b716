namespace Terminal.EmvKernel.Apdu
{
    /// <summary>Byte-array helpers of the APDU types, which copy every array they take in or hand out.</summary>
    internal static class ApduBytes
    {
        /// <summary>A copy of <paramref name="source"/>; null gives null.</summary>
        internal static byte[] Copy(byte[] source)
        {
            if (source == null) return null;
            byte[] copy = new byte[source.Length];
            System.Array.Copy(source, copy, source.Length);
            return copy;
        }

        /// <summary>True when both arrays hold the same bytes (null equals only null).</summary>
        internal static bool Equal(byte[] a, byte[] b)
        {
            if (a == null || b == null) return a == b;
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i]) return false;
            }
            return true;
        }
    }
}
