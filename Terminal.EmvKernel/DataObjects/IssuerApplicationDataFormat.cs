namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>Layouts of Issuer Application Data ('9F10') that <see cref="IssuerApplicationData"/> decodes.</summary>
    public enum IadFormat
    {
        /// <summary>Not recognised: shown as raw hex.</summary>
        Unknown = 0,
        /// <summary>Visa IAD format 0 (e.g. CVN 10): 06 DKI CVN CVR(4) [IDD].</summary>
        VisaFormat0 = 1,
        /// <summary>Visa IAD format 1 (e.g. CVN 18): 06 DKI CVN CVR(4) [IDD].</summary>
        VisaFormat1 = 2,
        /// <summary>Visa IAD format 2 (e.g. CVN 22): 1F CVN DKI CVR(5) IDD option ID, IDD; 32 bytes.</summary>
        VisaFormat2 = 3,
        /// <summary>Visa IAD format 3: as format 0/1.</summary>
        VisaFormat3 = 4,
        /// <summary>Visa IAD format 4: as format 2.</summary>
        VisaFormat4 = 5,
        /// <summary>Mastercard M/Chip 4, 18 bytes: DKI CVN CVR(6) DAC/IDN(2) counters(8).</summary>
        MChip4 = 6,
        /// <summary>Mastercard M/Chip Advance, 20, 26 or 28 bytes: M/Chip 4 layout plus further data.</summary>
        MChipAdvance = 7,
        /// <summary>EMV Common Core Definitions (Book 3 Annex C9), 32 bytes.</summary>
        Ccd = 8
    }

    /// <summary>Hint for <see cref="IssuerApplicationData.Decode(byte[], IadScheme)"/>, e.g. from the AID's RID.</summary>
    public enum IadScheme
    {
        /// <summary>Try every known layout (CCD, Visa format 2/4, Visa format 0/1/3, M/Chip).</summary>
        Any = 0,
        /// <summary>Visa (RID A000000003): Visa formats only.</summary>
        Visa = 1,
        /// <summary>Mastercard (RID A000000004): M/Chip formats only.</summary>
        Mastercard = 2,
        /// <summary>Common Core Definitions only.</summary>
        Ccd = 3
    }
}
