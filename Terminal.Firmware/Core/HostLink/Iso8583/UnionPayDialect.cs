namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Dialect B: China UnionPay POS terminal messages (the 8583 dialect of the UnionPay POS terminal
    /// specification, based on ISO 8583:1987). Each message is TPDU (60 + destination + source) + 6-byte BCD
    /// header + BCD MTI + binary bitmap + fields. Numeric fields are BCD; the "left-aligned" ones (2, 22, 32,
    /// 35, 36, 48, 60, 61) put the pad nibble last. DE 49 is ASCII ("156"). See docs/host-protocol.md for which
    /// facts are taken from public sources and which are general knowledge.
    /// </summary>
    public static class UnionPayDialect
    {
        /// <summary>Digits of the message header after the TPDU (6 bytes).</summary>
        public const int HeaderDigits = 12;

        /// <summary>The field table.</summary>
        public static readonly Iso8583Packager Packager = new Iso8583Packager(MtiEncoding.Bcd, BitmapEncoding.Binary, Fields());

        /// <summary>TPDU and 12-digit BCD header in front of the MTI (11 bytes).</summary>
        public static readonly MessageHeaderLayout HeaderLayout = new MessageHeaderLayout(true, HeaderDigits);

        /// <summary>The dialect.</summary>
        public static readonly Iso8583Dialect Dialect = new Iso8583Dialect("China UnionPay POS terminal", Packager, HeaderLayout);

        /// <summary>The rows of the table (a new array each call).</summary>
        public static FieldDefinition[] Fields()
        {
            const LengthType ll = LengthType.LlVar;
            const LengthType lll = LengthType.LllVar;
            const LengthEncoding bcd = LengthEncoding.Bcd;
            const BcdPadding left = BcdPadding.TrailingNibble;
            return new FieldDefinition[]
            {
                FieldDefinition.Variable(2, "Primary account number", ContentEncoding.Bcd, ll, bcd, 19, left),
                FieldDefinition.FixedNumeric(3, "Processing code", 6),
                FieldDefinition.FixedNumeric(4, "Amount, transaction", 12),
                FieldDefinition.FixedNumeric(11, "Systems trace audit number", 6),
                FieldDefinition.FixedNumeric(12, "Time, local transaction", 6),
                FieldDefinition.FixedNumeric(13, "Date, local transaction", 4),
                FieldDefinition.FixedNumeric(14, "Date, expiration", 4),
                FieldDefinition.FixedNumeric(15, "Date, settlement", 4),
                FieldDefinition.FixedNumeric(22, "Point of service entry mode", 3, left),
                FieldDefinition.FixedNumeric(23, "Card sequence number", 3),
                FieldDefinition.FixedNumeric(25, "Point of service condition code", 2),
                FieldDefinition.FixedNumeric(26, "Point of service PIN capture code", 2),
                FieldDefinition.Variable(32, "Acquiring institution identification code", ContentEncoding.Bcd, ll, bcd, 11, left),
                FieldDefinition.Variable(35, "Track 2 data", ContentEncoding.Track2Bcd, ll, bcd, 37, left),
                FieldDefinition.Variable(36, "Track 3 data", ContentEncoding.Track2Bcd, lll, bcd, 104, left),
                FieldDefinition.FixedAscii(37, "Retrieval reference number", 12),
                FieldDefinition.FixedAscii(38, "Authorization identification response", 6),
                FieldDefinition.FixedAscii(39, "Response code", 2),
                FieldDefinition.FixedAscii(41, "Card acceptor terminal identification", 8),
                FieldDefinition.FixedAscii(42, "Card acceptor identification code", 15),
                FieldDefinition.Variable(44, "Additional response data", ContentEncoding.Ascii, ll, bcd, 25, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(48, "Additional data, private (settlement totals, batch upload)", ContentEncoding.Bcd, lll, bcd, 322, left),
                FieldDefinition.FixedAscii(49, "Currency code, transaction", 3),
                FieldDefinition.FixedBinary(52, "PIN data", 8),
                FieldDefinition.FixedNumeric(53, "Security related control information", 16),
                FieldDefinition.Variable(54, "Balance amount", ContentEncoding.Ascii, lll, bcd, 20, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(55, "ICC system related data", ContentEncoding.Binary, lll, bcd, 255, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(60, "Reserved private: type, batch, network management code", ContentEncoding.Bcd, lll, bcd, 17, left),
                FieldDefinition.Variable(61, "Original message data", ContentEncoding.Bcd, lll, bcd, 29, left),
                FieldDefinition.Variable(62, "Reserved private: terminal keys / terminal information", ContentEncoding.Binary, lll, bcd, 512, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(63, "Reserved private: operator code / card organisation", ContentEncoding.Ascii, lll, bcd, 163, BcdPadding.LeadingNibble),
                FieldDefinition.FixedBinary(64, "Message authentication code", 8)
            };
        }
    }
}
