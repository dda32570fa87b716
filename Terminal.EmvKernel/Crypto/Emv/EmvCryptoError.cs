namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>Why an EMV cryptography call was refused (see <see cref="EmvCryptoException"/>).</summary>
    public enum EmvCryptoError
    {
        /// <summary>A required argument was null.</summary>
        MissingArgument = 1,
        /// <summary>A key has the wrong length (EMV DES keys here are 16-byte 2-key TDEA keys).</summary>
        InvalidKeyLength = 2,
        /// <summary>A data element has the wrong length (ATC, UN, ARQC, ARC, CSU, header, ...).</summary>
        InvalidDataLength = 3,
        /// <summary>The PAN is not 1 to 19 decimal digits.</summary>
        InvalidPan = 4,
        /// <summary>The PAN sequence number is not two decimal digits.</summary>
        InvalidPanSequenceNumber = 5,
        /// <summary>A PIN is not 4 to 12 decimal digits.</summary>
        InvalidPin = 6,
        /// <summary>A value is outside the set the operation supports (padding method, option, ...).</summary>
        UnsupportedValue = 7
    }
}
