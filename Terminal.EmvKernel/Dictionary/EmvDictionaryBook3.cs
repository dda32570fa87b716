namespace Terminal.EmvKernel.Dictionary
{
    public static partial class EmvDictionary
    {
        /// <summary>
        /// Tagged data elements of EMV 4.4 Book 3, Annex A, Table 33 (Data Elements Dictionary), including the
        /// EMV 4.3/4.4 additions (ASRPD, IINE, Token Requestor ID, PAR, Last 4 Digits of PAN, biometric
        /// templates). Columns: tag, name, format, min length, max length (bytes), template, source.
        /// Elements without a tag (TAC, threshold, target percentages, Default DDOL/TDOL, ...) are not listed.
        /// "NCA"/"NI"/"NIC"-sized objects are given 1-248 bytes (RSA moduli up to 1984 bits, Book 2).
        /// </summary>
        private static void AddBook3Elements()
        {
            Add(0x42, "Issuer Identification Number (IIN)", N, 3, 3, InBF0C73, Card);
            Add(0x4F, "Application Dedicated File (ADF) Name", B, 5, 16, In61, Card);
            Add(0x50, "Application Label", ANS, 1, 16, In61A5, Card);
            Add(0x57, "Track 2 Equivalent Data", B, 0, 19, In7077, Card);
            Add(0x5A, "Application Primary Account Number (PAN)", CN, 0, 10, In7077, Card);
            Add(0x5F20, "Cardholder Name", ANS, 2, 26, In7077, Card);
            Add(0x5F24, "Application Expiration Date", N, 3, 3, In7077, Card);
            Add(0x5F25, "Application Effective Date", N, 3, 3, In7077, Card);
            Add(0x5F28, "Issuer Country Code", N, 2, 2, In7077, Card);
            Add(0x5F2A, "Transaction Currency Code", N, 2, 2, NoTpl, Term);
            Add(0x5F2D, "Language Preference", AN, 2, 8, InA5, Card);
            Add(0x5F30, "Service Code", N, 2, 2, In7077, Card);
            Add(0x5F34, "Application Primary Account Number (PAN) Sequence Number", N, 1, 1, In7077, Card);
            Add(0x5F36, "Transaction Currency Exponent", N, 1, 1, NoTpl, Term);
            Add(0x5F50, "Issuer URL", ANS, 0, Var, InBF0C73, Card);
            Add(0x5F53, "International Bank Account Number (IBAN)", VAR, 0, 34, InBF0C73, Card);
            Add(0x5F54, "Bank Identifier Code (BIC)", VAR, 8, 11, InBF0C73, Card);
            Add(0x5F55, "Issuer Country Code (alpha2 format)", A, 2, 2, InBF0C73, Card);
            Add(0x5F56, "Issuer Country Code (alpha3 format)", A, 3, 3, InBF0C73, Card);
            Add(0x5F57, "Account Type", N, 1, 1, NoTpl, Term);
            Add(0x61, "Application Template", B, 0, 252, In70, Card);
            Add(0x6F, "File Control Information (FCI) Template", VAR, 0, 252, NoTpl, Card);
            Add(0x70, "READ RECORD Response Message Template", VAR, 0, 252, NoTpl, Card);
            Add(0x71, "Issuer Script Template 1", B, 0, Var, NoTpl, Iss);
            Add(0x72, "Issuer Script Template 2", B, 0, Var, NoTpl, Iss);
            Add(0x73, "Directory Discretionary Template", VAR, 0, 252, In61, Card);
            Add(0x77, "Response Message Template Format 2", VAR, 0, Var, NoTpl, Card);
            Add(0x80, "Response Message Template Format 1", VAR, 0, Var, NoTpl, Card);
            Add(0x81, "Amount, Authorised (Binary)", B, 4, 4, NoTpl, Term);
            Add(0x82, "Application Interchange Profile", B, 2, 2, In7780, Card);
            Add(0x83, "Command Template", B, 0, Var, NoTpl, Term);
            Add(0x84, "Dedicated File (DF) Name", B, 5, 16, In6F, Card);
            Add(0x86, "Issuer Script Command", B, 0, 261, In7172, Iss);
            Add(0x87, "Application Priority Indicator", B, 1, 1, In61A5, Card);
            Add(0x88, "Short File Identifier (SFI)", B, 1, 1, InA5, Card);
            // Format set by the payment system; M/Chip and VCPS use ans 6.
            Add(0x89, "Authorisation Code", ANS, 6, 6, NoTpl, Iss);
            // Source "Issuer/Terminal" in Annex A (the terminal sets it for offline decisions).
            Add(0x8A, "Authorisation Response Code", AN, 2, 2, NoTpl, Iss);
            Add(0x8C, "Card Risk Management Data Object List 1 (CDOL1)", B, 0, 252, In7077, Card);
            Add(0x8D, "Card Risk Management Data Object List 2 (CDOL2)", B, 0, 252, In7077, Card);
            Add(0x8E, "Cardholder Verification Method (CVM) List", B, 10, 252, In7077, Card);
            Add(0x8F, "Certification Authority Public Key Index", B, 1, 1, In7077, Card);
            Add(0x90, "Issuer Public Key Certificate", B, 1, 248, In7077, Card);
            Add(0x91, "Issuer Authentication Data", B, 8, 16, NoTpl, Iss);
            Add(0x92, "Issuer Public Key Remainder", B, 1, 248, In7077, Card);
            Add(0x93, "Signed Static Application Data", B, 1, 248, In7077, Card);
            Add(0x94, "Application File Locator (AFL)", VAR, 0, 252, In7780, Card);
            Add(0x95, "Terminal Verification Results", B, 5, 5, NoTpl, Term);
            Add(0x97, "Transaction Certificate Data Object List (TDOL)", B, 0, 252, In7077, Card);
            Add(0x98, "Transaction Certificate (TC) Hash Value", B, 20, 20, NoTpl, Term);
            Add(0x99, "Transaction Personal Identification Number (PIN) Data", B, 0, Var, NoTpl, Term);
            Add(0x9A, "Transaction Date", N, 3, 3, NoTpl, Term);
            Add(0x9B, "Transaction Status Information", B, 2, 2, NoTpl, Term);
            Add(0x9C, "Transaction Type", N, 1, 1, NoTpl, Term);
            Add(0x9D, "Directory Definition File (DDF) Name", B, 5, 16, In61, Card);
            Add(0x9F01, "Acquirer Identifier", N, 6, 6, NoTpl, Term);
            Add(0x9F02, "Amount, Authorised (Numeric)", N, 6, 6, NoTpl, Term);
            Add(0x9F03, "Amount, Other (Numeric)", N, 6, 6, NoTpl, Term);
            Add(0x9F04, "Amount, Other (Binary)", B, 4, 4, NoTpl, Term);
            Add(0x9F05, "Application Discretionary Data", B, 1, 32, In7077, Card);
            Add(0x9F06, "Application Identifier (AID) - terminal", B, 5, 16, NoTpl, Term);
            Add(0x9F07, "Application Usage Control", B, 2, 2, In7077, Card);
            Add(0x9F08, "Application Version Number", B, 2, 2, In7077, Card);
            Add(0x9F09, "Application Version Number (terminal)", B, 2, 2, NoTpl, Term);
            Add(0x9F0A, "Application Selection Registered Proprietary Data (ASRPD)", B, 0, Var, InBF0C73, Card);
            Add(0x9F0B, "Cardholder Name Extended", ANS, 27, 45, In7077, Card);
            Add(0x9F0C, "Issuer Identification Number Extended (IINE)", N, 3, 4, InBF0C73, Card);
            Add(0x9F0D, "Issuer Action Code - Default", B, 5, 5, In7077, Card);
            Add(0x9F0E, "Issuer Action Code - Denial", B, 5, 5, In7077, Card);
            Add(0x9F0F, "Issuer Action Code - Online", B, 5, 5, In7077, Card);
            Add(0x9F10, "Issuer Application Data", B, 0, 32, In7780, Card);
            Add(0x9F11, "Issuer Code Table Index", N, 1, 1, InA5, Card);
            Add(0x9F12, "Application Preferred Name", ANS, 1, 16, In61A5, Card);
            Add(0x9F13, "Last Online Application Transaction Counter (ATC) Register", B, 2, 2, NoTpl, Card);
            Add(0x9F14, "Lower Consecutive Offline Limit", B, 1, 1, In7077, Card);
            Add(0x9F15, "Merchant Category Code", N, 2, 2, NoTpl, Term);
            Add(0x9F16, "Merchant Identifier", ANS, 15, 15, NoTpl, Term);
            Add(0x9F17, "Personal Identification Number (PIN) Try Counter", B, 1, 1, NoTpl, Card);
            Add(0x9F18, "Issuer Script Identifier", B, 4, 4, In7172, Iss);
            Add(0x9F19, "Token Requestor ID", N, 6, 6, In7077, Card);
            Add(0x9F1A, "Terminal Country Code", N, 2, 2, NoTpl, Term);
            Add(0x9F1B, "Terminal Floor Limit", B, 4, 4, NoTpl, Term);
            Add(0x9F1C, "Terminal Identification", AN, 8, 8, NoTpl, Term);
            Add(0x9F1D, "Terminal Risk Management Data", B, 1, 8, NoTpl, Term);
            Add(0x9F1E, "Interface Device (IFD) Serial Number", AN, 8, 8, NoTpl, Term);
            Add(0x9F1F, "Track 1 Discretionary Data", ANS, 0, Var, In7077, Card);
            Add(0x9F20, "Track 2 Discretionary Data", CN, 0, Var, In7077, Card);
            Add(0x9F21, "Transaction Time", N, 3, 3, NoTpl, Term);
            Add(0x9F22, "Certification Authority Public Key Index (terminal)", B, 1, 1, NoTpl, Term);
            Add(0x9F23, "Upper Consecutive Offline Limit", B, 1, 1, In7077, Card);
            Add(0x9F24, "Payment Account Reference (PAR)", AN, 29, 29, In7077, Card);
            Add(0x9F25, "Last 4 Digits of PAN", N, 2, 2, In7077, Card);
            Add(0x9F26, "Application Cryptogram", B, 8, 8, In7780, Card);
            Add(0x9F27, "Cryptogram Information Data", B, 1, 1, In7780, Card);
            Add(0x9F2D, "ICC PIN Encipherment Public Key Certificate", B, 1, 248, In7077, Card);
            Add(0x9F2E, "ICC PIN Encipherment Public Key Exponent", B, 1, 3, In7077, Card);
            Add(0x9F2F, "ICC PIN Encipherment Public Key Remainder", B, 1, 248, In7077, Card);
            Add(0x9F30, "Biometric Terminal Capabilities", B, 3, 3, NoTpl, Term);
            Add(0x9F32, "Issuer Public Key Exponent", B, 1, 3, In7077, Card);
            Add(0x9F33, "Terminal Capabilities", B, 3, 3, NoTpl, Term);
            Add(0x9F34, "Cardholder Verification Method (CVM) Results", B, 3, 3, NoTpl, Term);
            Add(0x9F35, "Terminal Type", N, 1, 1, NoTpl, Term);
            Add(0x9F36, "Application Transaction Counter (ATC)", B, 2, 2, In7780, Card);
            Add(0x9F37, "Unpredictable Number", B, 4, 4, NoTpl, Term);
            Add(0x9F38, "Processing Options Data Object List (PDOL)", B, 0, Var, InA5, Card);
            Add(0x9F39, "Point-of-Service (POS) Entry Mode", N, 1, 1, NoTpl, Term);
            Add(0x9F3A, "Amount, Reference Currency", B, 4, 4, NoTpl, Term);
            Add(0x9F3B, "Application Reference Currency", N, 2, 8, In7077, Card);
            Add(0x9F3C, "Transaction Reference Currency Code", N, 2, 2, NoTpl, Term);
            Add(0x9F3D, "Transaction Reference Currency Exponent", N, 1, 1, NoTpl, Term);
            Add(0x9F40, "Additional Terminal Capabilities", B, 5, 5, NoTpl, Term);
            Add(0x9F41, "Transaction Sequence Counter", N, 2, 4, NoTpl, Term);
            Add(0x9F42, "Application Currency Code", N, 2, 2, In7077, Card);
            Add(0x9F43, "Application Reference Currency Exponent", N, 1, 4, In7077, Card);
            Add(0x9F44, "Application Currency Exponent", N, 1, 1, In7077, Card);
            Add(0x9F45, "Data Authentication Code", B, 2, 2, NoTpl, Card);
            Add(0x9F46, "ICC Public Key Certificate", B, 1, 248, In7077, Card);
            Add(0x9F47, "ICC Public Key Exponent", B, 1, 3, In7077, Card);
            Add(0x9F48, "ICC Public Key Remainder", B, 1, 248, In7077, Card);
            Add(0x9F49, "Dynamic Data Authentication Data Object List (DDOL)", B, 0, 252, In7077, Card);
            Add(0x9F4A, "Static Data Authentication Tag List", B, 0, Var, In7077, Card);
            Add(0x9F4B, "Signed Dynamic Application Data", B, 1, 248, In7780, Card);
            Add(0x9F4C, "ICC Dynamic Number", B, 2, 8, NoTpl, Card);
            Add(0x9F4D, "Log Entry", B, 2, 2, InBF0C73, Card);
            Add(0x9F4E, "Merchant Name and Location", ANS, 0, Var, NoTpl, Term);
            Add(0x9F4F, "Log Format", B, 0, Var, NoTpl, Card);
            Add(0xA5, "File Control Information (FCI) Proprietary Template", VAR, 0, Var, In6F, Card);
            Add(0xBF0C, "File Control Information (FCI) Issuer Discretionary Data", VAR, 0, 222, InA5, Card);
            // EMV 4.4 biometric CVM templates (Book 3 Annex A; their inner tags are context-specific).
            Add(0x7F60, "Biometric Information Template (BIT)", B, 0, Var, NoTpl, Card);
            Add(0xBF4C, "Biometric Try Counters Template", B, 0, Var, NoTpl, Card);
            Add(0xBF4E, "Biometric Verification Data Template", B, 0, Var, NoTpl, Term);
        }
    }
}
