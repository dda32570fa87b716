namespace Terminal.VirtualReader;

/// <summary>ATRs the virtual reader presents for a virtual card.</summary>
public static class EmvAtr
{
    /// <summary>
    /// The EMV basic ATR for a T=1 card (EMV 4.4 Book 1, 8.3.2 / Table 8.10 "basic ATR for T=1"):
    /// TS=3B (direct convention), T0=E0 (TB1, TC1, TD1 present, no historical bytes), TB1=00 (no VPP),
    /// TC1=00 (no extra guard time), TD1=81 (TD2 follows, T=1), TD2=31 (TA3 and TB3 follow, T=1),
    /// TA3=FE (IFSC 254), TB3=45 (BWI 4, CWI 5), TCK=EB (XOR of T0..TB3).
    /// T=1 suits vpcd: whole C-APDUs go to the card and whole R-APDUs come back, with no T=0 GET RESPONSE.
    /// </summary>
    public static byte[] BasicT1() => new byte[] { 0x3B, 0xE0, 0x00, 0x00, 0x81, 0x31, 0xFE, 0x45, 0xEB };
}
