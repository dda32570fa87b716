namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// A keyed block cipher (DES/TDES or AES) working on one block at a time. The modes
    /// (<see cref="BlockCipherModes"/>), CMAC (<see cref="Cmac"/>) and the ISO/IEC 9797-1 MACs
    /// (<see cref="Iso9797Mac"/>) are written once over this interface. Input and output may be the
    /// same array at the same offset. Callers check ranges; implementations assume whole blocks in range.
    /// </summary>
    public interface IBlockCipher
    {
        /// <summary>Block length in bytes (8 for DES/TDES, 16 for AES).</summary>
        int BlockSize { get; }

        /// <summary>Enciphers input[inputOffset..+BlockSize) into output[outputOffset..+BlockSize).</summary>
        void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset);

        /// <summary>Deciphers input[inputOffset..+BlockSize) into output[outputOffset..+BlockSize).</summary>
        void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset);
    }
}
