namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// The one exception of the EMV cryptography layer: a caller passed something the layer cannot use
    /// (a key of the wrong length, a malformed PAN, ...). The message names the argument and the rule,
    /// never key, PIN or PAN digits.
    /// </summary>
    public class EmvCryptoException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public EmvCryptoException(EmvCryptoError error, string message) : base(message)
        {
            Error = error;
        }

        /// <summary>What was wrong.</summary>
        public EmvCryptoError Error { get; private set; }
    }
}
