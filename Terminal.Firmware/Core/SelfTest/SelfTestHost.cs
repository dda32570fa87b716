using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Card;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// The self-test's in-memory issuer: it checks the ARQC of field 55 with the card's ICC master key (EMV 4.4
    /// Book 2, 8.1, through the cryptogram version's rules) and answers with the ARPC (Book 2, 8.2): "00" when the
    /// mode is "approve" and the ARQC verifies, "05" otherwise; "unreachable" gives no answer (the kernel's
    /// default action).
    /// </summary>
    public sealed class SelfTestHost : IOnlineAuthoriser
    {
        private readonly CardApplication _issuerView;
        private readonly string _mode;
        private readonly ICryptoProvider _crypto;

        /// <summary>Creates the host for one card application (its master keys are the issuer's) and mode.</summary>
        public SelfTestHost(CardApplication issuerView, string mode, ICryptoProvider crypto)
        {
            _issuerView = issuerView;
            _mode = mode;
            _crypto = crypto;
        }

        /// <summary>Requests received.</summary>
        public int Requests { get; private set; }

        /// <summary>True when the last ARQC verified.</summary>
        public bool ArqcValid { get; private set; }

        /// <inheritdoc />
        public OnlineResponse Authorise(OnlineRequest request)
        {
            Requests++;
            if (_mode == "unreachable") return null;
            TlvList icc = TlvParser.Parse(request.IccData);
            // Book 2, 8.1.1 Table 26: 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37; then AIP, ATC and the IAD part per CVN.
            byte[] terminalData = Bytes.Concat(Bytes.Concat(Value(icc, 0x9F02), Value(icc, 0x9F03), Value(icc, 0x9F1A)),
                Bytes.Concat(Value(icc, 0x95), Value(icc, 0x5F2A), Value(icc, 0x9A)), Bytes.Concat(Value(icc, 0x9C), Value(icc, 0x9F37)));
            EmvKernel.Crypto.Emv.CryptogramVersion cv = _issuerView.CryptogramVersion;
            byte[] mkAc = _issuerView.MasterKeys.MkAc;
            ArqcValid = cv.VerifyAc(_crypto, mkAc, terminalData, Value(icc, 0x82), Value(icc, 0x9F36), Value(icc, 0x9F37),
                Value(icc, 0x9F10), Value(icc, 0x9F26));
            bool approve = ArqcValid && _mode == "approve";
            byte[] arc = approve ? new byte[] { 0x30, 0x30 } : new byte[] { 0x30, 0x35 };
            // ARPC method 1 signs the ARC; method 2 the Card Status Update (Book 2, 8.2.2: CSU byte 2 bit 8 approved).
            byte[] signed = cv.ArpcMethod == 1 ? arc : Hex.Decode(approve ? "00820000" : "00000000");
            OnlineResponse response = new OnlineResponse(arc, approve);
            response.IssuerAuthenticationData = cv.GenerateIssuerAuthenticationData(_crypto, mkAc, Value(icc, 0x9F36), Value(icc, 0x9F37),
                Value(icc, 0x9F26), signed, null);
            return response;
        }

        private static byte[] Value(TlvList icc, int tag)
        {
            byte[] v = icc.FindValue(tag);
            if (v == null) throw new System.ArgumentException("field 55 lacks a data object the issuer needs", "request");
            return v;
        }
    }
}
