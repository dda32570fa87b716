using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// A response APDU: response data (0 to 256 bytes) followed by the status bytes SW1 SW2
    /// (ISO 7816-4, 5.1; EMV 4.4 Book 1, 9.3.1.2). Immutable. Names of status words are in <see cref="StatusWord"/>.
    /// </summary>
    public sealed class ResponseApdu
    {
        /// <summary>Largest data field of a short R-APDU.</summary>
        public const int MaxDataLength = 256;

        private readonly byte[] _data;

        /// <summary>
        /// Creates a response from its data (null = none, at most 256 bytes) and status word (SW1 in the high byte).
        /// Throws <see cref="ApduException"/> (<see cref="ApduError.ResponseTooLong"/>) for more than 256 data bytes.
        /// </summary>
        public ResponseApdu(byte[] data, int sw)
        {
            int length = data == null ? 0 : data.Length;
            if (length > MaxDataLength) throw TooLong(length);
            _data = length == 0 ? new byte[0] : Bytes.Copy(data);
            Sw = sw & 0xFFFF;
        }

        /// <summary>The status word, SW1 in the high byte.</summary>
        public int Sw { get; private set; }

        /// <summary>Status byte 1.</summary>
        public byte Sw1
        {
            get { return (byte)(Sw >> 8); }
        }

        /// <summary>Status byte 2.</summary>
        public byte Sw2
        {
            get { return (byte)(Sw & 0xFF); }
        }

        /// <summary>Number of response data bytes.</summary>
        public int DataLength
        {
            get { return _data.Length; }
        }

        /// <summary>A copy of the response data (empty when there is none).</summary>
        public byte[] Data
        {
            get { return Bytes.Copy(_data); }
        }

        /// <summary>True for '9000'.</summary>
        public bool IsSuccess
        {
            get { return Sw == StatusWord.Success; }
        }

        /// <summary>True for a warning, '62xx' or '63xx': processed with a warning (see <see cref="StatusWord.IsWarning"/>).</summary>
        public bool IsWarning
        {
            get { return StatusWord.IsWarning(Sw); }
        }

        /// <summary>The bytes as received: data followed by SW1 SW2.</summary>
        public byte[] Encode()
        {
            byte[] bytes = new byte[_data.Length + 2];
            System.Array.Copy(_data, bytes, _data.Length);
            bytes[_data.Length] = Sw1;
            bytes[_data.Length + 1] = Sw2;
            return bytes;
        }

        /// <summary>
        /// Parses raw response bytes. Throws <see cref="ApduException"/> when there are fewer than two bytes
        /// (<see cref="ApduError.ResponseTooShort"/>), more than 256 data bytes (<see cref="ApduError.ResponseTooLong"/>),
        /// or SW1 is not a status byte (<see cref="ApduError.InvalidStatusWord"/>; ISO 7816-3, 10.3.3 allows '6X'
        /// except '60', and '9X'): for example a card answering '00 00 00 00'.
        /// </summary>
        public static ResponseApdu Parse(byte[] bytes)
        {
            if (bytes == null || bytes.Length < 2)
            {
                throw new ApduException(ApduError.ResponseTooShort, string.Concat((bytes == null ? 0 : bytes.Length).ToString(), " bytes; an R-APDU ends with SW1 SW2"));
            }
            int dataLength = bytes.Length - 2;
            if (dataLength > MaxDataLength) throw TooLong(dataLength);
            byte sw1 = bytes[dataLength];
            if (!StatusWord.IsValidSw1(sw1))
            {
                throw new ApduException(ApduError.InvalidStatusWord, string.Concat("SW1 = ", Terminal.EmvKernel.Util.Hex.Encode(bytes, dataLength, 1), " is not a status byte"));
            }
            byte[] data = new byte[dataLength];
            System.Array.Copy(bytes, data, dataLength);
            return new ResponseApdu(data, (sw1 << 8) | bytes[dataLength + 1]);
        }

        internal static ApduException TooLong(int dataLength)
        {
            return new ApduException(ApduError.ResponseTooLong, string.Concat(dataLength.ToString(), " data bytes; a short R-APDU holds at most 256"));
        }
    }
}
