namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// A dialect is a field-definition table (<see cref="Iso8583Packager"/>) plus what the channel puts in front of
    /// the MTI (<see cref="MessageHeaderLayout"/>). The 2-byte TCP length is <see cref="LengthPrefixFrame"/>'s job.
    /// </summary>
    public sealed class Iso8583Dialect
    {
        /// <summary>Creates a dialect.</summary>
        public Iso8583Dialect(string name, Iso8583Packager packager, MessageHeaderLayout header)
        {
            if (packager == null || header == null)
                throw new Iso8583Exception(Iso8583Error.InvalidDefinition, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "dialect without table or header layout");
            Name = name;
            Packager = packager;
            Header = header;
        }

        /// <summary>Name for logs and documentation.</summary>
        public string Name { get; private set; }

        /// <summary>The field-definition table.</summary>
        public Iso8583Packager Packager { get; private set; }

        /// <summary>The bytes in front of the MTI.</summary>
        public MessageHeaderLayout Header { get; private set; }

        /// <summary>
        /// Packs header (from <see cref="Iso8583Message.Header"/>, which must have the layout's length and pass its
        /// check) and message. A dialect without header refuses a message that carries one.
        /// </summary>
        public byte[] Pack(Iso8583Message message)
        {
            if (message == null) throw new Iso8583Exception(Iso8583Error.InvalidValue, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "null message");
            byte[] header = message.RawHeader;
            int length = header == null ? 0 : header.Length;
            if (length != Header.Length)
                throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "header length does not match the dialect");
            if (length > 0) Header.Check(header, 0, length);
            byte[] output = Packager.Pack(message, length);
            if (length > 0) System.Array.Copy(header, 0, output, 0, length);
            return output;
        }

        /// <summary>Parses header and message from a whole buffer.</summary>
        public Iso8583Message Parse(byte[] data)
        {
            if (data == null) throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.NoField, 0, "no input");
            return Parse(data, 0, data.Length);
        }

        /// <summary>Parses header and message from <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public Iso8583Message Parse(byte[] data, int offset, int count)
        {
            Iso8583Packager.CheckRange(data, offset, count);
            int end = offset + count;
            Iso8583Message message = new Iso8583Message();
            int length = Header.Length;
            if (length > 0)
            {
                Header.Check(data, offset, end);
                byte[] header = new byte[length];
                System.Array.Copy(data, offset, header, 0, length);
                message.RawHeader = header;
            }
            Packager.ParseInto(message, data, offset + length, end);
            return message;
        }
    }
}
