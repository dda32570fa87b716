using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Cardholder Verification Method (CVM) List, tag '8E' (EMV 4.4 Book 3, Annex C3 and 10.5): Amount X
    /// (4 bytes, binary), Amount Y (4 bytes, binary), then CV Rules of 2 bytes each. Amounts are in the
    /// Application Currency with its implied decimals.
    /// <para>
    /// A list with the two amounts and no rule decodes with <see cref="Count"/> 0; the kernel treats it as
    /// absent (Book 3 10.5). Fewer than 8 bytes or an odd number of rule bytes gives <see cref="DataObjectException"/>.
    /// </para>
    /// <para>Describe lines: <c>"Amount X: 0"</c>, <c>"Amount Y: 0"</c>, then one line per rule,
    /// <c>"Rule 1: 42 03 Enciphered PIN verified online; If terminal supports the CVM; apply succeeding rule if unsuccessful"</c>.</para>
    /// </summary>
    public sealed class CvmList
    {
        /// <summary>Tag '8E'.</summary>
        public const int TagValue = 0x8E;

        private readonly long amountX;
        private readonly long amountY;
        private readonly CvmRule[] rules;

        /// <summary>Decodes a CVM List value.</summary>
        public CvmList(byte[] value)
        {
            if (value == null) throw new DataObjectException(TagValue, "value is missing");
            if (value.Length < 8) throw new DataObjectException(TagValue, "shorter than the 8 bytes of Amount X and Amount Y");
            if ((value.Length & 1) != 0) throw new DataObjectException(TagValue, "CV Rules are 2 bytes each; the rule part has an odd length");
            amountX = ReadAmount(value, 0);
            amountY = ReadAmount(value, 4);
            rules = new CvmRule[(value.Length - 8) / 2];
            for (int i = 0; i < rules.Length; i++)
                rules[i] = new CvmRule(value[8 + 2 * i], value[9 + 2 * i]);
        }

        /// <summary>Amount X, binary, in the Application Currency.</summary>
        public long AmountX { get { return amountX; } }

        /// <summary>Amount Y, binary, in the Application Currency.</summary>
        public long AmountY { get { return amountY; } }

        /// <summary>Number of CV Rules.</summary>
        public int Count { get { return rules.Length; } }

        /// <summary>The rule at <paramref name="index"/> (0-based, in card order).</summary>
        public CvmRule RuleAt(int index)
        {
            if (index < 0 || index >= rules.Length)
                throw new System.ArgumentOutOfRangeException("index", "rule index out of range");
            return rules[index];
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
            lines.Add("Amount X: " + amountX.ToString());
            lines.Add("Amount Y: " + amountY.ToString());
            for (int i = 0; i < rules.Length; i++)
                lines.Add("Rule " + (i + 1).ToString() + ": " + rules[i].ToString());
        }

        private static long ReadAmount(byte[] v, int offset)
        {
            return ((long)v[offset] << 24) | ((long)v[offset + 1] << 16) | ((long)v[offset + 2] << 8) | v[offset + 3];
        }
    }
}
