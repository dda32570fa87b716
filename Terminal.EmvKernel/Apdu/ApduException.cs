namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// A malformed C-APDU or R-APDU, a protocol violation by the card, or a reader/link failure.
    /// The card may still be present: a removed card is the separate <see cref="CardRemovedException"/>.
    /// Messages never hold command or response data (they may carry a PIN block or a PAN).
    /// </summary>
    public class ApduException : System.Exception
    {
        /// <summary>Creates the exception with its reason and a short detail text.</summary>
        public ApduException(ApduError reason, string detail)
            : base(string.Concat(ApduErrorNames.Of(reason), ": ", detail))
        {
            Reason = reason;
        }

        /// <summary>Creates the exception for a reader/link failure caused by another exception.</summary>
        public ApduException(ApduError reason, string detail, System.Exception inner)
            : base(string.Concat(ApduErrorNames.Of(reason), ": ", detail), inner)
        {
            Reason = reason;
        }

        /// <summary>Why the exchange failed.</summary>
        public ApduError Reason { get; private set; }
    }
}
