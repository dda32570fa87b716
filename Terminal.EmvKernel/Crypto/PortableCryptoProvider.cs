namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// <see cref="ICryptoProvider"/> on the project's own managed code: runs unchanged on the device
    /// (nanoFramework has no SHA-1, DES or RSA for managed code) and on the PC. SHA from <see cref="Sha1"/>
    /// and <see cref="Sha256"/>, DES/TDES from <see cref="DesCipher"/>, AES from <see cref="AesCipher"/>,
    /// RSA from <see cref="Rsa.PublicOperation"/>. Stateless and safe to share.
    /// </summary>
    public sealed class PortableCryptoProvider : ICryptoProvider
    {
        /// <inheritdoc/>
        public byte[] Sha1(byte[] data, int offset, int length)
        {
            return Crypto.Sha1.Hash(data, offset, length);
        }

        /// <inheritdoc/>
        public byte[] Sha256(byte[] data, int offset, int length)
        {
            return Crypto.Sha256.Hash(data, offset, length);
        }

        /// <inheritdoc/>
        public byte[] RsaPublic(byte[] modulus, byte[] exponent, byte[] input)
        {
            return Rsa.PublicOperation(modulus, exponent, input);
        }

        /// <inheritdoc/>
        public byte[] Tdes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return BlockCipherModes.Process(new DesCipher(key), direction, iv, data, offset, length);
        }

        /// <inheritdoc/>
        public byte[] Aes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return BlockCipherModes.Process(new AesCipher(key), direction, iv, data, offset, length);
        }
    }
}
