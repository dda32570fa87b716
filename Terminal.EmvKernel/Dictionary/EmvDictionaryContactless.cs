namespace Terminal.EmvKernel.Dictionary
{
    public static partial class EmvDictionary
    {
        /// <summary>
        /// Contactless data elements: Entry Point (Book B) and Book A, Kernel C-2 (Mastercard, Annex A data
        /// dictionary incl. relay resistance and data storage), Kernel C-3 (Visa) and C-4 (Amex). Kernel-internal
        /// C-2 objects (source "Kernel" in C-2) are listed with source Terminal. Tags that two kernel books define
        /// differently carry both names; the context decides which applies.
        /// UnionPay (qUICS) proprietary tags are not listed: they reuse C-2 tags with other meanings and no
        /// public source could be checked.
        /// </summary>
        private static void AddContactlessElements()
        {
            // Book B (Entry Point) and Book A
            Add(0x96, "Kernel Identifier - Terminal", B, 1, 8, NoTpl, Term);
            Add(0x9F29, "Extended Selection", B, 0, Var, In61, Card);
            Add(0x9F2A, "Kernel Identifier", B, 1, 8, In61, Card);
            // In C-2 mag-stripe mode the same tag is PUNATC (Track2), 2 bytes.
            Add(0x9F66, "Terminal Transaction Qualifiers (TTQ)", B, 4, 4, NoTpl, Term);

            // C-2 mag-stripe mode and common C-2 card data
            Add(0x56, "Track 1 Data", ANS, 0, 76, In70, Card);
            Add(0x9F50, "Offline Accumulator Balance", N, 6, 6, NoTpl, Card);
            Add(0x9F51, "DRDOL", B, 0, Var, NoTpl, Card);
            Add(0x9F53, "Transaction Category Code", AN, 1, 1, NoTpl, Term);
            Add(0x9F54, "DS ODS Card", B, 0, 160, NoTpl, Card);
            Add(0x9F5C, "DS Requested Operator ID", B, 8, 8, NoTpl, Term);
            Add(0x9F5E, "DS ID", B, 8, 11, NoTpl, Card);
            Add(0x9F5F, "DS Slot Availability", B, 1, 1, NoTpl, Card);
            Add(0x9F60, "CVC3 (Track1)", B, 2, 2, NoTpl, Card);
            Add(0x9F61, "CVC3 (Track2)", B, 2, 2, NoTpl, Card);
            Add(0x9F62, "PCVC3 (Track1)", B, 6, 6, NoTpl, Card);
            Add(0x9F63, "PUNATC (Track1)", B, 6, 6, NoTpl, Card);
            Add(0x9F64, "NATC (Track1)", B, 1, 1, NoTpl, Card);
            Add(0x9F65, "PCVC3 (Track2)", B, 2, 2, NoTpl, Card);
            Add(0x9F67, "NATC (Track2)", B, 1, 1, NoTpl, Card);
            Add(0x9F6A, "Unpredictable Number (Numeric)", N, 4, 4, NoTpl, Term);
            Add(0x9F6F, "DS Slot Management Control", B, 1, 1, NoTpl, Card);
            Add(0x9F70, "Protected Data Envelope 1", B, 0, 192, NoTpl, Card);
            Add(0x9F71, "Protected Data Envelope 2", B, 0, 192, NoTpl, Card);
            Add(0x9F72, "Protected Data Envelope 3", B, 0, 192, NoTpl, Card);
            Add(0x9F73, "Protected Data Envelope 4", B, 0, 192, NoTpl, Card);
            Add(0x9F74, "Protected Data Envelope 5", B, 0, 192, NoTpl, Card);
            Add(0x9F75, "Unprotected Data Envelope 1", B, 0, 192, NoTpl, Card);
            Add(0x9F76, "Unprotected Data Envelope 2", B, 0, 192, NoTpl, Card);
            Add(0x9F77, "Unprotected Data Envelope 3", B, 0, 192, NoTpl, Card);
            Add(0x9F78, "Unprotected Data Envelope 4", B, 0, 192, NoTpl, Card);
            Add(0x9F79, "Unprotected Data Envelope 5", B, 0, 192, NoTpl, Card);
            Add(0x9F7D, "DS Summary 1", B, 8, 16, NoTpl, Card);
            Add(0x9F7E, "Mobile Support Indicator", B, 1, 1, NoTpl, Term);
            Add(0x9F7F, "DS Unpredictable Number", B, 4, 4, NoTpl, Card);
            Add(0xDF4B, "POS Cardholder Interaction Information", B, 3, 3, NoTpl, Card);
            Add(0xDF60, "DS Input (Card)", B, 8, 8, NoTpl, Term);
            Add(0xDF61, "DS Digest H", B, 8, 8, NoTpl, Term);
            Add(0xDF62, "DS ODS Info", B, 1, 1, NoTpl, Term);
            Add(0xDF63, "DS ODS Term", B, 0, 160, NoTpl, Term);

            // C-2 terminal configuration and kernel data (DF81xx, FF81xx)
            Add(0xDF8101, "DS Summary 2", B, 8, 16, NoTpl, Card);
            Add(0xDF8102, "DS Summary 3", B, 8, 16, NoTpl, Card);
            Add(0xDF8104, "Balance Read Before Gen AC", N, 6, 6, NoTpl, Term);
            Add(0xDF8105, "Balance Read After Gen AC", N, 6, 6, NoTpl, Term);
            Add(0xDF8106, "Data Needed", B, 0, Var, NoTpl, Term);
            Add(0xDF8107, "CDOL1 Related Data", B, 0, Var, NoTpl, Term);
            Add(0xDF8108, "DS AC Type", B, 1, 1, NoTpl, Term);
            Add(0xDF8109, "DS Input (Term)", B, 8, 8, NoTpl, Term);
            Add(0xDF810A, "DS ODS Info For Reader", B, 1, 1, NoTpl, Term);
            Add(0xDF810B, "DS Summary Status", B, 1, 1, NoTpl, Term);
            Add(0xDF810C, "Kernel ID", B, 1, 1, NoTpl, Term);
            Add(0xDF810D, "DSVN Term", B, 0, Var, NoTpl, Term);
            Add(0xDF810E, "Post-Gen AC Put Data Status", B, 1, 1, NoTpl, Term);
            Add(0xDF810F, "Pre-Gen AC Put Data Status", B, 1, 1, NoTpl, Term);
            Add(0xDF8110, "Proceed To First Write Flag", B, 1, 1, NoTpl, Term);
            Add(0xDF8111, "PDOL Related Data", B, 0, Var, NoTpl, Term);
            Add(0xDF8112, "Tags To Read", B, 0, Var, NoTpl, Term);
            Add(0xDF8113, "DRDOL Related Data", B, 0, Var, NoTpl, Term);
            Add(0xDF8114, "Reference Control Parameter", B, 1, 1, NoTpl, Term);
            Add(0xDF8115, "Error Indication", B, 6, 6, NoTpl, Term);
            Add(0xDF8116, "User Interface Request Data", B, 22, 22, NoTpl, Term);
            Add(0xDF8117, "Card Data Input Capability", B, 1, 1, NoTpl, Term);
            Add(0xDF8118, "CVM Capability - CVM Required", B, 1, 1, NoTpl, Term);
            Add(0xDF8119, "CVM Capability - No CVM Required", B, 1, 1, NoTpl, Term);
            Add(0xDF811A, "Default UDOL", B, 3, 3, NoTpl, Term);
            Add(0xDF811B, "Kernel Configuration", B, 1, 1, NoTpl, Term);
            Add(0xDF811C, "Max Lifetime of Torn Transaction Log Record", B, 2, 2, NoTpl, Term);
            Add(0xDF811D, "Max Number of Torn Transaction Log Records", B, 1, 1, NoTpl, Term);
            Add(0xDF811E, "Mag-stripe CVM Capability - CVM Required", B, 1, 1, NoTpl, Term);
            Add(0xDF811F, "Security Capability", B, 1, 1, NoTpl, Term);
            Add(0xDF8120, "Terminal Action Code - Default", B, 5, 5, NoTpl, Term);
            Add(0xDF8121, "Terminal Action Code - Denial", B, 5, 5, NoTpl, Term);
            Add(0xDF8122, "Terminal Action Code - Online", B, 5, 5, NoTpl, Term);
            Add(0xDF8123, "Reader Contactless Floor Limit", N, 6, 6, NoTpl, Term);
            Add(0xDF8124, "Reader Contactless Transaction Limit (No On-device CVM)", N, 6, 6, NoTpl, Term);
            Add(0xDF8125, "Reader Contactless Transaction Limit (On-device CVM)", N, 6, 6, NoTpl, Term);
            Add(0xDF8126, "Reader CVM Required Limit", N, 6, 6, NoTpl, Term);
            Add(0xDF8127, "Time Out Value", B, 2, 2, NoTpl, Term);
            Add(0xDF8128, "IDS Status", B, 1, 1, NoTpl, Term);
            Add(0xDF8129, "Outcome Parameter Set", B, 8, 8, NoTpl, Term);
            Add(0xDF812A, "DD Card (Track1)", ANS, 0, 56, NoTpl, Term);
            Add(0xDF812B, "DD Card (Track2)", CN, 0, 8, NoTpl, Term);
            Add(0xDF812C, "Mag-stripe CVM Capability - No CVM Required", B, 1, 1, NoTpl, Term);
            Add(0xDF812D, "Message Hold Time", N, 3, 3, NoTpl, Term);
            Add(0xDF8130, "Hold Time Value", B, 1, 1, NoTpl, Term);
            Add(0xDF8131, "Phone Message Table", B, 0, Var, NoTpl, Term);
            // Relay resistance (times in units of 100 microseconds)
            Add(0xDF8132, "Minimum Relay Resistance Grace Period", B, 2, 2, NoTpl, Term);
            Add(0xDF8133, "Maximum Relay Resistance Grace Period", B, 2, 2, NoTpl, Term);
            Add(0xDF8134, "Terminal Expected Transmission Time For Relay Resistance C-APDU", B, 2, 2, NoTpl, Term);
            Add(0xDF8135, "Terminal Expected Transmission Time For Relay Resistance R-APDU", B, 2, 2, NoTpl, Term);
            Add(0xDF8136, "Relay Resistance Accuracy Threshold", B, 2, 2, NoTpl, Term);
            Add(0xDF8137, "Relay Resistance Transmission Time Mismatch Threshold", B, 1, 1, NoTpl, Term);
            Add(0xDF8301, "Terminal Relay Resistance Entropy", B, 4, 4, NoTpl, Term);
            Add(0xDF8302, "Device Relay Resistance Entropy", B, 4, 4, NoTpl, Card);
            Add(0xDF8303, "Min Time For Processing Relay Resistance APDU", B, 2, 2, NoTpl, Card);
            Add(0xDF8304, "Max Time For Processing Relay Resistance APDU", B, 2, 2, NoTpl, Card);
            Add(0xDF8305, "Device Estimated Transmission Time For Relay Resistance R-APDU", B, 2, 2, NoTpl, Card);
            Add(0xDF8306, "Measured Relay Resistance Processing Time", B, 2, 2, NoTpl, Term);
            Add(0xDF8307, "RRP Counter", B, 1, 1, NoTpl, Term);
            Add(0xFF8101, "Torn Record", B, 0, Var, NoTpl, Term);
            Add(0xFF8102, "Tags To Write Before Gen AC", B, 0, Var, NoTpl, Term);
            Add(0xFF8103, "Tags To Write After Gen AC", B, 0, Var, NoTpl, Term);
            Add(0xFF8104, "Data To Send", B, 0, Var, NoTpl, Term);
            Add(0xFF8105, "Data Record", B, 0, Var, NoTpl, Term);
            Add(0xFF8106, "Discretionary Data", B, 0, Var, NoTpl, Term);

            // C-3 (Visa) and tags shared between kernel books
            Add(0x9F5A, "Application Program Identifier (Program ID)", B, 1, 16, InBF0C, Card);
            Add(0x9F5B, "Issuer Script Results / DSDOL (C-2)", B, 0, Var, NoTpl, Term);
            Add(0x9F5D, "Available Offline Spending Amount (C-3) / Application Capabilities Information (C-2)", B, 3, 6, NoTpl, Card);
            Add(0x9F68, "Card Additional Processes", B, 1, 32, NoTpl, Card);
            Add(0x9F69, "Card Authentication Related Data (C-3) / UDOL (C-2)", B, 0, 252, NoTpl, Card);
            Add(0x9F6B, "Card CVM Limit (C-3) / Track 2 Data (C-2)", B, 0, 19, NoTpl, Card);
            Add(0x9F6C, "Card Transaction Qualifiers (CTQ) (C-3) / Mag-stripe Application Version Number (Card) (C-2)", B, 2, 2, NoTpl, Card);
            Add(0x9F6D, "Mag-stripe Application Version Number (Reader) (C-2) / Contactless Reader Capabilities (C-4)", B, 1, 2, NoTpl, Term);
            Add(0x9F6E, "Form Factor Indicator (C-3) / Third Party Data (C-2) / Enhanced Contactless Reader Capabilities (C-4)", B, 4, 32, InBF0C70, Card);
            Add(0x9F7C, "Customer Exclusive Data (C-3) / Merchant Custom Data (C-2)", B, 0, 32, NoTpl, Card);
        }
    }
}
