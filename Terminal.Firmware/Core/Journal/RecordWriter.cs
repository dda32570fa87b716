using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Writes the fields of a record payload (big-endian numbers, length-prefixed text and bytes).</summary>
    internal sealed class RecordWriter
    {
        private readonly ByteBuffer _buffer = new ByteBuffer(64);

        internal void Byte(int value)
        {
            _buffer.Append((byte)value);
        }

        internal void Int(int value)
        {
            for (int shift = 24; shift >= 0; shift -= 8) _buffer.Append((byte)(value >> shift));
        }

        internal void Long(long value)
        {
            for (int shift = 56; shift >= 0; shift -= 8) _buffer.Append((byte)(value >> shift));
        }

        /// <summary>Printable ASCII text of at most 254 characters: length byte (255 = null), then the characters.</summary>
        internal void Text(string value)
        {
            if (value == null)
            {
                _buffer.Append(0xFF);
                return;
            }
            if (value.Length > 254) throw new JournalException(JournalError.InvalidArgument, -1, "text over 254 characters");
            _buffer.Append((byte)value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < ' ' || c > '~') throw new JournalException(JournalError.InvalidArgument, -1, "text must be printable ASCII");
                _buffer.Append((byte)c);
            }
        }

        /// <summary>Bytes: 2-byte length (0xFFFF = null), then the bytes.</summary>
        internal void Data(byte[] value)
        {
            if (value == null)
            {
                Int16(0xFFFF);
                return;
            }
            if (value.Length > RecordFrame.MaxPayload) throw new JournalException(JournalError.RecordTooLarge, -1, "message over 4096 bytes");
            Int16(value.Length);
            _buffer.Append(value);
        }

        internal byte[] Frame(byte type)
        {
            return RecordFrame.Build(type, _buffer.GetBuffer(), _buffer.Length);
        }

        private void Int16(int value)
        {
            _buffer.Append((byte)(value >> 8));
            _buffer.Append((byte)value);
        }
    }
}
