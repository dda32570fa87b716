using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// The 11 bytes in front of a UnionPay POS message: TPDU (60, destination, source) and the 6-byte BCD message
    /// header: application category (2 digits, "60"), software version (2 digits), terminal status (1 digit),
    /// processing requirement (1 digit: what the host asks the terminal to do next, e.g. download parameters or
    /// sign on again), software sub-version or reserved (6 digits). Immutable.
    /// </summary>
    public sealed class UnionPayHeader
    {
        /// <summary>Bytes in front of the MTI.</summary>
        public const int Length = 11;

        /// <summary>Creates a header from a TPDU and the 12 header digits.</summary>
        public UnionPayHeader(Tpdu tpdu, string headerDigits)
        {
            if (tpdu == null) throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "no TPDU");
            if (!DecimalText.IsDigits(headerDigits, UnionPayDialect.HeaderDigits, UnionPayDialect.HeaderDigits))
                throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "header is not 12 digits");
            Tpdu = tpdu;
            HeaderDigits = headerDigits;
        }

        /// <summary>A terminal header towards NII <paramref name="destination"/>: TPDU 60 dddd 0000, header 603100000000.</summary>
        public static UnionPayHeader ForHost(int destination)
        {
            return new UnionPayHeader(new Tpdu(destination, 0), "603100000000");
        }

        /// <summary>The TPDU.</summary>
        public Tpdu Tpdu { get; private set; }
        /// <summary>The 12 digits of the message header.</summary>
        public string HeaderDigits { get; private set; }
        /// <summary>Application category, digits 1-2 ("60" for POS).</summary>
        public string ApplicationCategory { get { return HeaderDigits.Substring(0, 2); } }
        /// <summary>Software version, digits 3-4.</summary>
        public string SoftwareVersion { get { return HeaderDigits.Substring(2, 2); } }
        /// <summary>Terminal status, digit 5.</summary>
        public int TerminalStatus { get { return HeaderDigits[4] - '0'; } }
        /// <summary>Processing requirement, digit 6.</summary>
        public int ProcessingRequirement { get { return HeaderDigits[5] - '0'; } }
        /// <summary>Software sub-version or reserved, digits 7-12.</summary>
        public string SoftwareSubVersion { get { return HeaderDigits.Substring(6, 6); } }

        /// <summary>The header of the answer: TPDU addresses swapped, same header digits.</summary>
        public UnionPayHeader ForResponse()
        {
            return new UnionPayHeader(Tpdu.Swapped(), HeaderDigits);
        }

        /// <summary>The 11 bytes.</summary>
        public byte[] ToBytes()
        {
            byte[] b = new byte[Length];
            Tpdu.WriteTo(b, 0);
            for (int i = 0; i < 6; i++)
                b[Tpdu.Length + i] = (byte)(((HeaderDigits[2 * i] - '0') << 4) | (HeaderDigits[2 * i + 1] - '0'));
            return b;
        }

        /// <summary>Reads the 11 bytes of <see cref="Iso8583Message.Header"/>.</summary>
        public static UnionPayHeader FromBytes(byte[] header)
        {
            if (header == null || header.Length != Length)
                throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, 0, "UnionPay header is not 11 bytes");
            UnionPayDialect.HeaderLayout.Check(header, 0, Length);
            char[] digits = new char[UnionPayDialect.HeaderDigits];
            for (int i = 0; i < 6; i++)
            {
                digits[2 * i] = (char)('0' + (header[Tpdu.Length + i] >> 4));
                digits[2 * i + 1] = (char)('0' + (header[Tpdu.Length + i] & 0x0F));
            }
            return new UnionPayHeader(Tpdu.Read(header, 0), new string(digits));
        }
    }
}
