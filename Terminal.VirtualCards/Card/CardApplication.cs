using System.Collections;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// One personalised EMV application of a <see cref="CardImage"/>: FCI data, the GPO answer, records,
    /// keys, card risk management parameters, mutable counters/state and behaviour switches.
    /// All byte[] values are raw values (no tag/length) unless the doc says "encoded TLVs".
    /// </summary>
    public sealed class CardApplication
    {
        /// <summary>Creates an application with defaults: format 1 GPO/GENERATE AC, PIN try limit 3, priority absent.</summary>
        public CardApplication()
        {
            Label = "";
            PreferredName = null;
            ApplicationPriorityIndicator = -1;
            IssuerCodeTableIndex = -1;
            InPse = true;
            InPpse = true;
            Records = new ArrayList();
            GetDataObjects = new ArrayList();
            Aip = new byte[] { 0x00, 0x00 };
            Afl = new byte[0];
            GpoFormat = 1;
            GenerateAcFormat = 1;
            PinTryLimit = 3;
            PinTryCounter = 3;
            DerivationKeyIndex = 0x01;
            IadCryptogramVersionByte = -1;
            LowerConsecutiveOfflineLimit = 0;
            UpperConsecutiveOfflineLimit = 0;
            Personality = ContactlessPersonality.None;
            ContactlessDecision = CardCryptogramType.Arqc;
        }

        // ----- Selection (FCI, PSE/PPSE directory entries) -----

        /// <summary>Application identifier (4F / 84), 5..16 bytes.</summary>
        public byte[] Aid { get; set; }

        /// <summary>Application label (50), ASCII; empty for none.</summary>
        public string Label { get; set; }

        /// <summary>Application preferred name (9F12), null for none.</summary>
        public string PreferredName { get; set; }

        /// <summary>Application Priority Indicator (87) byte (b8 = cardholder confirmation, b4-1 priority); -1 = absent.</summary>
        public int ApplicationPriorityIndicator { get; set; }

        /// <summary>Language preference (5F2D), e.g. "enfr"; null for none.</summary>
        public string LanguagePreference { get; set; }

        /// <summary>Issuer code table index (9F11), -1 = absent.</summary>
        public int IssuerCodeTableIndex { get; set; }

        /// <summary>Extra encoded TLVs appended inside the FCI proprietary template (A5), or null.</summary>
        public byte[] FciProprietaryExtra { get; set; }

        /// <summary>Encoded TLVs for the FCI issuer discretionary data (BF0C) inside A5, or null for none.</summary>
        public byte[] FciIssuerDiscretionaryData { get; set; }

        /// <summary>Kernel identifier (9F2A) for the PPSE directory entry, or null.</summary>
        public byte[] KernelIdentifier { get; set; }

        /// <summary>Listed in the PSE directory records (when the image's PSE records are built automatically).</summary>
        public bool InPse { get; set; }

        /// <summary>Listed in the PPSE FCI directory entries.</summary>
        public bool InPpse { get; set; }

        /// <summary>Application blocked (by the issuer or APPLICATION BLOCK): SELECT answers 6283 with the FCI.</summary>
        public bool Blocked { get; set; }

        // ----- GET PROCESSING OPTIONS -----

        /// <summary>PDOL (9F38) as a DOL (tag/length list), or null: GPO then expects '83 00'.</summary>
        public byte[] Pdol { get; set; }

        /// <summary>Application Interchange Profile (82), 2 bytes.</summary>
        public byte[] Aip { get; set; }

        /// <summary>Application File Locator (94), multiple of 4 bytes.</summary>
        public byte[] Afl { get; set; }

        /// <summary>GPO response format: 1 ('80' AIP||AFL) or 2 ('77' TLVs).</summary>
        public int GpoFormat { get; set; }

        /// <summary>Extra encoded TLVs in a format 2 GPO response (e.g. 57, 5F34, 9F10 for some cards), or null.</summary>
        public byte[] GpoExtraData { get; set; }

        /// <summary>0 = normal GPO; otherwise the status word GPO answers (0x6985 conditions not satisfied, 0x6984, 0x6986).</summary>
        public int GpoStatusWord { get; set; }

        // ----- Files -----

        /// <summary>The application's records, <see cref="CardRecord"/> items.</summary>
        public ArrayList Records { get; private set; }

        /// <summary>Adds a record (SFI, number, raw record bytes incl. the '70' template).</summary>
        public CardRecord AddRecord(int sfi, int recordNumber, byte[] data)
        {
            CardRecord record = new CardRecord(sfi, recordNumber, data);
            Records.Add(record);
            return record;
        }

        // ----- DOLs used by the card -----

        /// <summary>CDOL1 (8C): the card parses the first GENERATE AC data with it.</summary>
        public byte[] Cdol1 { get; set; }

        /// <summary>CDOL2 (8D): second GENERATE AC data; issuer authentication data when it contains tag 91.</summary>
        public byte[] Cdol2 { get; set; }

        /// <summary>DDOL (9F49) of the card, or null (INTERNAL AUTHENTICATE then accepts any data).</summary>
        public byte[] Ddol { get; set; }

        /// <summary>GENERATE AC response format: 1 ('80') or 2 ('77'; always used with CDA).</summary>
        public int GenerateAcFormat { get; set; }

        // ----- Keys -----

        /// <summary>ICC RSA private key (DDA/CDA/fDDA signing, enciphered PIN when no PIN key), or null.</summary>
        public RsaPrivateCrtKey IccPrivateKey { get; set; }

        /// <summary>ICC PIN encipherment private key, or null (the ICC key is then used).</summary>
        public RsaPrivateCrtKey IccPinEnciphermentKey { get; set; }

        /// <summary>ICC master keys MK-AC / MK-SMI / MK-SMC (already derived for this PAN/PSN).</summary>
        public IccMasterKeys MasterKeys { get; set; }

        /// <summary>Cryptogram version (e.g. <see cref="CryptogramVersion.Visa10"/>); drives AC, IAD/CVR layout, ARPC and script MAC.</summary>
        public CryptogramVersion CryptogramVersion { get; set; }

        /// <summary>Derivation key index in the issuer application data (9F10).</summary>
        public int DerivationKeyIndex { get; set; }

        /// <summary>The CVN byte written in the IAD; -1 (default) = <see cref="CryptogramVersion"/>.Number.</summary>
        public int IadCryptogramVersionByte { get; set; }

        /// <summary>Issuer discretionary data appended to the IAD where the layout allows it, or null.</summary>
        public byte[] IssuerDiscretionaryData { get; set; }

        // ----- PIN -----

        /// <summary>Reference PIN, 4..12 decimal digits; null = offline PIN not supported (VERIFY and GET DATA 9F17 answer 6A88).</summary>
        public string Pin { get; set; }

        /// <summary>PIN try limit (the counter value after a successful VERIFY).</summary>
        public int PinTryLimit { get; set; }

        /// <summary>PIN try counter (9F17), mutable. 0 = PIN blocked (VERIFY answers 6983).</summary>
        public int PinTryCounter { get; set; }

        // ----- Counters and data objects -----

        /// <summary>Application transaction counter (9F36), incremented by each GPO (0..65535).</summary>
        public int Atc { get; set; }

        /// <summary>
        /// Last online ATC register (9F13), set on online approval. 0 = never online: a "new card", which sets the
        /// CVR new-card bit and answers a TC request with ARQC. Offline-approving test cards need a non-zero value.
        /// </summary>
        public int LastOnlineAtc { get; set; }

        /// <summary>Log format (9F4F) value for GET DATA, or null (GET DATA then answers 6A88).</summary>
        public byte[] LogFormat { get; set; }

        /// <summary>Extra GET DATA objects, <see cref="CardDataObject"/> items (e.g. 9F6E); checked after 9F36/9F13/9F17/9F4F.</summary>
        public ArrayList GetDataObjects { get; private set; }

        // ----- Card risk management (issuer parameters and state) -----

        /// <summary>
        /// Lower consecutive offline limit (9F14): when <see cref="ConsecutiveOfflineCount"/> is above it the card asks
        /// to go online (ARQC instead of TC). Velocity checking is off while both limits are 0.
        /// </summary>
        public int LowerConsecutiveOfflineLimit { get; set; }

        /// <summary>
        /// Upper consecutive offline limit (9F23): above it a TC request becomes ARQC, the CVR velocity bit is set, and
        /// a second GENERATE AC with ARC Y3/Z3 (unable to go online) declines.
        /// </summary>
        public int UpperConsecutiveOfflineLimit { get; set; }

        /// <summary>Consecutive offline transactions since the last online approval (mutable; +1 on each offline TC).</summary>
        public int ConsecutiveOfflineCount { get; set; }

        /// <summary>State: the last transaction had a first GENERATE AC (ARQC) without a completing second one.</summary>
        public bool PreviousTransactionNotCompleted { get; set; }

        /// <summary>State: issuer authentication failed (or was not performed) in the last online transaction.</summary>
        public bool IssuerAuthenticationFailedLastTime { get; set; }

        /// <summary>State: number of secured issuer script commands processed in the last transaction (CVR byte 4).</summary>
        public int ScriptCommandsLastTransaction { get; set; }

        /// <summary>State: an issuer script command failed in the last transaction.</summary>
        public bool ScriptFailedLastTransaction { get; set; }

        // ----- Behaviour switches -----

        /// <summary>The card always declines: GENERATE AC returns AAC.</summary>
        public bool ForceAac { get; set; }

        /// <summary>The card never approves offline: a TC request at the first GENERATE AC returns ARQC.</summary>
        public bool ForceOnline { get; set; }

        /// <summary>Corrupts one byte of every signature the card produces (DDA, CDA, fDDA) to exercise ODA failure.</summary>
        public bool TamperSignatures { get; set; }

        // ----- Contactless -----

        /// <summary>Contactless personality (none, Visa qVSDC-style, Mastercard M/Chip-style).</summary>
        public ContactlessPersonality Personality { get; set; }

        /// <summary>Card Transaction Qualifiers (9F6C), 2 bytes, returned in a qVSDC GPO response; null for none.</summary>
        public byte[] Ctq { get; set; }

        /// <summary>Card Authentication Related Data (9F69) for fDDA; null for none.</summary>
        public byte[] CardAuthenticationRelatedData { get; set; }

        /// <summary>qVSDC: the cryptogram the GPO returns (TC = offline with fDDA, ARQC = online, AAC = decline).</summary>
        public CardCryptogramType ContactlessDecision { get; set; }

        /// <summary>Relay resistance: min time for processing relay resistance APDU (units of 100 us).</summary>
        public int MinRelayResistanceProcessingTime { get; set; }

        /// <summary>Relay resistance: max time for processing relay resistance APDU (units of 100 us).</summary>
        public int MaxRelayResistanceProcessingTime { get; set; }

        /// <summary>Relay resistance: device estimated transmission time for the R-APDU (units of 100 us).</summary>
        public int RelayResistanceTransmissionTime { get; set; }

        /// <summary>Device relay resistance entropy (4 bytes) or null to draw it from the random source.</summary>
        public byte[] DeviceRelayResistanceEntropy { get; set; }

        /// <summary>M/Chip: Data Recovery DOL (9F51), the data RECOVER AC carries (EMV Book C-2); null: no torn recovery.</summary>
        public byte[] Drdol { get; set; }

        /// <summary>
        /// M/Chip phones: POS Cardholder Interaction Information (DF4B, 3 bytes) returned with the cryptogram, e.g.
        /// 00 10 00 "OD-CVM verification successful"; null for a card.
        /// </summary>
        public byte[] PosCardholderInteraction { get; set; }

        /// <summary>
        /// M/Chip phones: the cardholder has not verified on the phone yet. The next GENERATE AC answers AAC with PCII
        /// '01' in byte 2 (OD-CVM required; the terminal shows "see phone"), then the flag clears, as if the cardholder
        /// verified on the phone before tapping again.
        /// </summary>
        public bool OnDeviceCvmPending { get; set; }

        /// <summary>M/Chip: the R-APDU of the last first GENERATE AC, kept for RECOVER AC (torn transaction), or null.</summary>
        public byte[] LastAcResponse { get; set; }

        /// <summary>M/Chip: the Unpredictable Number of the last first GENERATE AC (RECOVER AC must name it), or null.</summary>
        public byte[] LastAcUnpredictableNumber { get; set; }

        /// <summary>Adds a GET DATA object.</summary>
        public void AddGetDataObject(int tag, byte[] value)
        {
            GetDataObjects.Add(new CardDataObject(tag, value));
        }
    }
}
