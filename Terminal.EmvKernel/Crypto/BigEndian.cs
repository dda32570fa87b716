namespace Terminal.EmvKernel.Crypto
{
    /// <summary>Big-endian 32-bit words in byte arrays, as FIPS 46-3, 180-4 and 197 number their bits.</summary>
    internal static class BigEndian
    {
        internal static uint ReadUInt32(byte[] data, int offset)
        {
            return ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];
        }

        internal static void WriteUInt32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)(value >> 24);
            data[offset + 1] = (byte)(value >> 16);
            data[offset + 2] = (byte)(value >> 8);
            data[offset + 3] = (byte)value;
        }
    }
}
