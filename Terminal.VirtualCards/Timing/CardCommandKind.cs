namespace Terminal.VirtualCards.Timing
{
    /// <summary>The card commands the time model gives their own processing time (by CLA and INS, as <c>CommandNames</c>).</summary>
    public enum CardCommandKind
    {
        /// <summary>Any command not listed below.</summary>
        Other = 0,
        /// <summary>SELECT (00 A4), PPSE and ADF.</summary>
        Select = 1,
        /// <summary>GET PROCESSING OPTIONS (80 A8).</summary>
        GetProcessingOptions = 2,
        /// <summary>READ RECORD (00 B2).</summary>
        ReadRecord = 3,
        /// <summary>GENERATE AC (80 AE).</summary>
        GenerateAc = 4,
        /// <summary>EXCHANGE RELAY RESISTANCE DATA (80 EA).</summary>
        ExchangeRelayResistanceData = 5,
        /// <summary>RECOVER AC (80 D0).</summary>
        RecoverAc = 6,
        /// <summary>GET DATA (80 CA).</summary>
        GetData = 7,
        /// <summary>INTERNAL AUTHENTICATE (00 88).</summary>
        InternalAuthenticate = 8
    }

    /// <summary>Classifies command APDUs into <see cref="CardCommandKind"/>.</summary>
    public static class CardCommandKinds
    {
        /// <summary>Number of kinds (the enum's values are 0 to Count - 1).</summary>
        public const int Count = 9;

        /// <summary>The kind of a command APDU (CLA, INS; the secure-messaging bits of CLA are ignored).</summary>
        public static CardCommandKind Of(byte[] command)
        {
            if (command == null || command.Length < 4) return CardCommandKind.Other;
            bool proprietary = (command[0] & 0xF0) == 0x80;
            bool interIndustry = (command[0] & 0xF0) == 0x00;
            switch (command[1])
            {
                case 0xA4: return interIndustry ? CardCommandKind.Select : CardCommandKind.Other;
                case 0xB2: return interIndustry ? CardCommandKind.ReadRecord : CardCommandKind.Other;
                case 0x88: return interIndustry ? CardCommandKind.InternalAuthenticate : CardCommandKind.Other;
                case 0xA8: return proprietary ? CardCommandKind.GetProcessingOptions : CardCommandKind.Other;
                case 0xAE: return proprietary ? CardCommandKind.GenerateAc : CardCommandKind.Other;
                case 0xEA: return proprietary ? CardCommandKind.ExchangeRelayResistanceData : CardCommandKind.Other;
                case 0xD0: return proprietary ? CardCommandKind.RecoverAc : CardCommandKind.Other;
                case 0xCA: return proprietary ? CardCommandKind.GetData : CardCommandKind.Other;
                default: return CardCommandKind.Other;
            }
        }

        /// <summary>A short name for reports: SELECT, GPO, READ RECORD, GENERATE AC, ERRD, RECOVER AC, GET DATA, INTERNAL AUTH, OTHER.</summary>
        public static string NameOf(CardCommandKind kind)
        {
            switch (kind)
            {
                case CardCommandKind.Select: return "SELECT";
                case CardCommandKind.GetProcessingOptions: return "GPO";
                case CardCommandKind.ReadRecord: return "READ RECORD";
                case CardCommandKind.GenerateAc: return "GENERATE AC";
                case CardCommandKind.ExchangeRelayResistanceData: return "ERRD";
                case CardCommandKind.RecoverAc: return "RECOVER AC";
                case CardCommandKind.GetData: return "GET DATA";
                case CardCommandKind.InternalAuthenticate: return "INTERNAL AUTH";
                default: return "OTHER";
            }
        }
    }
}
