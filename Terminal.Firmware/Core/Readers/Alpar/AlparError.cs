namespace Terminal.Firmware.Core.Readers.Alpar
{
    /// <summary>Why an ALPAR exchange failed.</summary>
    public enum AlparError
    {
        /// <summary>The first byte is neither ACK (60) nor NAK (E0).</summary>
        BadHeader = 1,
        /// <summary>The 2-byte length exceeds <see cref="AlparFrame.MaxDataLength"/>.</summary>
        LengthTooLong = 2,
        /// <summary>The frame's byte count does not match its length field.</summary>
        LengthMismatch = 3,
        /// <summary>The XOR of all bytes of the frame is not zero.</summary>
        BadLrc = 4,
        /// <summary>The chip answered NAK; <see cref="AlparException.Status"/> holds its status byte.</summary>
        Nak = 5,
        /// <summary>Nothing (or only part of a frame) came before the timeout.</summary>
        Timeout = 6,
        /// <summary>The chip answered another command than the one sent, or an answer of the wrong size.</summary>
        UnexpectedAnswer = 7,
        /// <summary>The serial port failed.</summary>
        PortFailure = 8
    }

    /// <summary>Names for <see cref="AlparError"/> (Enum.ToString gives a number on the device).</summary>
    public static class AlparErrorNames
    {
        /// <summary>A short English name of the error.</summary>
        public static string Of(AlparError error)
        {
            switch (error)
            {
                case AlparError.BadHeader: return "bad frame header";
                case AlparError.LengthTooLong: return "frame length too long";
                case AlparError.LengthMismatch: return "frame length mismatch";
                case AlparError.BadLrc: return "bad LRC";
                case AlparError.Nak: return "NAK from the reader";
                case AlparError.Timeout: return "reader timeout";
                case AlparError.UnexpectedAnswer: return "unexpected answer";
                case AlparError.PortFailure: return "serial port failure";
                default: return "ALPAR error";
            }
        }
    }
}
