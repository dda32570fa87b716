using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Cryptogram Information Data, tag '9F27', 1 byte (EMV 4.4 Book 3, 6.5.5.4, Table 15): b8-b7 cryptogram type,
    /// b6-b5 payment system-specific, b4 advice required, b3-b1 reason/advice code.
    /// <para>Describe lines: <c>"B1b8-b7 ARQC"</c>, <c>"B1b6-b5 Payment system-specific: 2"</c> (when not 0),
    /// <c>"B1b4 Advice required"</c>, <c>"B1b3-b1 PIN Try Limit exceeded"</c> (when not 0).</para>
    /// </summary>
    public sealed class CryptogramInformationData : BitMappedDataObject
    {
        /// <summary>Tag '9F27'.</summary>
        public const int TagValue = 0x9F27;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 1;

        /// <summary>Cryptogram type b8-b7 = 00: Application Authentication Cryptogram.</summary>
        public const int Aac = 0x00;
        /// <summary>Cryptogram type b8-b7 = 01: Transaction Certificate.</summary>
        public const int Tc = 0x40;
        /// <summary>Cryptogram type b8-b7 = 10: Authorisation Request Cryptogram.</summary>
        public const int Arqc = 0x80;
        /// <summary>
        /// Cryptogram type b8-b7 = 11: Application Authorisation Referral (AAR) in earlier EMV versions;
        /// RFU in EMV 4.4.
        /// </summary>
        public const int Aar = 0xC0;

        /// <summary>B1b4 Advice required.</summary>
        public const int AdviceRequiredBit = 0x0108;

        /// <summary>Reason code 000: no information given.</summary>
        public const int ReasonNone = 0;
        /// <summary>Reason code 001: service not allowed.</summary>
        public const int ReasonServiceNotAllowed = 1;
        /// <summary>Reason code 010: PIN Try Limit exceeded.</summary>
        public const int ReasonPinTryLimitExceeded = 2;
        /// <summary>Reason code 011: issuer authentication failed.</summary>
        public const int ReasonIssuerAuthenticationFailed = 3;

        private static readonly string[] Names = { "", "", "", "", "Advice required", "", "", "" };

        /// <summary>An AAC with no advice and no reason (00).</summary>
        public CryptogramInformationData() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 1-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public CryptogramInformationData(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }

        /// <summary>Cryptogram type as the b8-b7 value: <see cref="Aac"/>, <see cref="Tc"/>, <see cref="Arqc"/> or <see cref="Aar"/>.</summary>
        public int CryptogramType
        {
            get { return GetByte(1) & 0xC0; }
            set
            {
                if ((value & ~0xC0) != 0) throw new System.ArgumentException("cryptogram type is 00, 40, 80 or C0", "value");
                SetByte(1, (byte)((GetByte(1) & 0x3F) | value));
            }
        }

        /// <summary>b6-b5, payment system-specific (0..3).</summary>
        public int PaymentSystemSpecific { get { return (GetByte(1) >> 4) & 0x03; } }

        /// <summary>b4: advice required.</summary>
        public bool AdviceRequired
        {
            get { return IsSet(AdviceRequiredBit); }
            set { Set(AdviceRequiredBit, value); }
        }

        /// <summary>b3-b1: reason/advice code (0..7; 4-7 RFU).</summary>
        public int ReasonCode
        {
            get { return GetByte(1) & 0x07; }
            set
            {
                if (value < 0 || value > 7) throw new System.ArgumentOutOfRangeException("value", "reason code is 0..7");
                SetByte(1, (byte)((GetByte(1) & 0xF8) | value));
            }
        }

        /// <summary>"AAC", "TC", "ARQC" or "AAR (RFU in EMV 4.4)" for a b8-b7 value.</summary>
        public static string CryptogramTypeName(int type)
        {
            switch (type & 0xC0)
            {
                case Aac: return "AAC";
                case Tc: return "TC";
                case Arqc: return "ARQC";
                default: return "AAR (RFU in EMV 4.4)";
            }
        }

        /// <summary>Name of a reason/advice code (b3-b1).</summary>
        public static string ReasonName(int code)
        {
            switch (code)
            {
                case ReasonNone: return "No information given";
                case ReasonServiceNotAllowed: return "Service not allowed";
                case ReasonPinTryLimitExceeded: return "PIN Try Limit exceeded";
                case ReasonIssuerAuthenticationFailed: return "Issuer authentication failed";
                default: return "RFU";
            }
        }

        /// <inheritdoc />
        public override void Describe(ArrayList lines)
        {
            lines.Add(DataObjectText.FieldLabel(1, 8, 7) + " " + CryptogramTypeName(CryptogramType));
            if (PaymentSystemSpecific != 0)
                lines.Add(DataObjectText.FieldLabel(1, 6, 5) + " Payment system-specific: " + PaymentSystemSpecific.ToString());
            DescribeBits(lines, 1, 1);
            if (ReasonCode != 0)
                lines.Add(DataObjectText.FieldLabel(1, 3, 1) + " " + ReasonName(ReasonCode));
        }
    }
}
