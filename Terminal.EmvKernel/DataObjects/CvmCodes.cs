namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// CVM codes (CV Rule byte 1, b6-b1; EMV 4.4 Book 3, Annex C3, Table 43) and CVM condition codes
    /// (CV Rule byte 2; Table 44), with their names.
    /// </summary>
    public static class CvmCodes
    {
        /// <summary>000000 Fail CVM processing.</summary>
        public const int FailCvmProcessing = 0x00;
        /// <summary>000001 Plaintext PIN verification performed by ICC.</summary>
        public const int PlaintextPinByIcc = 0x01;
        /// <summary>000010 Enciphered PIN verified online.</summary>
        public const int EncipheredPinOnline = 0x02;
        /// <summary>000011 Plaintext PIN verification performed by ICC and signature (paper).</summary>
        public const int PlaintextPinByIccAndSignature = 0x03;
        /// <summary>000100 Enciphered PIN verification performed by ICC.</summary>
        public const int EncipheredPinByIcc = 0x04;
        /// <summary>000101 Enciphered PIN verification performed by ICC and signature (paper).</summary>
        public const int EncipheredPinByIccAndSignature = 0x05;
        /// <summary>011110 Signature (paper).</summary>
        public const int Signature = 0x1E;
        /// <summary>011111 No CVM required.</summary>
        public const int NoCvmRequired = 0x1F;
        /// <summary>111111 Not available for use in a CV Rule; in CVM Results byte 1 it means "No CVM performed".</summary>
        public const int NoCvmPerformed = 0x3F;

        /// <summary>Condition 00: Always.</summary>
        public const int Always = 0x00;
        /// <summary>Condition 01: If unattended cash.</summary>
        public const int IfUnattendedCash = 0x01;
        /// <summary>Condition 02: If not unattended cash and not manual cash and not purchase with cashback.</summary>
        public const int IfNotUnattendedCashNotManualCashNotCashback = 0x02;
        /// <summary>Condition 03: If terminal supports the CVM.</summary>
        public const int IfTerminalSupportsCvm = 0x03;
        /// <summary>Condition 04: If manual cash.</summary>
        public const int IfManualCash = 0x04;
        /// <summary>Condition 05: If purchase with cashback.</summary>
        public const int IfPurchaseWithCashback = 0x05;
        /// <summary>Condition 06: If transaction is in the application currency and is under X value.</summary>
        public const int IfUnderX = 0x06;
        /// <summary>Condition 07: If transaction is in the application currency and is over X value.</summary>
        public const int IfOverX = 0x07;
        /// <summary>Condition 08: If transaction is in the application currency and is under Y value.</summary>
        public const int IfUnderY = 0x08;
        /// <summary>Condition 09: If transaction is in the application currency and is over Y value.</summary>
        public const int IfOverY = 0x09;

        private static readonly string[] BiometricNames =
        {
            "Facial biometric verified offline (by ICC)",
            "Facial biometric verified online",
            "Finger biometric verified offline (by ICC)",
            "Finger biometric verified online",
            "Palm biometric verified offline (by ICC)",
            "Palm biometric verified online",
            "Iris biometric verified offline (by ICC)",
            "Iris biometric verified online",
            "Voice biometric verified offline (by ICC)",
            "Voice biometric verified online",
        };

        private static readonly string[] ConditionNames =
        {
            "Always",
            "If unattended cash",
            "If not unattended cash and not manual cash and not purchase with cashback",
            "If terminal supports the CVM",
            "If manual cash",
            "If purchase with cashback",
            "If transaction is in the application currency and is under X value",
            "If transaction is in the application currency and is over X value",
            "If transaction is in the application currency and is under Y value",
            "If transaction is in the application currency and is over Y value",
        };

        /// <summary>Name of a CVM code (the six low bits of CV Rule byte 1; higher bits are ignored).</summary>
        public static string Name(int cvmCode)
        {
            int code = cvmCode & 0x3F;
            switch (code)
            {
                case FailCvmProcessing: return "Fail CVM processing";
                case PlaintextPinByIcc: return "Plaintext PIN verification performed by ICC";
                case EncipheredPinOnline: return "Enciphered PIN verified online";
                case PlaintextPinByIccAndSignature: return "Plaintext PIN verification performed by ICC and signature (paper)";
                case EncipheredPinByIcc: return "Enciphered PIN verification performed by ICC";
                case EncipheredPinByIccAndSignature: return "Enciphered PIN verification performed by ICC and signature (paper)";
                case Signature: return "Signature (paper)";
                case NoCvmRequired: return "No CVM required";
                case NoCvmPerformed: return "No CVM performed (not available in a CV Rule)";
            }
            if (code >= 0x06 && code <= 0x0F) return BiometricNames[code - 0x06];
            if (code >= 0x10 && code <= 0x1D) return "RFU";
            if (code >= 0x20 && code <= 0x2F) return "Reserved for use by the individual payment systems";
            return "Reserved for use by the issuer";
        }

        /// <summary>True for the CVM codes EMV 4.4 defines (00-0F, 1E, 1F); payment system, issuer and RFU codes are false.</summary>
        public static bool IsEmvDefined(int cvmCode)
        {
            int code = cvmCode & 0x3F;
            return code <= 0x0F || code == Signature || code == NoCvmRequired;
        }

        /// <summary>Name of a CVM condition code (CV Rule byte 2).</summary>
        public static string ConditionName(int condition)
        {
            int c = condition & 0xFF;
            if (c < ConditionNames.Length) return ConditionNames[c];
            if (c < 0x80) return "RFU";
            return "Reserved for use by individual payment systems";
        }
    }
}
