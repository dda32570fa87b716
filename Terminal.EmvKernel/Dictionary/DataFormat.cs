namespace Terminal.EmvKernel.Dictionary
{
    /// <summary>Data element formats of EMV 4.4 Book 3, section 4.3.</summary>
    public enum DataFormat
    {
        /// <summary>b: binary.</summary>
        Binary = 0,
        /// <summary>n: numeric, BCD, right-justified, padded with leading zeros.</summary>
        Numeric = 1,
        /// <summary>cn: compressed numeric, BCD, left-justified, padded with trailing 'F'.</summary>
        CompressedNumeric = 2,
        /// <summary>a: alphabetic.</summary>
        Alphabetic = 3,
        /// <summary>an: alphanumeric.</summary>
        Alphanumeric = 4,
        /// <summary>ans: alphanumeric special.</summary>
        AlphanumericSpecial = 5,
        /// <summary>var: variable (templates and proprietary data).</summary>
        Variable = 6
    }

    /// <summary>Who provides a data element (EMV 4.4 Book 3, Annex A, column "Source").</summary>
    public enum DataSource
    {
        Card = 0,
        Terminal = 1,
        Issuer = 2
    }
}
