using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.Readers.Alpar
{
    /// <summary>
    /// One ALPAR frame: header byte (ACK 60 from the host and in good answers, NAK E0 in error answers), 2-byte data
    /// length (most significant byte first), command code, data, LRC = XOR of all preceding bytes, so that the XOR
    /// of a whole good frame is 00. A NAK carries one data byte, the status (<see cref="AlparStatus"/>).
    /// </summary>
    public sealed class AlparFrame
    {
        /// <summary>Header byte of commands and good answers.</summary>
        public const byte Ack = 0x60;
        /// <summary>Header byte of error answers.</summary>
        public const byte Nak = 0xE0;
        /// <summary>Header, length and command bytes before the data.</summary>
        public const int HeaderLength = 4;
        /// <summary>The largest data length accepted (the chip's buffer as used by the known drivers [K]).</summary>
        public const int MaxDataLength = 506;

        private readonly byte[] _data;

        /// <summary>Creates a frame; <paramref name="data"/> may be null for none.</summary>
        public AlparFrame(bool isAck, byte command, byte[] data)
        {
            if (data != null && data.Length > MaxDataLength)
                throw new AlparException(AlparError.LengthTooLong, "data longer than 506 bytes");
            IsAck = isAck;
            Command = command;
            _data = data == null ? new byte[0] : Bytes.Copy(data);
        }

        // A decoded frame keeps the slice Decode made (already a copy, length already checked).
        private AlparFrame(byte[] ownedData, bool isAck, byte command)
        {
            IsAck = isAck;
            Command = command;
            _data = ownedData;
        }

        /// <summary>True for ACK (60), false for NAK (E0).</summary>
        public bool IsAck { get; private set; }

        /// <summary>The command code.</summary>
        public byte Command { get; private set; }

        /// <summary>A copy of the data bytes.</summary>
        public byte[] Data { get { return Bytes.Copy(_data); } }

        /// <summary>Number of data bytes.</summary>
        public int DataLength { get { return _data.Length; } }

        /// <summary>The NAK status byte, or -1 for an ACK or a NAK without data.</summary>
        public int Status { get { return IsAck || _data.Length == 0 ? -1 : _data[0]; } }

        /// <summary>A command frame (ACK header) for the chip.</summary>
        public static byte[] EncodeCommand(byte command, byte[] data)
        {
            return new AlparFrame(true, command, data).Encode();
        }

        /// <summary>The frame's bytes.</summary>
        public byte[] Encode()
        {
            byte[] frame = new byte[HeaderLength + _data.Length + 1];
            frame[0] = IsAck ? Ack : Nak;
            frame[1] = (byte)(_data.Length >> 8);
            frame[2] = (byte)_data.Length;
            frame[3] = Command;
            System.Array.Copy(_data, 0, frame, HeaderLength, _data.Length);
            frame[frame.Length - 1] = Lrc(frame, 0, frame.Length - 1);
            return frame;
        }

        /// <summary>XOR of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static byte Lrc(byte[] buffer, int offset, int count)
        {
            int lrc = 0;
            for (int i = 0; i < count; i++) lrc ^= buffer[offset + i];
            return (byte)lrc;
        }

        /// <summary>
        /// Checks the 4 header bytes and returns the data length they announce. Throws
        /// <see cref="AlparException"/> (<see cref="AlparError.BadHeader"/>, <see cref="AlparError.LengthTooLong"/>).
        /// </summary>
        public static int DataLengthOf(byte[] header, int offset)
        {
            byte first = header[offset];
            if (first != Ack && first != Nak)
                throw new AlparException(AlparError.BadHeader, "first byte is not 60 or E0");
            int length = (header[offset + 1] << 8) | header[offset + 2];
            if (length > MaxDataLength)
                throw new AlparException(AlparError.LengthTooLong, "length field above 506");
            return length;
        }

        /// <summary>
        /// Decodes exactly one frame of <paramref name="count"/> bytes. Throws <see cref="AlparException"/> for a bad
        /// header, a length field above the limit or not matching <paramref name="count"/>, or a bad LRC.
        /// </summary>
        public static AlparFrame Decode(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new AlparException(AlparError.LengthMismatch, "no bytes");
            if (offset < 0 || count < 0 || offset + count > buffer.Length)
                throw new AlparException(AlparError.LengthMismatch, "range outside the buffer");
            if (count < HeaderLength + 1)
                throw new AlparException(AlparError.LengthMismatch, "shorter than header and LRC");
            int length = DataLengthOf(buffer, offset);
            if (count != HeaderLength + length + 1)
                throw new AlparException(AlparError.LengthMismatch, "byte count differs from the length field");
            if (Lrc(buffer, offset, count) != 0)
                throw new AlparException(AlparError.BadLrc, "XOR of the frame is not 00");
            return new AlparFrame(Bytes.Slice(buffer, offset + HeaderLength, length), buffer[offset] == Ack, buffer[offset + 3]);
        }
    }
}
