namespace Terminal.EmvKernel.Apdu
{
    /// <summary>The processing outcome a status word stands for (ISO 7816-4, 5.1.3, table 5).</summary>
    public enum StatusCategory
    {
        /// <summary>SW1 is not a status byte.</summary>
        Invalid = 0,
        /// <summary>'9000' and '61xx': processed normally.</summary>
        Normal = 1,
        /// <summary>'62xx' and '63xx': processed with a warning.</summary>
        Warning = 2,
        /// <summary>'64xx' to '66xx': execution error.</summary>
        ExecutionError = 3,
        /// <summary>'67xx' to '6Fxx': checking error (command refused).</summary>
        CheckingError = 4,
        /// <summary>'9xxx' other than '9000': proprietary.</summary>
        Proprietary = 5
    }

    /// <summary>
    /// Status words SW1 SW2 (ISO 7816-4, 5.1.3; EMV 4.4 Book 3, 6.3.5 and the command descriptions of 6.5).
    /// A status word is an int with SW1 in the high byte, as in <see cref="ResponseApdu.Sw"/>.
    /// </summary>
    public static class StatusWord
    {
        /// <summary>'9000': process completed normally.</summary>
        public const int Success = 0x9000;
        /// <summary>'6283': selected file invalidated; on SELECT, the application is blocked (Book 1, 12.3.2).</summary>
        public const int SelectedFileInvalidated = 0x6283;
        /// <summary>'6300': authentication failed (EXTERNAL AUTHENTICATE, Book 3, 6.5.4).</summary>
        public const int AuthenticationFailed = 0x6300;
        /// <summary>'63C0': PIN verification failed, no tries left (63Cx: x tries left; Book 3, 6.5.12).</summary>
        public const int VerificationFailedNoTriesLeft = 0x63C0;
        /// <summary>'6581': memory failure.</summary>
        public const int MemoryFailure = 0x6581;
        /// <summary>'6700': wrong length.</summary>
        public const int WrongLength = 0x6700;
        /// <summary>'6983': authentication method blocked (PIN blocked).</summary>
        public const int AuthenticationMethodBlocked = 0x6983;
        /// <summary>'6984': referenced data invalidated (PIN blocked; contactless: try another interface).</summary>
        public const int ReferencedDataInvalidated = 0x6984;
        /// <summary>'6985': conditions of use not satisfied (GPO: application not accepted).</summary>
        public const int ConditionsOfUseNotSatisfied = 0x6985;
        /// <summary>'6986': command not allowed (no current EF); contactless GPO: try again / see phone.</summary>
        public const int CommandNotAllowed = 0x6986;
        /// <summary>'6A81': function not supported (SELECT: card blocked).</summary>
        public const int FunctionNotSupported = 0x6A81;
        /// <summary>'6A82': file or application not found.</summary>
        public const int FileNotFound = 0x6A82;
        /// <summary>'6A83': record not found.</summary>
        public const int RecordNotFound = 0x6A83;
        /// <summary>'6A86': incorrect parameters P1-P2.</summary>
        public const int IncorrectP1P2 = 0x6A86;
        /// <summary>'6A88': referenced data (data object) not found.</summary>
        public const int ReferencedDataNotFound = 0x6A88;
        /// <summary>'6D00': instruction code not supported or invalid.</summary>
        public const int InsNotSupported = 0x6D00;
        /// <summary>'6E00': class not supported.</summary>
        public const int ClaNotSupported = 0x6E00;
        /// <summary>'6F00': no precise diagnosis.</summary>
        public const int NoPreciseDiagnosis = 0x6F00;

        /// <summary>SW1 of '61xx': xx more response bytes available with GET RESPONSE.</summary>
        public const byte Sw1BytesAvailable = 0x61;
        /// <summary>SW1 of '6Cxx': wrong Le, xx is the exact length.</summary>
        public const byte Sw1WrongLe = 0x6C;

        /// <summary>True when the byte can be SW1: '6X' except '60', or '9X' (ISO 7816-3, 10.3.3).</summary>
        public static bool IsValidSw1(byte sw1)
        {
            int high = sw1 & 0xF0;
            return (high == 0x60 && sw1 != 0x60) || high == 0x90;
        }

        /// <summary>The outcome category of a status word.</summary>
        public static StatusCategory Category(int sw)
        {
            byte sw1 = (byte)(sw >> 8);
            if (!IsValidSw1(sw1)) return StatusCategory.Invalid;
            if (sw1 == 0x90) return (sw & 0xFF) == 0 ? StatusCategory.Normal : StatusCategory.Proprietary;
            if (sw1 >= 0x91) return StatusCategory.Proprietary;
            if (sw1 == 0x61) return StatusCategory.Normal;
            if (sw1 == 0x62 || sw1 == 0x63) return StatusCategory.Warning;
            if (sw1 <= 0x66) return StatusCategory.ExecutionError;
            return StatusCategory.CheckingError;
        }

        /// <summary>True for '9000'.</summary>
        public static bool IsSuccess(int sw)
        {
            return sw == Success;
        }

        /// <summary>
        /// True for '62xx' and '63xx': the command was processed with a warning. The kernel treats the response
        /// as processed (e.g. '6283' on SELECT = application blocked, '63Cx' on VERIFY = wrong PIN).
        /// </summary>
        public static bool IsWarning(int sw)
        {
            int sw1 = (sw >> 8) & 0xFF;
            return sw1 == 0x62 || sw1 == 0x63;
        }

        /// <summary>For '63Cx' the counter x (0 to 15, PIN tries left after VERIFY); otherwise -1.</summary>
        public static int RetryCounter(int sw)
        {
            return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : -1;
        }

        /// <summary>The status word as four upper-case hex digits, e.g. "6A82".</summary>
        public static string ToHex(int sw)
        {
            byte[] two = new byte[] { (byte)(sw >> 8), (byte)sw };
            return Terminal.EmvKernel.Util.Hex.Encode(two);
        }

        /// <summary>An English description of the status word.</summary>
        public static string Describe(int sw)
        {
            sw &= 0xFFFF;
            int sw1 = sw >> 8;
            int sw2 = sw & 0xFF;
            switch (sw)
            {
                case Success: return "Process completed normally";
                case 0x6200: return "Warning: no information given (state of non-volatile memory unchanged)";
                case 0x6281: return "Warning: part of returned data may be corrupted";
                case 0x6282: return "Warning: end of file or record reached before reading Le bytes";
                case SelectedFileInvalidated: return "Warning: selected file invalidated (application blocked)";
                case 0x6284: return "Warning: FCI not formatted according to ISO 7816-4";
                case AuthenticationFailed: return "Warning: authentication failed (state of non-volatile memory changed)";
                case 0x6381: return "Warning: file filled up by the last write";
                case 0x6400: return "Execution error: state of non-volatile memory unchanged";
                case 0x6500: return "Execution error: state of non-volatile memory changed";
                case MemoryFailure: return "Execution error: memory failure";
                case WrongLength: return "Wrong length";
                case 0x6800: return "Functions in CLA not supported";
                case 0x6881: return "Logical channel not supported";
                case 0x6882: return "Secure messaging not supported";
                case 0x6900: return "Command not allowed";
                case 0x6981: return "Command incompatible with file structure";
                case 0x6982: return "Security status not satisfied";
                case AuthenticationMethodBlocked: return "Authentication method blocked";
                case ReferencedDataInvalidated: return "Referenced data invalidated";
                case ConditionsOfUseNotSatisfied: return "Conditions of use not satisfied";
                case CommandNotAllowed: return "Command not allowed (no current EF)";
                case 0x6987: return "Expected secure messaging data objects missing";
                case 0x6988: return "Incorrect secure messaging data objects";
                case 0x6A80: return "Incorrect parameters in the data field";
                case FunctionNotSupported: return "Function not supported";
                case FileNotFound: return "File or application not found";
                case RecordNotFound: return "Record not found";
                case 0x6A84: return "Not enough memory space in the file";
                case 0x6A85: return "Lc inconsistent with TLV structure";
                case IncorrectP1P2: return "Incorrect parameters P1-P2";
                case 0x6A87: return "Lc inconsistent with P1-P2";
                case ReferencedDataNotFound: return "Referenced data not found";
                case 0x6B00: return "Wrong parameters P1-P2";
                case InsNotSupported: return "Instruction code not supported or invalid";
                case ClaNotSupported: return "Class not supported";
                case NoPreciseDiagnosis: return "No precise diagnosis";
            }
            if (sw1 == Sw1BytesAvailable)
            {
                return string.Concat(sw2 == 0 ? "256" : sw2.ToString(), " response bytes still available (GET RESPONSE)");
            }
            if (sw1 == Sw1WrongLe)
            {
                return string.Concat("Wrong Le: exact length is ", sw2 == 0 ? "256" : sw2.ToString());
            }
            if (RetryCounter(sw) >= 0)
            {
                return string.Concat("Warning: verification failed, ", (sw & 0x0F).ToString(), " tries left");
            }
            switch (Category(sw))
            {
                case StatusCategory.Warning:
                    return sw1 == 0x62 ? "Warning (state of non-volatile memory unchanged)" : "Warning (state of non-volatile memory changed)";
                case StatusCategory.ExecutionError:
                    return sw1 == 0x66 ? "Execution error: security-related issue" : "Execution error";
                case StatusCategory.CheckingError:
                    return CheckingErrorClass(sw1);
                case StatusCategory.Proprietary:
                    return "Proprietary status";
                default:
                    return "Not a status word";
            }
        }

        private static string CheckingErrorClass(int sw1)
        {
            switch (sw1)
            {
                case 0x67: return "Wrong length";
                case 0x68: return "Functions in CLA not supported";
                case 0x69: return "Command not allowed";
                case 0x6A: return "Wrong parameters P1-P2";
                case 0x6B: return "Wrong parameters P1-P2";
                case 0x6D: return "Instruction code not supported or invalid";
                case 0x6E: return "Class not supported";
                default: return "No precise diagnosis";
            }
        }
    }
}
