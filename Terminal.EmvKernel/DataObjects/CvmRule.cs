namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// One Cardholder Verification Rule of a CVM List: byte 1 = b8 RFU, b7 "apply succeeding CV Rule if this CVM
    /// is unsuccessful", b6-b1 CVM code; byte 2 = CVM condition code (EMV 4.4 Book 3, Annex C3).
    /// </summary>
    public sealed class CvmRule
    {
        /// <summary>Byte 1 b7: apply succeeding CV Rule if this CVM is unsuccessful.</summary>
        public const int ApplySucceedingRuleBit = 0x40;

        private readonly byte method;
        private readonly byte condition;

        /// <summary>A rule from its two bytes.</summary>
        public CvmRule(byte method, byte condition)
        {
            this.method = method;
            this.condition = condition;
        }

        /// <summary>Byte 1 as coded (RFU bit, b7 and CVM code).</summary>
        public byte MethodByte { get { return method; } }

        /// <summary>Byte 2: the CVM condition code.</summary>
        public int ConditionCode { get { return condition; } }

        /// <summary>The CVM code, b6-b1 of byte 1 (see <see cref="CvmCodes"/>).</summary>
        public int CvmCode { get { return method & 0x3F; } }

        /// <summary>b7 of byte 1: when this CVM fails, apply the next rule (else cardholder verification fails).</summary>
        public bool ApplySucceedingRuleIfUnsuccessful { get { return (method & ApplySucceedingRuleBit) != 0; } }

        /// <summary>b8 of byte 1, RFU: true when a card sets it.</summary>
        public bool RfuBitSet { get { return (method & 0x80) != 0; } }

        /// <summary>
        /// One line: "42 03 Enciphered PIN verified online; If terminal supports the CVM; apply succeeding rule
        /// if unsuccessful" (or "...; fail cardholder verification if unsuccessful"; "; RFU bit b8 set" when set).
        /// </summary>
        public override string ToString()
        {
            string line = DataObjectText.Hex2(method) + " " + DataObjectText.Hex2(condition) + " "
                + CvmCodes.Name(CvmCode) + "; " + CvmCodes.ConditionName(condition) + "; "
                + (ApplySucceedingRuleIfUnsuccessful ? "apply succeeding rule if unsuccessful" : "fail cardholder verification if unsuccessful");
            if (RfuBitSet) line = line + "; RFU bit b8 set";
            return line;
        }
    }
}
