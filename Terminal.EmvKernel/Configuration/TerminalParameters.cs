using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Configuration
{
    /// <summary>
    /// Terminal-resident data that does not depend on the application (EMV 4.4 Book 4, Annex A; Book 3 Annex A
    /// for the tags). A new instance holds the built-in defaults (docs/kernel-config.md); the
    /// <c>[terminal]</c> section of the configuration file overrides them key by key.
    /// </summary>
    public sealed class TerminalParameters
    {
        /// <summary>'9F1A' Terminal Country Code (n 3).</summary>
        public const int CountryCodeTag = 0x9F1A;
        /// <summary>'5F2A' Transaction Currency Code (n 3).</summary>
        public const int CurrencyCodeTag = 0x5F2A;
        /// <summary>'5F36' Transaction Currency Exponent (n 1).</summary>
        public const int CurrencyExponentTag = 0x5F36;
        /// <summary>'9F33' Terminal Capabilities (b 3).</summary>
        public const int CapabilitiesTag = 0x9F33;
        /// <summary>'9F40' Additional Terminal Capabilities (b 5).</summary>
        public const int AdditionalCapabilitiesTag = 0x9F40;
        /// <summary>'9F35' Terminal Type (n 2).</summary>
        public const int TerminalTypeTag = 0x9F35;
        /// <summary>'9F15' Merchant Category Code (n 4).</summary>
        public const int MerchantCategoryCodeTag = 0x9F15;
        /// <summary>'9F16' Merchant Identifier (ans 15).</summary>
        public const int MerchantIdentifierTag = 0x9F16;
        /// <summary>'9F1C' Terminal Identification (an 8).</summary>
        public const int TerminalIdentificationTag = 0x9F1C;
        /// <summary>'9F4E' Merchant Name and Location (ans, variable).</summary>
        public const int MerchantNameAndLocationTag = 0x9F4E;
        /// <summary>'9F01' Acquirer Identifier (n 6-11, 6 bytes).</summary>
        public const int AcquirerIdentifierTag = 0x9F01;
        /// <summary>'9F1E' Interface Device (IFD) Serial Number (an 8).</summary>
        public const int IfdSerialNumberTag = 0x9F1E;

        /// <summary>Length of '9F16' Merchant Identifier; shorter identifiers are padded with spaces.</summary>
        public const int MerchantIdentifierLength = 15;
        /// <summary>Length of '9F1C' and '9F1E'.</summary>
        public const int IdentificationLength = 8;
        /// <summary>Longest Merchant Name and Location accepted (the dictionary leaves it variable).</summary>
        public const int MaxMerchantNameLength = 64;
        /// <summary>Book 4 minimum total issuer script size the terminal handles (128 bytes; exact clause unverified [K]).</summary>
        public const int MinIssuerScriptLength = 128;
        /// <summary>Largest issuer script length accepted.</summary>
        public const int MaxIssuerScriptLengthLimit = 4096;

        /// <summary>The built-in defaults (docs/kernel-config.md, "Terminal defaults").</summary>
        public TerminalParameters()
        {
            CountryCode = new byte[] { 0x01, 0x56 };        // ISO 3166 156 China
            CurrencyCode = new byte[] { 0x01, 0x56 };       // ISO 4217 156 CNY
            CurrencyExponent = 2;                            // ISO 4217: CNY has 2 minor digits
            // Book 4 Annex A2:
            // B1 E0 = b8 manual key entry, b7 magnetic stripe, b6 IC with contacts
            // B2 F8 = b8 plaintext PIN for ICC verification, b7 enciphered PIN online, b6 signature (paper),
            //         b5 enciphered PIN offline (RSA), b4 no CVM required
            // B3 C8 = b8 SDA, b7 DDA, b4 CDA (no card capture, no XDA)
            Capabilities = new byte[] { 0xE0, 0xF8, 0xC8 };
            // Book 4 Annex A3:
            // B1 F0 = b8 cash, b7 goods, b6 services, b5 cashback
            // B2 00 = no cash deposit
            // B3 F0 = b8 numeric keys, b7 alphabetic and special characters keys, b6 command keys, b5 function keys
            // B4 A0 = b8 print, attendant; b6 display, attendant
            // B5 01 = b1 code table 1 (ISO/IEC 8859-1)
            AdditionalCapabilities = new byte[] { 0xF0, 0x00, 0xF0, 0xA0, 0x01 };
            TerminalType = 0x22;                             // Book 4 Annex A1: merchant, attended, offline with online capability
            MerchantCategoryCode = new byte[] { 0x59, 0x99 }; // ISO 18245 5999 miscellaneous retail (placeholder)
            MerchantIdentifier = "000000000000001";          // placeholders: set per installation
            TerminalIdentification = "00000001";
            MerchantNameAndLocation = "Terminal test merchant";
            AcquirerIdentifier = new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x01 };
            IfdSerialNumber = new byte[] { 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31 }; // "00000001"
            PseSupported = true;
            MaxIssuerScriptLength = MinIssuerScriptLength;
            FallbackChipAttempts = 1;
        }

        /// <summary>'9F1A' Terminal Country Code, 2 bytes BCD (n 3), default 0156.</summary>
        public byte[] CountryCode { get; set; }

        /// <summary>'5F2A' Transaction Currency Code, 2 bytes BCD (n 3), default 0156.</summary>
        public byte[] CurrencyCode { get; set; }

        /// <summary>'5F36' Transaction Currency Exponent, 0-9, default 2.</summary>
        public int CurrencyExponent { get; set; }

        /// <summary>'9F33' Terminal Capabilities, 3 bytes, default E0F8C8.</summary>
        public byte[] Capabilities { get; set; }

        /// <summary>'9F40' Additional Terminal Capabilities, 5 bytes, default F000F0A001.</summary>
        public byte[] AdditionalCapabilities { get; set; }

        /// <summary>'9F35' Terminal Type as its BCD byte, default 0x22.</summary>
        public byte TerminalType { get; set; }

        /// <summary>'9F15' Merchant Category Code, 2 bytes BCD (n 4).</summary>
        public byte[] MerchantCategoryCode { get; set; }

        /// <summary>'9F16' Merchant Identifier, 1-15 characters (written padded with spaces to 15).</summary>
        public string MerchantIdentifier { get; set; }

        /// <summary>'9F1C' Terminal Identification, 8 characters.</summary>
        public string TerminalIdentification { get; set; }

        /// <summary>'9F4E' Merchant Name and Location; empty: not set.</summary>
        public string MerchantNameAndLocation { get; set; }

        /// <summary>'9F01' Acquirer Identifier, 6 bytes BCD (n 6-11, leading zeros).</summary>
        public byte[] AcquirerIdentifier { get; set; }

        /// <summary>'9F1E' IFD Serial Number, 8 ASCII bytes.</summary>
        public byte[] IfdSerialNumber { get; set; }

        /// <summary>Whether application selection tries the PSE (Book 1, 12.3.2) before the list of AIDs.</summary>
        public bool PseSupported { get; set; }

        /// <summary>Largest total issuer script size the terminal processes, 128 (the Book 4 minimum) to 4096 bytes.</summary>
        public int MaxIssuerScriptLength { get; set; }

        /// <summary>
        /// Whether a chip card may be swiped after a chip failure (technical fallback, POS entry mode 80;
        /// docs/magstripe.md). Default false: acquirers enable it per installation.
        /// </summary>
        public bool MagstripeFallback { get; set; }

        /// <summary>Whether "no mutually supported application" counts as a chip failure for fallback (acquirer and brand dependent [K]). Default false.</summary>
        public bool FallbackOnNoMutualApplication { get; set; }

        /// <summary>Failed chip attempts needed before a fallback swipe is accepted, 1 to 9 (brands commonly expect up to 3 [K]). Default 1.</summary>
        public int FallbackChipAttempts { get; set; }

        /// <summary>
        /// Writes the terminal data objects above into <paramref name="data"/> in their EMV formats (copies, so the
        /// store and this object do not share arrays). A null or empty value removes the tag.
        /// </summary>
        public void ApplyTo(TerminalData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            Put(data, CountryCodeTag, CountryCode);
            Put(data, CurrencyCodeTag, CurrencyCode);
            data.Set(CurrencyExponentTag, new byte[] { (byte)CurrencyExponent });
            Put(data, CapabilitiesTag, Capabilities);
            Put(data, AdditionalCapabilitiesTag, AdditionalCapabilities);
            data.Set(TerminalTypeTag, new byte[] { TerminalType });
            Put(data, MerchantCategoryCodeTag, MerchantCategoryCode);
            Put(data, MerchantIdentifierTag, ConfigurationValue.Ascii(PadRight(MerchantIdentifier, MerchantIdentifierLength)));
            Put(data, TerminalIdentificationTag, ConfigurationValue.Ascii(TerminalIdentification));
            Put(data, MerchantNameAndLocationTag, ConfigurationValue.Ascii(MerchantNameAndLocation));
            Put(data, AcquirerIdentifierTag, AcquirerIdentifier);
            Put(data, IfdSerialNumberTag, IfdSerialNumber);
        }

        private static void Put(TerminalData data, int tag, byte[] value)
        {
            data.Set(tag, value == null || value.Length == 0 ? null : Bytes.Copy(value));
        }

        private static string PadRight(string text, int length)
        {
            if (text == null || text.Length == 0 || text.Length >= length) return text;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = i < text.Length ? text[i] : ' ';
            return new string(chars);
        }
    }
}
