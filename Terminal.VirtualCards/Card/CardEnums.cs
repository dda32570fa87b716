namespace Terminal.VirtualCards.Card
{
    /// <summary>How the card answers commands with response data (ISO 7816-3 T=0 personalities).</summary>
    public enum T0ResponseMode
    {
        /// <summary>Returns data and SW in one response (T=1 or reader-handled T=0).</summary>
        Direct = 0,
        /// <summary>Answers 61xx; the data is fetched with GET RESPONSE (00 C0 00 00 xx).</summary>
        GetResponse61 = 1,
        /// <summary>Answers 6Cxx when Le is absent or wrong; the command must be repeated with Le = xx.</summary>
        WrongLength6C = 2,
    }

    /// <summary>The contactless behaviour of an application.</summary>
    public enum ContactlessPersonality
    {
        /// <summary>Contact EMV only (GPO returns AIP/AFL; GENERATE AC as usual).</summary>
        None = 0,
        /// <summary>Visa qVSDC-style: GPO returns the cryptogram, CTQ and fDDA data (EMV Book C-3).</summary>
        VisaQvsdc = 1,
        /// <summary>Mastercard M/Chip-style: relay resistance, GENERATE AC with CDA (EMV Book C-2).</summary>
        MastercardMChip = 2,
    }

    /// <summary>Card-side cryptogram decision (ordering AAC &lt; TC &lt; ARQC, EMV 4.4 Book 3, 9.3).</summary>
    public enum CardCryptogramType
    {
        /// <summary>Application Authentication Cryptogram (decline), CID '00'.</summary>
        Aac = 0,
        /// <summary>Transaction Certificate (approve), CID '40'.</summary>
        Tc = 1,
        /// <summary>Authorisation Request Cryptogram (go online), CID '80'.</summary>
        Arqc = 2,
    }
}
