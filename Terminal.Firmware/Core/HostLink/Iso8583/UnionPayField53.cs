using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// UnionPay field 53, security related control information (n16): PIN format (0 no PIN, 1 ANSI X9.8 without
    /// PAN, 2 ANSI X9.8 with PAN), encryption algorithm (0 single-length DES, 6 double-length TDES), track
    /// encryption (0 clear, 1 enciphered), then 13 reserved zeros.
    /// </summary>
    public sealed class UnionPayField53
    {
        private const int Field = 53;

        /// <summary>Creates the value; each flag is one digit.</summary>
        public UnionPayField53(int pinFormat, int encryptionAlgorithm, int trackEncryption)
        {
            if (pinFormat < 0 || pinFormat > 9 || encryptionAlgorithm < 0 || encryptionAlgorithm > 9 || trackEncryption < 0 || trackEncryption > 9)
                throw new Iso8583Exception(Iso8583Error.InvalidValue, Field, Iso8583Exception.NoOffset, "flags are single digits");
            PinFormat = pinFormat;
            EncryptionAlgorithm = encryptionAlgorithm;
            TrackEncryption = trackEncryption;
        }

        /// <summary>PIN format with PAN (ISO 9564 format 0).</summary>
        public const int PinFormatWithPan = 2;
        /// <summary>Double-length key algorithm (TDES).</summary>
        public const int DoubleLengthKeys = 6;

        /// <summary>53.1 PIN format.</summary>
        public int PinFormat { get; private set; }
        /// <summary>53.2 encryption algorithm.</summary>
        public int EncryptionAlgorithm { get; private set; }
        /// <summary>53.3 track encryption.</summary>
        public int TrackEncryption { get; private set; }

        /// <summary>The 16 digits.</summary>
        public string Compose()
        {
            return string.Concat(PinFormat.ToString(), EncryptionAlgorithm.ToString(), TrackEncryption.ToString(), "0000000000000");
        }

        /// <summary>Reads the 16 digits (the reserved part is not checked).</summary>
        public static UnionPayField53 Parse(string value)
        {
            if (!DecimalText.IsDigits(value, 16, 16))
                throw new Iso8583Exception(Iso8583Error.BadSubfield, Field, Iso8583Exception.NoOffset, "field 53 needs 16 digits");
            return new UnionPayField53(value[0] - '0', value[1] - '0', value[2] - '0');
        }
    }
}
