namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// Names of the card commands an EMV terminal sends or relays (EMV 4.4 Book 1, 11; Book 3, 6.5; contactless
    /// C-2 commands), looked up by CLA and INS. For traces and the decoder.
    /// </summary>
    public static class CommandNames
    {
        /// <summary>The command name, or "UNKNOWN" when the CLA/INS pair is not an EMV command.</summary>
        public static string Of(byte cla, byte ins)
        {
            // The proprietary class '8X' (EMV) and the inter-industry class '0X' carry different commands.
            bool proprietary = (cla & 0xF0) == 0x80;
            bool interIndustry = (cla & 0xF0) == 0x00;
            switch (ins)
            {
                case 0xA4: if (interIndustry) return "SELECT"; break;
                case 0xB2: if (interIndustry) return "READ RECORD"; break;
                case 0xC0: if (interIndustry) return "GET RESPONSE"; break;
                case 0x88: if (interIndustry) return "INTERNAL AUTHENTICATE"; break;
                case 0x82: if (interIndustry) return "EXTERNAL AUTHENTICATE"; break;
                case 0x84: if (interIndustry) return "GET CHALLENGE"; break;
                case 0x20: if (interIndustry) return "VERIFY"; break;
                case 0xA8: if (proprietary) return "GET PROCESSING OPTIONS"; break;
                case 0xCA: if (proprietary) return "GET DATA"; break;
                case 0xAE: if (proprietary) return "GENERATE AC"; break;
                case 0xEA: if (proprietary) return "EXCHANGE RELAY RESISTANCE DATA"; break;
                case 0x2A: if (proprietary) return "COMPUTE CRYPTOGRAPHIC CHECKSUM"; break;
                case 0xD0: if (proprietary) return "RECOVER AC"; break;
                // Issuer script commands (Book 3, 6.5.1 to 6.5.3 and 6.5.10), class '84' or '8C' with secure messaging.
                case 0x1E: return "APPLICATION BLOCK";
                case 0x18: return "APPLICATION UNBLOCK";
                case 0x16: return "CARD BLOCK";
                case 0x24: return "PIN CHANGE/UNBLOCK";
                case 0xDA: return "PUT DATA";
                case 0xDC: return "UPDATE RECORD";
            }
            return "UNKNOWN";
        }

        /// <summary>The name of a parsed command.</summary>
        public static string Of(CommandApdu command)
        {
            return Of(command.Cla, command.Ins);
        }
    }
}
