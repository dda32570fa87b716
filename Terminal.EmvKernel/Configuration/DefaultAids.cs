using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Configuration
{
    /// <summary>
    /// The built-in list of supported applications. AIDs are the schemes' public ones; the versions and TACs are
    /// the values common in public terminal configurations, not scheme documents - see docs/kernel-config.md,
    /// "Default AIDs", for the source and status of every value. config/kernel/default.conf says the same.
    /// </summary>
    internal static class DefaultAids
    {
        /// <summary>Default floor limit: 100.00 in a 2-decimal currency (minor units).</summary>
        public const long FloorLimit = 10000;

        private const string VisaDenial = "0010000000";
        private const string VisaOnline = "DC4004F800";
        private const string VisaDefault = "DC4000A800";
        private const string MastercardDenial = "0000000000";
        private const string MastercardOnline = "FE50BCF800";
        private const string MastercardDefault = "FE50BCA000";
        private const string Zero = "0000000000";

        /// <summary>A new array of new parameter objects (callers may change them).</summary>
        public static AidParameters[] Create()
        {
            return new AidParameters[]
            {
                Aid("A0000000031010", "VISA", "008C", VisaDenial, VisaOnline, VisaDefault),
                Aid("A0000000032010", "VISA ELECTRON", "008C", VisaDenial, VisaOnline, VisaDefault),
                Aid("A0000000041010", "MASTERCARD", "0002", MastercardDenial, MastercardOnline, MastercardDefault),
                Aid("A0000000043060", "MAESTRO", "0002", MastercardDenial, MastercardOnline, MastercardDefault),
                Aid("A00000002501", "AMERICAN EXPRESS", "0001", Zero, Zero, Zero),
                Aid("A000000333010101", "UNIONPAY DEBIT", "0020", VisaDenial, VisaOnline, VisaDefault),
                Aid("A000000333010102", "UNIONPAY CREDIT", "0020", VisaDenial, VisaOnline, VisaDefault),
                Aid("A000000333010103", "UNIONPAY QUASI CREDIT", "0020", VisaDenial, VisaOnline, VisaDefault),
            };
        }

        private static AidParameters Aid(string aid, string label, string version, string denial, string online, string dflt)
        {
            AidParameters a = new AidParameters(Hex.Decode(aid));
            a.Label = label;
            a.ApplicationVersion = Hex.Decode(version);
            a.FloorLimit = FloorLimit;
            a.TacDenial = Hex.Decode(denial);
            a.TacOnline = Hex.Decode(online);
            a.TacDefault = Hex.Decode(dflt);
            return a;
        }
    }
}
