namespace Terminal.EmvKernel.Crypto
{
    /// <summary>HMAC-SHA-256 (RFC 2104 / FIPS 198-1) over the portable <see cref="Sha256"/>.</summary>
    public static class HmacSha256
    {
        /// <summary>Bytes of the MAC.</summary>
        public const int MacLength = Sha256.HashLength;

        /// <summary>HMAC-SHA-256 of data[offset..offset+length) under key (any length; longer than 64 bytes is hashed first).</summary>
        public static byte[] Compute(byte[] key, byte[] data, int offset, int length)
        {
            if (key == null) throw new System.ArgumentNullException("key");
            CryptoArguments.CheckRange(data, offset, length, "data");
            byte[] k = key.Length > MessageDigest.BlockSize ? Sha256.Hash(key) : key;
            byte[] pad = new byte[MessageDigest.BlockSize];
            Sha256 inner = new Sha256();
            Fill(pad, k, 0x36);
            inner.Update(pad);
            inner.Update(data, offset, length);
            byte[] innerHash = inner.Final();
            Sha256 outer = new Sha256();
            Fill(pad, k, 0x5C);
            outer.Update(pad);
            outer.Update(innerHash);
            byte[] mac = outer.Final();
            System.Array.Clear(pad, 0, pad.Length);
            System.Array.Clear(innerHash, 0, innerHash.Length);
            if (k != key) System.Array.Clear(k, 0, k.Length);
            return mac;
        }

        private static void Fill(byte[] pad, byte[] key, byte value)
        {
            for (int i = 0; i < pad.Length; i++) pad[i] = (byte)((i < key.Length ? key[i] : 0) ^ value);
        }
    }
}
