using System;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.HostSimulation
{
    /// <summary>The ARQC and the data it covers, read from DE 55.</summary>
    public sealed class ArqcData
    {
        /// <summary>9F26 application cryptogram.</summary>
        public byte[] Cryptogram { get; internal set; }
        /// <summary>9F36 ATC.</summary>
        public byte[] Atc { get; internal set; }
        /// <summary>9F37 unpredictable number.</summary>
        public byte[] UnpredictableNumber { get; internal set; }
        /// <summary>82 AIP.</summary>
        public byte[] Aip { get; internal set; }
        /// <summary>9F10 issuer application data.</summary>
        public byte[] IssuerApplicationData { get; internal set; }
        /// <summary>Terminal part of the AC data: 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37 values.</summary>
        public byte[] TerminalData { get; internal set; }
    }

    /// <summary>
    /// The issuer's cryptography: reading the ARQC from DE 55, verifying it with the card's ICC master key for its
    /// cryptogram version, and building the answer's DE 55: tag 91 (ARPC method 1: ARPC || ARC, method 2:
    /// ARPC || CSU; EMV 4.4 Book 2, 8.2) and the issuer script templates 71/72 with secured commands (Book 2, 9.2).
    /// </summary>
    public static class IssuerCryptography
    {
        // EMV 4.4 Book 2, 8.1.1 Table 26: the terminal data of the AC data, in this order (the test cards' CDOL1).
        private static readonly int[] TerminalDataTags = { 0x9F02, 0x9F03, 0x9F1A, 0x95, 0x5F2A, 0x9A, 0x9C, 0x9F37 };
        private static readonly int[] TerminalDataLengths = { 6, 6, 2, 5, 2, 3, 1, 4 };

        /// <summary>
        /// Reads the ARQC data from DE 55; null when DE 55 has no 9F26. Throws <see cref="TlvException"/> for
        /// malformed TLV and <see cref="ArgumentException"/> when a needed element is missing or has the wrong length.
        /// </summary>
        public static ArqcData Read(byte[] field55)
        {
            if (field55 == null) return null;
            TlvList tlv = TlvParser.Parse(field55);
            byte[] ac = tlv.FindValue(0x9F26);
            if (ac == null) return null;
            ArqcData d = new ArqcData();
            d.Cryptogram = Need(ac, 8, "9F26");
            d.Atc = Need(tlv.FindValue(0x9F36), 2, "9F36");
            d.Aip = Need(tlv.FindValue(0x82), 2, "82");
            d.IssuerApplicationData = tlv.FindValue(0x9F10);
            if (d.IssuerApplicationData == null || d.IssuerApplicationData.Length == 0 || d.IssuerApplicationData.Length > 32)
                throw new ArgumentException("9F10 missing or longer than 32 bytes");
            byte[] terminal = new byte[0];
            for (int i = 0; i < TerminalDataTags.Length; i++)
                terminal = Bytes.Concat(terminal, Need(tlv.FindValue(TerminalDataTags[i]), TerminalDataLengths[i], TlvTag.ToHex(TerminalDataTags[i])));
            d.TerminalData = terminal;
            d.UnpredictableNumber = tlv.FindValue(0x9F37);
            return d;
        }

        /// <summary>True when the cryptogram verifies with the account's keys and cryptogram version.</summary>
        public static bool Verify(ICryptoProvider provider, HostAccount account, ArqcData data)
        {
            if (account.CryptogramVersion == null || account.MasterKeys == null || data == null) return false;
            try
            {
                return account.CryptogramVersion.VerifyAc(provider, account.MasterKeys.MkAc, data.TerminalData, data.Aip,
                    data.Atc, data.UnpredictableNumber, data.IssuerApplicationData, data.Cryptogram);
            }
            catch (EmvCryptoException)
            {
                return false;
            }
        }

        /// <summary>
        /// Tag 91 value: method 1 ARPC || ARC, ARC = the account's approval ARC or the ASCII response code; method 2
        /// ARPC || CSU, CSU = the account's approval CSU or 00000000 [K: CSU bits are scheme-defined].
        /// </summary>
        public static byte[] IssuerAuthenticationData(ICryptoProvider provider, HostAccount account, ArqcData data, string responseCode)
        {
            CryptogramVersion cv = account.CryptogramVersion;
            bool approved = responseCode == HostRules.Approved;
            byte[] code;
            if (cv.ArpcMethod == 1)
                code = approved && account.ApprovalArc != null ? account.ApprovalArc : new byte[] { (byte)responseCode[0], (byte)responseCode[1] };
            else
                code = approved && account.ApprovalCsu != null ? account.ApprovalCsu : new byte[4];
            return cv.GenerateIssuerAuthenticationData(provider, account.MasterKeys.MkAc, data.Atc, data.UnpredictableNumber, data.Cryptogram, code, null);
        }

        /// <summary>
        /// The answer's DE 55: tag 91, then (approval only) each script as 71/72 { 9F18 script identifier, 86 command }.
        /// </summary>
        public static byte[] ResponseField55(ICryptoProvider provider, HostAccount account, ArqcData data, string responseCode,
            IssuerScript[] scripts, int firstScriptId)
        {
            TlvWriter w = new TlvWriter();
            w.Write(0x91, IssuerAuthenticationData(provider, account, data, responseCode));
            if (scripts != null && responseCode == HostRules.Approved)
            {
                for (int i = 0; i < scripts.Length; i++)
                {
                    IssuerScript s = scripts[i];
                    byte[] command = account.CryptogramVersion.BuildScriptCommand(provider, account.MasterKeys.MkSmi, data.Atc,
                        data.Cryptogram, s.ClaInsP1P2, s.Data);
                    int id = firstScriptId + i;
                    w.BeginTemplate(s.Template);
                    w.Write(0x9F18, new byte[] { (byte)(id >> 24), (byte)(id >> 16), (byte)(id >> 8), (byte)id });
                    w.Write(0x86, command);
                    w.EndTemplate();
                }
            }
            return w.ToArray();
        }

        private static byte[] Need(byte[] value, int length, string tag)
        {
            if (value == null || value.Length != length) throw new ArgumentException(tag + " missing or of the wrong length");
            return value;
        }
    }
}
