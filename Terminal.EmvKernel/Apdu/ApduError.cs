namespace Terminal.EmvKernel.Apdu
{
    /// <summary>Why an <see cref="ApduException"/> was raised.</summary>
    public enum ApduError
    {
        /// <summary>A C-APDU is shorter than the four header bytes CLA INS P1 P2.</summary>
        CommandTooShort = 1,
        /// <summary>The length of a C-APDU does not match Lc (ISO 7816-4, 5.1: short cases 1 to 4).</summary>
        CommandLengthMismatch = 2,
        /// <summary>An extended-length C-APDU (Lc byte 00 followed by more bytes); EMV uses short APDUs only.</summary>
        ExtendedLengthNotSupported = 3,
        /// <summary>More than 255 command data bytes: does not fit a short C-APDU.</summary>
        CommandDataTooLong = 4,
        /// <summary>An argument of a command factory is outside the range its command allows.</summary>
        InvalidCommandParameter = 5,
        /// <summary>An R-APDU is shorter than the two status bytes SW1 SW2.</summary>
        ResponseTooShort = 6,
        /// <summary>SW1 is not a status byte: ISO 7816-3, 10.3.3 allows only '6X' (not '60') and '9X'.</summary>
        InvalidStatusWord = 7,
        /// <summary>More than 256 response data bytes in one R-APDU.</summary>
        ResponseTooLong = 8,
        /// <summary>The card answered a case 1 or 3 command with data or with 61xx/6Cxx (ISO 7816-3, 12.2.1).</summary>
        UnexpectedResponse = 9,
        /// <summary>The card kept asking for more exchanges (61xx/6Cxx) beyond the transport's bound.</summary>
        ExchangeLimitExceeded = 10,
        /// <summary>The reader or link failed (no answer, timeout, parity or framing error).</summary>
        TransportFailure = 11,
        /// <summary>The channel returned no bytes at all.</summary>
        NoResponse = 12
    }

    /// <summary>Names for <see cref="ApduError"/> (Enum.ToString gives a number on the device).</summary>
    public static class ApduErrorNames
    {
        /// <summary>A short English name of the error.</summary>
        public static string Of(ApduError error)
        {
            switch (error)
            {
                case ApduError.CommandTooShort: return "command too short";
                case ApduError.CommandLengthMismatch: return "command length does not match Lc";
                case ApduError.ExtendedLengthNotSupported: return "extended length not supported";
                case ApduError.CommandDataTooLong: return "command data too long";
                case ApduError.InvalidCommandParameter: return "invalid command parameter";
                case ApduError.ResponseTooShort: return "response too short";
                case ApduError.InvalidStatusWord: return "invalid status word";
                case ApduError.ResponseTooLong: return "response too long";
                case ApduError.UnexpectedResponse: return "unexpected response";
                case ApduError.ExchangeLimitExceeded: return "exchange limit exceeded";
                case ApduError.TransportFailure: return "transport failure";
                case ApduError.NoResponse: return "no response";
                default: return "APDU error";
            }
        }
    }
}
