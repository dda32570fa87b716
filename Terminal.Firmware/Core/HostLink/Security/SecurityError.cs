namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>Why a security operation (DUKPT, PIN block, working keys, MAC) was refused.</summary>
    public enum SecurityError
    {
        /// <summary>A key has a length the operation does not accept.</summary>
        BadKeyLength = 1,
        /// <summary>A key serial number has the wrong length or an unusable counter.</summary>
        BadKsn = 2,
        /// <summary>The DUKPT transaction counter has no usable value left: the device must be re-keyed.</summary>
        KsnExhausted = 3,
        /// <summary>No initial key has been loaded.</summary>
        NoInitialKey = 4,
        /// <summary>A PIN block or PIN field has the wrong length.</summary>
        PinBlockLength = 10,
        /// <summary>The control field (format nibble) is not the one expected.</summary>
        PinBlockControlField = 11,
        /// <summary>The PIN length nibble is outside 4..12.</summary>
        PinLength = 12,
        /// <summary>A PIN digit is not 0..9.</summary>
        PinDigits = 13,
        /// <summary>The fill digits break the format's rule.</summary>
        PinBlockFill = 14,
        /// <summary>The PAN is missing, too short or not decimal.</summary>
        BadPan = 15,
        /// <summary>A working key's check value does not match the deciphered key.</summary>
        WorkingKeyCheckFailed = 20,
        /// <summary>No working keys have been installed.</summary>
        NoWorkingKeys = 21,
        /// <summary>The MAC algorithm is not supported with this key.</summary>
        BadMacAlgorithm = 22,
        /// <summary>Card data to encipher is missing or not PAN/track 2 characters.</summary>
        BadCardData = 30,
        /// <summary>Enciphered card data does not decipher to a well-formed card data record (wrong key, KSN or bytes).</summary>
        CardDataUndecipherable = 31,
    }

    /// <summary>
    /// The one typed error of the security layer. Messages name the rule broken, never a key, PIN or PAN.
    /// </summary>
    public class SecurityException : System.Exception
    {
        /// <summary>Creates the error.</summary>
        public SecurityException(SecurityError error, string message) : base(message)
        {
            Error = error;
        }

        /// <summary>What went wrong.</summary>
        public SecurityError Error { get; private set; }
    }
}
