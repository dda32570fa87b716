using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// CVM selection of the M/Chip-style kernel (Book C-2, CVM selection; reference notes section 6 step 5 [K]):
    /// <list type="number">
    /// <item>'9F33' byte 2 := CVM Capability - CVM Required ('DF8118') when the amount is at or over the CVM required
    ///   limit, else CVM Capability - No CVM Required ('DF8119').</item>
    /// <item>The card supports on-device CVM (AIP B1b2) and so does the reader ('DF811B' b6): over the limit the
    ///   phone verifies the cardholder, Outcome CVM "confirmation code verified", CVM Results '01 00 02'; under it no
    ///   CVM, '3F 00 02'.</item>
    /// <item>The card does not support cardholder verification (AIP B1b5): no CVM, '3F 00 00'.</item>
    /// <item>Otherwise the card's CVM List as for contact (<see cref="CardholderVerification"/>, Book 3, 10.5) under
    ///   that '9F33': online PIN is captured by the POS after the outcome, signature on the receipt; there is no
    ///   offline PIN on the contactless interface.</item>
    /// </list>
    /// </summary>
    public static class GenerateAcKernelCvm
    {
        /// <summary>Selects the CVM, sets '9F33' and '9F34' in <paramref name="terminal"/> and TVR / TSI bits; returns the outcome CVM.</summary>
        public static OutcomeCvm Select(ApduTransport transport, TerminalData terminal, CardData card, bool cvmRequired,
            GenerateAcKernelConfiguration configuration, TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            terminal.Set(TerminalCapabilities.TagValue, new byte[] {
                configuration.CardDataInputCapability,
                cvmRequired ? configuration.CvmCapabilityCvmRequired : configuration.CvmCapabilityNoCvmRequired,
                configuration.SecurityCapability });
            ApplicationInterchangeProfile aip = new ApplicationInterchangeProfile(card.Get(ApplicationInterchangeProfile.TagValue));
            if (aip.IsSet(ApplicationInterchangeProfile.OnDeviceCardholderVerificationSupported) && configuration.OnDeviceCvmSupported)
            {
                terminal.Set(CvmResults.TagValue, cvmRequired ? new byte[] { 0x01, 0x00, 0x02 } : new byte[] { 0x3F, 0x00, 0x02 });
                return cvmRequired ? OutcomeCvm.ConfirmationCodeVerified : OutcomeCvm.NoCvm;
            }
            if (!aip.IsSet(ApplicationInterchangeProfile.CardholderVerificationSupported))
            {
                terminal.Set(CvmResults.TagValue, new byte[] { 0x3F, 0x00, 0x00 });
                return OutcomeCvm.NoCvm;
            }
            CardholderVerification step = new CardholderVerification(transport, terminal, card, DeferredPin.Instance);
            CvmResults results = step.Run(tvr, tsi);
            terminal.Set(CvmResults.TagValue, results.ToArray());
            int code = results.CvmPerformed & 0x3F;
            if (results.GetByte(3) == CvmResults.ResultFailed) return OutcomeCvm.NoCvm;
            if (code == CvmCodes.EncipheredPinOnline) return OutcomeCvm.OnlinePin;
            if (code == CvmCodes.Signature) return OutcomeCvm.ObtainSignature;
            return OutcomeCvm.NoCvm;
        }

        // The contactless reader asks for no PIN while the card is in the field: an online PIN is "captured" now and
        // entered by the POS after the outcome (Outcome CVM Online PIN); offline PIN is not offered.
        private sealed class DeferredPin : ICardholderVerificationMethods
        {
            internal static readonly DeferredPin Instance = new DeferredPin();

            public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
            {
                pinDigits = null;
                return PinEntryResult.PinPadNotWorking;
            }

            public PinEntryResult EnterOnlinePin()
            {
                return PinEntryResult.Entered;
            }
        }
    }
}
