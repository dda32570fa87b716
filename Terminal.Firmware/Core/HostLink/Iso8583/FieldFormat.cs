namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>How the content of a data element is written on the wire.</summary>
    public enum ContentEncoding
    {
        /// <summary>Numeric (n): decimal digits packed two per byte; length counts digits.</summary>
        Bcd = 1,
        /// <summary>Characters (a, an, ans, or n in ASCII dialects) one byte each; length counts bytes.</summary>
        Ascii = 2,
        /// <summary>Raw bytes (b); length counts bytes.</summary>
        Binary = 3,
        /// <summary>Track data (z): digits and the separator '=' written as nibble D, packed two per byte; length counts characters.</summary>
        Track2Bcd = 4,
        /// <summary>Amount with sign (x+n): one ASCII byte C or D, then the digits in BCD; length counts the digits.</summary>
        SignedAmount = 5
    }

    /// <summary>Fixed length, or a variable length announced by a 2- or 3-digit prefix.</summary>
    public enum LengthType
    {
        /// <summary>Fixed length: no prefix, the length is the definition's maximum.</summary>
        Fixed = 1,
        /// <summary>LLVAR: up to 99 (binary prefix: up to 255), prefix of one BCD byte, two ASCII digits or one binary byte.</summary>
        LlVar = 2,
        /// <summary>LLLVAR: up to 999, prefix of two BCD bytes (0LLL), three ASCII digits or two binary bytes (big-endian).</summary>
        LllVar = 3
    }

    /// <summary>How an LL / LLL length prefix is written.</summary>
    public enum LengthEncoding
    {
        /// <summary>No prefix (fixed-length fields).</summary>
        None = 0,
        /// <summary>BCD: LL in one byte, LLL in two bytes with a leading zero nibble.</summary>
        Bcd = 1,
        /// <summary>ASCII decimal digits: "LL" or "LLL".</summary>
        Ascii = 2,
        /// <summary>Unsigned binary: one byte for LL, two big-endian bytes for LLL.</summary>
        Binary = 3
    }

    /// <summary>Where the pad nibble goes when an odd number of digits is packed in BCD.</summary>
    public enum BcdPadding
    {
        /// <summary>Pad nibble first, value right-aligned ("051" is 00 51). ISO 8583 n fields in most dialects.</summary>
        LeadingNibble = 1,
        /// <summary>Pad nibble last, value left-aligned ("051" is 05 10). "Left-aligned BCD" in UnionPay tables.</summary>
        TrailingNibble = 2
    }

    /// <summary>How the message type indicator is written.</summary>
    public enum MtiEncoding
    {
        /// <summary>Four digits in two BCD bytes.</summary>
        Bcd = 1,
        /// <summary>Four ASCII digits.</summary>
        Ascii = 2
    }

    /// <summary>How the bitmaps are written.</summary>
    public enum BitmapEncoding
    {
        /// <summary>8 bytes per bitmap.</summary>
        Binary = 1,
        /// <summary>16 upper-case hexadecimal ASCII characters per bitmap.</summary>
        AsciiHex = 2
    }
}
