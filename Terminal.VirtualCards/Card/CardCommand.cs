namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// A C-APDU as the card sees it (ISO 7816-4, 5.1, short length only). Parsing never throws: a command
    /// whose length bytes do not add up gives null and the card answers 6700.
    /// </summary>
    internal sealed class CardCommand
    {
        private CardCommand(byte[] raw, int dataLength, bool hasLe, int le)
        {
            Raw = raw;
            Cla = raw[0];
            Ins = raw[1];
            P1 = raw[2];
            P2 = raw[3];
            Data = new byte[dataLength];
            if (dataLength > 0) System.Array.Copy(raw, 5, Data, 0, dataLength);
            HasLe = hasLe;
            Le = le;
        }

        public byte[] Raw { get; private set; }
        public int Cla { get; private set; }
        public int Ins { get; private set; }
        public int P1 { get; private set; }
        public int P2 { get; private set; }
        public byte[] Data { get; private set; }
        public bool HasData { get { return Data.Length > 0; } }
        public bool HasLe { get; private set; }
        /// <summary>Le as sent (0 = 256).</summary>
        public int Le { get; private set; }
        public int P1P2 { get { return (P1 << 8) | P2; } }

        /// <summary>The header bytes are always there when this returns non-null; null = malformed lengths.</summary>
        public static CardCommand TryParse(byte[] raw)
        {
            if (raw == null || raw.Length < 4) return null;
            if (raw.Length == 4) return new CardCommand(raw, 0, false, 0);
            if (raw.Length == 5) return new CardCommand(raw, 0, true, raw[4]);
            int lc = raw[4];
            if (lc == 0) return null;                       // extended length: not supported by this card
            if (raw.Length == 5 + lc) return new CardCommand(raw, lc, false, 0);
            if (raw.Length == 6 + lc) return new CardCommand(raw, lc, true, raw[5 + lc]);
            return null;
        }
    }
}
