using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The M/Chip-style kernel's configuration for one combination {AID, kernel} (Book C-2 configuration data,
    /// reference notes section 6). The amounts against the floor and CVM required limits come from Entry Point
    /// pre-processing (<see cref="EntryPoint.PreProcessingIndicators"/>); the transaction limits that depend on the
    /// card's on-device CVM support are checked here after GPO.
    /// </summary>
    public sealed class GenerateAcKernelConfiguration
    {
        /// <summary>No limit configured.</summary>
        public const long Absent = -1;

        /// <summary>A configuration verifying CDA under <paramref name="caKeys"/>, with the defaults listed on each property.</summary>
        public GenerateAcKernelConfiguration(CaPublicKeyStore caKeys)
        {
            if (caKeys == null) throw new System.ArgumentNullException("caKeys");
            CaKeys = caKeys;
            CardDataInputCapability = 0x00;
            CvmCapabilityCvmRequired = 0x60;
            CvmCapabilityNoCvmRequired = 0x08;
            SecurityCapability = 0x08;
            TransactionLimitNoOnDeviceCvm = Absent;
            TransactionLimitOnDeviceCvm = Absent;
            RelayResistance = new RelayResistanceParameters();
            ApplicationVersion = new byte[] { 0x00, 0x02 };
            Clock = new SystemKernelClock();
            Random = new PlatformRandomSource();
        }

        /// <summary>
        /// A configuration from the per-AID parameters of the kernel configuration file: the TACs, the reader application
        /// version, the relay resistance parameters ('DF8132'-'DF8137') and the torn transaction log ('DF811D' records,
        /// 'DF811C' lifetime; no log when 0 records). The other settings keep their defaults.
        /// </summary>
        public static GenerateAcKernelConfiguration From(Configuration.AidParameters aid, CaPublicKeyStore caKeys)
        {
            if (aid == null) throw new System.ArgumentNullException("aid");
            GenerateAcKernelConfiguration c = new GenerateAcKernelConfiguration(caKeys);
            c.TacDenial = aid.TacDenial;
            c.TacOnline = aid.TacOnline;
            c.TacDefault = aid.TacDefault;
            if (aid.ApplicationVersion != null) c.ApplicationVersion = aid.ApplicationVersion;
            RelayResistanceParameters p = c.RelayResistance;
            p.MinimumGracePeriod = aid.RelayMinimumGracePeriod;
            p.MaximumGracePeriod = aid.RelayMaximumGracePeriod;
            p.ExpectedCapduTransmissionTime = aid.RelayExpectedCapduTime;
            p.ExpectedRapduTransmissionTime = aid.RelayExpectedRapduTime;
            p.AccuracyThreshold = aid.RelayAccuracyThreshold;
            p.MismatchThresholdPercent = aid.RelayMismatchPercent;
            if (aid.TornLogRecords > 0) c.TornLog = new TornTransactionLog(aid.TornLogRecords, aid.TornLogLifetimeSeconds);
            return c;
        }

        /// <summary>The CA public keys of the terminal's set (test or live).</summary>
        public CaPublicKeyStore CaKeys { get; private set; }

        /// <summary>'DF8117' Card Data Input Capability, '9F33' byte 1 (default 00).</summary>
        public byte CardDataInputCapability { get; set; }

        /// <summary>
        /// 'DF8118' CVM Capability - CVM Required: '9F33' byte 2 when the amount is at or over the CVM required limit
        /// (default 60: enciphered PIN online and signature).
        /// </summary>
        public byte CvmCapabilityCvmRequired { get; set; }

        /// <summary>'DF8119' CVM Capability - No CVM Required: '9F33' byte 2 under the limit (default 08: no CVM).</summary>
        public byte CvmCapabilityNoCvmRequired { get; set; }

        /// <summary>'DF811F' Security Capability, '9F33' byte 3 (default 08: CDA).</summary>
        public byte SecurityCapability { get; set; }

        /// <summary>'DF811B' b6: on-device cardholder verification supported (phones verify the cardholder). Default false.</summary>
        public bool OnDeviceCvmSupported { get; set; }

        /// <summary>'DF811B' b5: relay resistance protocol supported. Default false.</summary>
        public bool RelayResistanceSupported { get; set; }

        /// <summary>
        /// 'DF8124' Reader Contactless Transaction Limit (No On-device CVM), minor units, or <see cref="Absent"/>: an amount
        /// at or over it goes to another interface when the card or the reader does not support on-device CVM.
        /// </summary>
        public long TransactionLimitNoOnDeviceCvm { get; set; }

        /// <summary>'DF8125' Reader Contactless Transaction Limit (On-device CVM), minor units, or <see cref="Absent"/>.</summary>
        public long TransactionLimitOnDeviceCvm { get; set; }

        /// <summary>'9F09' Application Version Number of the reader (C-2 default 00 02), set in the terminal data at activation.</summary>
        public byte[] ApplicationVersion { get; set; }

        /// <summary>'DF8120' Terminal Action Code - Default (5 bytes), or null (zeros).</summary>
        public byte[] TacDefault { get; set; }

        /// <summary>'DF8121' Terminal Action Code - Denial (5 bytes), or null (zeros).</summary>
        public byte[] TacDenial { get; set; }

        /// <summary>'DF8122' Terminal Action Code - Online (5 bytes), or null (zeros).</summary>
        public byte[] TacOnline { get; set; }

        /// <summary>The relay resistance grace periods and thresholds ('DF8132'-'DF8137').</summary>
        public RelayResistanceParameters RelayResistance { get; set; }

        /// <summary>The torn transaction log, or null (no torn transaction recovery).</summary>
        public TornTransactionLog TornLog { get; set; }

        /// <summary>The time source for relay resistance and torn records (default <see cref="SystemKernelClock"/>).</summary>
        public IKernelClock Clock { get; set; }

        /// <summary>The random source for the new Unpredictable Number of a relay resistance retry (default the platform's).</summary>
        public IRandomSource Random { get; set; }
    }
}
