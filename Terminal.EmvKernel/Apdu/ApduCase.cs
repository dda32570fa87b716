namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// The four short C-APDU cases (ISO 7816-4, 5.1; EMV 4.4 Book 1, 9.3.1.1 and Annex A).
    /// </summary>
    public enum ApduCase
    {
        /// <summary>Case 1: CLA INS P1 P2. No data either way.</summary>
        Case1 = 1,
        /// <summary>Case 2: CLA INS P1 P2 Le. Data from the card.</summary>
        Case2 = 2,
        /// <summary>Case 3: CLA INS P1 P2 Lc Data. Data to the card.</summary>
        Case3 = 3,
        /// <summary>Case 4: CLA INS P1 P2 Lc Data Le. Data both ways.</summary>
        Case4 = 4
    }
}
