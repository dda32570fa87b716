namespace Terminal.EmvKernel.Dictionary
{
    /// <summary>
    /// One entry of the EMV data dictionary (EMV 4.4 Book 3, Annex A, Table 33, plus contactless and scheme
    /// data elements). Created by <see cref="EmvDictionary.Find"/> on each lookup; the dictionary itself keeps
    /// only compact parallel arrays.
    /// </summary>
    public sealed class DataElement
    {
        /// <summary>
        /// Maximum length used for data elements whose Annex A length is "var." with no stated bound:
        /// the largest value field of a short APDU response.
        /// </summary>
        public const int UnboundedLength = 255;

        private readonly int tag;
        private readonly string name;
        private readonly DataFormat format;
        private readonly int minLength;
        private readonly int maxLength;
        private readonly string template;
        private readonly DataSource source;

        /// <summary>Creates an entry; used by the dictionary.</summary>
        public DataElement(int tag, string name, DataFormat format, int minLength, int maxLength, string template, DataSource source)
        {
            this.tag = tag;
            this.name = name;
            this.format = format;
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.template = template;
            this.source = source;
        }

        /// <summary>The tag as an integer, e.g. 0x9F02.</summary>
        public int Tag { get { return tag; } }

        /// <summary>Name as in Annex A (or the kernel book that defines it).</summary>
        public string Name { get { return name; } }

        /// <summary>Format of the value field (Book 3, 4.3).</summary>
        public DataFormat Format { get { return format; } }

        /// <summary>Minimum length of the value field in bytes.</summary>
        public int MinLength { get { return minLength; } }

        /// <summary>Maximum length of the value field in bytes (<see cref="UnboundedLength"/> for "var.").</summary>
        public int MaxLength { get { return maxLength; } }

        /// <summary>Template(s) the element appears in, e.g. "70 or 77"; empty when Annex A gives none.</summary>
        public string Template { get { return template; } }

        /// <summary>Who provides the element.</summary>
        public DataSource Source { get { return source; } }

        /// <summary>True when the value field has one fixed length.</summary>
        public bool IsFixedLength { get { return minLength == maxLength; } }

        /// <summary>True when a value field of <paramref name="length"/> bytes is within the dictionary range.</summary>
        public bool IsLengthValid(int length)
        {
            return length >= minLength && length <= maxLength;
        }

        /// <summary>Annex A abbreviation of a format: b, n, cn, a, an, ans, var.</summary>
        public static string FormatAbbreviation(DataFormat format)
        {
            switch (format)
            {
                case DataFormat.Numeric: return "n";
                case DataFormat.CompressedNumeric: return "cn";
                case DataFormat.Alphabetic: return "a";
                case DataFormat.Alphanumeric: return "an";
                case DataFormat.AlphanumericSpecial: return "ans";
                case DataFormat.Variable: return "var";
                default: return "b";
            }
        }

        /// <summary>Name of a source: Card, Terminal, Issuer.</summary>
        public static string SourceName(DataSource source)
        {
            switch (source)
            {
                case DataSource.Terminal: return "Terminal";
                case DataSource.Issuer: return "Issuer";
                default: return "Card";
            }
        }

        /// <summary>
        /// One line, e.g. "9F02 Amount, Authorised (Numeric) [n, 6, Terminal]" or
        /// "8E Cardholder Verification Method (CVM) List [b, 10-252, Card, in 70 or 77]".
        /// </summary>
        public override string ToString()
        {
            string length = minLength == maxLength ? minLength.ToString() : minLength.ToString() + "-" + maxLength.ToString();
            string where = template == null || template.Length == 0 ? string.Empty : ", in " + template;
            return tag.ToString("X2") + " " + name + " [" + FormatAbbreviation(format) + ", " + length + ", " + SourceName(source) + where + "]";
        }
    }
}
