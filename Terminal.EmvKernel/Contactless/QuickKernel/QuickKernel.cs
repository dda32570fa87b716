using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// The quick contactless kernel: the GPO-cryptogram pattern of EMV Contactless Book C-3 (the card returns its
    /// cryptogram and CTQ in the GPO response, the reader authenticates it with fDDA), also used by the UnionPay
    /// qUICS profile. Two phases: <see cref="ReadCard"/> talks to the card (GPO, READ RECORD); after it the card
    /// may leave the field; <see cref="Complete"/> does the deferred work (fDDA RSA, offline restrictions, CVM,
    /// outcome) without the card. <see cref="Run"/> does both. For development, test and research only until
    /// the needed licences and approvals are held (EMVCo kernel book terms).
    /// </summary>
    public static class QuickKernel
    {
        /// <summary>Field 55 objects: the contact set plus the TTQ '9F66' and the form factor indicator '9F6E'.</summary>
        public static readonly int[] OnlineRequestTags = ContactlessCardData.ConcatTags(ContactTransaction.OnlineRequestTags, new int[] { 0x9F66, 0x9F6E });

        private const int TagTvr = 0x95;
        private const int TagCvmResults = 0x9F34;
        private const int TagArc = 0x8A;

        /// <summary>
        /// Runs the card phase then the deferred phase. <paramref name="fci"/> is the SELECT response data of the
        /// selected ADF ('6F'); <paramref name="terminal"/> holds the TTQ '9F66' from Entry Point pre-processing and
        /// the transaction data ('9F02', '9F03', '9F1A', '5F2A', '9A', '9C', '9F37', '95').
        /// </summary>
        public static QuickKernelResult Run(ApduTransport transport, byte[] fci, TerminalData terminal, QuickKernelConfiguration configuration)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            return Complete(ReadCard(transport, fci, terminal), configuration);
        }

        /// <summary>
        /// The card phase: GPO and READ RECORD only. When the result's <see cref="QuickKernelCardRead.CardReadComplete"/>
        /// is true the reader may show "card read OK, remove card" and power the field down.
        /// </summary>
        public static QuickKernelCardRead ReadCard(ApduTransport transport, byte[] fci, TerminalData terminal)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (fci == null) throw new System.ArgumentNullException("fci");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (terminal.Get(TerminalTransactionQualifiers.TagValue) == null)
                throw new System.ArgumentException("the terminal data has no TTQ '9F66' (Entry Point pre-processing sets it)", "terminal");
            if (terminal.Get(TagTvr) == null) terminal.Set(TagTvr, new byte[5]);
            return QuickKernelCardPhase.Run(transport, fci, terminal);
        }

        /// <summary>The deferred phase: no card command is sent.</summary>
        public static QuickKernelResult Complete(QuickKernelCardRead read, QuickKernelConfiguration configuration)
        {
            if (read == null) throw new System.ArgumentNullException("read");
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (!read.CardReadComplete)
            {
                QuickKernelResult early = new QuickKernelResult(read, read.EarlyOutcome, QuickKernelCvm.NoCvm);
                early.Transaction = Terminated(read, read.TerminationReason, read.TerminationDetail, read.TerminationStatusWord);
                return early;
            }
            try
            {
                return Decide(read, configuration);
            }
            catch (DataObjectException e)
            {
                return Ended(read, QuickKernelOutcome.EndApplication, KernelTerminationReason.InvalidCardResponse, e.Message);
            }
        }

        private static QuickKernelResult Decide(QuickKernelCardRead read, QuickKernelConfiguration configuration)
        {
            CardData card = read.Card;
            TerminalData terminal = read.Terminal;
            byte[] tvrValue = terminal.Get(TagTvr);
            TerminalVerificationResults tvr = tvrValue != null && tvrValue.Length == 5
                ? new TerminalVerificationResults(tvrValue) : new TerminalVerificationResults();
            TerminalTransactionQualifiers ttq = new TerminalTransactionQualifiers(read.TtqSent);
            byte[] ctqValue = card.Get(CardTransactionQualifiers.TagValue);
            CardTransactionQualifiers ctq = ctqValue == null ? null : new CardTransactionQualifiers(ctqValue);
            bool onlineCapable = !ttq.IsSet(TerminalTransactionQualifiers.OfflineOnlyReader);
            bool contact = ttq.IsSet(TerminalTransactionQualifiers.EmvContactChipSupported);

            if (card.Get(0x9F26) == null || card.Get(0x9F36) == null)
                return Ended(read, QuickKernelOutcome.EndApplication, KernelTerminationReason.MissingMandatoryData, "GPO response without cryptogram or ATC");
            int type = CryptogramType(card);
            if (type < 0) return Ended(read, QuickKernelOutcome.EndApplication, KernelTerminationReason.MissingMandatoryData, "no cryptogram type");

            QuickKernelResult partial = new QuickKernelResult(read, QuickKernelOutcome.Declined, QuickKernelCvm.NoCvm);
            // Book C-3: AAC -> Declined; an RFU cryptogram type is treated as a decline too.
            if (type == CryptogramInformationData.Aac || type != CryptogramInformationData.Arqc && type != CryptogramInformationData.Tc)
                return Declined(read, tvr, partial, OutcomeReason.CardDeclinedOffline);
            bool arqc = type == CryptogramInformationData.Arqc;
            bool goOnline = arqc;

            // An offline-only reader (TTQ B1b4) cannot send an ARQC online: declined [K].
            if (arqc && !onlineCapable) return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
            if (arqc)
            {
                // TTQ B1b1: ODA for online authorisations; the result only informs the issuer through the TVR.
                if (configuration.FddaForOnline && ttq.IsSet(TerminalTransactionQualifiers.OdaForOnlineAuthorizationsSupported)
                    && card.Contains(0x9F4B))
                    RunFdda(read, configuration.CaKeys, tvr, partial);
            }
            else
            {
                // A TC while Entry Point asked for an online cryptogram (TTQ B2b8): not trusted, declined [K].
                if (ttq.IsSet(TerminalTransactionQualifiers.OnlineCryptogramRequired))
                    return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
                // Offline restrictions: an expired application goes online when CTQ B1b4 allows it, else declines.
                if (configuration.CheckApplicationExpiry && IsExpired(card, terminal))
                {
                    tvr.Set(TerminalVerificationResults.ExpiredApplication);
                    if (ctq != null && ctq.IsSet(CardTransactionQualifiers.GoOnlineIfApplicationExpired) && onlineCapable) goOnline = true;
                    else return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
                }
                // Exception file hit on an offline approval: declined.
                if (configuration.ExceptionFile != null && OnExceptionFile(card, configuration.ExceptionFile))
                {
                    tvr.Set(TerminalVerificationResults.CardOnExceptionFile);
                    return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
                }
                // Cash ('9C' 01) and cashback ('9C' 09) with CTQ B1b3 / B1b2: switch interface.
                byte[] type9C = terminal.Get(0x9C);
                int transactionType = type9C != null && type9C.Length == 1 ? type9C[0] : 0;
                if (ctq != null && contact && (transactionType == 0x01 && ctq.IsSet(CardTransactionQualifiers.SwitchInterfaceForCash)
                    || transactionType == 0x09 && ctq.IsSet(CardTransactionQualifiers.SwitchInterfaceForCashback)))
                    return Switch(read, tvr, partial, "CTQ: switch interface for cash or cashback");
                // fDDA on the offline approval, after card removal.
                if (RunFdda(read, configuration.CaKeys, tvr, partial) != OdaFailure.None)
                {
                    if (ctq != null && ctq.IsSet(CardTransactionQualifiers.GoOnlineIfOdaFails) && onlineCapable) goOnline = true;
                    else if (ctq != null && ctq.IsSet(CardTransactionQualifiers.SwitchInterfaceIfOdaFails) && contact)
                        return Switch(read, tvr, partial, "CTQ: switch interface when fDDA fails");
                    else return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
                }
            }

            int cvm = QuickKernelCvmSelection.Select(ttq, ctq, ctqValue, card.Get(0x9F69), arqc);
            if (cvm == QuickKernelCvmSelection.ConsumerDeviceCvmMismatch) return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
            if (cvm < 0)
            {
                if (contact) return Switch(read, tvr, partial, "no usable CVM");
                return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
            }
            // An online PIN cannot be verified on an offline approval: declined [K].
            if (cvm == (int)QuickKernelCvm.OnlinePin && !goOnline) return Declined(read, tvr, partial, OutcomeReason.TerminalDenied);
            if (cvm == (int)QuickKernelCvm.OnlinePin) tvr.Set(TerminalVerificationResults.OnlineCvmCaptured);
            terminal.Set(TagCvmResults, QuickKernelCvmSelection.CvmResults((QuickKernelCvm)cvm));
            terminal.Set(TagTvr, tvr.ToArray());

            QuickKernelResult result = new QuickKernelResult(read, goOnline ? QuickKernelOutcome.OnlineRequest : QuickKernelOutcome.Approved, (QuickKernelCvm)cvm);
            result.FddaPerformed = partial.FddaPerformed;
            result.FddaFailure = partial.FddaFailure;
            result.AuthorisationData = AuthorisationData(read, cvm == (int)QuickKernelCvm.OnlinePin);
            if (!goOnline)
            {
                terminal.Set(TagArc, new byte[] { 0x59, 0x31 }); // "Y1": approved offline (Book 4, A6)
                TransactionOutcome outcome = NewOutcome(read, TransactionDecision.ApprovedOffline, OutcomeReason.CardApprovedOffline);
                outcome.AuthorisationData = result.AuthorisationData;
                outcome.AdviceRequired = (CidByte(card) & 0x08) != 0;
                result.Transaction = outcome;
            }
            return result;
        }

        // Runs fDDA and reports a failure in the TVR: B1b4 "DDA failed", with B1b6 "ICC data missing" when data was missing [K].
        private static OdaFailure RunFdda(QuickKernelCardRead read, CaPublicKeyStore caKeys, TerminalVerificationResults tvr, QuickKernelResult partial)
        {
            OdaFailure f = FastDynamicDataAuthentication.Verify(read, caKeys);
            partial.FddaPerformed = true;
            partial.FddaFailure = f;
            if (f != OdaFailure.None)
            {
                tvr.Set(TerminalVerificationResults.DdaFailed);
                if (f == OdaFailure.MissingData) tvr.Set(TerminalVerificationResults.IccDataMissing);
            }
            return f;
        }

        // The PAN from '5A', else the digits of '57' before the separator (packed, F-padded).
        private static bool OnExceptionFile(CardData card, IExceptionFile file)
        {
            byte[] pan = card.Get(0x5A);
            if (pan == null)
            {
                string digits = Util.PanMask.PanDigits(card.Get(0x57));
                if (digits == null || digits.Length == 0) return false;
                pan = new byte[(digits.Length + 1) / 2];
                for (int i = 0; i < pan.Length * 2; i++)
                {
                    int nibble = i < digits.Length ? digits[i] - '0' : 0x0F;
                    pan[i >> 1] = (byte)((i & 1) == 0 ? nibble << 4 : pan[i >> 1] | nibble);
                }
            }
            return file.Contains(Util.Bytes.Copy(pan), Util.Bytes.Copy(card.Get(0x5F34)));
        }

        // '5F24' (YYMMDD) before the transaction date '9A'; a missing or invalid expiry counts as expired.
        private static bool IsExpired(CardData card, TerminalData terminal)
        {
            EmvDate expiry, today;
            byte[] e = card.Get(0x5F24);
            byte[] d = terminal.Get(0x9A);
            if (d == null || d.Length != 3 || !EmvDate.TryFromYymmdd(d, 0, out today)) return false;
            if (e == null || e.Length != 3 || !EmvDate.TryFromYymmdd(e, 0, out expiry)) return true;
            return expiry.CompareTo(today) < 0;
        }

        // Book C-3: the type from '9F27' b8-b7; without '9F27', from the IAD (Visa format: byte 5 b6-b5, 00 AAC,
        // 01 TC, 10 ARQC [K]). -1 when neither is usable.
        private static int CryptogramType(CardData card)
        {
            byte[] cid = card.Get(0x9F27);
            if (cid != null) return cid.Length == 1 ? cid[0] & 0xC0 : -1;
            byte[] iad = card.Get(0x9F10);
            if (iad == null || iad.Length < 5) return -1;
            int bits = (iad[4] >> 4) & 0x03;
            if (bits == 0) return CryptogramInformationData.Aac;
            if (bits == 1) return CryptogramInformationData.Tc;
            if (bits == 2) return CryptogramInformationData.Arqc;
            return -1;
        }

        private static int CidByte(CardData card)
        {
            byte[] cid = card.Get(0x9F27);
            return cid != null && cid.Length == 1 ? cid[0] : 0;
        }

        private static QuickKernelResult Declined(QuickKernelCardRead read, TerminalVerificationResults tvr, QuickKernelResult partial, OutcomeReason reason)
        {
            read.Terminal.Set(TagTvr, tvr.ToArray());
            read.Terminal.Set(TagArc, new byte[] { 0x5A, 0x31 }); // "Z1": declined offline (Book 4, A6)
            QuickKernelResult result = new QuickKernelResult(read, QuickKernelOutcome.Declined, QuickKernelCvm.NoCvm);
            result.FddaPerformed = partial.FddaPerformed;
            result.FddaFailure = partial.FddaFailure;
            result.AuthorisationData = AuthorisationData(read, false);
            TransactionOutcome outcome = NewOutcome(read, TransactionDecision.DeclinedOffline, reason);
            outcome.AuthorisationData = result.AuthorisationData;
            result.Transaction = outcome;
            return result;
        }

        private static QuickKernelResult Switch(QuickKernelCardRead read, TerminalVerificationResults tvr, QuickKernelResult partial, string detail)
        {
            read.Terminal.Set(TagTvr, tvr.ToArray());
            QuickKernelResult result = new QuickKernelResult(read, QuickKernelOutcome.TryAnotherInterface, QuickKernelCvm.NoCvm);
            result.FddaPerformed = partial.FddaPerformed;
            result.FddaFailure = partial.FddaFailure;
            result.Transaction = Terminated(read, 0, detail, -1);
            return result;
        }

        private static QuickKernelResult Ended(QuickKernelCardRead read, QuickKernelOutcome outcome, KernelTerminationReason reason, string detail)
        {
            QuickKernelResult result = new QuickKernelResult(read, outcome, QuickKernelCvm.NoCvm);
            result.Transaction = Terminated(read, reason, detail, -1);
            return result;
        }

        private static TransactionOutcome Terminated(QuickKernelCardRead read, KernelTerminationReason reason, string detail, int sw)
        {
            TransactionOutcome outcome = NewOutcome(read, TransactionDecision.Terminated, OutcomeReason.Terminated);
            outcome.TerminationReason = reason;
            outcome.TerminationDetail = detail;
            outcome.TerminationStatusWord = sw;
            return outcome;
        }

        internal static TransactionOutcome NewOutcome(QuickKernelCardRead read, TransactionDecision decision, OutcomeReason reason)
        {
            return new TransactionOutcome(decision, reason, read.Terminal, read.Card, MaskedTrace(read));
        }

        // Field 55 and the PAN fields, as for contact (the same OnlineRequest object).
        private static OnlineRequest AuthorisationData(QuickKernelCardRead read, bool onlinePin)
        {
            return OnlineRequest.Build(OnlineRequestTags, read.Terminal, read.Card, onlinePin);
        }

        // The trace with the PAN masked, from '5A' or else '57' (quick-path cards may carry only Track 2 Equivalent Data).
        private static ApduTrace MaskedTrace(QuickKernelCardRead read)
        {
            ApduTrace source = read.Transport.Trace;
            return source == null ? null : source.CopyWithPanMasked(read.Card.Get(0x5A) ?? read.Card.Get(0x57));
        }
    }
}
