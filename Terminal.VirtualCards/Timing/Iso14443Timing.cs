namespace Terminal.VirtualCards.Timing
{
    /// <summary>
    /// ISO/IEC 14443 Type A air-interface arithmetic for the card-in-field time model. Every time is an integer
    /// number of carrier cycles (1/fc, fc = 13.56 MHz, ISO/IEC 14443-2 clause 6.1), so frame times are exact;
    /// <see cref="ToMicroseconds"/> converts for reports. Numbers not checked against the standard's text are
    /// tagged [K] in docs/performance.md (contactless section).
    /// </summary>
    public static class Iso14443Timing
    {
        /// <summary>Carrier frequency fc in kHz (13.56 MHz, ISO/IEC 14443-2 clause 6.1).</summary>
        public const int CarrierKilohertz = 13560;

        /// <summary>
        /// Minimum frame delay time PCD to PICC for Type A, 1172/fc: (n x 128 + 20)/fc with n = 9 (ISO/IEC 14443-3
        /// clause 6.2.1.1; 1236/fc when the PCD's last bit is 1 - the model always uses the smaller value [K]).
        /// </summary>
        public const int FdtPcdToPiccCycles = 1172;

        /// <summary>Minimum frame delay time PICC to PCD, 1172/fc (ISO/IEC 14443-3 clause 6.2.1.2 [K]).</summary>
        public const int FdtPiccToPcdCycles = 1172;

        /// <summary>ISO/IEC 14443-4 block prologue: the PCB byte (clause 7.1.1).</summary>
        public const int PcbLength = 1;

        /// <summary>ISO/IEC 14443-4 block epilogue: the EDC, CRC_A of 2 bytes (ISO/IEC 14443-3 clause 6.2.4; -4 clause 7.1.3).</summary>
        public const int CrcLength = 2;

        /// <summary>
        /// Carrier cycles per elementary time unit at a bit rate: 1 etu = 128/(D x fc) with D = 1, 2, 4, 8 for
        /// 106, 212, 424, 848 kbit/s (ISO/IEC 14443-2 clause 8.1 / 9.1; -4 clause 5.3, PPS). Other rates throw.
        /// </summary>
        public static int CyclesPerEtu(int bitRateKbps)
        {
            switch (bitRateKbps)
            {
                case 106: return 128;
                case 212: return 64;
                case 424: return 32;
                case 848: return 16;
                default: throw new System.ArgumentOutOfRangeException("bitRateKbps", "106, 212, 424 or 848 kbit/s");
            }
        }

        /// <summary>
        /// Duration in etu of a Type A standard frame of <paramref name="bytes"/> bytes: start of communication
        /// (1 etu), 9 etu per byte (8 data bits and an odd parity bit), end of communication (1 etu)
        /// (ISO/IEC 14443-3 clause 6.2.3.2).
        /// </summary>
        public static int StandardFrameEtu(int bytes)
        {
            if (bytes < 0) throw new System.ArgumentOutOfRangeException("bytes");
            return 1 + 9 * bytes + 1;
        }

        /// <summary>A Type A short frame (REQA, WUPA): start, 7 data bits, end = 9 etu (ISO/IEC 14443-3 clause 6.2.3.1).</summary>
        public const int ShortFrameEtu = 9;

        /// <summary>Carrier cycles of a standard frame of <paramref name="bytes"/> bytes at a bit rate.</summary>
        public static long FrameCycles(int bytes, int bitRateKbps)
        {
            return (long)StandardFrameEtu(bytes) * CyclesPerEtu(bitRateKbps);
        }

        /// <summary>
        /// The frame size for a frame size integer FSCI / FSDI (ISO/IEC 14443-4 clause 5.2.3 and 5.1, Table
        /// "FSDI to FSD conversion"): 0..8 give 16, 24, 32, 40, 48, 64, 96, 128, 256 bytes. Values 9..15 are RFU
        /// (later amendments give larger sizes [K]); the model reads them as 256.
        /// </summary>
        public static int FrameSize(int frameSizeInteger)
        {
            switch (frameSizeInteger)
            {
                case 0: return 16;
                case 1: return 24;
                case 2: return 32;
                case 3: return 40;
                case 4: return 48;
                case 5: return 64;
                case 6: return 96;
                case 7: return 128;
                default:
                    if (frameSizeInteger < 0 || frameSizeInteger > 15) throw new System.ArgumentOutOfRangeException("frameSizeInteger");
                    return 256;
            }
        }

        /// <summary>Microseconds to carrier cycles, rounded to the nearest cycle (13.56 cycles per microsecond).</summary>
        public static long FromMicroseconds(long microseconds)
        {
            return (microseconds * CarrierKilohertz + 500) / 1000;
        }

        /// <summary>Carrier cycles to whole microseconds, rounded to the nearest.</summary>
        public static long ToMicroseconds(long cycles)
        {
            return (cycles * 1000 + CarrierKilohertz / 2) / CarrierKilohertz;
        }
    }
}
