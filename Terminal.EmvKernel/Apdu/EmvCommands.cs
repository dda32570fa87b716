namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// Factories for the C-APDUs the kernel sends (EMV 4.4 Book 1, 11.3 SELECT and 11.2 READ RECORD;
    /// Book 3, 6.5 for the others; ISO 7816-4, 7.6.1 GET RESPONSE). Invalid arguments raise
    /// <see cref="ApduException"/> with <see cref="ApduError.InvalidCommandParameter"/>.
    /// </summary>
    public static class EmvCommands
    {
        /// <summary>INS of SELECT.</summary>
        public const byte InsSelect = 0xA4;
        /// <summary>INS of READ RECORD.</summary>
        public const byte InsReadRecord = 0xB2;
        /// <summary>INS of GET PROCESSING OPTIONS.</summary>
        public const byte InsGetProcessingOptions = 0xA8;
        /// <summary>INS of GET DATA.</summary>
        public const byte InsGetData = 0xCA;
        /// <summary>INS of GENERATE APPLICATION CRYPTOGRAM.</summary>
        public const byte InsGenerateAc = 0xAE;
        /// <summary>INS of INTERNAL AUTHENTICATE.</summary>
        public const byte InsInternalAuthenticate = 0x88;
        /// <summary>INS of EXTERNAL AUTHENTICATE.</summary>
        public const byte InsExternalAuthenticate = 0x82;
        /// <summary>INS of GET CHALLENGE.</summary>
        public const byte InsGetChallenge = 0x84;
        /// <summary>INS of VERIFY.</summary>
        public const byte InsVerify = 0x20;
        /// <summary>INS of GET RESPONSE.</summary>
        public const byte InsGetResponse = 0xC0;
        /// <summary>INS of EXCHANGE RELAY RESISTANCE DATA (EMV Contactless Book C-2).</summary>
        public const byte InsExchangeRelayResistanceData = 0xEA;
        /// <summary>INS of RECOVER AC (EMV Contactless Book C-2, torn transaction recovery).</summary>
        public const byte InsRecoverAc = 0xD0;

        /// <summary>SELECT P2 '00': first or only occurrence (Book 1, 11.3.2, table 7).</summary>
        public const byte SelectFirstOccurrence = 0x00;
        /// <summary>SELECT P2 '02': next occurrence (Book 1, 11.3.2, table 7).</summary>
        public const byte SelectNextOccurrence = 0x02;

        /// <summary>GENERATE AC P1 b8-b7 = 00: AAC requested (Book 3, 6.5.5.2).</summary>
        public const byte GenerateAcAac = 0x00;
        /// <summary>GENERATE AC P1 b8-b7 = 01: TC requested.</summary>
        public const byte GenerateAcTc = 0x40;
        /// <summary>GENERATE AC P1 b8-b7 = 10: ARQC requested.</summary>
        public const byte GenerateAcArqc = 0x80;
        /// <summary>GENERATE AC P1 b5: CDA signature requested (add to one of the cryptogram types).</summary>
        public const byte GenerateAcCdaRequested = 0x10;

        /// <summary>VERIFY P2 '80': plaintext PIN (Book 3, 6.5.12.2).</summary>
        public const byte VerifyPlaintextPin = 0x80;
        /// <summary>VERIFY P2 '88': enciphered PIN.</summary>
        public const byte VerifyEncipheredPin = 0x88;

        /// <summary>
        /// SELECT by DF name: 00 A4 04 P2 Lc name 00 (Book 1, 11.3.2). The name is 5 to 16 bytes (an AID or
        /// "1PAY.SYS.DDF01"/"2PAY.SYS.DDF01"); P2 = 00 first occurrence, 02 next occurrence.
        /// </summary>
        public static CommandApdu SelectByName(byte[] dfName, bool nextOccurrence)
        {
            int length = dfName == null ? 0 : dfName.Length;
            if (length < 5 || length > 16)
            {
                throw Invalid(string.Concat("SELECT DF name of ", length.ToString(), " bytes; Book 1, 11.3.2 allows 5 to 16"));
            }
            return CommandApdu.Case4(0x00, InsSelect, 0x04, nextOccurrence ? SelectNextOccurrence : SelectFirstOccurrence, dfName, 0x00);
        }

        /// <summary>
        /// READ RECORD: 00 B2 record (SFI &lt;&lt; 3 | 4) 00 (Book 1, 11.2.2). SFI 1 to 30, record 1 to 255.
        /// </summary>
        public static CommandApdu ReadRecord(int sfi, int record)
        {
            if (sfi < 1 || sfi > 30) throw Invalid(string.Concat("SFI ", sfi.ToString(), "; must be 1 to 30"));
            if (record < 1 || record > 255) throw Invalid(string.Concat("record ", record.ToString(), "; must be 1 to 255"));
            return CommandApdu.Case2(0x00, InsReadRecord, (byte)record, (byte)((sfi << 3) | 0x04), 0x00);
        }

        /// <summary>
        /// GET PROCESSING OPTIONS: 80 A8 00 00 Lc [83 L PDOL-related data] 00 (Book 3, 6.5.8). Null or empty data
        /// gives the command template '83 00' used when the card has no PDOL. At most 252 bytes of data.
        /// </summary>
        public static CommandApdu GetProcessingOptions(byte[] pdolRelatedData)
        {
            int length = pdolRelatedData == null ? 0 : pdolRelatedData.Length;
            if (length > 252) throw Invalid(string.Concat("PDOL-related data of ", length.ToString(), " bytes; at most 252 fit"));
            // Command Template, tag '83', BER-TLV (Book 3, 6.5.8.3 and Annex B).
            Terminal.EmvKernel.Tlv.TlvWriter writer = new Terminal.EmvKernel.Tlv.TlvWriter();
            writer.Write(0x83, pdolRelatedData);
            byte[] template = writer.ToArray();
            return CommandApdu.Case4(0x80, InsGetProcessingOptions, 0x00, 0x00, template, 0x00);
        }

        /// <summary>
        /// GET DATA: 80 CA P1 P2 00 with P1 P2 = the tag (Book 3, 6.5.7), e.g. 9F36 ATC, 9F13 last online ATC,
        /// 9F17 PIN try counter, 9F4F log format. The tag is 1 to FFFF.
        /// </summary>
        public static CommandApdu GetData(int tag)
        {
            if (tag < 1 || tag > 0xFFFF) throw Invalid("GET DATA tag must be one or two bytes");
            return CommandApdu.Case2(0x80, InsGetData, (byte)(tag >> 8), (byte)tag, 0x00);
        }

        /// <summary>
        /// GENERATE AC: 80 AE P1 00 Lc data 00 (Book 3, 6.5.5). P1 is the reference control parameter: one of
        /// <see cref="GenerateAcAac"/>, <see cref="GenerateAcTc"/>, <see cref="GenerateAcArqc"/>, optionally with
        /// <see cref="GenerateAcCdaRequested"/>; RFU bits and b8-b7 = 11 are refused. The data is the CDOL1 or
        /// CDOL2 related data; when empty the command is case 2.
        /// </summary>
        public static CommandApdu GenerateAc(byte referenceControl, byte[] cdolRelatedData)
        {
            if ((referenceControl & 0xC0) == 0xC0 || (referenceControl & 0x2F) != 0)
            {
                throw Invalid("GENERATE AC reference control uses RFU bits (Book 3, 6.5.5.2)");
            }
            if (cdolRelatedData == null || cdolRelatedData.Length == 0)
            {
                return CommandApdu.Case2(0x80, InsGenerateAc, referenceControl, 0x00, 0x00);
            }
            return CommandApdu.Case4(0x80, InsGenerateAc, referenceControl, 0x00, cdolRelatedData, 0x00);
        }

        /// <summary>
        /// EXCHANGE RELAY RESISTANCE DATA: 80 EA 00 00 04 Terminal Relay Resistance Entropy 00 (Book C-2; the
        /// entropy is 4 bytes, the current Unpredictable Number).
        /// </summary>
        public static CommandApdu ExchangeRelayResistanceData(byte[] terminalEntropy)
        {
            if (terminalEntropy == null || terminalEntropy.Length != 4) throw Invalid("relay resistance entropy must be 4 bytes");
            return CommandApdu.Case4(0x80, InsExchangeRelayResistanceData, 0x00, 0x00, terminalEntropy, 0x00);
        }

        /// <summary>RECOVER AC: 80 D0 00 00 Lc DRDOL-related data 00 (Book C-2, torn transaction recovery).</summary>
        public static CommandApdu RecoverAc(byte[] drdolRelatedData)
        {
            if (drdolRelatedData == null || drdolRelatedData.Length == 0) throw Invalid("RECOVER AC needs DRDOL-related data");
            return CommandApdu.Case4(0x80, InsRecoverAc, 0x00, 0x00, drdolRelatedData, 0x00);
        }

        /// <summary>INTERNAL AUTHENTICATE: 00 88 00 00 Lc DDOL-related data 00 (Book 3, 6.5.9).</summary>
        public static CommandApdu InternalAuthenticate(byte[] ddolRelatedData)
        {
            if (ddolRelatedData == null || ddolRelatedData.Length == 0) throw Invalid("INTERNAL AUTHENTICATE needs DDOL-related data");
            return CommandApdu.Case4(0x00, InsInternalAuthenticate, 0x00, 0x00, ddolRelatedData, 0x00);
        }

        /// <summary>
        /// EXTERNAL AUTHENTICATE: 00 82 00 00 Lc Issuer Authentication Data (8 to 16 bytes), no Le (Book 3, 6.5.4).
        /// </summary>
        public static CommandApdu ExternalAuthenticate(byte[] issuerAuthenticationData)
        {
            int length = issuerAuthenticationData == null ? 0 : issuerAuthenticationData.Length;
            if (length < 8 || length > 16) throw Invalid(string.Concat("issuer authentication data of ", length.ToString(), " bytes; must be 8 to 16"));
            return CommandApdu.Case3(0x00, InsExternalAuthenticate, 0x00, 0x00, issuerAuthenticationData);
        }

        /// <summary>GET CHALLENGE: 00 84 00 00 00; the card returns an 8-byte unpredictable number (Book 3, 6.5.6).</summary>
        public static CommandApdu GetChallenge()
        {
            return CommandApdu.Case2(0x00, InsGetChallenge, 0x00, 0x00, 0x00);
        }

        /// <summary>
        /// VERIFY: 00 20 00 P2 Lc transaction PIN data, no Le (Book 3, 6.5.12). P2 is
        /// <see cref="VerifyPlaintextPin"/> (80) or <see cref="VerifyEncipheredPin"/> (88).
        /// </summary>
        public static CommandApdu Verify(byte qualifier, byte[] pinData)
        {
            if (qualifier != VerifyPlaintextPin && qualifier != VerifyEncipheredPin) throw Invalid("VERIFY P2 must be 80 (plaintext) or 88 (enciphered)");
            if (pinData == null || pinData.Length == 0) throw Invalid("VERIFY needs PIN data");
            return CommandApdu.Case3(0x00, InsVerify, 0x00, qualifier, pinData);
        }

        /// <summary>GET RESPONSE: 00 C0 00 00 Le (ISO 7816-4, 7.6.1; EMV 4.4 Book 1, 9.3.1.3).</summary>
        public static CommandApdu GetResponse(byte le)
        {
            return CommandApdu.Case2(0x00, InsGetResponse, 0x00, 0x00, le);
        }

        private static ApduException Invalid(string detail)
        {
            return new ApduException(ApduError.InvalidCommandParameter, detail);
        }
    }
}
