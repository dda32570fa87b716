namespace Terminal.Firmware.Core.Readers.Alpar
{
    /// <summary>An ALPAR framing or protocol failure. Messages never hold APDU data.</summary>
    public class AlparException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public AlparException(AlparError error, string detail)
            : base(string.Concat(AlparErrorNames.Of(error), ": ", detail))
        {
            Error = error;
            Status = -1;
        }

        /// <summary>Creates the exception for a NAK with the chip's status byte.</summary>
        public AlparException(byte command, byte status)
            : base(string.Concat(AlparErrorNames.Of(AlparError.Nak), ": command ", Terminal.EmvKernel.Util.Hex.Encode(new byte[] { command }),
                ", status ", Terminal.EmvKernel.Util.Hex.Encode(new byte[] { status }), " (", AlparStatus.Describe(status), ")"))
        {
            Error = AlparError.Nak;
            Status = status;
        }

        /// <summary>Creates the exception for a port failure caused by another exception.</summary>
        public AlparException(AlparError error, string detail, System.Exception inner)
            : base(string.Concat(AlparErrorNames.Of(error), ": ", detail), inner)
        {
            Error = error;
            Status = -1;
        }

        /// <summary>What went wrong.</summary>
        public AlparError Error { get; private set; }

        /// <summary>The NAK status byte (0..255), or -1 when the error is not a NAK.</summary>
        public int Status { get; private set; }
    }
}
