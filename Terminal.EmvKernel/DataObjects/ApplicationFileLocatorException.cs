namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>Why an Application File Locator was rejected (EMV 4.4 Book 3, 10.2).</summary>
    public enum AflError
    {
        /// <summary>The value is missing.</summary>
        Missing = 0,
        /// <summary>The length is not a multiple of 4.</summary>
        LengthNotMultipleOfFour = 1,
        /// <summary>Byte 1 b3-b1 are not 000.</summary>
        SfiByteLowBitsNotZero = 2,
        /// <summary>The SFI is 0 or 31 (valid: 1-30).</summary>
        SfiOutOfRange = 3,
        /// <summary>The first record number is 0.</summary>
        FirstRecordZero = 4,
        /// <summary>The last record number is lower than the first.</summary>
        LastRecordBeforeFirst = 5,
        /// <summary>More records for offline data authentication than records in the entry.</summary>
        OdaRecordCountTooLarge = 6
    }

    /// <summary>
    /// An Application File Locator ('94') that breaks the Book 3 10.2 rules. <see cref="Error"/> says which rule,
    /// <see cref="EntryIndex"/> which 4-byte entry (0-based; -1 for the whole value).
    /// </summary>
    public sealed class ApplicationFileLocatorException : DataObjectException
    {
        private readonly AflError error;
        private readonly int entryIndex;

        /// <summary>Creates the exception.</summary>
        public ApplicationFileLocatorException(AflError error, int entryIndex)
            : base(ApplicationFileLocator.TagValue, Describe(error, entryIndex))
        {
            this.error = error;
            this.entryIndex = entryIndex;
        }

        /// <summary>The broken rule.</summary>
        public AflError Error { get { return error; } }

        /// <summary>0-based entry index, or -1 when the whole value is wrong.</summary>
        public int EntryIndex { get { return entryIndex; } }

        /// <summary>Text of an error (the enum has no names on the device).</summary>
        public static string ErrorText(AflError error)
        {
            switch (error)
            {
                case AflError.Missing: return "value is missing";
                case AflError.LengthNotMultipleOfFour: return "length is not a multiple of 4";
                case AflError.SfiByteLowBitsNotZero: return "byte 1 bits 3-1 are not 000";
                case AflError.SfiOutOfRange: return "SFI outside 1-30";
                case AflError.FirstRecordZero: return "first record number is 0";
                case AflError.LastRecordBeforeFirst: return "last record number is lower than the first";
                case AflError.OdaRecordCountTooLarge: return "more records for offline data authentication than records in the entry";
                default: return "invalid";
            }
        }

        private static string Describe(AflError error, int entryIndex)
        {
            return entryIndex < 0 ? ErrorText(error) : "entry " + (entryIndex + 1).ToString() + ": " + ErrorText(error);
        }
    }
}
