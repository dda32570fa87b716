using System.Collections;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Issuer Application Data, tag '9F10', up to 32 bytes: proprietary card data for the issuer, decoded for the
    /// layouts listed in <see cref="IadFormat"/>.
    /// <list type="bullet">
    /// <item>Visa formats 0/1/3 and 2/4 (Visa Contactless Payment Specification, Appendix M, as transcribed by
    /// openemv): length indicator, DKI, CVN, CVR, issuer discretionary data. Only CVR byte 2 (cryptogram types,
    /// issuer authentication, offline PIN / CDCVM, unable to go online) is decoded bit by bit; the other CVR bytes
    /// are shown in hex because no checkable public source defines them.</item>
    /// <item>M/Chip 4 and M/Chip Advance (M/Chip Requirements, Appendix B): DKI, CVN, CVR (6 bytes, all bits
    /// decoded), DAC/ICC Dynamic Number, counters.</item>
    /// <item>CCD (EMV 4.4 Book 3, Annex C9): CCI, DKI, CVR (5 bytes, all bits), counters, issuer discretionary data.</item>
    /// </list>
    /// A value that matches none is <see cref="IadFormat.Unknown"/> (not an error: the IAD is proprietary).
    /// A value longer than 32 bytes gives <see cref="DataObjectException"/>.
    /// <para>
    /// Describe lines: <c>"Format: Visa IAD format 0"</c>, <c>"Derivation Key Index (DKI): 01"</c>,
    /// <c>"Cryptogram Version Number (CVN): 0A (CVN 10)"</c>, <c>"Card Verification Results (CVR): 03A00000"</c>,
    /// then one line per CVR field or set bit prefixed "CVR ", e.g. <c>"CVR B2b6-b5 First GENERATE AC (contact) or GPO
    /// (contactless) returned ARQC"</c>, then the remaining fields in hex, e.g. <c>"Issuer Discretionary Data: ..."</c>.
    /// Unknown layout: <c>"Format: unknown (proprietary)"</c> and <c>"Value: ..."</c>.
    /// </para>
    /// </summary>
    public sealed class IssuerApplicationData
    {
        /// <summary>Tag '9F10'.</summary>
        public const int TagValue = 0x9F10;
        /// <summary>Maximum length (Book 3 Annex A).</summary>
        public const int MaxLength = 32;

        private readonly byte[] value;
        private readonly IadFormat format;

        private IssuerApplicationData(byte[] value, IadFormat format)
        {
            this.value = value;
            this.format = format;
        }

        /// <summary>Decodes trying every known layout.</summary>
        public static IssuerApplicationData Decode(byte[] value)
        {
            return Decode(value, IadScheme.Any);
        }

        /// <summary>Decodes trying only the layouts of <paramref name="scheme"/>.</summary>
        public static IssuerApplicationData Decode(byte[] value, IadScheme scheme)
        {
            if (value == null) throw new DataObjectException(TagValue, "value is missing");
            if (value.Length > MaxLength)
                throw new DataObjectException(TagValue, "length is " + value.Length.ToString() + " bytes, at most 32 allowed");
            byte[] copy = new byte[value.Length];
            System.Array.Copy(value, copy, value.Length);
            IadFormat format = IadFormat.Unknown;
            if (scheme == IadScheme.Any || scheme == IadScheme.Ccd) format = DetectCcd(copy);
            if (format == IadFormat.Unknown && (scheme == IadScheme.Any || scheme == IadScheme.Visa)) format = DetectVisa(copy);
            if (format == IadFormat.Unknown && (scheme == IadScheme.Any || scheme == IadScheme.Mastercard)) format = DetectMChip(copy);
            return new IssuerApplicationData(copy, format);
        }

        /// <summary>The recognised layout.</summary>
        public IadFormat Format { get { return format; } }

        /// <summary>True for the Visa formats.</summary>
        public bool IsVisa
        {
            get
            {
                return format == IadFormat.VisaFormat0 || format == IadFormat.VisaFormat1 || format == IadFormat.VisaFormat3
                    || format == IadFormat.VisaFormat2 || format == IadFormat.VisaFormat4;
            }
        }

        private bool IsVisaShort
        {
            get { return format == IadFormat.VisaFormat0 || format == IadFormat.VisaFormat1 || format == IadFormat.VisaFormat3; }
        }

        private bool IsMChip { get { return format == IadFormat.MChip4 || format == IadFormat.MChipAdvance; } }

        /// <summary>Derivation Key Index, or -1 when the layout is unknown.</summary>
        public int DerivationKeyIndex
        {
            get
            {
                if (IsVisaShort) return value[1];
                if (format == IadFormat.VisaFormat2 || format == IadFormat.VisaFormat4 || format == IadFormat.Ccd) return value[2];
                if (IsMChip) return value[0];
                return -1;
            }
        }

        /// <summary>Cryptogram Version Number (for CCD: the Common Core Identifier), or -1 when the layout is unknown.</summary>
        public int CryptogramVersionNumber
        {
            get
            {
                if (IsVisaShort) return value[2];
                if (format == IadFormat.VisaFormat2 || format == IadFormat.VisaFormat4 || IsMChip || format == IadFormat.Ccd) return value[1];
                return -1;
            }
        }

        /// <summary>The Card Verification Results bytes (Visa 0/1/3: 4 bytes starting with the length 03), or null.</summary>
        public byte[] CardVerificationResults
        {
            get
            {
                int offset, length;
                CvrPosition(out offset, out length);
                return length == 0 ? null : Slice(offset, length);
            }
        }

        /// <summary>The raw value.</summary>
        public byte[] ToArray()
        {
            return Slice(0, value.Length);
        }

        /// <summary>"Visa IAD format 0", ..., "M/Chip 4", "M/Chip Advance", "CCD", "unknown (proprietary)".</summary>
        public static string FormatName(IadFormat format)
        {
            switch (format)
            {
                case IadFormat.VisaFormat0: return "Visa IAD format 0";
                case IadFormat.VisaFormat1: return "Visa IAD format 1";
                case IadFormat.VisaFormat2: return "Visa IAD format 2";
                case IadFormat.VisaFormat3: return "Visa IAD format 3";
                case IadFormat.VisaFormat4: return "Visa IAD format 4";
                case IadFormat.MChip4: return "M/Chip 4";
                case IadFormat.MChipAdvance: return "M/Chip Advance";
                case IadFormat.Ccd: return "Common Core Definitions (CCD)";
                default: return "unknown (proprietary)";
            }
        }

        /// <summary>Readable lines (format in the class summary).</summary>
        public string[] Describe()
        {
            ArrayList lines = new ArrayList();
            Describe(lines);
            return DataObjectText.ToStringArray(lines);
        }

        /// <summary>Appends the readable lines to <paramref name="lines"/>.</summary>
        public void Describe(ArrayList lines)
        {
            lines.Add("Format: " + FormatName(format));
            if (format == IadFormat.Unknown)
            {
                lines.Add("Value: " + Hex.Encode(value));
                return;
            }
            if (IsVisa) DescribeVisa(lines);
            else if (IsMChip) DescribeMChip(lines);
            else DescribeCcd(lines);
        }

        // ---- detection ----

        private static IadFormat DetectCcd(byte[] v)
        {
            // Book 3 C9: byte 1 '0F', CCI format code 'A' (b8-b5), byte 17 '0F', 32 bytes.
            if (v.Length == 32 && v[0] == 0x0F && (v[1] & 0xF0) == 0xA0 && v[16] == 0x0F) return IadFormat.Ccd;
            return IadFormat.Unknown;
        }

        private static IadFormat DetectVisa(byte[] v)
        {
            if (v.Length == 32 && v[0] == 0x1F && (v[8] & 0xF0) == 0)
            {
                int f = v[1] >> 4;
                if (f == 2) return IadFormat.VisaFormat2;
                if (f == 4) return IadFormat.VisaFormat4;
            }
            if (v.Length >= 7 && v[0] == 0x06 && v[3] == 0x03)
            {
                int f = v[2] >> 4;
                if (f == 0) return IadFormat.VisaFormat0;
                if (f == 1) return IadFormat.VisaFormat1;
                if (f == 3) return IadFormat.VisaFormat3;
            }
            return IadFormat.Unknown;
        }

        private static IadFormat DetectMChip(byte[] v)
        {
            // CVN: b8-b5 = 0001, b4 RFU = 0, b3-b2 session key (00 or 10), b1 counters included.
            bool lengthOk = v.Length == 18 || v.Length == 20 || v.Length == 26 || v.Length == 28;
            if (!lengthOk || (v[1] & 0xF0) != 0x10 || (v[1] & 0x0A) != 0) return IadFormat.Unknown;
            return v.Length == 18 ? IadFormat.MChip4 : IadFormat.MChipAdvance;
        }

        private void CvrPosition(out int offset, out int length)
        {
            if (IsVisaShort) { offset = 3; length = 4; }
            else if (format == IadFormat.VisaFormat2 || format == IadFormat.VisaFormat4 || format == IadFormat.Ccd) { offset = 3; length = 5; }
            else if (IsMChip) { offset = 2; length = 6; }
            else { offset = 0; length = 0; }
        }

        // ---- Visa ----

        // CVR bytes 1-2; only byte 2 b4-b1 are named (b8-b5 are the two cryptogram-type fields, byte 1 is shown in hex).
        private static readonly string[] VisaCvrShortNames =
        {
            "", "", "", "", "", "", "", "",
            "", "", "", "",
            "Issuer Authentication performed and failed",
            "Offline PIN verification performed",
            "Offline PIN verification failed",
            "Unable to go online",
        };

        private static readonly string[] VisaCvrLongNames =
        {
            "", "", "", "", "", "", "", "",
            "", "", "", "",
            "Issuer Authentication performed and failed",
            "CDCVM successfully performed",
            null,
            "Unable to go online",
        };

        private void DescribeVisa(ArrayList lines)
        {
            bool shortFormat = IsVisaShort;
            lines.Add("Length indicator: " + DataObjectText.Hex2(value[0]));
            if (shortFormat)
            {
                lines.Add("Derivation Key Index (DKI): " + DataObjectText.Hex2(value[1]));
                lines.Add("Cryptogram Version Number (CVN): " + DataObjectText.Hex2(value[2]) + " (CVN " + value[2].ToString() + ")");
            }
            else
            {
                lines.Add("Cryptogram Version Number (CVN): " + DataObjectText.Hex2(value[1]) + " (CVN '" + DataObjectText.Hex2(value[1]) + "')");
                lines.Add("Derivation Key Index (DKI): " + DataObjectText.Hex2(value[2]));
            }
            int cvrLength = shortFormat ? 4 : 5;
            lines.Add("Card Verification Results (CVR): " + Hex.Encode(value, 3, cvrLength));
            if (shortFormat) lines.Add("CVR B1 length: " + value[3].ToString());
            else lines.Add("CVR byte 1: " + DataObjectText.Hex2(value[3]));

            AddCryptogramTypes(lines, 2, value[4], "First GENERATE AC (contact) or GPO (contactless)");
            DataObjectText.DescribeBits(lines, "CVR ", value, 4, 1, shortFormat ? VisaCvrShortNames : VisaCvrLongNames, 2);
            lines.Add("CVR byte 3: " + DataObjectText.Hex2(value[5]));
            lines.Add("CVR byte 4: " + DataObjectText.Hex2(value[6]));
            if (shortFormat)
            {
                if (value.Length > 7) lines.Add("Issuer Discretionary Data: " + Hex.Encode(value, 7, value.Length - 7));
            }
            else
            {
                lines.Add("CVR byte 5: " + DataObjectText.Hex2(value[7]));
                lines.Add("Issuer Discretionary Data Option ID: " + (value[8] & 0x0F).ToString());
                lines.Add("Issuer Discretionary Data: " + Hex.Encode(value, 9, value.Length - 9));
            }
        }

        // ---- M/Chip ----

        private static readonly string[] MChipCvrNames =
        {
            // Byte 1: b8-b5 cryptogram-type fields
            "", "", "", "",
            "Date Check Failed",
            "Offline PIN Verification Performed",
            "Offline Encrypted PIN Verification Performed",
            "Offline PIN Verification Successful",
            // Byte 2
            "DDA Returned",
            "CDA Returned in First GENERATE AC",
            "CDA Returned in Second GENERATE AC",
            "Issuer Authentication Performed",
            "CIAC-Default Skipped on CAT3",
            "Offline Change PIN Result Successful",
            "Issuer Discretionary",
            "Issuer Discretionary",
            // Byte 3: two counters
            "", "", "", "", "", "", "", "",
            // Byte 4
            "Last Online Transaction Not Completed",
            "Unable To Go Online",
            "Offline PIN Verification Not Performed",
            "Offline PIN Verification Failed",
            "PTL Exceeded",
            "International Transaction",
            "Domestic Transaction",
            "Terminal Erroneously Considers Offline PIN OK",
            // Byte 5 (M/Chip 4 names; M/Chip Advance reads "Counter 1" and "Accumulator")
            "Lower Consecutive Offline Limit Exceeded",
            "Upper Consecutive Offline Limit Exceeded",
            "Lower Cumulative Offline Limit Exceeded",
            "Upper Cumulative Offline Limit Exceeded",
            "Go Online On Next Transaction Was Set",
            "Issuer Authentication Failed",
            "Script Received",
            "Script Failed",
            // Byte 6
            "Lower Consecutive Counter 2 Limit Exceeded",
            "Upper Consecutive Counter 2 Limit Exceeded",
            "Lower Cumulative Accumulator 2 Limit Exceeded",
            "Upper Cumulative Accumulator 2 Limit Exceeded",
            "MTA Limit Exceeded",
            "Number Of Days Offline Limit Exceeded",
            "Match Found In Additional Check Table",
            "No Match Found In Additional Check Table",
        };

        // M/Chip Advance names byte 5 b8-b5 after counter 1 and the accumulator.
        private static readonly string[] MChipAdvanceCvrNames = MChipAdvanceNames();

        private static string[] MChipAdvanceNames()
        {
            string[] names = new string[MChipCvrNames.Length];
            System.Array.Copy(MChipCvrNames, names, names.Length);
            names[32] = "Lower Consecutive Counter 1 Limit Exceeded";
            names[33] = "Upper Consecutive Counter 1 Limit Exceeded";
            names[34] = "Lower Cumulative Accumulator Limit Exceeded";
            names[35] = "Upper Cumulative Accumulator Limit Exceeded";
            return names;
        }

        private void DescribeMChip(ArrayList lines)
        {
            int cvn = value[1];
            lines.Add("Derivation Key Index (DKI): " + DataObjectText.Hex2(value[0]));
            lines.Add("Cryptogram Version Number (CVN): " + DataObjectText.Hex2(cvn));
            lines.Add("CVN session key: " + ((cvn & 0x06) == 0x04 ? "EMV CSK" : "Mastercard proprietary SKD"));
            lines.Add("CVN counters: " + ((cvn & 0x01) != 0 ? "included in AC data" : "not included in AC data"));
            lines.Add("Card Verification Results (CVR): " + Hex.Encode(value, 2, 6));
            AddCryptogramTypes(lines, 1, value[2], "First GENERATE AC");
            int b3 = value[4];
            lines.Add("CVR " + DataObjectText.FieldLabel(3, 8, 5) + " Script counter (right nibble): " + (b3 >> 4).ToString());
            lines.Add("CVR " + DataObjectText.FieldLabel(3, 4, 1) + " PIN try counter (right nibble): " + (b3 & 0x0F).ToString());
            string[] names = format == IadFormat.MChipAdvance ? MChipAdvanceCvrNames : MChipCvrNames;
            DataObjectText.DescribeBits(lines, "CVR ", value, 2, 6, names, 1);
            lines.Add("DAC/ICC Dynamic Number: " + Hex.Encode(value, 8, 2));
            lines.Add("Counters: " + Hex.Encode(value, 10, 8));
            if (value.Length > 18) lines.Add("Additional data: " + Hex.Encode(value, 18, value.Length - 18));
        }

        // ---- CCD (Book 3 Annex C9) ----

        private static readonly string[] CcdCvrNames =
        {
            // Byte 1: b8-b5 cryptogram-type fields
            "", "", "", "",
            "CDA Performed",
            "Offline DDA Performed",
            "Issuer Authentication Not Performed",
            "Issuer Authentication Failed",
            // Byte 2: b8-b5 PIN try counter
            "", "", "", "",
            "Offline PIN Verification Performed",
            "Offline PIN Verification Performed and PIN Not Successfully Verified",
            "PIN Try Limit Exceeded",
            "Last Online Transaction Not Completed",
            // Byte 3
            "Lower Offline Transaction Count Limit Exceeded",
            "Upper Offline Transaction Count Limit Exceeded",
            "Lower Cumulative Offline Amount Limit Exceeded",
            "Upper Cumulative Offline Amount Limit Exceeded",
            "Issuer-discretionary bit 1",
            "Issuer-discretionary bit 2",
            "Issuer-discretionary bit 3",
            "Issuer-discretionary bit 4",
            // Byte 4: b8-b5 script count
            "", "", "", "",
            "Issuer Script Processing Failed",
            "Offline Data Authentication Failed on Previous Transaction",
            "Go Online on Next Transaction Was Set",
            "Unable to go Online",
            // Byte 5: RFU
            null, null, null, null, null, null, null, null,
        };

        private void DescribeCcd(ArrayList lines)
        {
            int cci = value[1];
            string version = (cci & 0x0F) == 5 ? "TDES" : (cci & 0x0F) == 6 ? "AES" : "RFU";
            lines.Add("Length indicator: " + DataObjectText.Hex2(value[0]));
            lines.Add("Common Core Identifier (CCI): " + DataObjectText.Hex2(cci) + " (format code A, cryptogram version " + (cci & 0x0F).ToString() + " " + version + ")");
            lines.Add("Derivation Key Index (DKI): " + DataObjectText.Hex2(value[2]));
            lines.Add("Card Verification Results (CVR): " + Hex.Encode(value, 3, 5));
            AddCryptogramTypes(lines, 1, value[3], "First GENERATE AC");
            lines.Add("CVR " + DataObjectText.FieldLabel(2, 8, 5) + " PIN try counter (low nibble): " + (value[4] >> 4).ToString());
            lines.Add("CVR " + DataObjectText.FieldLabel(4, 8, 5) + " Issuer script commands with secure messaging processed: " + (value[6] >> 4).ToString());
            DataObjectText.DescribeBits(lines, "CVR ", value, 3, 5, CcdCvrNames, 1);
            lines.Add("Counters: " + Hex.Encode(value, 8, 8));
            lines.Add("Length indicator: " + DataObjectText.Hex2(value[16]));
            lines.Add("Issuer Discretionary Data: " + Hex.Encode(value, 17, 15));
        }

        // ---- shared ----

        // The two cryptogram-type fields (b8-b7 second GENERATE AC, b6-b5 first) that all CVR layouts share.
        private static void AddCryptogramTypes(ArrayList lines, int byteNumber, int b, string firstCommand)
        {
            lines.Add("CVR " + DataObjectText.FieldLabel(byteNumber, 8, 7) + " " + SecondAcName(b >> 6));
            lines.Add("CVR " + DataObjectText.FieldLabel(byteNumber, 6, 5) + " " + FirstAcName((b >> 4) & 3, firstCommand));
        }

        private static string SecondAcName(int twoBits)
        {
            switch (twoBits & 3)
            {
                case 0: return "Second GENERATE AC returned AAC";
                case 1: return "Second GENERATE AC returned TC";
                case 2: return "Second GENERATE AC not requested";
                default: return "Second GENERATE AC: RFU";
            }
        }

        private static string FirstAcName(int twoBits, string command)
        {
            switch (twoBits & 3)
            {
                case 0: return command + " returned AAC";
                case 1: return command + " returned TC";
                case 2: return command + " returned ARQC";
                default: return command + ": RFU";
            }
        }

        private byte[] Slice(int offset, int length)
        {
            byte[] r = new byte[length];
            System.Array.Copy(value, offset, r, 0, length);
            return r;
        }
    }
}
