using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// The three ICC master keys of an EMV application: for application cryptograms (MK AC), for secure
    /// messaging integrity (MK SMI) and confidentiality (MK SMC), each 16 bytes. The card keeps them from
    /// personalisation; the issuer derives them from its three issuer master keys with the PAN and PSN.
    /// </summary>
    public sealed class IccMasterKeys
    {
        /// <summary>Wraps three 16-byte keys (copies them).</summary>
        public IccMasterKeys(byte[] applicationCryptogram, byte[] secureMessagingIntegrity, byte[] secureMessagingConfidentiality)
        {
            EmvBytes.RequireDoubleLengthKey(applicationCryptogram, "ICC master key for AC");
            EmvBytes.RequireDoubleLengthKey(secureMessagingIntegrity, "ICC master key for SMI");
            EmvBytes.RequireDoubleLengthKey(secureMessagingConfidentiality, "ICC master key for SMC");
            _ac = Bytes.Slice(applicationCryptogram, 0, 16);
            _smi = Bytes.Slice(secureMessagingIntegrity, 0, 16);
            _smc = Bytes.Slice(secureMessagingConfidentiality, 0, 16);
        }

        private readonly byte[] _ac;
        private readonly byte[] _smi;
        private readonly byte[] _smc;

        /// <summary>A copy of the ICC master key for application cryptograms (MK AC).</summary>
        public byte[] MkAc { get { return Bytes.Slice(_ac, 0, 16); } }

        /// <summary>A copy of the ICC master key for secure messaging integrity (MK SMI).</summary>
        public byte[] MkSmi { get { return Bytes.Slice(_smi, 0, 16); } }

        /// <summary>A copy of the ICC master key for secure messaging confidentiality (MK SMC).</summary>
        public byte[] MkSmc { get { return Bytes.Slice(_smc, 0, 16); } }

        /// <summary>
        /// Derives the three ICC master keys from the issuer master keys for AC, SMI and SMC with the same
        /// option, PAN and PSN (EMV 4.4 Book 2, A1.4).
        /// </summary>
        public static IccMasterKeys Derive(ICryptoProvider provider, MasterKeyDerivation option,
            byte[] issuerMasterKeyAc, byte[] issuerMasterKeySmi, byte[] issuerMasterKeySmc, string pan, string psn)
        {
            return new IccMasterKeys(
                IccMasterKey.Derive(provider, option, issuerMasterKeyAc, pan, psn),
                IccMasterKey.Derive(provider, option, issuerMasterKeySmi, pan, psn),
                IccMasterKey.Derive(provider, option, issuerMasterKeySmc, pan, psn));
        }
    }
}
