using System.Collections;

namespace Terminal.VirtualCards.Timing
{
    /// <summary>
    /// The fixed modelled cost of activating a Type A card before the first APDU: the power-up guard time, then
    /// REQA/ATQA, one anticollision and SELECT cascade level (single-size 4-byte UID), RATS/ATS, and PPS when the
    /// card's bit rate is above 106 kbit/s. Activation always runs at 106 kbit/s (ISO/IEC 14443-3 clause 6; the
    /// higher rates start after PPS, ISO/IEC 14443-4 clause 5.3). Each frame is followed by the minimum FDT.
    /// Polling for Type B cards and collision resolution with several cards are not modelled.
    /// </summary>
    public sealed class ActivationTiming
    {
        /// <summary>
        /// Power-up guard time before the first command: 5.1 ms (EMV Contactless Book D polling, tP; ISO/IEC 14443-3
        /// clause 5 asks the PICC to be ready within 5 ms of an unmodulated field) [K].
        /// </summary>
        public const int PowerUpGuardMicroseconds = 5100;

        private const int Rate = 106;
        private readonly ArrayList _steps = new ArrayList();

        /// <summary>The activation of a card with this timing (null: the defaults).</summary>
        public ActivationTiming(CardTimingProfile timing)
        {
            if (timing == null) timing = new CardTimingProfile();
            int pcd = Iso14443Timing.FdtPcdToPiccCycles;
            int picc = Iso14443Timing.FdtPiccToPcdCycles;
            int crc = Iso14443Timing.CrcLength;
            _steps.Add(new ActivationStep("power-up guard time", 0, Iso14443Timing.FromMicroseconds(PowerUpGuardMicroseconds), 0));
            // ISO/IEC 14443-3 clause 6.3 / 6.4: REQA (7-bit short frame) and ATQA (2 bytes, no CRC).
            _steps.Add(new ActivationStep("REQA", 0, (long)Iso14443Timing.ShortFrameEtu * Iso14443Timing.CyclesPerEtu(Rate), pcd));
            Frame("ATQA", 2, picc);
            // Clause 6.4.3: ANTICOLLISION SEL '93' NVB '20', answer UID CL1 (4 bytes) and BCC, no CRC.
            Frame("ANTICOLLISION (SEL 93, NVB 20)", 2, pcd);
            Frame("UID CL1 and BCC", 5, picc);
            // SELECT: SEL '93', NVB '70', UID CL1, BCC, CRC_A; SAK with CRC_A.
            Frame("SELECT (93 70, UID, BCC, CRC_A)", 7 + crc, pcd);
            Frame("SAK", 1 + crc, picc);
            // ISO/IEC 14443-4 clause 5.1 / 5.2: RATS ('E0', parameter byte, CRC_A) and the ATS with CRC_A.
            Frame("RATS", 2 + crc, pcd);
            Frame("ATS", timing.AtsLength + crc, picc);
            if (timing.BitRateKbps != Rate)
            {
                // Clause 5.3: PPS request (PPSS, PPS0, PPS1, CRC_A) and PPS response (PPSS, CRC_A).
                Frame("PPS request", 3 + crc, pcd);
                Frame("PPS response", 1 + crc, picc);
            }
        }

        private void Frame(string name, int bytes, int delay)
        {
            _steps.Add(new ActivationStep(name, bytes, Iso14443Timing.FrameCycles(bytes, Rate), delay));
        }

        /// <summary>Number of steps.</summary>
        public int StepCount { get { return _steps.Count; } }

        /// <summary>The step at a position, in order.</summary>
        public ActivationStep StepAt(int index) { return (ActivationStep)_steps[index]; }

        /// <summary>The whole activation in carrier cycles.</summary>
        public long TotalCycles
        {
            get
            {
                long t = 0;
                for (int i = 0; i < _steps.Count; i++)
                {
                    ActivationStep s = (ActivationStep)_steps[i];
                    t += s.FrameCycles + s.DelayCycles;
                }
                return t;
            }
        }

        /// <summary>The whole activation in microseconds.</summary>
        public long TotalMicroseconds { get { return Iso14443Timing.ToMicroseconds(TotalCycles); } }
    }
}
