using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The Relay Resistance Protocol of Book C-2 (reference notes section 6 step 3, marked [K] there):
    /// EXCHANGE RELAY RESISTANCE DATA with the current Unpredictable Number as the Terminal Relay Resistance Entropy,
    /// timed with the kernel clock, then the checks of the measured time against the card's minimum and maximum
    /// processing times with the reader's grace periods, accuracy threshold and transmission time mismatch
    /// threshold. All times are in units of 100 µs. The arithmetic is public so each branch is tested alone.
    /// </summary>
    public static class RelayResistance
    {
        /// <summary>'DF8301' Terminal Relay Resistance Entropy (terminal).</summary>
        public const int TerminalEntropyTag = 0xDF8301;
        /// <summary>'DF8302' Device Relay Resistance Entropy (card).</summary>
        public const int DeviceEntropyTag = 0xDF8302;
        /// <summary>'DF8303' Min Time For Processing Relay Resistance APDU (card).</summary>
        public const int MinTimeTag = 0xDF8303;
        /// <summary>'DF8304' Max Time For Processing Relay Resistance APDU (card).</summary>
        public const int MaxTimeTag = 0xDF8304;
        /// <summary>'DF8305' Device Estimated Transmission Time For Relay Resistance R-APDU (card).</summary>
        public const int DeviceEstimatedTransmissionTimeTag = 0xDF8305;
        /// <summary>'DF8306' Measured Relay Resistance Processing Time (terminal).</summary>
        public const int MeasuredProcessingTimeTag = 0xDF8306;
        /// <summary>'DF8307' RRP Counter (terminal): the number of retries.</summary>
        public const int CounterTag = 0xDF8307;

        /// <summary>Book C-2: at most two more exchanges (with a new Unpredictable Number) when the card was too slow.</summary>
        public const int MaxRetries = 2;

        private const string Step = "EXCHANGE RELAY RESISTANCE DATA";

        /// <summary>Measured processing time = max(0, T − 'DF8134' − min('DF8305', 'DF8135')), T the round trip.</summary>
        public static int MeasuredProcessingTime(int roundTrip, int deviceEstimatedTransmissionTime, RelayResistanceParameters p)
        {
            int rapdu = deviceEstimatedTransmissionTime < p.ExpectedRapduTransmissionTime ? deviceEstimatedTransmissionTime : p.ExpectedRapduTransmissionTime;
            int m = roundTrip - p.ExpectedCapduTransmissionTime - rapdu;
            return m < 0 ? 0 : m;
        }

        /// <summary>Card too fast: measured &lt; max(0, 'DF8303' − 'DF8132') (a card data error: the exchange was not genuine).</summary>
        public static bool TooFast(int measured, int minTime, RelayResistanceParameters p)
        {
            int floor = minTime - p.MinimumGracePeriod;
            return measured < (floor < 0 ? 0 : floor);
        }

        /// <summary>Card too slow: measured &gt; 'DF8304' + 'DF8133' (retry, then "relay resistance time limits exceeded").</summary>
        public static bool TooSlow(int measured, int maxTime, RelayResistanceParameters p)
        {
            return measured > maxTime + p.MaximumGracePeriod;
        }

        /// <summary>
        /// "Relay resistance threshold exceeded": 'DF8305' / 'DF8135' × 100 &lt; 'DF8137', or 'DF8135' / 'DF8305' × 100
        /// &lt; 'DF8137' (compared as products, so nothing is lost to integer division), or
        /// max(0, measured − 'DF8303') &gt; 'DF8136'.
        /// </summary>
        public static bool ThresholdExceeded(int measured, int minTime, int deviceEstimatedTransmissionTime, RelayResistanceParameters p)
        {
            long device = deviceEstimatedTransmissionTime, expected = p.ExpectedRapduTransmissionTime, threshold = p.MismatchThresholdPercent;
            if (device * 100 < threshold * expected) return true;
            if (expected * 100 < threshold * device) return true;
            int over = measured - minTime;
            return (over < 0 ? 0 : over) > p.AccuracyThreshold;
        }

        /// <summary>
        /// Runs the protocol: sets TVR byte 5 (b4 threshold exceeded, b3 time limits exceeded, b2-b1 = 10 performed),
        /// stores 'DF8301', 'DF8306', 'DF8307' in the terminal data and 'DF8302'-'DF8305' in the card data (for CDOL1),
        /// and replaces '9F37' with a new number on each retry. A card faster than its minimum time, a status other
        /// than '9000' or a malformed answer end the kernel (<see cref="KernelTerminatedException"/>).
        /// </summary>
        internal static void Run(ApduTransport transport, TerminalData terminal, CardData card, TerminalVerificationResults tvr,
            IKernelClock clock, IRandomSource random, RelayResistanceParameters p)
        {
            for (int attempt = 0; ; attempt++)
            {
                byte[] entropy = terminal.Get(0x9F37);
                if (entropy == null || entropy.Length != 4) throw new System.ArgumentException("the terminal data has no 4-byte Unpredictable Number '9F37'", "terminal");
                CommandApdu command = EmvCommands.ExchangeRelayResistanceData(entropy);
                long start = clock.Microseconds;
                ResponseApdu response = CardCommand.Exchange(transport, command, Step);
                long end = clock.Microseconds;
                if (response.Sw != StatusWord.Success) throw CardCommand.UnexpectedStatus(Step, response.Sw);
                byte[] value = Format1(response.Data);
                int minTime = (value[4] << 8) | value[5];
                int maxTime = (value[6] << 8) | value[7];
                int estimated = (value[8] << 8) | value[9];
                terminal.Set(TerminalEntropyTag, entropy);
                card.Set(DeviceEntropyTag, Util.Bytes.Slice(value, 0, 4));
                card.Set(MinTimeTag, Util.Bytes.Slice(value, 4, 2));
                card.Set(MaxTimeTag, Util.Bytes.Slice(value, 6, 2));
                card.Set(DeviceEstimatedTransmissionTimeTag, Util.Bytes.Slice(value, 8, 2));
                long roundTrip = (end - start) / 100;
                int measured = MeasuredProcessingTime(roundTrip > 0xFFFF ? 0xFFFF : (int)roundTrip, estimated, p);
                terminal.Set(MeasuredProcessingTimeTag, new byte[] { (byte)(measured >> 8), (byte)measured });
                terminal.Set(CounterTag, new byte[] { (byte)attempt });
                if (TooFast(measured, minTime, p))
                    throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse,
                        "relay resistance: answered faster than the card's minimum time", MeasuredProcessingTimeTag, -1, null);
                if (TooSlow(measured, maxTime, p))
                {
                    if (attempt < MaxRetries && random != null)
                    {
                        byte[] un = new byte[4];
                        random.NextBytes(un, 0, 4);
                        terminal.Set(0x9F37, un);
                        continue;
                    }
                    tvr.Set(TerminalVerificationResults.RelayResistanceTimeLimitsExceeded);
                }
                if (ThresholdExceeded(measured, minTime, estimated, p)) tvr.Set(TerminalVerificationResults.RelayResistanceThresholdExceeded);
                SetPerformed(tvr, TerminalVerificationResults.RelayResistancePerformed);
                return;
            }
        }

        /// <summary>Sets TVR B5b2-b1 to <paramref name="value"/> (0 not supported, 1 not performed, 2 performed).</summary>
        public static void SetPerformed(TerminalVerificationResults tvr, int value)
        {
            byte b5 = tvr.GetByte(5);
            tvr.SetByte(5, (byte)((b5 & 0xFC) | (value & 0x03)));
        }

        // Book C-2: the answer is '80' 0A: Device Relay Resistance Entropy (4) || Min Time (2) || Max Time (2) ||
        // Device Estimated Transmission Time (2).
        private static byte[] Format1(byte[] data)
        {
            TlvList list;
            try
            {
                list = data == null || data.Length == 0 ? null : TlvParser.Parse(data);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "relay resistance answer is not BER-TLV", 0x80, -1, e);
            }
            if (list == null || list.Count != 1 || list[0].Tag != 0x80 || list[0].ValueLength != 10)
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "relay resistance answer must be '80' with 10 bytes", 0x80, -1, null);
            return list[0].CopyValue();
        }
    }
}
