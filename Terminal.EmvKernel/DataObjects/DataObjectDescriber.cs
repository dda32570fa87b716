using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// One entry point for tools: the readable lines of a value by its tag, for every tag this namespace decodes
    /// ('82', '8E', '94', '95', '9B', '9F07', '9F10', '9F27', '9F33', '9F34', '9F35', '9F40', '9F66', '9F6C').
    /// '9F6C' is read as the C-3 Card Transaction Qualifiers; '95' with the EMV 4.4 contact meanings.
    /// </summary>
    public static class DataObjectDescriber
    {
        /// <summary>True when <paramref name="tag"/> has a decoder here.</summary>
        public static bool CanDescribe(int tag)
        {
            switch (tag)
            {
                case ApplicationInterchangeProfile.TagValue:
                case CvmList.TagValue:
                case ApplicationFileLocator.TagValue:
                case TerminalVerificationResults.TagValue:
                case TransactionStatusInformation.TagValue:
                case ApplicationUsageControl.TagValue:
                case IssuerApplicationData.TagValue:
                case CryptogramInformationData.TagValue:
                case TerminalCapabilities.TagValue:
                case CvmResults.TagValue:
                case TerminalType.TagValue:
                case AdditionalTerminalCapabilities.TagValue:
                case TerminalTransactionQualifiers.TagValue:
                case CardTransactionQualifiers.TagValue:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Appends the lines of the decoder for <paramref name="tag"/> and returns true; returns false (adding
        /// nothing) for a tag without a decoder. A malformed value gives <see cref="DataObjectException"/>.
        /// </summary>
        public static bool Describe(int tag, byte[] value, ArrayList lines)
        {
            switch (tag)
            {
                case ApplicationInterchangeProfile.TagValue: new ApplicationInterchangeProfile(value).Describe(lines); return true;
                case CvmList.TagValue: new CvmList(value).Describe(lines); return true;
                case ApplicationFileLocator.TagValue: new ApplicationFileLocator(value).Describe(lines); return true;
                case TerminalVerificationResults.TagValue: new TerminalVerificationResults(value).Describe(lines); return true;
                case TransactionStatusInformation.TagValue: new TransactionStatusInformation(value).Describe(lines); return true;
                case ApplicationUsageControl.TagValue: new ApplicationUsageControl(value).Describe(lines); return true;
                case IssuerApplicationData.TagValue: IssuerApplicationData.Decode(value).Describe(lines); return true;
                case CryptogramInformationData.TagValue: new CryptogramInformationData(value).Describe(lines); return true;
                case TerminalCapabilities.TagValue: new TerminalCapabilities(value).Describe(lines); return true;
                case CvmResults.TagValue: new CvmResults(value).Describe(lines); return true;
                case TerminalType.TagValue: new TerminalType(value).Describe(lines); return true;
                case AdditionalTerminalCapabilities.TagValue: new AdditionalTerminalCapabilities(value).Describe(lines); return true;
                case TerminalTransactionQualifiers.TagValue: new TerminalTransactionQualifiers(value).Describe(lines); return true;
                case CardTransactionQualifiers.TagValue: new CardTransactionQualifiers(value).Describe(lines); return true;
                default: return false;
            }
        }

        /// <summary>The lines as an array, or null for a tag without a decoder.</summary>
        public static string[] Describe(int tag, byte[] value)
        {
            ArrayList lines = new ArrayList();
            return Describe(tag, value, lines) ? DataObjectText.ToStringArray(lines) : null;
        }
    }
}
