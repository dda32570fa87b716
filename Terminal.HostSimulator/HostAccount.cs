using System;
using System.Collections.Generic;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Util;

namespace Terminal.HostSimulation
{
    /// <summary>
    /// One card account at the simulated issuer: the card's identity (PAN, PSN, expiry), its online PIN, its
    /// balance in minor units, its cryptogram version and ICC master keys (the issuer derives them from its issuer
    /// master keys, or they are taken from a test card profile), and the issuer scripts to send on approval.
    /// </summary>
    public sealed class HostAccount
    {
        private readonly List<IssuerScript> _scripts = new List<IssuerScript>();

        /// <summary>Creates an account for the PAN (decimal digits).</summary>
        public HostAccount(string pan)
        {
            if (!DecimalText.IsDigits(pan, 8, 19))
                throw new ArgumentException("a PAN has 8 to 19 decimal digits", nameof(pan));
            Pan = pan;
            Psn = "00";
            Balance = long.MaxValue / 4;
        }

        /// <summary>Primary account number.</summary>
        public string Pan { get; }

        /// <summary>PAN sequence number, two digits ("00" when the card has none).</summary>
        public string Psn { get; set; }

        /// <summary>Expiry YYMM, or null when the host does not check it.</summary>
        public string Expiry { get; set; }

        /// <summary>Online PIN digits, or null when the card has no online PIN at this issuer.</summary>
        public string Pin { get; set; }

        /// <summary>Available balance, minor units. Approvals debit it, refunds and reversals credit it.</summary>
        public long Balance { get; set; }

        /// <summary>Cryptogram version of the card's application (null: no ARQC check possible).</summary>
        public CryptogramVersion CryptogramVersion { get; set; }

        /// <summary>ICC master keys (MK AC, SMI, SMC), or null.</summary>
        public IccMasterKeys MasterKeys { get; set; }

        /// <summary>
        /// ARC sent in tag 91 (method 1) for an approval instead of the ASCII response code "00" (2 bytes), e.g. a
        /// scheme's binary ARC. Null: the ASCII response code.
        /// </summary>
        public byte[] ApprovalArc { get; set; }

        /// <summary>CSU (4 bytes) of ARPC method 2 for an approval; null: 00000000 [K: scheme-defined bits].</summary>
        public byte[] ApprovalCsu { get; set; }

        /// <summary>Issuer scripts attached to every online approval of this card (tag 71 or 72).</summary>
        public IList<IssuerScript> Scripts { get { return _scripts; } }

        /// <summary>PAN masked for logs: first 6 and last 4 digits.</summary>
        public string MaskedPan { get { return Mask(Pan); } }

        /// <summary>Masks a PAN (first 6 and last 4 digits kept).</summary>
        public static string Mask(string pan)
        {
            return pan == null ? "?" : Terminal.EmvKernel.Util.PanMask.MaskDigits(pan);
        }

    }

    /// <summary>
    /// An issuer script command to send with an online approval: template 71 (before the second GENERATE AC) or
    /// 72 (after), CLA INS P1 P2 (the simulator sets CLA '84' secure messaging) and the plain command data; the
    /// MAC is computed per transaction with the card's SMI session key (EMV 4.4 Book 2, 9.2).
    /// </summary>
    public sealed class IssuerScript
    {
        /// <summary>Creates a script command.</summary>
        public IssuerScript(int template, byte[] claInsP1P2, byte[] data)
        {
            if (template != 0x71 && template != 0x72) throw new ArgumentException("issuer script template is 71 or 72", nameof(template));
            if (claInsP1P2 == null || claInsP1P2.Length != 4) throw new ArgumentException("command header is 4 bytes", nameof(claInsP1P2));
            Template = template;
            ClaInsP1P2 = (byte[])claInsP1P2.Clone();
            Data = data == null ? null : (byte[])data.Clone();
        }

        /// <summary>71 or 72.</summary>
        public int Template { get; }
        /// <summary>CLA INS P1 P2.</summary>
        public byte[] ClaInsP1P2 { get; }
        /// <summary>Plain command data, or null.</summary>
        public byte[] Data { get; }
        /// <summary>True: sent once with the next online approval, then dropped; false: sent with every approval.</summary>
        public bool Once { get; set; }
    }
}
