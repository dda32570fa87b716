using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// The reference terminal of docs/card-profiles.md ("Reference transaction of the statements"), against which
    /// every library card's statement holds: terminal type 22, country and currency 0156 (exponent 2), capabilities
    /// E0F8C8 (plaintext, enciphered online and offline PIN, signature, no CVM; SDA, DDA, CDA), PSE supported;
    /// per AID application version 0096 (Visa) / 0002 (Mastercard) / 0001 (Amex) / 0030 (UnionPay), floor limit
    /// 100.00, terminal action codes zero, default DDOL 9F37 04. (The contactless combinations - Visa on kernel 3,
    /// UnionPay on kernel 7, reader CVM required limit 50.00 - come from the provisioned AIDs,
    /// <see cref="SelfTestRig.ConfigurationFile"/>.) Used by the self-test, the boot's default and the PC emulator.
    /// </summary>
    public static class ReferenceTerminal
    {
        /// <summary>Floor limit of every AID (minor units): 100.00.</summary>
        public const long FloorLimit = 10000;

        private static readonly string[] Aids =
        {
            "A0000000031010", "A0000000032010", "A0000000041010", "A00000002501",
            "A000000333010101", "A000000333010102", "A000000333010103"
        };

        /// <summary>The kernel configuration of the reference terminal.</summary>
        public static KernelConfiguration Configuration()
        {
            TerminalParameters t = new TerminalParameters();
            t.CountryCode = Hex.Decode("0156");
            t.CurrencyCode = Hex.Decode("0156");
            t.CurrencyExponent = 2;
            t.Capabilities = Hex.Decode("E0F8C8");
            t.TerminalType = 0x22;
            t.PseSupported = true;
            AidParameters[] aids = new AidParameters[Aids.Length];
            for (int i = 0; i < Aids.Length; i++)
            {
                AidParameters p = new AidParameters(Hex.Decode(Aids[i]));
                p.ApplicationVersion = Hex.Decode(VersionOf(Aids[i]));
                p.PartialMatch = true;
                p.FloorLimit = FloorLimit;
                p.TacDenial = new byte[5];
                p.TacOnline = new byte[5];
                p.TacDefault = new byte[5];
                p.DefaultDdol = Hex.Decode("9F3704");
                p.VelocityChecking = true;
                aids[i] = p;
            }
            return new KernelConfiguration(t, aids);
        }

        private static string VersionOf(string aid)
        {
            if (aid.IndexOf("A000000004") == 0) return "0002";
            if (aid.IndexOf("A000000025") == 0) return "0001";
            if (aid.IndexOf("A000000333") == 0) return "0030";
            return "0096";
        }
    }
}
