using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The GENERATE AC contactless kernel: the M/Chip pattern of EMV Contactless Book C-2 in EMV mode (GPO, relay
    /// resistance, READ RECORD, GENERATE AC with CDA; RECOVER AC for torn transactions; phones with on-device CVM).
    /// Two phases: <see cref="ReadCard"/> talks to the card; after it the card may leave the field;
    /// <see cref="Complete"/> does the deferred work (CDA RSA, outcome) without the card. <see cref="Run"/> does both.
    /// For development, test and research only until the needed licences and approvals are held (EMVCo kernel
    /// book terms, docs/contactless.md).
    /// </summary>
    public static class GenerateAcKernel
    {
        /// <summary>Field 55 objects: the contact set plus the relay resistance data and the PCII of phones.</summary>
        public static readonly int[] OnlineRequestTags = ContactlessCardData.ConcatTags(ContactTransaction.OnlineRequestTags, new int[] {
            RelayResistance.DeviceEntropyTag, RelayResistance.MinTimeTag, RelayResistance.MaxTimeTag,
            RelayResistance.DeviceEstimatedTransmissionTimeTag, RelayResistance.MeasuredProcessingTimeTag, PhoneInteraction.Tag });

        private const int TagTvr = 0x95;
        private const int TagArc = 0x8A;

        /// <summary>
        /// Runs the card phase then the deferred phase. <paramref name="fci"/> is the SELECT response data of the selected
        /// ADF ('6F'); <paramref name="terminal"/> holds the transaction data ('9F02', '9F03', '9F1A', '5F2A', '9A', '9C',
        /// '9F37', '9F35', '9F09' ...); <paramref name="indicators"/> are Entry Point's pre-processing indicators of the
        /// combination (CVM required limit, floor limit).
        /// </summary>
        public static GenerateAcKernelResult Run(ApduTransport transport, byte[] fci, TerminalData terminal,
            PreProcessingIndicators indicators, GenerateAcKernelConfiguration configuration)
        {
            return Complete(ReadCard(transport, fci, terminal, indicators, configuration), configuration);
        }

        /// <summary>
        /// The card phase: every card command (GPO, EXCHANGE RELAY RESISTANCE DATA, READ RECORD, RECOVER AC or GENERATE
        /// AC) and no RSA. When the result's <see cref="GenerateAcKernelCardRead.CardReadComplete"/> is true the reader
        /// may show "card read OK, remove card" and power the field down.
        /// </summary>
        public static GenerateAcKernelCardRead ReadCard(ApduTransport transport, byte[] fci, TerminalData terminal,
            PreProcessingIndicators indicators, GenerateAcKernelConfiguration configuration)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (fci == null) throw new System.ArgumentNullException("fci");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (indicators == null) throw new System.ArgumentNullException("indicators");
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (terminal.Get(0x9F37) == null) throw new System.ArgumentException("the terminal data has no Unpredictable Number '9F37'", "terminal");
            if (terminal.Get(TagTvr) == null) terminal.Set(TagTvr, new byte[5]);
            return GenerateAcKernelCardPhase.Run(transport, fci, terminal, indicators, configuration);
        }

        /// <summary>The deferred phase: no card command is sent.</summary>
        public static GenerateAcKernelResult Complete(GenerateAcKernelCardRead read, GenerateAcKernelConfiguration configuration)
        {
            if (read == null) throw new System.ArgumentNullException("read");
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (!read.CardReadComplete)
            {
                GenerateAcKernelResult early = new GenerateAcKernelResult(read, read.EarlyOutcome);
                // Book C-2 [K]: the card left during GENERATE AC -> End Application, restart at B ("present card again").
                early.Restart = read.EarlyOutcome == GenerateAcKernelOutcome.EndApplication && read.TerminationReason == KernelTerminationReason.CardRemoved
                    || read.EarlyOutcome == GenerateAcKernelOutcome.EndApplication && read.TerminationReason == KernelTerminationReason.TransportFailure;
                early.Transaction = Terminated(read, read.TerminationReason, read.TerminationDetail, read.TerminationStatusWord);
                return early;
            }
            try
            {
                return Decide(read, configuration);
            }
            catch (DataObjectException e)
            {
                GenerateAcKernelResult ended = new GenerateAcKernelResult(read, GenerateAcKernelOutcome.EndApplication);
                ended.Transaction = Terminated(read, KernelTerminationReason.InvalidCardResponse, e.Message, -1);
                return ended;
            }
        }

        private static GenerateAcKernelResult Decide(GenerateAcKernelCardRead read, GenerateAcKernelConfiguration configuration)
        {
            CardData card = read.Card;
            TerminalData terminal = read.Terminal;
            TerminalVerificationResults tvr = new TerminalVerificationResults(terminal.Get(TagTvr));
            GenerateAcResult ac = read.GenerateAc;
            int type = ac.CryptogramType;
            byte[] pcii = card.Get(PhoneInteraction.Tag);

            // Book C-2 [K]: a phone declining because the cardholder must act on it -> "see phone", tap again.
            if (type == CryptogramInformationData.Aac && PhoneInteraction.SeePhone(pcii))
            {
                GenerateAcKernelResult phone = new GenerateAcKernelResult(read, GenerateAcKernelOutcome.EndApplication);
                phone.SeePhone = true;
                phone.Restart = true;
                phone.Transaction = Terminated(read, KernelTerminationReason.NoMutualApplication, "see phone", -1);
                return phone;
            }

            GenerateAcKernelResult result;
            OdaFailure cdaFailure = OdaFailure.None;
            bool cdaRan = false;
            if (ac.CdaRequested && type != CryptogramInformationData.Aac)
            {
                // Book C-2 / Book 2, 6.6.2: after card removal.
                cdaFailure = CombinedDataAuthentication.Verify(read, configuration.CaKeys);
                cdaRan = true;
                if (cdaFailure != OdaFailure.None)
                {
                    tvr.Set(TerminalVerificationResults.CdaFailed);
                    terminal.Set(TagTvr, tvr.ToArray());
                }
            }

            if (cdaFailure != OdaFailure.None)
            {
                // Book C-2 [K]: a cryptogram whose CDA signature fails is not trusted: declined.
                result = new GenerateAcKernelResult(read, GenerateAcKernelOutcome.Declined);
                result.Transaction = Declined(read, OutcomeReason.CdaFailed);
            }
            else if (type == CryptogramInformationData.Tc)
            {
                result = new GenerateAcKernelResult(read, GenerateAcKernelOutcome.Approved);
                terminal.Set(TagArc, new byte[] { 0x59, 0x31 }); // "Y1": approved offline (Book 4, A6)
                TransactionOutcome outcome = NewOutcome(read, TransactionDecision.ApprovedOffline, OutcomeReason.CardApprovedOffline);
                outcome.AdviceRequired = (ac.Cid & 0x08) != 0;
                result.Transaction = outcome;
            }
            else if (type == CryptogramInformationData.Arqc)
            {
                result = new GenerateAcKernelResult(read, GenerateAcKernelOutcome.OnlineRequest);
            }
            else
            {
                result = new GenerateAcKernelResult(read, GenerateAcKernelOutcome.Declined);
                result.Transaction = Declined(read, OutcomeReason.CardDeclinedOffline);
            }
            result.CdaPerformed = cdaRan;
            result.CdaFailure = cdaFailure;
            result.OnDeviceCvmVerified = PhoneInteraction.OnDeviceCvmVerified(pcii);
            if (result.Outcome == GenerateAcKernelOutcome.Declined) result.Cvm = OutcomeCvm.NoCvm;
            result.AuthorisationData = OnlineRequest.Build(OnlineRequestTags, terminal, card, read.Cvm == OutcomeCvm.OnlinePin);
            if (result.Transaction != null) result.Transaction.AuthorisationData = result.AuthorisationData;
            return result;
        }

        private static TransactionOutcome Declined(GenerateAcKernelCardRead read, OutcomeReason reason)
        {
            read.Terminal.Set(TagArc, new byte[] { 0x5A, 0x31 }); // "Z1": declined offline (Book 4, A6)
            return NewOutcome(read, TransactionDecision.DeclinedOffline, reason);
        }

        private static TransactionOutcome Terminated(GenerateAcKernelCardRead read, KernelTerminationReason reason, string detail, int sw)
        {
            TransactionOutcome outcome = NewOutcome(read, TransactionDecision.Terminated, OutcomeReason.Terminated);
            outcome.TerminationReason = reason;
            outcome.TerminationDetail = detail;
            outcome.TerminationStatusWord = sw;
            return outcome;
        }

        internal static TransactionOutcome NewOutcome(GenerateAcKernelCardRead read, TransactionDecision decision, OutcomeReason reason)
        {
            ApduTrace source = read.Transport.Trace;
            ApduTrace trace = source == null ? null : source.CopyWithPanMasked(read.Card.Get(0x5A) ?? read.Card.Get(0x57));
            return new TransactionOutcome(decision, reason, read.Terminal, read.Card, trace);
        }
    }
}
