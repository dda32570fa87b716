using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// CVM processing of the quick kernel (Book C-3 CVM rules from the CTQ '9F6C' and the TTQ '9F66' [K]):
    /// <list type="number">
    /// <item>CTQ B1b8 "online PIN required" and TTQ B1b3 "online PIN supported": online PIN;</item>
    /// <item>CTQ B2b8 "consumer device CVM performed": CDCVM, provided the cryptogram is an ARQC or the CTQ copy
    ///   in '9F69' (bytes 6-7, after version and card unpredictable number) equals '9F6C' (else decline);</item>
    /// <item>CTQ B1b7 "signature required" and TTQ B1b2 "signature supported": signature;</item>
    /// <item>no CTQ and TTQ B2b7 "CVM required": signature if the reader supports it, else online PIN for an
    ///   online request;</item>
    /// <item>nothing usable while TTQ B2b7 "CVM required" is set: the CVM fails (switch interface or decline);</item>
    /// <item>otherwise no CVM.</item>
    /// </list>
    /// </summary>
    public static class QuickKernelCvmSelection
    {
        /// <summary><see cref="Select"/>: no usable CVM while one is required (switch interface or decline).</summary>
        public const int NoUsableCvm = -1;

        /// <summary><see cref="Select"/>: "CDCVM performed" is not backed by the signed CTQ copy in '9F69' (decline).</summary>
        public const int ConsumerDeviceCvmMismatch = -2;

        /// <summary>The CVM (a <see cref="QuickKernelCvm"/> value), <see cref="NoUsableCvm"/> or <see cref="ConsumerDeviceCvmMismatch"/>.</summary>
        public static int Select(TerminalTransactionQualifiers ttq, CardTransactionQualifiers ctq, byte[] ctqValue,
            byte[] cardAuthenticationRelatedData, bool arqc)
        {
            if (ttq == null) throw new System.ArgumentNullException("ttq");
            if (ctq != null)
            {
                if (ctq.IsSet(CardTransactionQualifiers.OnlinePinRequired) && ttq.IsSet(TerminalTransactionQualifiers.OnlinePinSupported))
                    return (int)QuickKernelCvm.OnlinePin;
                if (ctq.IsSet(CardTransactionQualifiers.ConsumerDeviceCvmPerformed))
                {
                    // The CTQ in the signed '9F69' must match the one in the GPO response, else an attacker could
                    // have set "CDCVM performed" on the unsigned CTQ of an offline approval.
                    if (arqc || CtqCopyMatches(cardAuthenticationRelatedData, ctqValue)) return (int)QuickKernelCvm.ConsumerDeviceCvm;
                    return ConsumerDeviceCvmMismatch;
                }
                if (ctq.IsSet(CardTransactionQualifiers.SignatureRequired) && ttq.IsSet(TerminalTransactionQualifiers.SignatureSupported))
                    return (int)QuickKernelCvm.Signature;
            }
            if (!ttq.IsSet(TerminalTransactionQualifiers.CvmRequired)) return (int)QuickKernelCvm.NoCvm;
            if (ctq == null)
            {
                if (ttq.IsSet(TerminalTransactionQualifiers.SignatureSupported)) return (int)QuickKernelCvm.Signature;
                if (arqc && ttq.IsSet(TerminalTransactionQualifiers.OnlinePinSupported)) return (int)QuickKernelCvm.OnlinePin;
            }
            return NoUsableCvm;
        }

        /// <summary>'9F69' = version (1) || card unpredictable number (4) || CTQ copy (2): bytes 6-7 equal to '9F6C'.</summary>
        public static bool CtqCopyMatches(byte[] cardAuthenticationRelatedData, byte[] ctqValue)
        {
            if (cardAuthenticationRelatedData == null || ctqValue == null || ctqValue.Length != 2) return false;
            if (cardAuthenticationRelatedData.Length < 7) return false;
            return Bytes.Equal(cardAuthenticationRelatedData, 5, ctqValue, 0, 2);
        }

        /// <summary>
        /// CVM Results '9F34' for the CVM: online PIN '42 03 00' (enciphered PIN online, if supported, unknown),
        /// signature '1E 03 00', no CVM '1F 03 02' (successful), consumer device CVM '01 00 02' (the contactless
        /// kernels' "confirmation code verified" convention [K]).
        /// </summary>
        public static byte[] CvmResults(QuickKernelCvm cvm)
        {
            switch (cvm)
            {
                case QuickKernelCvm.OnlinePin: return new byte[] { 0x42, 0x03, 0x00 };
                case QuickKernelCvm.Signature: return new byte[] { 0x1E, 0x03, 0x00 };
                case QuickKernelCvm.ConsumerDeviceCvm: return new byte[] { 0x01, 0x00, 0x02 };
                default: return new byte[] { 0x1F, 0x03, 0x02 };
            }
        }
    }
}
