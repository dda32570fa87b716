using Terminal.EmvKernel.Crypto;

namespace Terminal.VirtualCards.Timing
{
    /// <summary>
    /// An <see cref="ICryptoProvider"/> that counts the RSA public-key operations it passes to the provider it
    /// wraps, so a test or benchmark can prove when the kernel does its RSA work (for example: none while the
    /// card is in the field). Results are those of the wrapped provider.
    /// </summary>
    public sealed class CountingCryptoProvider : ICryptoProvider
    {
        private readonly ICryptoProvider _inner;

        /// <summary>Counts the calls made through this wrapper to <paramref name="inner"/>.</summary>
        public CountingCryptoProvider(ICryptoProvider inner)
        {
            if (inner == null) throw new System.ArgumentNullException("inner");
            _inner = inner;
        }

        /// <summary>RSA public operations so far.</summary>
        public int RsaOperations { get; private set; }

        /// <summary>SHA-1 and SHA-256 computations so far.</summary>
        public int HashOperations { get; private set; }

        /// <inheritdoc/>
        public byte[] Sha1(byte[] data, int offset, int length)
        {
            HashOperations++;
            return _inner.Sha1(data, offset, length);
        }

        /// <inheritdoc/>
        public byte[] Sha256(byte[] data, int offset, int length)
        {
            HashOperations++;
            return _inner.Sha256(data, offset, length);
        }

        /// <inheritdoc/>
        public byte[] RsaPublic(byte[] modulus, byte[] exponent, byte[] input)
        {
            RsaOperations++;
            return _inner.RsaPublic(modulus, exponent, input);
        }

        /// <inheritdoc/>
        public byte[] Tdes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return _inner.Tdes(direction, key, iv, data, offset, length);
        }

        /// <inheritdoc/>
        public byte[] Aes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            return _inner.Aes(direction, key, iv, data, offset, length);
        }
    }
}
