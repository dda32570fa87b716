namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// RSA on the project's own big-number code. PLACEHOLDER: the big-number implementation is being written
    /// (foundation issue, payment crypto); until then every call throws.
    /// </summary>
    public static class Rsa
    {
        /// <summary>input^exponent mod modulus, big-endian, result left-padded to the modulus length.</summary>
        public static byte[] PublicOperation(byte[] modulus, byte[] exponent, byte[] input)
        {
            throw new System.NotSupportedException("portable RSA not implemented yet");
        }
    }
}
