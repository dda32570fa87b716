using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Cardholder Verification Method (CVM) Results, tag '9F34', 3 bytes (EMV 4.4 Book 4, Annex A4, Table 33):
    /// byte 1 CVM performed (CV Rule byte 1; '3F' = no CVM performed), byte 2 CVM condition, byte 3 result
    /// ('00' unknown, '01' failed, '02' successful).
    /// <para>Describe lines: <c>"B1 CVM performed: 1E Signature (paper)"</c>, <c>"B2 CVM condition: 03 If terminal supports the CVM"</c>,
    /// <c>"B3 CVM result: 00 Unknown"</c>.</para>
    /// </summary>
    public sealed class CvmResults : BitMappedDataObject
    {
        /// <summary>Tag '9F34'.</summary>
        public const int TagValue = 0x9F34;
        /// <summary>Length in bytes.</summary>
        public const int ValueLength = 3;

        /// <summary>Result '00': unknown (e.g. signature, online PIN).</summary>
        public const int ResultUnknown = 0x00;
        /// <summary>Result '01': failed.</summary>
        public const int ResultFailed = 0x01;
        /// <summary>Result '02': successful.</summary>
        public const int ResultSuccessful = 0x02;

        private static readonly string[] Names = new string[24];

        /// <summary>"No CVM performed": 3F 00 00 (Book 3 10.5 when CVM processing is not done).</summary>
        public CvmResults() : base(TagValue, ValueLength)
        {
            SetByte(1, CvmCodes.NoCvmPerformed);
        }

        /// <summary>Decodes a 3-byte value; other lengths give <see cref="DataObjectException"/>.</summary>
        public CvmResults(byte[] value) : base(TagValue, ValueLength, value) { }

        /// <summary>Results for <paramref name="rule"/> with <paramref name="result"/> (0, 1 or 2).</summary>
        public CvmResults(CvmRule rule, int result) : base(TagValue, ValueLength)
        {
            if (rule == null) throw new System.ArgumentNullException("rule");
            SetByte(1, rule.MethodByte);
            SetByte(2, (byte)rule.ConditionCode);
            Result = result;
        }

        /// <inheritdoc />
        protected override string[] BitNames { get { return Names; } }

        /// <summary>Byte 1 as coded (CV Rule byte 1 of the CVM performed, or '3F').</summary>
        public int CvmPerformed { get { return GetByte(1); } }

        /// <summary>CVM code b6-b1 of byte 1.</summary>
        public int CvmCode { get { return GetByte(1) & 0x3F; } }

        /// <summary>True when byte 1 says no CVM was performed ('3F').</summary>
        public bool NoCvmPerformed { get { return CvmCode == CvmCodes.NoCvmPerformed; } }

        /// <summary>Byte 2, the condition code of the rule.</summary>
        public int ConditionCode { get { return GetByte(2); } }

        /// <summary>Byte 3: <see cref="ResultUnknown"/>, <see cref="ResultFailed"/> or <see cref="ResultSuccessful"/>.</summary>
        public int Result
        {
            get { return GetByte(3); }
            set
            {
                if (value < 0 || value > 2) throw new System.ArgumentOutOfRangeException("value", "CVM result is 0, 1 or 2");
                SetByte(3, (byte)value);
            }
        }

        /// <summary>"Unknown", "Failed", "Successful" or "RFU".</summary>
        public static string ResultName(int result)
        {
            switch (result)
            {
                case ResultUnknown: return "Unknown";
                case ResultFailed: return "Failed";
                case ResultSuccessful: return "Successful";
                default: return "RFU";
            }
        }

        /// <inheritdoc />
        public override void Describe(ArrayList lines)
        {
            int b1 = GetByte(1);
            string method = NoCvmPerformed ? "No CVM performed" : CvmCodes.Name(b1);
            lines.Add("B1 CVM performed: " + DataObjectText.Hex2(b1) + " " + method);
            lines.Add("B2 CVM condition: " + DataObjectText.Hex2(GetByte(2)) + " " + CvmCodes.ConditionName(GetByte(2)));
            lines.Add("B3 CVM result: " + DataObjectText.Hex2(GetByte(3)) + " " + ResultName(GetByte(3)));
        }
    }
}
