using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// A scheme's cryptogram version (CVN): which ICC master key derivation, which AC key, padding and AC data
    /// layout, which ARPC method and key, and how issuer-script secure messaging works. The rules of each
    /// version are those of the project's vectors (shared/vectors/emv-crypto/cvn.json, from
    /// knovichikhin/pyemv cvn.py, HSM-checked), on top of EMV 4.4 Book 2 sections 8 and 9 and Annex A1.
    /// The card simulator uses the Generate/Verify pairs from the card side, the host simulator from the issuer side.
    /// </summary>
    public sealed class CryptogramVersion
    {
        private CryptogramVersion(string scheme, int number, MasterKeyDerivation masterKeyDerivation, AcKeyDerivation acKey,
            Iso9797PaddingMethod padding, AcDataIssuerPart issuerPart, int arpcMethod, ArpcKey arpcKey,
            SecureMessagingKeyDerivation secureMessagingKey, bool scriptMacIncludesAtcAndArqc,
            DataEncipherment pinEncipherment, PinBlockFormat pinBlock)
        {
            Scheme = scheme;
            Number = number;
            MasterKeyDerivation = masterKeyDerivation;
            AcKey = acKey;
            Padding = padding;
            IssuerPart = issuerPart;
            ArpcMethod = arpcMethod;
            ArpcKey = arpcKey;
            SecureMessagingKey = secureMessagingKey;
            ScriptMacIncludesAtcAndArqc = scriptMacIncludesAtcAndArqc;
            PinEncipherment = pinEncipherment;
            PinBlock = pinBlock;
        }

        /// <summary>Visa CVN 10: ICC MK AC as the AC key, padding 1, AC data ends with the CVR; ARPC method 1 with the ICC MK.</summary>
        public static readonly CryptogramVersion Visa10 = new CryptogramVersion("Visa", 10, MasterKeyDerivation.OptionA,
            AcKeyDerivation.IccMasterKey, Iso9797PaddingMethod.Method1, AcDataIssuerPart.VisaCardVerificationResults, 1, ArpcKey.IccMasterKey,
            SecureMessagingKeyDerivation.VisaAtc, true, DataEncipherment.Visa, PinBlockFormat.Vis);

        /// <summary>Visa CVN 18: common session key, padding 2, AC data ends with the whole IAD; ARPC method 2.</summary>
        public static readonly CryptogramVersion Visa18 = new CryptogramVersion("Visa", 18, MasterKeyDerivation.OptionB,
            AcKeyDerivation.CommonSessionKey, Iso9797PaddingMethod.Method2, AcDataIssuerPart.WholeIssuerApplicationData, 2, ArpcKey.AcSessionKey,
            SecureMessagingKeyDerivation.VisaAtc, true, DataEncipherment.Visa, PinBlockFormat.Vis);

        /// <summary>Visa CVN 22: as CVN 18, with EMV common secure-messaging session keys (R = ARQC).</summary>
        public static readonly CryptogramVersion Visa22 = new CryptogramVersion("Visa", 22, MasterKeyDerivation.OptionB,
            AcKeyDerivation.CommonSessionKey, Iso9797PaddingMethod.Method2, AcDataIssuerPart.WholeIssuerApplicationData, 2, ArpcKey.AcSessionKey,
            SecureMessagingKeyDerivation.CommonWithArqc, true, DataEncipherment.Visa, PinBlockFormat.VisWithCurrentPinElseIsoFormat2);

        /// <summary>Mastercard CVN 16: Mastercard SKD, padding 2, AC data ends with the CVR; ARPC method 1 with the ICC MK.</summary>
        public static readonly CryptogramVersion Mastercard16 = new CryptogramVersion("Mastercard", 16, MasterKeyDerivation.OptionA,
            AcKeyDerivation.MastercardSessionKey, Iso9797PaddingMethod.Method2, AcDataIssuerPart.MastercardCardVerificationResults, 1, ArpcKey.IccMasterKey,
            SecureMessagingKeyDerivation.CommonWithArqc, true, DataEncipherment.Mastercard, PinBlockFormat.IsoFormat2);

        /// <summary>Mastercard CVN 17: as CVN 16, AC data with the counters after the CVR.</summary>
        public static readonly CryptogramVersion Mastercard17 = new CryptogramVersion("Mastercard", 17, MasterKeyDerivation.OptionA,
            AcKeyDerivation.MastercardSessionKey, Iso9797PaddingMethod.Method2, AcDataIssuerPart.MastercardCardVerificationResultsAndCounters, 1, ArpcKey.IccMasterKey,
            SecureMessagingKeyDerivation.CommonWithArqc, true, DataEncipherment.Mastercard, PinBlockFormat.IsoFormat2);

        /// <summary>Mastercard CVN 20: EMV common session key, padding 2, AC data ends with the CVR; ARPC method 1 with the session key.</summary>
        public static readonly CryptogramVersion Mastercard20 = new CryptogramVersion("Mastercard", 20, MasterKeyDerivation.OptionA,
            AcKeyDerivation.CommonSessionKey, Iso9797PaddingMethod.Method2, AcDataIssuerPart.MastercardCardVerificationResults, 1, ArpcKey.AcSessionKey,
            SecureMessagingKeyDerivation.CommonWithArqc, true, DataEncipherment.Mastercard, PinBlockFormat.IsoFormat2);

        /// <summary>Mastercard CVN 21: as CVN 20, AC data with the counters after the CVR.</summary>
        public static readonly CryptogramVersion Mastercard21 = new CryptogramVersion("Mastercard", 21, MasterKeyDerivation.OptionA,
            AcKeyDerivation.CommonSessionKey, Iso9797PaddingMethod.Method2, AcDataIssuerPart.MastercardCardVerificationResultsAndCounters, 1, ArpcKey.AcSessionKey,
            SecureMessagingKeyDerivation.CommonWithArqc, true, DataEncipherment.Mastercard, PinBlockFormat.IsoFormat2);

        /// <summary>Interac CVN 133: Mastercard SKD, padding 2, whole IAD; ARPC method 1 with the session key; script MAC without ATC/ARQC.</summary>
        public static readonly CryptogramVersion Interac133 = new CryptogramVersion("Interac", 133, MasterKeyDerivation.OptionA,
            AcKeyDerivation.MastercardSessionKey, Iso9797PaddingMethod.Method2, AcDataIssuerPart.WholeIssuerApplicationData, 1, ArpcKey.AcSessionKey,
            SecureMessagingKeyDerivation.CommonWithArqc, false, DataEncipherment.Mastercard, PinBlockFormat.IsoFormat2);

        /// <summary>Every known cryptogram version (a new array each call).</summary>
        public static CryptogramVersion[] All
        {
            get { return new CryptogramVersion[] { Visa10, Visa18, Visa22, Mastercard16, Mastercard17, Mastercard20, Mastercard21, Interac133 }; }
        }

        /// <summary>The version of a scheme ("Visa", "Mastercard", "Interac") and CVN (decimal), or null when unknown.</summary>
        public static CryptogramVersion Find(string scheme, int number)
        {
            CryptogramVersion[] all = All;
            for (int i = 0; i < all.Length; i++)
                if (all[i].Number == number && all[i].Scheme == scheme) return all[i];
            return null;
        }

        /// <summary>Scheme name: "Visa", "Mastercard" or "Interac".</summary>
        public string Scheme { get; private set; }
        /// <summary>Cryptogram version number, decimal (Visa 10 = '0A' in the IAD).</summary>
        public int Number { get; private set; }
        /// <summary>Display name, e.g. "Visa CVN 18".</summary>
        public string Name { get { return string.Concat(Scheme, " CVN ", Number.ToString()); } }
        /// <summary>ICC master key derivation the scheme uses at personalisation.</summary>
        public MasterKeyDerivation MasterKeyDerivation { get; private set; }
        /// <summary>Which key computes the application cryptogram.</summary>
        public AcKeyDerivation AcKey { get; private set; }
        /// <summary>ISO/IEC 9797-1 padding of the AC data.</summary>
        public Iso9797PaddingMethod Padding { get; private set; }
        /// <summary>Which part of the IAD ends the AC data.</summary>
        public AcDataIssuerPart IssuerPart { get; private set; }
        /// <summary>ARPC method, 1 or 2 (EMV 4.4 Book 2, 8.2).</summary>
        public int ArpcMethod { get; private set; }
        /// <summary>Which key computes the ARPC.</summary>
        public ArpcKey ArpcKey { get; private set; }
        /// <summary>How the SMI/SMC session keys are derived.</summary>
        public SecureMessagingKeyDerivation SecureMessagingKey { get; private set; }
        /// <summary>True when the script MAC input has ATC || ARQC between header and data.</summary>
        public bool ScriptMacIncludesAtcAndArqc { get; private set; }
        /// <summary>How PIN CHANGE data is enciphered.</summary>
        public DataEncipherment PinEncipherment { get; private set; }
        /// <summary>Which PIN block PIN CHANGE carries.</summary>
        public PinBlockFormat PinBlock { get; private set; }

        // ----- Application cryptogram -----

        /// <summary>
        /// The AC key for a transaction: the ICC MK AC itself, or a session key from it (EMV 4.4 Book 2, A1.3.1)
        /// with R = ATC || 0.. or, for the Mastercard SKD, ATC || '0000' || UN. un may be null unless the
        /// Mastercard SKD needs it.
        /// </summary>
        public byte[] DeriveAcKey(ICryptoProvider provider, byte[] iccMasterKeyAc, byte[] atc, byte[] unpredictableNumber)
        {
            if (AcKey == AcKeyDerivation.IccMasterKey)
            {
                EmvBytes.RequireDoubleLengthKey(iccMasterKeyAc, "ICC master key for AC");
                EmvBytes.RequireLength(atc, 2, "ATC");
                return Bytes.Slice(iccMasterKeyAc, 0, 16);
            }
            byte[] r = AcKey == AcKeyDerivation.MastercardSessionKey
                ? SessionKey.AtcAndUnpredictableNumberDiversification(atc, unpredictableNumber)
                : SessionKey.AtcDiversification(atc);
            return SessionKey.DeriveCommon(provider, iccMasterKeyAc, r);
        }

        /// <summary>
        /// The IAD part that ends the AC data (see <see cref="AcDataIssuerPart"/>). Throws
        /// <see cref="EmvCryptoException"/> when the IAD is too short for this version's layout.
        /// </summary>
        public byte[] IssuerPartOf(byte[] issuerApplicationData)
        {
            // EMV 4.4 Book 3, Annex A: Issuer Application Data (9F10) is at most 32 bytes.
            EmvBytes.RequireLengthBetween(issuerApplicationData, 1, 32, "issuer application data");
            byte[] iad = issuerApplicationData;
            if (IssuerPart == AcDataIssuerPart.WholeIssuerApplicationData) return Bytes.Slice(iad, 0, iad.Length);
            if (IssuerPart == AcDataIssuerPart.VisaCardVerificationResults)
            {
                // Visa IAD: length, derivation key index, CVN, CVR (4 bytes, first byte its own length).
                EmvBytes.RequireLengthBetween(iad, 7, 32, "Visa issuer application data");
                return Bytes.Slice(iad, 3, 4);
            }
            // Mastercard M/Chip IAD: key derivation index, CVN, CVR (6), DAC/ICC dynamic number (2), counters (8).
            if (IssuerPart == AcDataIssuerPart.MastercardCardVerificationResults)
            {
                EmvBytes.RequireLengthBetween(iad, 8, 32, "Mastercard issuer application data");
                return Bytes.Slice(iad, 2, 6);
            }
            EmvBytes.RequireLengthBetween(iad, 18, 32, "Mastercard issuer application data with counters");
            return Bytes.Concat(Bytes.Slice(iad, 2, 6), Bytes.Slice(iad, 10, 8));
        }

        /// <summary>
        /// The AC data (EMV 4.4 Book 2, 8.1.1, Table 26 order): the terminal data (9F02, 9F03, 9F1A, 95, 5F2A,
        /// 9A, 9C, 9F37 values as sent in the CDOL1/CDOL2 data), AIP (82, 2 bytes), ATC (9F36, 2 bytes), then
        /// this version's IAD part.
        /// </summary>
        public byte[] BuildAcData(byte[] terminalData, byte[] aip, byte[] atc, byte[] issuerApplicationData)
        {
            EmvBytes.RequireNotNull(terminalData, "terminal data");
            EmvBytes.RequireLength(aip, 2, "AIP");
            EmvBytes.RequireLength(atc, 2, "ATC");
            return Bytes.Concat(terminalData, Bytes.Concat(aip, atc), IssuerPartOf(issuerApplicationData));
        }

        /// <summary>The card's application cryptogram (ARQC, TC or AAC) for the transaction, 8 bytes.</summary>
        public byte[] GenerateAc(ICryptoProvider provider, byte[] iccMasterKeyAc, byte[] terminalData, byte[] aip,
            byte[] atc, byte[] unpredictableNumber, byte[] issuerApplicationData)
        {
            byte[] key = DeriveAcKey(provider, iccMasterKeyAc, atc, unpredictableNumber);
            return ApplicationCryptogram.Generate(provider, key, BuildAcData(terminalData, aip, atc, issuerApplicationData), Padding);
        }

        /// <summary>The issuer's check of a received cryptogram (fixed-time compare; a wrong-length cryptogram is false).</summary>
        public bool VerifyAc(ICryptoProvider provider, byte[] iccMasterKeyAc, byte[] terminalData, byte[] aip,
            byte[] atc, byte[] unpredictableNumber, byte[] issuerApplicationData, byte[] cryptogram)
        {
            return Bytes.FixedTimeEquals(
                GenerateAc(provider, iccMasterKeyAc, terminalData, aip, atc, unpredictableNumber, issuerApplicationData), cryptogram);
        }

        // ----- ARPC and Issuer Authentication Data (tag 91) -----

        /// <summary>
        /// The issuer's Issuer Authentication Data (tag 91 value, EMV 4.4 Book 2, 8.2): for method 1
        /// ARPC (8) || ARC (2), responseCode = ARC; for method 2 ARPC (4) || CSU (4) || proprietary data (0-8),
        /// responseCode = CSU. proprietaryAuthenticationData is for method 2 only (null for none).
        /// </summary>
        public byte[] GenerateIssuerAuthenticationData(ICryptoProvider provider, byte[] iccMasterKeyAc, byte[] atc,
            byte[] unpredictableNumber, byte[] arqc, byte[] responseCode, byte[] proprietaryAuthenticationData)
        {
            byte[] key = ArpcKeyFor(provider, iccMasterKeyAc, atc, unpredictableNumber);
            if (ArpcMethod == 1)
            {
                if (proprietaryAuthenticationData != null && proprietaryAuthenticationData.Length != 0)
                    throw new EmvCryptoException(EmvCryptoError.UnsupportedValue, "ARPC method 1 carries no proprietary authentication data");
                return Bytes.Concat(Arpc.GenerateMethod1(provider, key, arqc, responseCode), responseCode);
            }
            byte[] proprietary = proprietaryAuthenticationData == null ? new byte[0] : proprietaryAuthenticationData;
            return Bytes.Concat(Arpc.GenerateMethod2(provider, key, arqc, responseCode, proprietary), responseCode, proprietary);
        }

        /// <summary>
        /// The card's check of the Issuer Authentication Data (tag 91 value) from EXTERNAL AUTHENTICATE or the
        /// second GENERATE AC. False when the ARPC is wrong or the data has the wrong length for the method
        /// (method 1: exactly 10 bytes; method 2: 8 to 16 bytes).
        /// </summary>
        public bool VerifyIssuerAuthenticationData(ICryptoProvider provider, byte[] iccMasterKeyAc, byte[] atc,
            byte[] unpredictableNumber, byte[] arqc, byte[] issuerAuthenticationData)
        {
            byte[] key = ArpcKeyFor(provider, iccMasterKeyAc, atc, unpredictableNumber);
            byte[] data = issuerAuthenticationData;
            if (data == null) return false;
            if (ArpcMethod == 1)
            {
                if (data.Length != 10) return false;
                return Arpc.VerifyMethod1(provider, key, arqc, Bytes.Slice(data, 8, 2), Bytes.Slice(data, 0, 8));
            }
            if (data.Length < 8 || data.Length > 16) return false;
            return Arpc.VerifyMethod2(provider, key, arqc, Bytes.Slice(data, 4, 4),
                Bytes.Slice(data, 8, data.Length - 8), Bytes.Slice(data, 0, 4));
        }

        private byte[] ArpcKeyFor(ICryptoProvider provider, byte[] iccMasterKeyAc, byte[] atc, byte[] unpredictableNumber)
        {
            if (ArpcKey == ArpcKey.IccMasterKey)
            {
                EmvBytes.RequireDoubleLengthKey(iccMasterKeyAc, "ICC master key for AC");
                return iccMasterKeyAc;
            }
            return DeriveAcKey(provider, iccMasterKeyAc, atc, unpredictableNumber);
        }

        // ----- Issuer script secure messaging -----

        /// <summary>
        /// SMI or SMC session key from the ICC MK SMI or SMC: Visa's ATC method, or the EMV common session key
        /// with R = ARQC (EMV 4.4 Book 2, A1.3.1).
        /// </summary>
        public byte[] DeriveSecureMessagingKey(ICryptoProvider provider, byte[] iccMasterKeySm, byte[] atc, byte[] arqc)
        {
            if (SecureMessagingKey == SecureMessagingKeyDerivation.VisaAtc)
                return SessionKey.DeriveVisaSecureMessaging(iccMasterKeySm, atc);
            return SessionKey.DeriveCommon(provider, iccMasterKeySm, arqc);
        }

        /// <summary>This version's script MAC input: header || (ATC || ARQC when the version binds them) || data.</summary>
        public byte[] ScriptMacData(byte[] header, byte[] atc, byte[] arqc, byte[] data)
        {
            if (ScriptMacIncludesAtcAndArqc) return SecureMessaging.CommandMacData(header, atc, arqc, data);
            return SecureMessaging.CommandMacData(header, null, null, data);
        }

        /// <summary>
        /// The issuer's secured script command (EMV 4.4 Book 2, 9.2): CLA INS P1 P2 (e.g. '84180000' for
        /// APPLICATION BLOCK), Lc, data (plain or already enciphered; null for none), 8-byte MAC with the SMI
        /// session key for this transaction (atc and arqc of the first GENERATE AC).
        /// </summary>
        public byte[] BuildScriptCommand(ICryptoProvider provider, byte[] iccMasterKeySmi, byte[] atc, byte[] arqc, byte[] claInsP1P2, byte[] data)
        {
            CheckTransaction(atc, arqc);
            byte[] smi = DeriveSecureMessagingKey(provider, iccMasterKeySmi, atc, arqc);
            return ScriptMacIncludesAtcAndArqc
                ? SecureMessaging.BuildCommand(provider, smi, claInsP1P2, data, atc, arqc)
                : SecureMessaging.BuildCommand(provider, smi, claInsP1P2, data, null, null);
        }

        /// <summary>The card's MAC check of a secured script command; false when malformed or the MAC is wrong.</summary>
        public bool VerifyScriptCommand(ICryptoProvider provider, byte[] iccMasterKeySmi, byte[] atc, byte[] arqc, byte[] command)
        {
            CheckTransaction(atc, arqc);
            byte[] smi = DeriveSecureMessagingKey(provider, iccMasterKeySmi, atc, arqc);
            return ScriptMacIncludesAtcAndArqc
                ? SecureMessaging.VerifyCommand(provider, smi, command, atc, arqc)
                : SecureMessaging.VerifyCommand(provider, smi, command, null, null);
        }

        // ----- PIN CHANGE/UNBLOCK (EMV 4.4 Book 3, 6.5.10) -----

        /// <summary>The plain PIN block this version puts in PIN CHANGE (currentPin null: change without the current PIN).</summary>
        public byte[] BuildPinBlock(byte[] iccMasterKeyAc, string newPin, string currentPin)
        {
            if (PinBlock == PinBlockFormat.IsoFormat2)
            {
                if (currentPin != null)
                    throw new EmvCryptoException(EmvCryptoError.UnsupportedValue, "this cryptogram version's PIN change block carries no current PIN");
                return PinChangeBlock.IsoFormat2(newPin);
            }
            if (PinBlock == PinBlockFormat.VisWithCurrentPinElseIsoFormat2 && currentPin == null)
                return PinChangeBlock.IsoFormat2(newPin);
            return PinChangeBlock.Vis(iccMasterKeyAc, newPin, currentPin);
        }

        /// <summary>
        /// The issuer's PIN CHANGE command: '84 24 00' P2 ('01' with the current PIN, '02' without), Lc,
        /// the PIN block enciphered with the SMC session key, and the MAC with the SMI session key.
        /// </summary>
        public byte[] BuildPinChangeCommand(ICryptoProvider provider, IccMasterKeys keys, byte[] atc, byte[] arqc, string newPin, string currentPin)
        {
            EmvBytes.RequireNotNull(keys, "ICC master keys");
            CheckTransaction(atc, arqc);
            byte[] pinBlock = BuildPinBlock(keys.MkAc, newPin, currentPin);
            byte[] smc = DeriveSecureMessagingKey(provider, keys.MkSmc, atc, arqc);
            byte[] enciphered = SecureMessaging.EncipherData(provider, smc, PinEncipherment, pinBlock);
            System.Array.Clear(pinBlock, 0, pinBlock.Length);
            byte[] claInsP1P2 = new byte[] { 0x84, 0x24, 0x00, (byte)(currentPin == null ? 0x02 : 0x01) };
            return BuildScriptCommand(provider, keys.MkSmi, atc, arqc, claInsP1P2, enciphered);
        }

        /// <summary>
        /// The card's side of PIN CHANGE: checks the MAC, deciphers the PIN block and recovers the new PIN.
        /// currentPin is the card's current PIN (used when P2 = '01'). Returns null when the command is
        /// malformed, the MAC is wrong or the PIN block does not decode; the card then answers with an error.
        /// </summary>
        public string OpenPinChangeCommand(ICryptoProvider provider, IccMasterKeys keys, byte[] atc, byte[] arqc, byte[] command, string currentPin)
        {
            EmvBytes.RequireNotNull(keys, "ICC master keys");
            if (!VerifyScriptCommand(provider, keys.MkSmi, atc, arqc, command)) return null;
            int p2 = command[3];
            if (command[1] != 0x24 || (p2 != 0x01 && p2 != 0x02)) return null;
            byte[] smc = DeriveSecureMessagingKey(provider, keys.MkSmc, atc, arqc);
            byte[] pinBlock = SecureMessaging.DecipherData(provider, smc, PinEncipherment, SecureMessaging.CommandData(command));
            if (pinBlock == null || pinBlock.Length != 8) return null;
            bool withCurrent = p2 == 0x01;
            if (withCurrent && currentPin == null) return null;
            string pin;
            if (PinBlock == PinBlockFormat.IsoFormat2 || (PinBlock == PinBlockFormat.VisWithCurrentPinElseIsoFormat2 && !withCurrent))
                pin = withCurrent ? null : PinChangeBlock.RecoverIsoFormat2(pinBlock);
            else
                pin = PinChangeBlock.RecoverVis(pinBlock, keys.MkAc, withCurrent ? currentPin : null);
            System.Array.Clear(pinBlock, 0, pinBlock.Length);
            return pin;
        }

        private static void CheckTransaction(byte[] atc, byte[] arqc)
        {
            EmvBytes.RequireLength(atc, 2, "ATC");
            EmvBytes.RequireLength(arqc, 8, "ARQC");
        }
    }
}
