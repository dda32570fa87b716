namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// The TCP framing of both dialects: a 2-byte big-endian length of what follows (TPDU, header and message),
    /// as in jPOS NACChannel and PostChannel. Byte framing only; reading sockets is the transport's job.
    /// </summary>
    public static class LengthPrefixFrame
    {
        /// <summary>Bytes of the length header.</summary>
        public const int HeaderLength = 2;

        /// <summary>Largest payload a 2-byte length can announce.</summary>
        public const int MaxPayload = 0xFFFF;

        /// <summary>Returns the 2-byte length followed by the payload (1..65535 bytes).</summary>
        public static byte[] Wrap(byte[] payload)
        {
            if (payload == null || payload.Length == 0)
                throw new Iso8583Exception(Iso8583Error.BadFrame, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "empty payload");
            if (payload.Length > MaxPayload)
                throw new Iso8583Exception(Iso8583Error.BadFrame, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "payload longer than 65535 bytes");
            byte[] frame = new byte[HeaderLength + payload.Length];
            frame[0] = (byte)(payload.Length >> 8);
            frame[1] = (byte)payload.Length;
            System.Array.Copy(payload, 0, frame, HeaderLength, payload.Length);
            return frame;
        }

        /// <summary>
        /// Reads the payload length announced at <paramref name="offset"/> (for a receiver that reads the two
        /// bytes first). A zero length is a bad frame.
        /// </summary>
        public static int ReadLength(byte[] data, int offset)
        {
            if (data == null || offset < 0 || offset > data.Length - HeaderLength)
                throw new Iso8583Exception(Iso8583Error.BadFrame, Iso8583Exception.NoField, offset < 0 ? 0 : offset, "length header truncated");
            int length = (data[offset] << 8) | data[offset + 1];
            if (length == 0) throw new Iso8583Exception(Iso8583Error.BadFrame, Iso8583Exception.NoField, offset, "zero length");
            return length;
        }

        /// <summary>
        /// Returns the payload of one complete frame. The announced length must equal the bytes that follow:
        /// a short frame is truncated, extra bytes are trailing garbage, both are bad frames.
        /// </summary>
        public static byte[] Unwrap(byte[] frame)
        {
            int length = ReadLength(frame, 0);
            int actual = frame.Length - HeaderLength;
            if (actual < length) throw new Iso8583Exception(Iso8583Error.BadFrame, Iso8583Exception.NoField, frame.Length, "frame shorter than its length header");
            if (actual > length) throw new Iso8583Exception(Iso8583Error.BadFrame, Iso8583Exception.NoField, HeaderLength + length, "bytes after the announced length");
            byte[] payload = new byte[length];
            System.Array.Copy(frame, HeaderLength, payload, 0, length);
            return payload;
        }
    }
}
