namespace Terminal.Firmware.Core.Readers.Alpar
{
    /// <summary>
    /// Status bytes the TDA8029 returns in a NAK frame (E0 00 01 command status LRC). Codes and meanings as in two
    /// independent open-source TDA8029 drivers, which agree with each other [K: not checked against the NXP
    /// document].
    /// </summary>
    public static class AlparStatus
    {
        /// <summary>Card absent.</summary>
        public const byte CardAbsent = 0xC0;
        /// <summary>Card mute after power on (no ATR).</summary>
        public const byte CardMute = 0x80;
        /// <summary>Waiting time exceeded.</summary>
        public const byte WaitingTimeExceeded = 0x81;
        /// <summary>Card deactivated because of a hardware problem (short circuit, supply drop).</summary>
        public const byte CardDeactivated = 0xA1;
        /// <summary>The chip saw a bad LRC in the frame it received.</summary>
        public const byte SerialLrcError = 0xF0;
        /// <summary>The chip timed out receiving a frame.</summary>
        public const byte SerialTimeout = 0xFF;
        /// <summary>Unknown command.</summary>
        public const byte UnknownCommand = 0x55;

        /// <summary>True when the status means that no card is in the slot.</summary>
        public static bool MeansNoCard(int status)
        {
            return status == CardAbsent;
        }

        /// <summary>A short English text for the status byte.</summary>
        public static string Describe(int status)
        {
            switch (status)
            {
                case 0x08: return "data buffer too short";
                case 0x0A: return "3 consecutive T=1 errors";
                case 0x20: return "wrong APDU";
                case 0x21: return "APDU too short";
                case 0x22: return "card mute during T=1";
                case 0x24: return "bad NAD";
                case 0x25: return "bad T=1 LRC";
                case 0x26: return "T=1 resynchronised";
                case 0x27: return "T=1 chain aborted";
                case 0x28: return "bad PCB";
                case 0x29: return "overflow from card";
                case 0x30: return "non-negotiable mode (TA2)";
                case 0x31: return "protocol neither T=0 nor T=1";
                case 0x32: return "T=1 not accepted";
                case 0x33: return "PPS answer differs";
                case 0x34: return "PPS PCK error";
                case 0x35: return "bad parameter";
                case 0x38: return "TB3 absent";
                case 0x39: return "PPS not accepted";
                case 0x3B: return "early answer during activation";
                case 0x55: return "unknown command";
                case 0x80: return "card mute after power on";
                case 0x81: return "waiting time exceeded";
                case 0x83: return "5 parity errors in reception";
                case 0x84: return "5 parity errors in transmission";
                case 0x86: return "bad FiDi";
                case 0x88: return "ATR longer than 19200 etu";
                case 0x89: return "CWI not supported";
                case 0x8A: return "BWI not supported";
                case 0x8B: return "WI not supported";
                case 0x8C: return "TC3 not accepted";
                case 0x8D: return "parity error in ATR";
                case 0x90: return "3 consecutive T=1 parity errors";
                case 0x91: return "SW1 not 6X or 9X";
                case 0x92: return "specific mode TA2 b5 set";
                case 0x93: return "TB1 absent on cold reset";
                case 0x94: return "TB1 not 00 on cold reset";
                case 0x95: return "IFSC out of range";
                case 0x96: return "wrong TDi";
                case 0x97: return "TB2 present";
                case 0x98: return "TC1 incompatible with CWT";
                case 0x9B: return "not a T=1 card";
                case 0xA0: return "procedure byte error";
                case 0xA1: return "card deactivated (hardware)";
                case 0xC0: return "card absent";
                case 0xC3: return "checksum error";
                case 0xC4: return "TS neither 3B nor 3F";
                case 0xC6: return "ATR not supported";
                case 0xC7: return "VPP not supported";
                case 0xE1: return "card clock frequency not accepted";
                case 0xE2: return "UART overflow";
                case 0xE3: return "supply voltage drop";
                case 0xE4: return "temperature alarm";
                case 0xE9: return "framing error";
                case 0xF0: return "serial LRC error";
                case 0xFF: return "serial timeout";
                default: return "unknown status";
            }
        }
    }
}
