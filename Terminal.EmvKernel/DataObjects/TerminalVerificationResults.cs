using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Terminal Verification Results, tag '95', 5 bytes (EMV 4.4 Book 3, Annex C5, Table 46). Bit codes are
    /// <c>(byte &lt;&lt; 8) | mask</c> (see <see cref="BitMappedDataObject"/>). Byte 5 bits 4-1 are given to the
    /// contactless specifications: <see cref="DescribeKernel2(ArrayList)"/> reads them with the C-2 relay
    /// resistance meanings, <see cref="BitMappedDataObject.Describe()"/> with the EMV 4.4 contact meanings.
    /// </summary>
    public sealed class TerminalVerificationResults : BitMappedDataObject
    {
        /// <summary>Tag '95'.</summary>
        public const int TagValue = 0x95;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 5;

        // Byte 1
        /// <summary>B1b8 Offline data authentication was not performed.</summary>
        public const int OfflineDataAuthenticationNotPerformed = 0x0180;
        /// <summary>B1b7 SDA failed.</summary>
        public const int SdaFailed = 0x0140;
        /// <summary>B1b6 ICC data missing.</summary>
        public const int IccDataMissing = 0x0120;
        /// <summary>B1b5 Card appears on terminal exception file.</summary>
        public const int CardOnExceptionFile = 0x0110;
        /// <summary>B1b4 DDA failed.</summary>
        public const int DdaFailed = 0x0108;
        /// <summary>B1b3 CDA failed.</summary>
        public const int CdaFailed = 0x0104;
        /// <summary>B1b2 SDA selected.</summary>
        public const int SdaSelected = 0x0102;
        /// <summary>B1b1 XDA selected (EMV 4.4).</summary>
        public const int XdaSelected = 0x0101;

        // Byte 2
        /// <summary>B2b8 ICC and terminal have different application versions.</summary>
        public const int DifferentApplicationVersions = 0x0280;
        /// <summary>B2b7 Expired application.</summary>
        public const int ExpiredApplication = 0x0240;
        /// <summary>B2b6 Application not yet effective.</summary>
        public const int ApplicationNotYetEffective = 0x0220;
        /// <summary>B2b5 Requested service not allowed for card product.</summary>
        public const int ServiceNotAllowed = 0x0210;
        /// <summary>B2b4 New card.</summary>
        public const int NewCard = 0x0208;
        /// <summary>B2b2 Biometric performed and successful (EMV 4.4).</summary>
        public const int BiometricPerformedSuccessful = 0x0202;
        /// <summary>B2b1 Biometric template format not supported (EMV 4.4).</summary>
        public const int BiometricTemplateFormatNotSupported = 0x0201;

        // Byte 3
        /// <summary>B3b8 Cardholder verification was not successful.</summary>
        public const int CardholderVerificationNotSuccessful = 0x0380;
        /// <summary>B3b7 Unrecognised CVM.</summary>
        public const int UnrecognisedCvm = 0x0340;
        /// <summary>B3b6 PIN Try Limit exceeded.</summary>
        public const int PinTryLimitExceeded = 0x0320;
        /// <summary>B3b5 PIN entry required and PIN pad not present or not working.</summary>
        public const int PinPadNotPresentOrNotWorking = 0x0310;
        /// <summary>B3b4 PIN entry required, PIN pad present, but PIN was not entered.</summary>
        public const int PinNotEntered = 0x0308;
        /// <summary>B3b3 Online CVM captured.</summary>
        public const int OnlineCvmCaptured = 0x0304;
        /// <summary>B3b2 Biometric required but Biometric capture device not working (EMV 4.4).</summary>
        public const int BiometricCaptureDeviceNotWorking = 0x0302;
        /// <summary>B3b1 Biometric required, device present, but Biometric Subtype entry was bypassed (EMV 4.4).</summary>
        public const int BiometricSubtypeEntryBypassed = 0x0301;

        // Byte 4
        /// <summary>B4b8 Transaction exceeds floor limit.</summary>
        public const int FloorLimitExceeded = 0x0480;
        /// <summary>B4b7 Lower consecutive offline limit exceeded.</summary>
        public const int LowerConsecutiveOfflineLimitExceeded = 0x0440;
        /// <summary>B4b6 Upper consecutive offline limit exceeded.</summary>
        public const int UpperConsecutiveOfflineLimitExceeded = 0x0420;
        /// <summary>B4b5 Transaction selected randomly for online processing.</summary>
        public const int SelectedRandomlyForOnline = 0x0410;
        /// <summary>B4b4 Merchant forced transaction online.</summary>
        public const int MerchantForcedOnline = 0x0408;
        /// <summary>B4b3 Biometric Try Limit exceeded (EMV 4.4).</summary>
        public const int BiometricTryLimitExceeded = 0x0404;
        /// <summary>B4b2 A selected Biometric Type not supported (EMV 4.4).</summary>
        public const int BiometricTypeNotSupported = 0x0402;
        /// <summary>B4b1 XDA signature verification failed (EMV 4.4).</summary>
        public const int XdaSignatureVerificationFailed = 0x0401;

        // Byte 5
        /// <summary>B5b8 Default TDOL used.</summary>
        public const int DefaultTdolUsed = 0x0580;
        /// <summary>B5b7 Issuer authentication failed.</summary>
        public const int IssuerAuthenticationFailed = 0x0540;
        /// <summary>B5b6 Script processing failed before final GENERATE AC.</summary>
        public const int ScriptFailedBeforeFinalGenerateAc = 0x0520;
        /// <summary>B5b5 Script processing failed after final GENERATE AC.</summary>
        public const int ScriptFailedAfterFinalGenerateAc = 0x0510;
        /// <summary>B5b3 CA ECC key missing (EMV 4.4 contact).</summary>
        public const int CaEccKeyMissing = 0x0504;
        /// <summary>B5b2 ECC key recovery failed (EMV 4.4 contact).</summary>
        public const int EccKeyRecoveryFailed = 0x0502;

        // Byte 5, C-2 meanings
        /// <summary>C-2: B5b4 Relay resistance threshold exceeded.</summary>
        public const int RelayResistanceThresholdExceeded = 0x0508;
        /// <summary>C-2: B5b3 Relay resistance time limits exceeded.</summary>
        public const int RelayResistanceTimeLimitsExceeded = 0x0504;
        /// <summary>C-2: B5b2-b1 Relay resistance performed (2-bit field, see the RelayResistance* values).</summary>
        public const int RelayResistancePerformedField = 0x0503;

        /// <summary>C-2 B5b2-b1 value: Relay Resistance Protocol not supported.</summary>
        public const int RelayResistanceNotSupported = 0;
        /// <summary>C-2 B5b2-b1 value: RRP not performed.</summary>
        public const int RelayResistanceNotPerformed = 1;
        /// <summary>C-2 B5b2-b1 value: RRP performed.</summary>
        public const int RelayResistancePerformed = 2;

        private static readonly string[] Names =
        {
            // Byte 1, b8..b1
            "Offline data authentication was not performed",
            "SDA failed",
            "ICC data missing",
            "Card appears on terminal exception file",
            "DDA failed",
            "CDA failed",
            "SDA selected",
            "XDA selected",
            // Byte 2
            "ICC and terminal have different application versions",
            "Expired application",
            "Application not yet effective",
            "Requested service not allowed for card product",
            "New card",
            null,
            "Biometric performed and successful",
            "Biometric template format not supported",
            // Byte 3
            "Cardholder verification was not successful",
            "Unrecognised CVM",
            "PIN Try Limit exceeded",
            "PIN entry required and PIN pad not present or not working",
            "PIN entry required, PIN pad present, but PIN was not entered",
            "Online CVM captured",
            "Biometric required but Biometric capture device not working",
            "Biometric required, Biometric capture device present, but Biometric Subtype entry was bypassed",
            // Byte 4
            "Transaction exceeds floor limit",
            "Lower consecutive offline limit exceeded",
            "Upper consecutive offline limit exceeded",
            "Transaction selected randomly for online processing",
            "Merchant forced transaction online",
            "Biometric Try Limit exceeded",
            "A selected Biometric Type not supported",
            "XDA signature verification failed",
            // Byte 5
            "Default TDOL used",
            "Issuer authentication failed",
            "Script processing failed before final GENERATE AC",
            "Script processing failed after final GENERATE AC",
            "Reserved for use by the EMV Contactless Specifications",
            "CA ECC key missing",
            "ECC key recovery failed",
            "Reserved for use by the EMV Contactless Specifications",
        };

        /// <summary>All bits clear (the value at the start of a transaction, Book 3 10.1).</summary>
        public TerminalVerificationResults() : base(TagValue, ValueLength) { }

        /// <summary>Decodes a 5-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public TerminalVerificationResults(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }

        /// <summary>C-2 relay resistance field B5b2-b1 (0 not supported, 1 not performed, 2 performed, 3 RFU).</summary>
        public int RelayResistanceState
        {
            get { return GetByte(5) & 0x03; }
            set
            {
                if (value < 0 || value > 3) throw new System.ArgumentOutOfRangeException("value", "relay resistance state is 0..3");
                SetByte(5, (byte)((GetByte(5) & 0xFC) | value));
            }
        }

        /// <summary>
        /// True when a bit set here is also set in the 5-byte action code (IAC or TAC), the test of terminal
        /// action analysis (Book 3, 10.7).
        /// </summary>
        public bool Intersects(byte[] actionCode)
        {
            if (actionCode == null || actionCode.Length != ValueLength)
                throw new System.ArgumentException("an action code is 5 bytes", "actionCode");
            byte[] v = Value;
            for (int i = 0; i < ValueLength; i++)
                if ((v[i] & actionCode[i]) != 0) return true;
            return false;
        }

        /// <summary>
        /// Readable lines with the C-2 meanings of byte 5: b4 relay resistance threshold exceeded, b3 relay
        /// resistance time limits exceeded, b2-b1 relay resistance performed.
        /// </summary>
        public void DescribeKernel2(ArrayList lines)
        {
            DescribeBits(lines, 1, 4);
            int b5 = GetByte(5);
            if ((b5 & 0x80) != 0) lines.Add("B5b8 " + Names[32]);
            if ((b5 & 0x40) != 0) lines.Add("B5b7 " + Names[33]);
            if ((b5 & 0x20) != 0) lines.Add("B5b6 " + Names[34]);
            if ((b5 & 0x10) != 0) lines.Add("B5b5 " + Names[35]);
            if ((b5 & 0x08) != 0) lines.Add("B5b4 Relay resistance threshold exceeded");
            if ((b5 & 0x04) != 0) lines.Add("B5b3 Relay resistance time limits exceeded");
            string rrp;
            switch (b5 & 0x03)
            {
                case 0: rrp = "Relay Resistance Protocol not supported"; break;
                case 1: rrp = "RRP not performed"; break;
                case 2: rrp = "RRP performed"; break;
                default: rrp = "RFU"; break;
            }
            lines.Add(DataObjectText.FieldLabel(5, 2, 1) + " " + rrp);
        }

        /// <summary>The C-2 lines as an array.</summary>
        public string[] DescribeKernel2()
        {
            ArrayList lines = new ArrayList();
            DescribeKernel2(lines);
            return DataObjectText.ToStringArray(lines);
        }
    }
}
