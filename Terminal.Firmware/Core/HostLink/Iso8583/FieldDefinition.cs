namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// One row of a dialect's field-definition table: the data element number, its name, the content encoding,
    /// the length type and prefix encoding, and the (maximum) length. Lengths count digits for BCD, track and signed
    /// amounts, and bytes for ASCII and binary content. Immutable.
    /// </summary>
    public sealed class FieldDefinition
    {
        /// <summary>Creates and checks a definition. A bad combination throws <see cref="Iso8583Error.InvalidDefinition"/>.</summary>
        public FieldDefinition(int number, string name, ContentEncoding content, LengthType lengthType,
            LengthEncoding prefix, int maxLength, BcdPadding padding, int padNibble)
        {
            Number = number;
            Name = name;
            Content = content;
            LengthType = lengthType;
            Prefix = prefix;
            MaxLength = maxLength;
            Padding = padding;
            PadNibble = padNibble;
            Check();
        }

        /// <summary>Data element number, 2..128.</summary>
        public int Number { get; private set; }
        /// <summary>Name used in documentation and diagnostics.</summary>
        public string Name { get; private set; }
        /// <summary>Content encoding.</summary>
        public ContentEncoding Content { get; private set; }
        /// <summary>Fixed, LLVAR or LLLVAR.</summary>
        public LengthType LengthType { get; private set; }
        /// <summary>Prefix encoding (None for fixed fields).</summary>
        public LengthEncoding Prefix { get; private set; }
        /// <summary>The length of a fixed field, or the maximum of a variable one.</summary>
        public int MaxLength { get; private set; }
        /// <summary>Pad position for an odd number of BCD digits.</summary>
        public BcdPadding Padding { get; private set; }
        /// <summary>Value of the pad nibble (0x0 or 0xF).</summary>
        public int PadNibble { get; private set; }

        /// <summary>Fixed-length BCD numeric field (n), pad nibble 0 in front of an odd number of digits.</summary>
        public static FieldDefinition FixedNumeric(int number, string name, int digits)
        {
            return new FieldDefinition(number, name, ContentEncoding.Bcd, LengthType.Fixed, LengthEncoding.None, digits, BcdPadding.LeadingNibble, 0);
        }

        /// <summary>Fixed-length BCD numeric field with an explicit pad position (pad nibble 0).</summary>
        public static FieldDefinition FixedNumeric(int number, string name, int digits, BcdPadding padding)
        {
            return new FieldDefinition(number, name, ContentEncoding.Bcd, LengthType.Fixed, LengthEncoding.None, digits, padding, 0);
        }

        /// <summary>Fixed-length character field (a, an, ans): shorter values are padded with spaces on the right.</summary>
        public static FieldDefinition FixedAscii(int number, string name, int length)
        {
            return new FieldDefinition(number, name, ContentEncoding.Ascii, LengthType.Fixed, LengthEncoding.None, length, BcdPadding.LeadingNibble, 0);
        }

        /// <summary>Fixed-length binary field (b), exact byte count.</summary>
        public static FieldDefinition FixedBinary(int number, string name, int bytes)
        {
            return new FieldDefinition(number, name, ContentEncoding.Binary, LengthType.Fixed, LengthEncoding.None, bytes, BcdPadding.LeadingNibble, 0);
        }

        /// <summary>Fixed-length signed amount (x+n): C or D then the digits.</summary>
        public static FieldDefinition FixedSignedAmount(int number, string name, int digits)
        {
            return new FieldDefinition(number, name, ContentEncoding.SignedAmount, LengthType.Fixed, LengthEncoding.None, digits, BcdPadding.LeadingNibble, 0);
        }

        /// <summary>Variable-length field (LLVAR or LLLVAR) of any content; BCD content pads with nibble 0.</summary>
        public static FieldDefinition Variable(int number, string name, ContentEncoding content, LengthType lengthType,
            LengthEncoding prefix, int maxLength, BcdPadding padding)
        {
            return new FieldDefinition(number, name, content, lengthType, prefix, maxLength, padding, 0);
        }

        /// <summary>True for content packed two digits per byte (BCD and track data).</summary>
        public bool IsNibbleContent
        {
            get { return Content == ContentEncoding.Bcd || Content == ContentEncoding.Track2Bcd; }
        }

        private void Check()
        {
            if (Number < 2 || Number > 128) Fail("number outside 2..128");
            if (MaxLength < 1) Fail("maximum length below 1");
            if (PadNibble < 0 || PadNibble > 0xF) Fail("pad nibble outside 0..F");
            if (Padding != BcdPadding.LeadingNibble && Padding != BcdPadding.TrailingNibble) Fail("unknown padding");
            switch (Content)
            {
                case ContentEncoding.Bcd:
                case ContentEncoding.Ascii:
                case ContentEncoding.Binary:
                case ContentEncoding.Track2Bcd:
                case ContentEncoding.SignedAmount:
                    break;
                default:
                    Fail("unknown content encoding");
                    break;
            }
            if (LengthType == LengthType.Fixed)
            {
                if (Prefix != LengthEncoding.None) Fail("fixed field with a length prefix");
                return;
            }
            if (LengthType != LengthType.LlVar && LengthType != LengthType.LllVar) Fail("unknown length type");
            if (Content == ContentEncoding.SignedAmount) Fail("signed amounts are fixed-length only");
            if (Prefix != LengthEncoding.Bcd && Prefix != LengthEncoding.Ascii && Prefix != LengthEncoding.Binary) Fail("variable field without a prefix encoding");
            int limit;
            if (LengthType == LengthType.LlVar) limit = Prefix == LengthEncoding.Binary ? 255 : 99;
            else limit = 999;
            if (MaxLength > limit) Fail("maximum length does not fit the prefix");
        }

        private void Fail(string detail)
        {
            throw new Iso8583Exception(Iso8583Error.InvalidDefinition, Number, Iso8583Exception.NoOffset, detail);
        }
    }
}
