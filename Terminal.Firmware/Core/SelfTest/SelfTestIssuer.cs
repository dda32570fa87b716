using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Card;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// The issuer behind the self-test's acquirer: it checks the ARQC of DE 55 with the card's ICC master key (EMV 4.4
    /// Book 2, 8.1, through the cryptogram version's rules) and builds the Issuer Authentication Data ('91') with the
    /// ARPC (Book 2, 8.2) over the response code it answers. A card whose ARQC does not verify is declined ("05"),
    /// whatever the scenario wanted.
    /// </summary>
    public sealed class SelfTestIssuer
    {
        /// <summary>Response code of an ARQC that does not verify (ISO 8583 "do not honour").</summary>
        public const string ArqcFailedCode = "05";

        private readonly CardApplication _issuerView;
        private readonly byte[] _mkAc;
        private readonly ICryptoProvider _crypto;

        /// <summary>
        /// The issuer of one card application (its master keys are the issuer's); <paramref name="mkAc"/> overrides
        /// the ICC master key for AC the issuer holds (null: the card's own), to model a card the issuer does not know.
        /// </summary>
        public SelfTestIssuer(CardApplication issuerView, byte[] mkAc, ICryptoProvider crypto)
        {
            if (issuerView == null || crypto == null) throw new System.ArgumentNullException("issuerView", "card and crypto are required");
            _issuerView = issuerView;
            _mkAc = mkAc != null ? mkAc : issuerView.MasterKeys.MkAc;
            _crypto = crypto;
        }

        /// <summary>ARQCs checked.</summary>
        public int Checked { get; private set; }

        /// <summary>True when the last ARQC verified.</summary>
        public bool ArqcValid { get; private set; }

        /// <summary>
        /// Decides on the chip data <paramref name="iccData"/> (DE 55): <paramref name="wantedCode"/> ("00" to approve,
        /// a decline code otherwise) when the ARQC verifies, <see cref="ArqcFailedCode"/> when it does not. Returns
        /// the response code and sets <paramref name="issuerAuthenticationData"/> ('91' value with the ARPC).
        /// A DE 55 without the data objects the check needs raises <see cref="System.ArgumentException"/>.
        /// </summary>
        public string Decide(byte[] iccData, string wantedCode, out byte[] issuerAuthenticationData)
        {
            Checked++;
            TlvList icc = TlvParser.Parse(iccData);
            // Book 2, 8.1.1 Table 26: 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37; then AIP, ATC and the IAD part per CVN.
            byte[] terminalData = Bytes.Concat(Bytes.Concat(Value(icc, 0x9F02), Value(icc, 0x9F03), Value(icc, 0x9F1A)),
                Bytes.Concat(Value(icc, 0x95), Value(icc, 0x5F2A), Value(icc, 0x9A)), Bytes.Concat(Value(icc, 0x9C), Value(icc, 0x9F37)));
            EmvKernel.Crypto.Emv.CryptogramVersion cv = _issuerView.CryptogramVersion;
            ArqcValid = cv.VerifyAc(_crypto, _mkAc, terminalData, Value(icc, 0x82), Value(icc, 0x9F36), Value(icc, 0x9F37),
                Value(icc, 0x9F10), Value(icc, 0x9F26));
            string code = ArqcValid ? wantedCode : ArqcFailedCode;
            bool approve = code == "00";
            byte[] arc = new byte[] { (byte)code[0], (byte)code[1] };
            // ARPC method 1 signs the ARC; method 2 the Card Status Update (Book 2, 8.2.2: CSU byte 2 bit 8 approved).
            byte[] signed = cv.ArpcMethod == 1 ? arc : Hex.Decode(approve ? "00820000" : "00000000");
            issuerAuthenticationData = cv.GenerateIssuerAuthenticationData(_crypto, _mkAc, Value(icc, 0x9F36), Value(icc, 0x9F37),
                Value(icc, 0x9F26), signed, null);
            return code;
        }

        private static byte[] Value(TlvList icc, int tag)
        {
            byte[] v = icc.FindValue(tag);
            if (v == null) throw new System.ArgumentException("field 55 lacks a data object the issuer needs", "iccData");
            return v;
        }
    }
}
