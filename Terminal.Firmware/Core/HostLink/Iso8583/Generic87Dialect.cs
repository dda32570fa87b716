namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Dialect A: a generic ISO 8583:1987 terminal dialect. BCD MTI, binary bitmaps, BCD numerics, LLVAR/LLLVAR
    /// with BCD length prefixes, character fields in ASCII, DE 55 binary LLLVAR. Encodings follow jPOS
    /// ISO87BPackager (iso87binary.xml) except DE 49, which is BCD n3 here as in most BCD terminal dialects.
    /// Reconciliation totals use the ISO 8583:1987 elements DE 74-77, 86-89 and 97 (secondary bitmap).
    /// See docs/host-protocol.md.
    /// </summary>
    public static class Generic87Dialect
    {
        /// <summary>The field table.</summary>
        public static readonly Iso8583Packager Packager = new Iso8583Packager(MtiEncoding.Bcd, BitmapEncoding.Binary, Fields());

        /// <summary>The dialect without anything in front of the MTI (PostChannel-style framing).</summary>
        public static readonly Iso8583Dialect Dialect = new Iso8583Dialect("ISO 8583:1987 generic terminal", Packager, MessageHeaderLayout.None);

        /// <summary>The same table behind a 5-byte TPDU (NACChannel-style framing).</summary>
        public static readonly Iso8583Dialect DialectWithTpdu = new Iso8583Dialect("ISO 8583:1987 generic terminal, TPDU", Packager, MessageHeaderLayout.TpduOnly);

        /// <summary>The rows of the table (a new array each call).</summary>
        public static FieldDefinition[] Fields()
        {
            const LengthType ll = LengthType.LlVar;
            const LengthType lll = LengthType.LllVar;
            const LengthEncoding bcd = LengthEncoding.Bcd;
            return new FieldDefinition[]
            {
                FieldDefinition.Variable(2, "Primary account number", ContentEncoding.Bcd, ll, bcd, 19, BcdPadding.TrailingNibble),
                FieldDefinition.FixedNumeric(3, "Processing code", 6),
                FieldDefinition.FixedNumeric(4, "Amount, transaction", 12),
                FieldDefinition.FixedNumeric(7, "Transmission date and time", 10),
                FieldDefinition.FixedNumeric(11, "Systems trace audit number", 6),
                FieldDefinition.FixedNumeric(12, "Time, local transaction", 6),
                FieldDefinition.FixedNumeric(13, "Date, local transaction", 4),
                FieldDefinition.FixedNumeric(14, "Date, expiration", 4),
                FieldDefinition.FixedNumeric(22, "Point of service entry mode", 3),
                FieldDefinition.FixedNumeric(23, "Card sequence number", 3),
                FieldDefinition.FixedNumeric(24, "Network international identifier", 3),
                FieldDefinition.FixedNumeric(25, "Point of service condition code", 2),
                FieldDefinition.Variable(35, "Track 2 data", ContentEncoding.Track2Bcd, ll, bcd, 37, BcdPadding.TrailingNibble),
                FieldDefinition.FixedAscii(37, "Retrieval reference number", 12),
                FieldDefinition.FixedAscii(38, "Authorization identification response", 6),
                FieldDefinition.FixedAscii(39, "Response code", 2),
                FieldDefinition.FixedAscii(41, "Card acceptor terminal identification", 8),
                FieldDefinition.FixedAscii(42, "Card acceptor identification code", 15),
                FieldDefinition.FixedNumeric(49, "Currency code, transaction", 3),
                FieldDefinition.FixedBinary(52, "PIN data", 8),
                FieldDefinition.FixedNumeric(53, "Security related control information", 16),
                FieldDefinition.Variable(54, "Additional amounts", ContentEncoding.Ascii, lll, bcd, 120, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(55, "ICC system related data", ContentEncoding.Binary, lll, bcd, 999, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(57, "Private: enciphered card data", ContentEncoding.Binary, lll, bcd, 999, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(60, "Private: batch number", ContentEncoding.Ascii, lll, bcd, 999, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(62, "Private: key exchange data", ContentEncoding.Binary, lll, bcd, 999, BcdPadding.LeadingNibble),
                FieldDefinition.Variable(63, "Private: additional data", ContentEncoding.Ascii, lll, bcd, 999, BcdPadding.LeadingNibble),
                FieldDefinition.FixedBinary(64, "Message authentication code", 8),
                FieldDefinition.FixedNumeric(70, "Network management information code", 3),
                FieldDefinition.FixedNumeric(74, "Credits, number", 10),
                FieldDefinition.FixedNumeric(75, "Credits reversal, number", 10),
                FieldDefinition.FixedNumeric(76, "Debits, number", 10),
                FieldDefinition.FixedNumeric(77, "Debits reversal, number", 10),
                FieldDefinition.FixedNumeric(86, "Credits, amount", 16),
                FieldDefinition.FixedNumeric(87, "Credits reversal, amount", 16),
                FieldDefinition.FixedNumeric(88, "Debits, amount", 16),
                FieldDefinition.FixedNumeric(89, "Debits reversal, amount", 16),
                FieldDefinition.FixedNumeric(90, "Original data elements", 42),
                FieldDefinition.FixedSignedAmount(97, "Amount, net settlement", 16),
                FieldDefinition.FixedBinary(128, "Message authentication code (secondary)", 8)
            };
        }
    }
}
