using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Terminal Type, tag '9F35', n 2 in 1 byte (EMV 4.4 Book 4, Annex A1, Table 24). Tens digit: operational
    /// control (1 financial institution, 2 merchant, 3 cardholder). Units digit: environment (1 attended online
    /// only, 2 attended offline with online capability, 3 attended offline only, 4-6 the same unattended).
    /// Cardholder-controlled terminals are unattended only, so 31-33 are not defined.
    /// <para>Describe lines: <c>"Operational control: Merchant"</c>, <c>"Environment: Attended"</c>,
    /// <c>"Communication: Offline with online capability"</c>.</para>
    /// </summary>
    public sealed class TerminalType
    {
        /// <summary>Tag '9F35'.</summary>
        public const int TagValue = 0x9F35;

        /// <summary>Operational control 1: financial institution.</summary>
        public const int FinancialInstitution = 1;
        /// <summary>Operational control 2: merchant.</summary>
        public const int Merchant = 2;
        /// <summary>Operational control 3: cardholder.</summary>
        public const int Cardholder = 3;

        /// <summary>Environment 1: attended, online only.</summary>
        public const int AttendedOnlineOnly = 1;
        /// <summary>Environment 2: attended, offline with online capability.</summary>
        public const int AttendedOfflineWithOnlineCapability = 2;
        /// <summary>Environment 3: attended, offline only.</summary>
        public const int AttendedOfflineOnly = 3;
        /// <summary>Environment 4: unattended, online only.</summary>
        public const int UnattendedOnlineOnly = 4;
        /// <summary>Environment 5: unattended, offline with online capability.</summary>
        public const int UnattendedOfflineWithOnlineCapability = 5;
        /// <summary>Environment 6: unattended, offline only.</summary>
        public const int UnattendedOfflineOnly = 6;

        private readonly int control;
        private readonly int environment;

        /// <summary>Decodes the 1-byte value (BCD, e.g. 0x22).</summary>
        public TerminalType(byte[] value)
        {
            if (value == null) throw new DataObjectException(TagValue, "value is missing");
            if (value.Length != 1) throw new DataObjectException(TagValue, "length is " + value.Length.ToString() + " bytes, expected 1");
            int tens = value[0] >> 4;
            int units = value[0] & 0x0F;
            Check(tens, units);
            control = tens;
            environment = units;
        }

        /// <summary>From the two digits: operational control 1-3 and environment 1-6.</summary>
        public TerminalType(int operationalControl, int environment)
        {
            Check(operationalControl, environment);
            control = operationalControl;
            this.environment = environment;
        }

        /// <summary>Tens digit: <see cref="FinancialInstitution"/>, <see cref="Merchant"/> or <see cref="Cardholder"/>.</summary>
        public int OperationalControl { get { return control; } }

        /// <summary>Units digit, 1-6.</summary>
        public int Environment { get { return environment; } }

        /// <summary>The BCD byte, e.g. 0x22.</summary>
        public byte Value { get { return (byte)((control << 4) | environment); } }

        /// <summary>The two digits as a number, e.g. 22.</summary>
        public int Number { get { return control * 10 + environment; } }

        /// <summary>Environment 1-3.</summary>
        public bool IsAttended { get { return environment <= 3; } }

        /// <summary>Environment 1 or 4.</summary>
        public bool IsOnlineOnly { get { return environment == 1 || environment == 4; } }

        /// <summary>Environment 3 or 6.</summary>
        public bool IsOfflineOnly { get { return environment == 3 || environment == 6; } }

        /// <summary>Environment 2 or 5.</summary>
        public bool IsOfflineWithOnlineCapability { get { return environment == 2 || environment == 5; } }

        /// <summary>Online only, or offline with online capability.</summary>
        public bool HasOnlineCapability { get { return !IsOfflineOnly; } }

        /// <summary>
        /// Types 14, 15 and 16 (financial institution, unattended). With cash capability in '9F40' such a
        /// terminal is an ATM for the Application Usage Control check (Book 3, 10.4.2).
        /// </summary>
        public bool IsFinancialInstitutionUnattended { get { return control == FinancialInstitution && !IsAttended; } }

        /// <summary>The 1-byte value.</summary>
        public byte[] ToArray()
        {
            return new byte[] { Value };
        }

        /// <summary>The two digits, e.g. "22".</summary>
        public override string ToString()
        {
            return control.ToString() + environment.ToString();
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
            string who = control == FinancialInstitution ? "Financial institution" : control == Merchant ? "Merchant" : "Cardholder";
            lines.Add("Operational control: " + who);
            lines.Add("Environment: " + (IsAttended ? "Attended" : "Unattended"));
            string link = IsOnlineOnly ? "Online only" : IsOfflineOnly ? "Offline only" : "Offline with online capability";
            lines.Add("Communication: " + link);
        }

        private static void Check(int control, int environment)
        {
            if (control < 1 || control > 3)
                throw new DataObjectException(TagValue, "operational control digit must be 1-3");
            if (environment < 1 || environment > 6)
                throw new DataObjectException(TagValue, "environment digit must be 1-6");
            if (control == Cardholder && environment <= 3)
                throw new DataObjectException(TagValue, "cardholder-controlled terminals are unattended (34-36)");
        }
    }
}
