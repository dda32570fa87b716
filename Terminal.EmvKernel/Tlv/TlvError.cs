namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// Why BER-TLV data (EMV 4.4 Book 3, Annex B; ISO/IEC 8825-1) or a Data Object List was rejected.
    /// <see cref="TlvException.Offset"/> names the first byte of the field at fault, as stated per value.
    /// </summary>
    public enum TlvError
    {
        /// <summary>The input ends inside a multi-byte tag. Offset: first tag byte.</summary>
        TruncatedTag = 1,

        /// <summary>The tag needs more than 3 bytes (a third tag byte has b8 = 1). Offset: first tag byte.</summary>
        TagTooLong = 2,

        /// <summary>
        /// The length field is missing, or a long form ('81'-'83') ends before its length bytes.
        /// In a DOL: the one-byte length after a tag is missing. Offset: where the length field starts.
        /// </summary>
        TruncatedLength = 3,

        /// <summary>Length byte '80' (indefinite form): not allowed in EMV. Offset: the length byte.</summary>
        IndefiniteLength = 4,

        /// <summary>Length byte '84'-'FF' (more than 3 length bytes). Offset: the first length byte.</summary>
        UnsupportedLengthForm = 5,

        /// <summary>A top-level value runs past the end of the input. Offset: the length field.</summary>
        ValueOverrunsInput = 6,

        /// <summary>A value inside a template runs past the end of that template. Offset: the length field.</summary>
        ValueOverrunsTemplate = 7,

        /// <summary>
        /// A constructed object would be the 17th nested template (limit <see cref="TlvParser.MaxNesting"/>),
        /// or a writer opened one template too many. Offset: its first tag byte (writer: output position).
        /// </summary>
        NestingTooDeep = 8,

        /// <summary>Writer: the tag number is not a valid 1-3 byte BER tag. Offset: output position.</summary>
        InvalidTag = 9,

        /// <summary>Writer: a value longer than 16 777 215 bytes ('83' form limit). Offset: output position.</summary>
        LengthTooLarge = 10,

        /// <summary>Writer: EndTemplate without an open template. Offset: output position.</summary>
        TemplateNotOpen = 11,

        /// <summary>Writer: the output was taken while a template was still open. Offset: output position.</summary>
        TemplateNotClosed = 12,

        /// <summary>DOL building: the destination array has no room for the DOL data. Offset: destination offset.</summary>
        OutputTooSmall = 13
    }

    /// <summary>Names of <see cref="TlvError"/> values (Enum.ToString() gives a number on the device).</summary>
    public static class TlvErrorNames
    {
        /// <summary>The value's name, e.g. "TruncatedTag".</summary>
        public static string Name(TlvError error)
        {
            switch (error)
            {
                case TlvError.TruncatedTag: return "TruncatedTag";
                case TlvError.TagTooLong: return "TagTooLong";
                case TlvError.TruncatedLength: return "TruncatedLength";
                case TlvError.IndefiniteLength: return "IndefiniteLength";
                case TlvError.UnsupportedLengthForm: return "UnsupportedLengthForm";
                case TlvError.ValueOverrunsInput: return "ValueOverrunsInput";
                case TlvError.ValueOverrunsTemplate: return "ValueOverrunsTemplate";
                case TlvError.NestingTooDeep: return "NestingTooDeep";
                case TlvError.InvalidTag: return "InvalidTag";
                case TlvError.LengthTooLarge: return "LengthTooLarge";
                case TlvError.TemplateNotOpen: return "TemplateNotOpen";
                case TlvError.TemplateNotClosed: return "TemplateNotClosed";
                case TlvError.OutputTooSmall: return "OutputTooSmall";
                default: return "TlvError" + ((int)error).ToString();
            }
        }
    }
}
