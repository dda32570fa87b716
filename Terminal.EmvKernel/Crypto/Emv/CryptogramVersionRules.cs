namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>Which key computes the application cryptogram of a cryptogram version.</summary>
    public enum AcKeyDerivation
    {
        /// <summary>No session key: the ICC master key for AC itself (Visa CVN 10).</summary>
        IccMasterKey = 0,
        /// <summary>EMV common session key with R = ATC || '000000000000' (EMV 4.4 Book 2, A1.3.1).</summary>
        CommonSessionKey = 1,
        /// <summary>Mastercard SKD: common session key with R = ATC || '0000' || UN.</summary>
        MastercardSessionKey = 2
    }

    /// <summary>What part of the Issuer Application Data (9F10) follows the terminal data, AIP and ATC in the AC data.</summary>
    public enum AcDataIssuerPart
    {
        /// <summary>Visa IAD formats 0/1/3: the 4-byte CVR, IAD bytes 4-7 (Visa CVN 10).</summary>
        VisaCardVerificationResults = 0,
        /// <summary>The whole IAD (Visa CVN 18/22, Interac CVN 133).</summary>
        WholeIssuerApplicationData = 1,
        /// <summary>Mastercard M/Chip: the 6-byte CVR, IAD bytes 3-8 (CVN 16/20).</summary>
        MastercardCardVerificationResults = 2,
        /// <summary>Mastercard M/Chip: CVR (IAD bytes 3-8) then the 8-byte counters (IAD bytes 11-18) (CVN 17/21).</summary>
        MastercardCardVerificationResultsAndCounters = 3
    }

    /// <summary>Which key computes the ARPC.</summary>
    public enum ArpcKey
    {
        /// <summary>The ICC master key for AC.</summary>
        IccMasterKey = 0,
        /// <summary>The key that computed the application cryptogram.</summary>
        AcSessionKey = 1
    }

    /// <summary>How the secure-messaging (SMI and SMC) session keys are derived from the ICC master keys.</summary>
    public enum SecureMessagingKeyDerivation
    {
        /// <summary>Visa: the ICC master key xor ATC (<see cref="SessionKey.DeriveVisaSecureMessaging"/>).</summary>
        VisaAtc = 0,
        /// <summary>EMV common session key with R = ARQC (EMV 4.4 Book 2, A1.3.1; EMV SU 46).</summary>
        CommonWithArqc = 1
    }

    /// <summary>Which PIN block a PIN CHANGE command carries.</summary>
    public enum PinBlockFormat
    {
        /// <summary>Always the VIS PIN block.</summary>
        Vis = 0,
        /// <summary>Always ISO 9564-1 format 2 (no current PIN).</summary>
        IsoFormat2 = 1,
        /// <summary>VIS PIN block when the current PIN is included, otherwise ISO 9564-1 format 2 (Visa CVN 22).</summary>
        VisWithCurrentPinElseIsoFormat2 = 2
    }
}
