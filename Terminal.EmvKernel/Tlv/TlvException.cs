namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// The one error raised for malformed BER-TLV data, a malformed Data Object List, or a TLV/DOL
    /// encoding request that cannot be met. Messages name tags, lengths and offsets only, never values
    /// (values may hold a PAN or key material).
    /// </summary>
    public class TlvException : System.Exception
    {
        private readonly TlvError _reason;
        private readonly int _offset;

        /// <summary>Creates the exception; the message is "BER-TLV &lt;Reason&gt; at offset N: detail".</summary>
        public TlvException(TlvError reason, int offset, string detail)
            : base(string.Concat("BER-TLV ", TlvErrorNames.Name(reason), " at offset ", offset.ToString(), ": ", detail))
        {
            _reason = reason;
            _offset = offset;
        }

        /// <summary>What is wrong.</summary>
        public TlvError Reason
        {
            get { return _reason; }
        }

        /// <summary>
        /// Absolute offset in the input array of the first byte of the field at fault (see <see cref="TlvError"/>);
        /// for writer errors, the output position.
        /// </summary>
        public int Offset
        {
            get { return _offset; }
        }
    }
}
