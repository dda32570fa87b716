using Terminal.EmvKernel.Dictionary;

namespace Terminal.EmvKernel.Dol
{
    /// <summary>
    /// Fits one data element value into its DOL entry length, EMV 4.4 Book 3, 5.4:
    /// <list type="bullet">
    /// <item>longer than the entry: numeric (n) loses its leftmost bytes; any other format loses its rightmost bytes (c);</item>
    /// <item>shorter than the entry: n is padded with leading '00'; compressed numeric (cn) with trailing 'FF';
    /// any other format (an, ans, b, a, var) with trailing '00' (d);</item>
    /// <item>absent (null): all '00' (a, b, e).</item>
    /// </list>
    /// </summary>
    public static class DolValueFormatter
    {
        /// <summary>
        /// Writes exactly <paramref name="length"/> bytes at destination[offset]: <paramref name="value"/>
        /// (null = absent) fitted by the rules above.
        /// </summary>
        public static void Fit(byte[] value, DataFormat format, byte[] destination, int offset, int length)
        {
            Util.ByteBuffer.CheckRange(destination, offset, length);
            if (value == null)
            {
                System.Array.Clear(destination, offset, length);
                return;
            }
            int have = value.Length;
            if (have >= length)
            {
                // Book 3, 5.4 c: n keeps the rightmost bytes, everything else the leftmost.
                int from = format == DataFormat.Numeric ? have - length : 0;
                System.Array.Copy(value, from, destination, offset, length);
                return;
            }
            int pad = length - have;
            if (format == DataFormat.Numeric)
            {
                // Book 3, 5.4 d: leading hexadecimal zeroes.
                System.Array.Clear(destination, offset, pad);
                System.Array.Copy(value, 0, destination, offset + pad, have);
                return;
            }
            System.Array.Copy(value, 0, destination, offset, have);
            if (format == DataFormat.CompressedNumeric)
            {
                // Book 3, 5.4 d: trailing 'FF's.
                for (int i = 0; i < pad; i++) destination[offset + have + i] = 0xFF;
            }
            else
            {
                System.Array.Clear(destination, offset + have, pad);
            }
        }
    }
}
