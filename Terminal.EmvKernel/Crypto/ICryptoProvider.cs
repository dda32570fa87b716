namespace Terminal.EmvKernel.Crypto
{
    /// <summary>Direction of a block-cipher operation.</summary>
    public enum CipherDirection
    {
        Encrypt = 0,
        Decrypt = 1
    }

    /// <summary>
    /// The cryptographic primitives the kernel, the card simulator and the host link need. The portable
    /// implementation (<see cref="PortableCryptoProvider"/>) runs on the device, where nanoFramework has no
    /// SHA-1, RSA or DES; PC builds may substitute the BCL-backed provider in Terminal.Pc. Both give
    /// identical results (tests prove it on random inputs and on the published vectors).
    /// Every method returns a new array and never changes its inputs. Bad arguments (null arrays, ranges outside
    /// the array, key lengths, data that is not whole blocks, an iv that is not one block) raise
    /// <see cref="System.ArgumentException"/> or one of its subclasses; messages give lengths, never key bytes.
    /// </summary>
    public interface ICryptoProvider
    {
        /// <summary>SHA-1 (FIPS 180-4) of data[offset..offset+length).</summary>
        byte[] Sha1(byte[] data, int offset, int length);

        /// <summary>SHA-256 (FIPS 180-4) of data[offset..offset+length).</summary>
        byte[] Sha256(byte[] data, int offset, int length);

        /// <summary>
        /// RSA public operation input^exponent mod modulus, big-endian. The input must have the modulus
        /// length; the result is left-padded to that length.
        /// </summary>
        byte[] RsaPublic(byte[] modulus, byte[] exponent, byte[] input);

        /// <summary>
        /// DES (8-byte key) or TDES (16-byte 2-key K1K2K1, or 24-byte 3-key) over whole 8-byte blocks.
        /// iv null means ECB, otherwise CBC with that 8-byte IV.
        /// </summary>
        byte[] Tdes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length);

        /// <summary>AES-128/192/256 over whole 16-byte blocks. iv null means ECB, otherwise CBC.</summary>
        byte[] Aes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length);
    }

    /// <summary>A source of fresh random bytes from the platform (hardware RNG on the ESP32, the OS on a PC).</summary>
    public interface IRandomSource
    {
        /// <summary>Fills buffer[offset..offset+length) with fresh random bytes.</summary>
        void NextBytes(byte[] buffer, int offset, int length);
    }
}
