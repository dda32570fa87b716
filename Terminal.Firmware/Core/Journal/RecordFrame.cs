namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// The frame around every record: marker 0xA5, type (1 byte), payload length (2 bytes big-endian), payload,
    /// CRC-32 (4 bytes big-endian) of everything before it in the frame.
    /// </summary>
    internal static class RecordFrame
    {
        internal const byte Marker = 0xA5;
        internal const int HeaderSize = 4;
        internal const int TrailerSize = 4;
        /// <summary>Largest payload the journal writes (a transaction with two messages of up to 1,500 bytes each).</summary>
        internal const int MaxPayload = 4096;

        /// <summary>Result of <see cref="Read"/>: a complete valid record.</summary>
        internal const int Ok = 0;
        /// <summary>Result of <see cref="Read"/>: no bytes left.</summary>
        internal const int End = 1;
        /// <summary>Result of <see cref="Read"/>: a frame prefix that runs past the end (what a cut write leaves).</summary>
        internal const int Torn = 2;
        /// <summary>Result of <see cref="Read"/>: bytes a power cut cannot produce (bad marker, type, length or CRC).</summary>
        internal const int Bad = 3;

        /// <summary>The framed record.</summary>
        internal static byte[] Build(byte type, byte[] payload, int payloadLength)
        {
            if (payloadLength > MaxPayload) throw new JournalException(JournalError.RecordTooLarge, -1, "record payload over 4096 bytes");
            byte[] frame = new byte[HeaderSize + payloadLength + TrailerSize];
            frame[0] = Marker;
            frame[1] = type;
            frame[2] = (byte)(payloadLength >> 8);
            frame[3] = (byte)payloadLength;
            System.Array.Copy(payload, 0, frame, HeaderSize, payloadLength);
            uint crc = Crc32.Compute(frame, 0, HeaderSize + payloadLength);
            int p = HeaderSize + payloadLength;
            frame[p] = (byte)(crc >> 24);
            frame[p + 1] = (byte)(crc >> 16);
            frame[p + 2] = (byte)(crc >> 8);
            frame[p + 3] = (byte)crc;
            return frame;
        }

        /// <summary>
        /// Classifies the frame at <paramref name="offset"/> of <paramref name="data"/> (valid bytes: [0, length)).
        /// On <see cref="Ok"/>, <paramref name="type"/>, <paramref name="payloadOffset"/> and
        /// <paramref name="payloadLength"/> describe the record; the frame ends at payloadOffset + payloadLength + 4.
        /// </summary>
        internal static int Read(byte[] data, int offset, int length, out byte type, out int payloadOffset, out int payloadLength)
        {
            type = 0;
            payloadOffset = offset + HeaderSize;
            payloadLength = 0;
            int left = length - offset;
            if (left <= 0) return End;
            if (data[offset] != Marker) return Bad;
            if (left >= 2)
            {
                type = data[offset + 1];
                if (type < RecordType.Header || type > RecordType.Last) return Bad;
            }
            if (left < HeaderSize) return Torn;
            payloadLength = (data[offset + 2] << 8) | data[offset + 3];
            if (payloadLength > MaxPayload) return Bad;
            if (left < HeaderSize + payloadLength + TrailerSize) return Torn;
            int p = offset + HeaderSize + payloadLength;
            uint stored = ((uint)data[p] << 24) | ((uint)data[p + 1] << 16) | ((uint)data[p + 2] << 8) | data[p + 3];
            if (stored != Crc32.Compute(data, offset, HeaderSize + payloadLength)) return Bad;
            return Ok;
        }
    }
}
