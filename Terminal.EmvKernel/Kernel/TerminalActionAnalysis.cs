using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Terminal Action Analysis, EMV 4.4 Book 3, 10.7: the TVR against the Issuer Action Codes ('9F0E' Denial,
    /// '9F0F' Online, '9F0D' Default) and the Terminal Action Codes of the AID decides which cryptogram the first
    /// GENERATE AC asks for. Pure functions over 5-byte codes; the cryptogram types are the
    /// <see cref="CryptogramInformationData"/> values (AAC 00, TC 40, ARQC 80).
    /// </summary>
    public static class TerminalActionAnalysis
    {
        /// <summary>Issuer Action Code - Denial.</summary>
        public const int IacDenialTag = 0x9F0E;
        /// <summary>Issuer Action Code - Online.</summary>
        public const int IacOnlineTag = 0x9F0F;
        /// <summary>Issuer Action Code - Default.</summary>
        public const int IacDefaultTag = 0x9F0D;

        private const int CodeLength = 5;

        /// <summary>
        /// Book 3, 10.7, for the first GENERATE AC:
        /// 1. TVR and (IAC-Denial or TAC-Denial) not zero: AAC.
        /// 2. Online-only terminal (Book 4, 6.3.5 [K]: every transaction goes online): ARQC.
        /// 3. Terminal with online capability: TVR and (IAC-Online or TAC-Online) not zero: ARQC, else TC.
        /// 4. Offline-only terminal: TVR and (IAC-Default or TAC-Default) not zero: AAC, else TC.
        /// An absent IAC-Denial counts as all zeros, absent IAC-Online and IAC-Default as all ones (Book 3, 10.7);
        /// an absent TAC counts as zeros. Codes of the wrong length count as absent.
        /// </summary>
        public static int Decide(TerminalVerificationResults tvr, ActionCodes codes, TerminalType terminalType)
        {
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (codes == null) throw new System.ArgumentNullException("codes");
            if (terminalType == null) throw new System.ArgumentNullException("terminalType");
            byte[] t = tvr.ToArray();
            if (Matches(t, codes.IacDenial, false, codes.TacDenial)) return CryptogramInformationData.Aac;
            if (terminalType.IsOnlineOnly) return CryptogramInformationData.Arqc;
            if (HasOnlineCapability(terminalType))
            {
                return Matches(t, codes.IacOnline, true, codes.TacOnline) ? CryptogramInformationData.Arqc : CryptogramInformationData.Tc;
            }
            return DefaultAction(tvr, codes);
        }

        /// <summary>
        /// Book 3, 10.7, the default action: used by offline-only terminals and when an online-capable terminal is
        /// unable to go online. TVR and (IAC-Default or TAC-Default) not zero: AAC, else TC.
        /// </summary>
        public static int DefaultAction(TerminalVerificationResults tvr, ActionCodes codes)
        {
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (codes == null) throw new System.ArgumentNullException("codes");
            return Matches(tvr.ToArray(), codes.IacDefault, true, codes.TacDefault)
                ? CryptogramInformationData.Aac
                : CryptogramInformationData.Tc;
        }

        /// <summary>Terminal types 1x/2x/3x with environment 1, 2, 4 or 5 can go online (Book 4, Annex A1).</summary>
        public static bool HasOnlineCapability(TerminalType terminalType)
        {
            int e = terminalType.Environment;
            return e == 1 || e == 2 || e == 4 || e == 5;
        }

        private static bool Matches(byte[] tvr, byte[] iac, bool iacAbsentIsOnes, byte[] tac)
        {
            bool iacValid = iac != null && iac.Length == CodeLength;
            bool tacValid = tac != null && tac.Length == CodeLength;
            for (int i = 0; i < CodeLength; i++)
            {
                int mask = iacValid ? iac[i] : (iacAbsentIsOnes ? 0xFF : 0x00);
                if (tacValid) mask |= tac[i];
                if ((tvr[i] & mask) != 0) return true;
            }
            return false;
        }
    }
}
