using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Configuration
{
    /// <summary>
    /// The parameters a terminal keeps per supported application (EMV 4.4 Book 1, 12.3.1; Book 3, 10.6 and
    /// 10.7): the AID and its Application Selection Indicator, the terminal application version, floor limit,
    /// random selection and velocity settings, the Terminal Action Codes and the default DOLs. One
    /// <c>[aid &lt;hex&gt;]</c> section of the configuration file (docs/kernel-config.md).
    /// </summary>
    public sealed class AidParameters
    {
        /// <summary>'9F09' Application Version Number (terminal), b 2.</summary>
        public const int ApplicationVersionTag = 0x9F09;
        /// <summary>'9F1B' Terminal Floor Limit, b 4.</summary>
        public const int FloorLimitTag = 0x9F1B;
        /// <summary>Length of each Terminal Action Code (the TVR length).</summary>
        public const int ActionCodeLength = 5;
        /// <summary>Largest floor limit: '9F1B' is 4 bytes binary.</summary>
        public const long MaxFloorLimit = 0xFFFFFFFFL;
        /// <summary>Largest random selection percentage (Book 3, 10.6.2: 0-99).</summary>
        public const int MaxPercent = 99;

        /// <summary>
        /// Parameters for <paramref name="aid"/> (5-16 bytes, Book 1, 12.2.1) with the optional settings at their
        /// defaults: partial match allowed, Default DDOL 9F3704, empty Default TDOL, no random selection
        /// (threshold and percentages 0), velocity checking on. Version, floor limit and TACs are unset.
        /// </summary>
        public AidParameters(byte[] aid)
        {
            if (aid == null || aid.Length < 5 || aid.Length > 16)
                throw new System.ArgumentException("an AID has 5 to 16 bytes (Book 1, 12.2.1)", "aid");
            Aid = aid;
            Label = string.Empty;
            PartialMatch = true;
            DefaultDdol = new byte[] { 0x9F, 0x37, 0x04 };
            DefaultTdol = new byte[0];
            VelocityChecking = true;
            RelayMinimumGracePeriod = 20;
            RelayMaximumGracePeriod = 50;
            RelayExpectedCapduTime = 18;
            RelayExpectedRapduTime = 24;
            RelayAccuracyThreshold = 300;
            RelayMismatchPercent = 50;
            TornLogLifetimeSeconds = 300;
        }

        /// <summary>The AID (RID and PIX), 5-16 bytes.</summary>
        public byte[] Aid { get; private set; }

        /// <summary>A name for logs and menus (not sent to the card).</summary>
        public string Label { get; set; }

        /// <summary>ASI: a card ADF name longer than the AID and beginning with it matches (Book 1, 12.3.1).</summary>
        public bool PartialMatch { get; set; }

        /// <summary>'9F09' Application Version Number (terminal), 2 bytes.</summary>
        public byte[] ApplicationVersion { get; set; }

        /// <summary>Terminal Floor Limit in minor units of the transaction currency (Book 3, 10.6.1).</summary>
        public long FloorLimit { get; set; }

        /// <summary>TAC-Denial, 5 bytes (Book 3, 10.7).</summary>
        public byte[] TacDenial { get; set; }

        /// <summary>TAC-Online, 5 bytes (Book 3, 10.7).</summary>
        public byte[] TacOnline { get; set; }

        /// <summary>TAC-Default, 5 bytes (Book 3, 10.7).</summary>
        public byte[] TacDefault { get; set; }

        /// <summary>Default DDOL, used when the card has no DDOL '9F49' (Book 3, 10.3); may be empty.</summary>
        public byte[] DefaultDdol { get; set; }

        /// <summary>Default TDOL, used when the card has no TDOL '97' (Book 3, 5.4); may be empty.</summary>
        public byte[] DefaultTdol { get; set; }

        /// <summary>Threshold Value for Biased Random Selection in minor units (Book 3, 10.6.2).</summary>
        public long Threshold { get; set; }

        /// <summary>Target Percentage to be Used for Random Selection, 0-99 (Book 3, 10.6.2).</summary>
        public int TargetPercent { get; set; }

        /// <summary>Maximum Target Percentage to be Used for Biased Random Selection, TargetPercent-99 (Book 3, 10.6.2).</summary>
        public int MaxTargetPercent { get; set; }

        /// <summary>Whether velocity checking runs (Book 3, 10.6.3).</summary>
        public bool VelocityChecking { get; set; }

        /// <summary>Contactless Book C-2 'DF8132' Minimum Relay Resistance Grace Period, 100 µs units (default 20 = 2.0 ms).</summary>
        public int RelayMinimumGracePeriod { get; set; }

        /// <summary>Book C-2 'DF8133' Maximum Relay Resistance Grace Period, 100 µs units (default 50 = 5.0 ms).</summary>
        public int RelayMaximumGracePeriod { get; set; }

        /// <summary>Book C-2 'DF8134' Terminal Expected Transmission Time For Relay Resistance C-APDU, 100 µs units (default 18).</summary>
        public int RelayExpectedCapduTime { get; set; }

        /// <summary>Book C-2 'DF8135' Terminal Expected Transmission Time For Relay Resistance R-APDU, 100 µs units (default 24).</summary>
        public int RelayExpectedRapduTime { get; set; }

        /// <summary>Book C-2 'DF8136' Relay Resistance Accuracy Threshold, 100 µs units (default 300 = 30.0 ms).</summary>
        public int RelayAccuracyThreshold { get; set; }

        /// <summary>Book C-2 'DF8137' Relay Resistance Transmission Time Mismatch Threshold, percent (default 50).</summary>
        public int RelayMismatchPercent { get; set; }

        /// <summary>Book C-2 'DF811D' Max Number of Torn Transaction Log Records (default 0: no torn log).</summary>
        public int TornLogRecords { get; set; }

        /// <summary>Book C-2 'DF811C' Max Lifetime of Torn Transaction Log Record, seconds (default 300).</summary>
        public int TornLogLifetimeSeconds { get; set; }

        /// <summary>
        /// Writes '9F09' (as given) and '9F1B' (4 bytes binary, big-endian) into <paramref name="data"/>. A null
        /// version removes '9F09'.
        /// </summary>
        public void ApplyTo(TerminalData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (FloorLimit < 0 || FloorLimit > MaxFloorLimit)
                throw new System.ArgumentException("floor limit outside 0 to 4294967295 ('9F1B' is b 4)");
            data.Set(ApplicationVersionTag, Bytes.Copy(ApplicationVersion));
            data.Set(FloorLimitTag, new byte[]
            {
                (byte)(FloorLimit >> 24), (byte)(FloorLimit >> 16), (byte)(FloorLimit >> 8), (byte)FloorLimit,
            });
        }

        /// <summary>The entry of the terminal's list of AIDs for application selection (Book 1, 12.3.1).</summary>
        public TerminalAid ToTerminalAid()
        {
            return new TerminalAid(Bytes.Copy(Aid), PartialMatch);
        }
    }
}
