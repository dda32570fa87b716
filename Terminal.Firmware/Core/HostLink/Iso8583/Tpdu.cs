namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Transport protocol data unit in front of NAC-style terminal messages: ID 0x60, 2-byte destination address
    /// (the NII of the host) and 2-byte source address. A host answers with the two addresses swapped
    /// (jPOS NACChannel "tpdu-swap"). Immutable.
    /// </summary>
    public sealed class Tpdu
    {
        /// <summary>The TPDU ID byte of a transaction message.</summary>
        public const byte TransactionId = 0x60;

        /// <summary>Bytes on the wire.</summary>
        public const int Length = 5;

        /// <summary>Creates a TPDU; addresses are 16-bit values (usually BCD NIIs such as 0x0003).</summary>
        public Tpdu(int destination, int source)
        {
            if (destination < 0 || destination > 0xFFFF || source < 0 || source > 0xFFFF)
                throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "TPDU address outside 0..FFFF");
            Destination = destination;
            Source = source;
        }

        /// <summary>Destination address (the host NII in a request).</summary>
        public int Destination { get; private set; }

        /// <summary>Source address.</summary>
        public int Source { get; private set; }

        /// <summary>The TPDU of the answer: destination and source swapped.</summary>
        public Tpdu Swapped()
        {
            return new Tpdu(Source, Destination);
        }

        /// <summary>Writes the 5 bytes at <paramref name="offset"/>.</summary>
        public void WriteTo(byte[] dest, int offset)
        {
            dest[offset] = TransactionId;
            dest[offset + 1] = (byte)(Destination >> 8);
            dest[offset + 2] = (byte)Destination;
            dest[offset + 3] = (byte)(Source >> 8);
            dest[offset + 4] = (byte)Source;
        }

        /// <summary>The 5 bytes.</summary>
        public byte[] ToBytes()
        {
            byte[] b = new byte[Length];
            WriteTo(b, 0);
            return b;
        }

        /// <summary>Reads 5 bytes at <paramref name="offset"/>; the ID must be 0x60.</summary>
        public static Tpdu Read(byte[] data, int offset)
        {
            Iso8583Packager.CheckRange(data, offset, Length);
            if (data[offset] != TransactionId)
                throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, offset, "TPDU ID is not 60");
            return new Tpdu((data[offset + 1] << 8) | data[offset + 2], (data[offset + 3] << 8) | data[offset + 4]);
        }
    }
}
