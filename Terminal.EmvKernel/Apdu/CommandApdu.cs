using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// A short command APDU (ISO 7816-4, 5.1; EMV 4.4 Book 1, 9.3.1.1): header CLA INS P1 P2, an optional
    /// data field of 1 to 255 bytes (sent with Lc) and an optional Le byte (00 means up to 256 bytes).
    /// Immutable. Factories for the EMV commands are in <see cref="EmvCommands"/>.
    /// </summary>
    public sealed class CommandApdu
    {
        /// <summary>Largest data field of a short C-APDU.</summary>
        public const int MaxDataLength = 255;

        private readonly byte[] _data;

        /// <summary>Creates a C-APDU of any case. <paramref name="data"/> null or empty means no data field.</summary>
        public CommandApdu(byte cla, byte ins, byte p1, byte p2, byte[] data, bool hasLe, byte le)
        {
            int length = data == null ? 0 : data.Length;
            if (length > MaxDataLength)
            {
                throw new ApduException(ApduError.CommandDataTooLong, string.Concat(length.ToString(), " data bytes; a short C-APDU holds at most 255"));
            }
            _data = length == 0 ? new byte[0] : Bytes.Copy(data);
            Cla = cla;
            Ins = ins;
            P1 = p1;
            P2 = p2;
            HasLe = hasLe;
            Le = hasLe ? le : (byte)0;
        }

        /// <summary>Case 1: header only.</summary>
        public static CommandApdu Case1(byte cla, byte ins, byte p1, byte p2)
        {
            return new CommandApdu(cla, ins, p1, p2, null, false, 0);
        }

        /// <summary>Case 2: header and Le (00 = up to 256 bytes).</summary>
        public static CommandApdu Case2(byte cla, byte ins, byte p1, byte p2, byte le)
        {
            return new CommandApdu(cla, ins, p1, p2, null, true, le);
        }

        /// <summary>Case 3: header, Lc and data (1 to 255 bytes).</summary>
        public static CommandApdu Case3(byte cla, byte ins, byte p1, byte p2, byte[] data)
        {
            RequireData(data);
            return new CommandApdu(cla, ins, p1, p2, data, false, 0);
        }

        /// <summary>Case 4: header, Lc, data (1 to 255 bytes) and Le (00 = up to 256 bytes).</summary>
        public static CommandApdu Case4(byte cla, byte ins, byte p1, byte p2, byte[] data, byte le)
        {
            RequireData(data);
            return new CommandApdu(cla, ins, p1, p2, data, true, le);
        }

        private static void RequireData(byte[] data)
        {
            if (data == null || data.Length == 0)
            {
                throw new ApduException(ApduError.InvalidCommandParameter, "case 3 and case 4 commands need 1 to 255 data bytes");
            }
        }

        /// <summary>Class byte.</summary>
        public byte Cla { get; private set; }

        /// <summary>Instruction byte.</summary>
        public byte Ins { get; private set; }

        /// <summary>Parameter 1.</summary>
        public byte P1 { get; private set; }

        /// <summary>Parameter 2.</summary>
        public byte P2 { get; private set; }

        /// <summary>True when the command ends with an Le byte (cases 2 and 4).</summary>
        public bool HasLe { get; private set; }

        /// <summary>The Le byte as sent (0 when absent). 00 with <see cref="HasLe"/> means up to 256 bytes.</summary>
        public byte Le { get; private set; }

        /// <summary>Ne, the number of response bytes expected at most: 0 without Le, 256 for Le = 00.</summary>
        public int ExpectedLength
        {
            get { return !HasLe ? 0 : (Le == 0 ? 256 : Le); }
        }

        /// <summary>Length of the data field (Lc), 0 when there is none.</summary>
        public int DataLength
        {
            get { return _data.Length; }
        }

        /// <summary>A copy of the data field (empty when there is none).</summary>
        public byte[] Data
        {
            get { return Bytes.Copy(_data); }
        }

        /// <summary>Which of the four cases this command is.</summary>
        public ApduCase Case
        {
            get
            {
                if (_data.Length == 0) return HasLe ? ApduCase.Case2 : ApduCase.Case1;
                return HasLe ? ApduCase.Case4 : ApduCase.Case3;
            }
        }

        /// <summary>The same command with Le present and set to <paramref name="le"/> (used for a 6Cxx resend).</summary>
        public CommandApdu WithLe(byte le)
        {
            return new CommandApdu(Cla, Ins, P1, P2, _data, true, le);
        }

        /// <summary>The bytes as sent: CLA INS P1 P2 [Lc data] [Le].</summary>
        public byte[] Encode()
        {
            int length = 4 + (_data.Length > 0 ? 1 + _data.Length : 0) + (HasLe ? 1 : 0);
            byte[] bytes = new byte[length];
            bytes[0] = Cla;
            bytes[1] = Ins;
            bytes[2] = P1;
            bytes[3] = P2;
            int n = 4;
            if (_data.Length > 0)
            {
                bytes[n++] = (byte)_data.Length;
                System.Array.Copy(_data, 0, bytes, n, _data.Length);
                n += _data.Length;
            }
            if (HasLe) bytes[n] = Le;
            return bytes;
        }

        /// <summary>
        /// Parses a short C-APDU (ISO 7816-4, 5.1 / ISO 7816-3, 12.1.3): 4 bytes = case 1; 5 bytes = case 2;
        /// otherwise byte 5 is Lc (1 to 255) and the length is 5 + Lc (case 3) or 6 + Lc (case 4).
        /// Throws <see cref="ApduException"/> for anything else, including extended length.
        /// </summary>
        public static CommandApdu Parse(byte[] bytes)
        {
            if (bytes == null || bytes.Length < 4)
            {
                throw new ApduException(ApduError.CommandTooShort, string.Concat((bytes == null ? 0 : bytes.Length).ToString(), " bytes; a C-APDU has at least CLA INS P1 P2"));
            }
            if (bytes.Length == 4) return Case1(bytes[0], bytes[1], bytes[2], bytes[3]);
            if (bytes.Length == 5) return Case2(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]);
            int lc = bytes[4];
            if (lc == 0)
            {
                throw new ApduException(ApduError.ExtendedLengthNotSupported, "byte 5 is 00 and more bytes follow");
            }
            byte[] data = new byte[lc];
            if (bytes.Length == 5 + lc)
            {
                System.Array.Copy(bytes, 5, data, 0, lc);
                return new CommandApdu(bytes[0], bytes[1], bytes[2], bytes[3], data, false, 0);
            }
            if (bytes.Length == 6 + lc)
            {
                System.Array.Copy(bytes, 5, data, 0, lc);
                return new CommandApdu(bytes[0], bytes[1], bytes[2], bytes[3], data, true, bytes[5 + lc]);
            }
            throw new ApduException(ApduError.CommandLengthMismatch, string.Concat("Lc = ", lc.ToString(), " but ", bytes.Length.ToString(), " bytes"));
        }
    }
}
