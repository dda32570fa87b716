namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>Why an ISO 8583 message, frame or field definition was rejected.</summary>
    public enum Iso8583Error
    {
        /// <summary>The input ends before the element being read.</summary>
        Truncated = 1,
        /// <summary>A BCD nibble that is not a decimal digit (or not D in track 2 data).</summary>
        BadBcdDigit = 2,
        /// <summary>The pad nibble of an odd-length BCD value is not the dialect's pad value.</summary>
        BadPadding = 3,
        /// <summary>A length prefix (LL / LLL) that is not a valid number in its encoding.</summary>
        BadLengthPrefix = 4,
        /// <summary>A length (prefix or value) above the field's maximum.</summary>
        LengthOverMax = 5,
        /// <summary>The bitmap names a field the dialect does not define.</summary>
        UnknownField = 6,
        /// <summary>Bytes left after the last field named by the bitmap.</summary>
        TrailingData = 7,
        /// <summary>Bit 1 announces a secondary bitmap but no field 65-128 is present.</summary>
        EmptySecondaryBitmap = 8,
        /// <summary>A hex bitmap with a character that is not 0-9 / A-F.</summary>
        BadBitmap = 9,
        /// <summary>The message type indicator is not four digits of ISO 8583:1987 (version digit 0).</summary>
        BadMti = 10,
        /// <summary>The TPDU or message header in front of the MTI is malformed.</summary>
        BadHeader = 11,
        /// <summary>The sign of an x+n amount is neither C nor D.</summary>
        BadSign = 12,
        /// <summary>A value that cannot be encoded in its field (wrong characters, wrong length).</summary>
        InvalidValue = 13,
        /// <summary>A field number outside 2..128.</summary>
        InvalidFieldNumber = 14,
        /// <summary>A field that was asked for is not in the message.</summary>
        MissingField = 15,
        /// <summary>A TCP frame whose 2-byte length header does not match its content.</summary>
        BadFrame = 16,
        /// <summary>A field-definition table that cannot work (programming error in a dialect table).</summary>
        InvalidDefinition = 17,
        /// <summary>A field layout inside a private field (UnionPay 48/53/60/62) is malformed.</summary>
        BadSubfield = 18
    }

    /// <summary>
    /// Names for <see cref="Iso8583Error"/>: Enum.ToString() gives a number on nanoFramework, so messages use this table.
    /// </summary>
    public static class Iso8583ErrorNames
    {
        /// <summary>A short English description of the reason.</summary>
        public static string Describe(Iso8583Error reason)
        {
            switch (reason)
            {
                case Iso8583Error.Truncated: return "truncated";
                case Iso8583Error.BadBcdDigit: return "bad BCD digit";
                case Iso8583Error.BadPadding: return "bad pad nibble";
                case Iso8583Error.BadLengthPrefix: return "bad length prefix";
                case Iso8583Error.LengthOverMax: return "length over maximum";
                case Iso8583Error.UnknownField: return "field not defined in this dialect";
                case Iso8583Error.TrailingData: return "trailing data after the last field";
                case Iso8583Error.EmptySecondaryBitmap: return "secondary bitmap announced but empty";
                case Iso8583Error.BadBitmap: return "bad bitmap";
                case Iso8583Error.BadMti: return "bad message type indicator";
                case Iso8583Error.BadHeader: return "bad TPDU or message header";
                case Iso8583Error.BadSign: return "amount sign is not C or D";
                case Iso8583Error.InvalidValue: return "value cannot be encoded in this field";
                case Iso8583Error.InvalidFieldNumber: return "field number outside 2..128";
                case Iso8583Error.MissingField: return "field missing";
                case Iso8583Error.BadFrame: return "bad length-prefixed frame";
                case Iso8583Error.InvalidDefinition: return "invalid field definition";
                case Iso8583Error.BadSubfield: return "bad subfield layout";
                default: return "error";
            }
        }
    }
}
