using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Cardholder Verification, EMV 4.4 Book 3, 10.5 with the CVM List of Annex C3 and Book 4, 6.3.4: the CV Rules
    /// are applied in card order; the first whose condition is satisfied and whose method succeeds ends the step.
    /// Results: TVR byte 3, TSI B1b7 and the returned CVM Results '9F34'.
    /// Enciphered offline PIN (CVM 04/05) is performed when <see cref="PinEncipherment"/> is set and '9F33' byte 2
    /// b5 is on; otherwise it is treated as not supported. The biometric CVMs are not implemented and are treated as
    /// not supported by the terminal (the rule fails; the next rule applies when its b7 is set).
    /// </summary>
    public sealed class CardholderVerification
    {
        /// <summary>'9F17' PIN Try Counter.</summary>
        public const int PinTryCounterTag = 0x9F17;
        /// <summary>'9F42' Application Currency Code.</summary>
        public const int ApplicationCurrencyCodeTag = 0x9F42;
        /// <summary>'5F2A' Transaction Currency Code.</summary>
        public const int TransactionCurrencyCodeTag = 0x5F2A;
        /// <summary>'9F02' Amount, Authorised (Numeric).</summary>
        public const int AmountAuthorisedTag = 0x9F02;

        private const string Step = "Cardholder verification";
        private const int Failed = -1;

        private readonly ApduTransport transport;
        private readonly TerminalData terminal;
        private readonly CardData card;
        private readonly ICardholderVerificationMethods methods;

        /// <summary>A step over the given card, terminal data and cardholder-facing methods.</summary>
        public CardholderVerification(ApduTransport transport, TerminalData terminal, CardData card, ICardholderVerificationMethods methods)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (card == null) throw new System.ArgumentNullException("card");
            if (methods == null) throw new System.ArgumentNullException("methods");
            this.transport = transport;
            this.terminal = terminal;
            this.card = card;
            this.methods = methods;
        }

        /// <summary>
        /// Offline enciphered PIN (Book 2, 7; Book 3, 10.5.1): the key retrieval and encipherment for CVM 04 and 05.
        /// Null (the default): the terminal does not support enciphered PIN verified by the ICC, whatever '9F33' says.
        /// </summary>
        public OfflinePinEncipherment PinEncipherment { get; set; }

        /// <summary>
        /// Runs Book 3, 10.5 and returns the CVM Results. AIP b5 of byte 1 off: nothing is done and the result is
        /// 3F0000 with no TSI bit. No (or an empty or malformed) CVM List: TVR B1b6 "ICC data missing"
        ///, result 3F0000, no TSI bit. Otherwise TSI B1b7 "Cardholder verification was performed" is set.
        /// A cancelled PIN entry terminates with <see cref="KernelTerminationReason.CardholderCancelled"/>.
        /// </summary>
        public CvmResults Run(TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (tsi == null) throw new System.ArgumentNullException("tsi");

            byte[] aip = card.Get(ApplicationInterchangeProfile.TagValue);
            if (aip == null || aip.Length != ApplicationInterchangeProfile.ValueLength
                || !new ApplicationInterchangeProfile(aip).IsSet(ApplicationInterchangeProfile.CardholderVerificationSupported))
                return new CvmResults();

            CvmList list = ReadList();
            if (list == null || list.Count == 0)
            {
                // Book 3, 10.5: CVM List absent -> ICC data missing, CVM Results "no CVM performed".
                tvr.Set(TerminalVerificationResults.IccDataMissing);
                return new CvmResults();
            }

            tsi.Set(TransactionStatusInformation.CardholderVerificationPerformed);
            CvmRule lastFailed = null;
            for (int i = 0; i < list.Count; i++)
            {
                CvmRule rule = list.RuleAt(i);
                if (!ConditionSatisfied(rule, list)) continue;

                int result = Perform(rule, tvr);
                if (result != Failed) return new CvmResults(rule, result);

                lastFailed = rule;
                if (!rule.ApplySucceedingRuleIfUnsuccessful) break;
            }

            // Book 3, 10.5.5: no rule succeeded.
            tvr.Set(TerminalVerificationResults.CardholderVerificationNotSuccessful);
            if (lastFailed != null) return new CvmResults(lastFailed, CvmResults.ResultFailed);
            CvmResults none = new CvmResults();
            none.Result = CvmResults.ResultFailed;
            return none;
        }

        private CvmList ReadList()
        {
            byte[] value = card.Get(CvmList.TagValue);
            if (value == null) return null;
            try
            {
                return new CvmList(value);
            }
            catch (DataObjectException)
            {
                return null;
            }
        }

        /// <summary>
        /// Book 3, Annex C3, Table 44. Unrecognised (RFU or payment-system) condition codes are not satisfied, so
        /// the rule is skipped.
        /// </summary>
        private bool ConditionSatisfied(CvmRule rule, CvmList list)
        {
            CardholderVerificationContext context = new CardholderVerificationContext(terminal);
            switch (rule.ConditionCode)
            {
                case CvmCodes.Always: return true;
                case CvmCodes.IfUnattendedCash: return context.IsUnattendedCash;
                case CvmCodes.IfNotUnattendedCashNotManualCashNotCashback:
                    return !context.IsUnattendedCash && !context.IsManualCash && !context.IsPurchaseWithCashback;
                case CvmCodes.IfTerminalSupportsCvm: return TerminalSupports(rule.CvmCode);
                case CvmCodes.IfManualCash: return context.IsManualCash;
                case CvmCodes.IfPurchaseWithCashback: return context.IsPurchaseWithCashback;
                case CvmCodes.IfUnderX: return InApplicationCurrency() && context.Amount < list.AmountX;
                case CvmCodes.IfOverX: return InApplicationCurrency() && context.Amount > list.AmountX;
                case CvmCodes.IfUnderY: return InApplicationCurrency() && context.Amount < list.AmountY;
                case CvmCodes.IfOverY: return InApplicationCurrency() && context.Amount > list.AmountY;
                default: return false;
            }
        }

        /// <summary>Annex C3: amount conditions apply only when '9F42' is present and equals '5F2A'.</summary>
        private bool InApplicationCurrency()
        {
            byte[] application = card.Get(ApplicationCurrencyCodeTag);
            byte[] transaction = terminal.Get(TransactionCurrencyCodeTag);
            return application != null && transaction != null && Bytes.Equal(application, transaction);
        }

        /// <summary>Terminal Capabilities '9F33' byte 2 support for a CVM code (Book 4, Annex A2).</summary>
        private bool TerminalSupports(int cvmCode)
        {
            switch (cvmCode)
            {
                case CvmCodes.FailCvmProcessing: return true;
                case CvmCodes.PlaintextPinByIcc: return Capability(TerminalCapabilities.PlaintextPinForIccVerification);
                case CvmCodes.EncipheredPinOnline: return Capability(TerminalCapabilities.EncipheredPinOnline);
                case CvmCodes.PlaintextPinByIccAndSignature:
                    return Capability(TerminalCapabilities.PlaintextPinForIccVerification) && Capability(TerminalCapabilities.Signature);
                case CvmCodes.Signature: return Capability(TerminalCapabilities.Signature);
                case CvmCodes.EncipheredPinByIcc: return EncipheredPinSupported();
                case CvmCodes.EncipheredPinByIccAndSignature:
                    return EncipheredPinSupported() && Capability(TerminalCapabilities.Signature);
                case CvmCodes.NoCvmRequired: return Capability(TerminalCapabilities.NoCvmRequired);
                default: return false; // biometrics are not implemented
            }
        }

        /// <summary>'9F33' byte 2 b5 (enciphered PIN for offline verification, RSA) and an encipherment component.</summary>
        private bool EncipheredPinSupported()
        {
            return PinEncipherment != null && Capability(TerminalCapabilities.EncipheredPinOfflineRsa);
        }

        private bool Capability(int bit)
        {
            byte[] value = terminal.Get(TerminalCapabilities.TagValue);
            if (value == null || value.Length != TerminalCapabilities.ValueLength) return false;
            return new TerminalCapabilities(value).IsSet(bit);
        }

        /// <summary>Performs one CVM: a CVM Results byte 3 value, or <see cref="Failed"/>.</summary>
        private int Perform(CvmRule rule, TerminalVerificationResults tvr)
        {
            int code = rule.CvmCode;
            if (!CvmCodes.IsEmvDefined(code) || code == CvmCodes.NoCvmPerformed)
            {
                // Book 3, 10.5.2: CVM not recognised.
                tvr.Set(TerminalVerificationResults.UnrecognisedCvm);
                return Failed;
            }
            if (code == CvmCodes.FailCvmProcessing) return Failed;
            bool pinCvm = code >= CvmCodes.PlaintextPinByIcc && code <= CvmCodes.EncipheredPinByIccAndSignature;
            if (!TerminalSupports(code))
            {
                // Book 3, 10.5.2 / Book 4, 6.3.4: a PIN CVM the terminal cannot do means no working PIN pad.
                if (pinCvm) tvr.Set(TerminalVerificationResults.PinPadNotPresentOrNotWorking);
                return Failed;
            }
            switch (code)
            {
                case CvmCodes.PlaintextPinByIcc:
                    return OfflinePin(tvr, false) ? CvmResults.ResultSuccessful : Failed;
                case CvmCodes.PlaintextPinByIccAndSignature:
                    // The signature part is checked later on paper: the result is unknown.
                    return OfflinePin(tvr, false) ? CvmResults.ResultUnknown : Failed;
                case CvmCodes.EncipheredPinByIcc:
                    return OfflinePin(tvr, true) ? CvmResults.ResultSuccessful : Failed;
                case CvmCodes.EncipheredPinByIccAndSignature:
                    return OfflinePin(tvr, true) ? CvmResults.ResultUnknown : Failed;
                case CvmCodes.EncipheredPinOnline:
                    return OnlinePin(tvr);
                case CvmCodes.Signature:
                    return CvmResults.ResultUnknown;
                case CvmCodes.NoCvmRequired:
                    return CvmResults.ResultSuccessful;
                default:
                    return Failed;
            }
        }

        private int OnlinePin(TerminalVerificationResults tvr)
        {
            PinEntryResult entry = methods.EnterOnlinePin();
            if (entry == PinEntryResult.Entered)
            {
                tvr.Set(TerminalVerificationResults.OnlineCvmCaptured); // B3b3 online PIN entered
                return CvmResults.ResultUnknown;
            }
            return PinNotObtained(entry, tvr);
        }

        private int PinNotObtained(PinEntryResult entry, TerminalVerificationResults tvr)
        {
            if (entry == PinEntryResult.Cancelled)
                throw new KernelTerminatedException(KernelTerminationReason.CardholderCancelled, Step, 0, -1, null);
            if (entry == PinEntryResult.PinPadNotWorking) tvr.Set(TerminalVerificationResults.PinPadNotPresentOrNotWorking);
            else tvr.Set(TerminalVerificationResults.PinNotEntered);
            return Failed;
        }

        /// <summary>
        /// Offline plaintext or enciphered PIN (Book 3, 10.5.1; VERIFY Book 3, 6.5.12): true when the ICC accepts a
        /// PIN. Enciphered (Book 2, 7): the key is retrieved before anything else and each try asks GET CHALLENGE
        /// for a fresh ICC Unpredictable Number. A key that cannot be retrieved or a GET CHALLENGE without 9000 and 8
        /// bytes makes the CVM unsuccessful with no TVR bit of its own [K: Book 3, 10.5.1 names no bit for these];
        /// Book 3, 10.5.5 then sets "Cardholder verification was not successful" when no later rule succeeds.
        /// </summary>
        private bool OfflinePin(TerminalVerificationResults tvr, bool enciphered)
        {
            if (enciphered && !PinEncipherment.RetrieveKey()) return false;
            int tries = ReadPinTryCounter();
            if (tries == 0)
            {
                tvr.Set(TerminalVerificationResults.PinTryLimitExceeded);
                return false;
            }
            while (true)
            {
                byte[] digits;
                PinEntryResult entry = methods.EnterOfflinePin(tries, out digits);
                if (entry != PinEntryResult.Entered)
                {
                    if (digits != null) System.Array.Clear(digits, 0, digits.Length);
                    PinNotObtained(entry, tvr);
                    return false;
                }
                byte[] block = CardholderVerificationPinBlock.Build(digits);
                ResponseApdu response;
                try
                {
                    if (enciphered)
                    {
                        byte[] challenge = GetChallenge();
                        if (challenge == null) return false;
                        byte[] pinData = PinEncipherment.Encipher(block, challenge);
                        response = CardCommand.Exchange(transport, EmvCommands.Verify(EmvCommands.VerifyEncipheredPin, pinData), "VERIFY");
                    }
                    else
                    {
                        response = CardCommand.Exchange(transport, EmvCommands.Verify(EmvCommands.VerifyPlaintextPin, block), "VERIFY");
                    }
                }
                finally
                {
                    System.Array.Clear(block, 0, block.Length);
                }
                int sw = response.Sw;
                if (sw == 0x9000) return true;
                if ((sw & 0xFFF0) == 0x63C0)
                {
                    tries = sw & 0x0F;
                    if (tries == 0)
                    {
                        tvr.Set(TerminalVerificationResults.PinTryLimitExceeded);
                        return false;
                    }
                    continue; // wrong PIN, tries remain: prompt again
                }
                // 6983 authentication method blocked, 6984 reference data invalidated: the PIN is blocked.
                if (sw == 0x6983 || sw == 0x6984) tvr.Set(TerminalVerificationResults.PinTryLimitExceeded);
                return false; // 6985 and any other status: the CVM failed
            }
        }

        /// <summary>GET CHALLENGE (Book 3, 6.5.6): the 8-byte ICC Unpredictable Number, or null when the card does not give one.</summary>
        private byte[] GetChallenge()
        {
            ResponseApdu response = CardCommand.Exchange(transport, EmvCommands.GetChallenge(), "GET CHALLENGE");
            if (response.Sw != StatusWord.Success) return null;
            byte[] data = response.Data;
            if (data == null || data.Length != OfflinePinEncipherment.ChallengeLength) return null;
            return data;
        }

        /// <summary>GET DATA '9F17': the PIN Try Counter, or -1 when the card does not return it.</summary>
        private int ReadPinTryCounter()
        {
            ResponseApdu response = CardCommand.Exchange(transport, EmvCommands.GetData(PinTryCounterTag), "GET DATA 9F17");
            if (!response.IsSuccess) return -1;
            byte[] data = response.Data;
            if (data == null || data.Length != 4 || data[0] != 0x9F || data[1] != 0x17 || data[2] != 0x01) return -1;
            return data[3];
        }
    }
}
