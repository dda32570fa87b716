namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>
    /// The 3-digit service code of a magnetic stripe (ISO/IEC 7813; the digit meanings are those of the reference
    /// notes, emv-kernel.md section 8, tagged [K] there). Digit 1: interchange and technology; digit 2:
    /// authorisation processing; digit 3: allowed services and PIN requirements.
    /// </summary>
    public sealed class ServiceCode
    {
        private ServiceCode(string digits) { Digits = digits; }

        /// <summary>The three digits, e.g. "201".</summary>
        public string Digits { get; private set; }

        /// <summary>Digit 1 as a number.</summary>
        public int Interchange { get { return Digits[0] - '0'; } }

        /// <summary>Digit 2 as a number.</summary>
        public int Authorisation { get { return Digits[1] - '0'; } }

        /// <summary>Digit 3 as a number.</summary>
        public int Services { get { return Digits[2] - '0'; } }

        /// <summary>
        /// Digit 1 is 2 (international interchange, integrated circuit card) or 6 (national interchange,
        /// integrated circuit card): the card has a chip and the chip must be used where the terminal can read it.
        /// </summary>
        public bool IsChipCard { get { return Interchange == 2 || Interchange == 6; } }

        /// <summary>Digit 2 is 2 (contact the issuer: online authorisation) or 4 (contact the issuer except under bilateral agreement).</summary>
        public bool OnlineAuthorisationRequired { get { return Authorisation == 2 || Authorisation == 4; } }

        /// <summary>Digit 3 is 0, 3 or 5: a PIN is required.</summary>
        public bool PinRequired { get { int s = Services; return s == 0 || s == 3 || s == 5; } }

        /// <summary>The service code of three decimal digits, or null when <paramref name="digits"/> is anything else.</summary>
        public static ServiceCode Parse(string digits)
        {
            if (digits == null || digits.Length != 3) return null;
            for (int i = 0; i < 3; i++)
            {
                if (digits[i] < '0' || digits[i] > '9') return null;
            }
            return new ServiceCode(digits);
        }
    }
}
