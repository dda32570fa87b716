namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// CRC-32 (ISO-HDLC / IEEE 802.3: reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF),
    /// the journal's record checksum. Check value of "123456789" is 0xCBF43926 (Catalogue of parametrised CRC
    /// algorithms, CRC-32/ISO-HDLC).
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC-32 of data[offset..offset+count).</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            JournalChecks.Range(data, offset, count);
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < count; i++) crc = Table[(crc ^ data[offset + i]) & 0xFF] ^ (crc >> 8);
            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
