using Terminal.VirtualCards.Personalisation;

namespace Terminal.VirtualCards.Timing
{
    /// <summary>
    /// What the card-in-field time model knows about one card: its bit rate, its frame size (FSCI from its ATS),
    /// whether it uses a CID, and how long it works on each command. A new instance holds the documented
    /// defaults (docs/performance.md (contactless section), "Card processing defaults"); <see cref="FromProfile"/> reads the
    /// optional <c>[timing]</c> section of a card profile (docs/card-profiles.md). The processing defaults are
    /// estimates for a current contactless chip, not measurements of a real card [K].
    /// </summary>
    public sealed class CardTimingProfile
    {
        /// <summary>Default SELECT processing: 2 ms [K].</summary>
        public const int DefaultSelectMicroseconds = 2000;
        /// <summary>Default GET PROCESSING OPTIONS processing (including a qVSDC cryptogram, without a signature): 5 ms [K].</summary>
        public const int DefaultGpoMicroseconds = 5000;
        /// <summary>Default READ RECORD processing: 2 ms [K].</summary>
        public const int DefaultReadRecordMicroseconds = 2000;
        /// <summary>Default GENERATE AC processing (cryptogram, without a CDA signature): 8 ms [K].</summary>
        public const int DefaultGenerateAcMicroseconds = 8000;
        /// <summary>Default EXCHANGE RELAY RESISTANCE DATA processing: 1 ms, between the library relay card's 1 ms minimum and 5 ms maximum [K].</summary>
        public const int DefaultRelayResistanceMicroseconds = 1000;
        /// <summary>Default RECOVER AC processing (returns the stored GENERATE AC response): 5 ms [K].</summary>
        public const int DefaultRecoverAcMicroseconds = 5000;
        /// <summary>Default GET DATA processing: 2 ms [K].</summary>
        public const int DefaultGetDataMicroseconds = 2000;
        /// <summary>Default INTERNAL AUTHENTICATE processing without the signature: 3 ms [K].</summary>
        public const int DefaultInternalAuthenticateMicroseconds = 3000;
        /// <summary>Default processing of any other command: 3 ms [K].</summary>
        public const int DefaultOtherMicroseconds = 3000;
        /// <summary>
        /// Default extra time when the response carries Signed Dynamic Application Data '9F4B' (fDDA in a GPO, CDA in
        /// a GENERATE AC, DDA in INTERNAL AUTHENTICATE): one RSA private-key operation (1024-1152 bits, CRT) on the
        /// card's coprocessor, 30 ms [K].
        /// </summary>
        public const int DefaultSignatureMicroseconds = 30000;
        /// <summary>Default ATS length without the CRC: TL, T0, TA(1), TB(1), TC(1) = 5 bytes, no historical bytes [K].</summary>
        public const int DefaultAtsLength = 5;

        /// <summary>The keys of the <c>[timing]</c> section.</summary>
        public static readonly string[] Keys = new string[] {
            "bit-rate", "fsci", "cid", "ats-length", "select-us", "gpo-us", "read-record-us", "generate-ac-us",
            "relay-resistance-us", "recover-ac-us", "get-data-us", "internal-authenticate-us", "other-us", "signature-us" };

        private static readonly string[] KindKeys = new string[] {
            "other-us", "select-us", "gpo-us", "read-record-us", "generate-ac-us", "relay-resistance-us",
            "recover-ac-us", "get-data-us", "internal-authenticate-us" };

        private readonly int[] _processing = new int[CardCommandKinds.Count];
        private int _bitRate;
        private int _fsci;

        /// <summary>The defaults: 106 kbit/s, FSCI 8 (256 bytes), no CID, the default processing times.</summary>
        public CardTimingProfile()
        {
            _bitRate = 106;
            _fsci = 8;
            AtsLength = DefaultAtsLength;
            SignatureMicroseconds = DefaultSignatureMicroseconds;
            _processing[(int)CardCommandKind.Other] = DefaultOtherMicroseconds;
            _processing[(int)CardCommandKind.Select] = DefaultSelectMicroseconds;
            _processing[(int)CardCommandKind.GetProcessingOptions] = DefaultGpoMicroseconds;
            _processing[(int)CardCommandKind.ReadRecord] = DefaultReadRecordMicroseconds;
            _processing[(int)CardCommandKind.GenerateAc] = DefaultGenerateAcMicroseconds;
            _processing[(int)CardCommandKind.ExchangeRelayResistanceData] = DefaultRelayResistanceMicroseconds;
            _processing[(int)CardCommandKind.RecoverAc] = DefaultRecoverAcMicroseconds;
            _processing[(int)CardCommandKind.GetData] = DefaultGetDataMicroseconds;
            _processing[(int)CardCommandKind.InternalAuthenticate] = DefaultInternalAuthenticateMicroseconds;
        }

        /// <summary>Bit rate of the APDU exchanges after activation: 106 (default), 212, 424 or 848 kbit/s (ISO/IEC 14443-4 clause 5.3, PPS).</summary>
        public int BitRateKbps
        {
            get { return _bitRate; }
            set
            {
                Iso14443Timing.CyclesPerEtu(value); // throws for other rates
                _bitRate = value;
            }
        }

        /// <summary>The card's FSCI (ATS T0 b4-b1), 0 to 8; the frame size FSC it gives is <see cref="Iso14443Timing.FrameSize"/>.</summary>
        public int Fsci
        {
            get { return _fsci; }
            set
            {
                if (value < 0 || value > 8) throw new System.ArgumentOutOfRangeException("value", "FSCI 0 to 8");
                _fsci = value;
            }
        }

        /// <summary>Whether the blocks carry a CID byte after the PCB (ISO/IEC 14443-4 clause 7.1.1.2; EMV readers do not use a CID [K]).</summary>
        public bool UsesCid { get; set; }

        /// <summary>The ATS length without its CRC_A (TL counts itself), 1 to 254.</summary>
        public int AtsLength { get; set; }

        /// <summary>Extra card time when a response carries '9F4B' (a signature computed on the card), in microseconds.</summary>
        public int SignatureMicroseconds { get; set; }

        /// <summary>The card's processing time for a kind of command, in microseconds.</summary>
        public int ProcessingMicroseconds(CardCommandKind kind)
        {
            return _processing[(int)kind];
        }

        /// <summary>Sets the card's processing time for a kind of command (0 to 10 s, in microseconds).</summary>
        public void SetProcessingMicroseconds(CardCommandKind kind, int microseconds)
        {
            if (microseconds < 0 || microseconds > 10000000) throw new System.ArgumentOutOfRangeException("microseconds");
            _processing[(int)kind] = microseconds;
        }

        /// <summary>
        /// The timing of a profiled card. Without a <c>[timing]</c> section the defaults apply; a card-wide
        /// <c>[behaviour] processing-time-ms</c> sets every command's processing time that <c>[timing]</c> does not
        /// name. Bad values are <see cref="CardProfileException"/>s naming the line and key.
        /// </summary>
        public static CardTimingProfile FromProfile(CardProfile profile)
        {
            if (profile == null) throw new System.ArgumentNullException("profile");
            CardTimingProfile t = new CardTimingProfile();
            ProfileSection behaviour = profile.CardBehaviour;
            if (behaviour != null && behaviour.Find("processing-time-ms") != null)
            {
                int all = behaviour.Number("processing-time-ms", 0, 10000, 0) * 1000;
                for (int k = 0; k < CardCommandKinds.Count; k++) t._processing[k] = all;
            }
            ProfileSection s = profile.Timing;
            if (s == null) return t;
            ProfileEntry rate = s.Find("bit-rate");
            if (rate != null)
            {
                if (rate.Value != "106" && rate.Value != "212" && rate.Value != "424" && rate.Value != "848")
                    throw ProfileValues.Invalid(rate, "expected 106, 212, 424 or 848 (kbit/s)");
                t.BitRateKbps = ProfileValues.NumberOf(rate, 106, 848);
            }
            t.Fsci = s.Number("fsci", 0, 8, t.Fsci);
            t.UsesCid = s.Flag("cid", false);
            t.AtsLength = s.Number("ats-length", 1, 254, t.AtsLength);
            t.SignatureMicroseconds = s.Number("signature-us", 0, 10000000, t.SignatureMicroseconds);
            for (int k = 0; k < CardCommandKinds.Count; k++)
                t._processing[k] = s.Number(KindKeys[k], 0, 10000000, t._processing[k]);
            return t;
        }
    }
}
