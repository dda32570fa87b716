using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// The quick kernel as Entry Point activates it (EMV Contactless Book B 3.4, Book C-3): builds the terminal
    /// data from the activation (Copy of TTQ from pre-processing, amounts, type, date, time, the fresh
    /// Unpredictable Number, the terminal parameters), runs the card phase, shows "card read OK, remove card"
    /// when the card may leave, runs the deferred phase and maps the result to an
    /// <see cref="OutcomeParameterSet"/> (Book A 6.2). The last <see cref="QuickKernelResult"/> and its
    /// <see cref="TransactionOutcome"/> stay available to the caller (the online request is completed with
    /// <see cref="QuickKernelResult.CompleteOnline"/>).
    /// </summary>
    public sealed class QuickKernelActivation : IContactlessKernel
    {
        private readonly QuickKernelConfiguration _configuration;
        private readonly TerminalParameters _parameters;
        private readonly IContactlessUserInterface _ui;

        /// <summary>
        /// An adapter running the quick kernel under <paramref name="configuration"/>, with the terminal data objects
        /// of <paramref name="parameters"/> (country, currency, capabilities, ...; null for the built-in defaults)
        /// and <paramref name="ui"/> for the "card read OK, remove card" signal (null: not shown).
        /// </summary>
        public QuickKernelActivation(QuickKernelConfiguration configuration, TerminalParameters parameters, IContactlessUserInterface ui)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            _configuration = configuration;
            _parameters = parameters != null ? parameters : new TerminalParameters();
            _ui = ui;
        }

        /// <summary>The quick kernel's result of the last activation, or null before the first (or when no FCI was handed over).</summary>
        public QuickKernelResult LastResult { get; private set; }

        /// <summary>
        /// The transaction result of the last activation (decision, field 55, receipt data, masked trace); null for
        /// an online request until <see cref="QuickKernelResult.CompleteOnline"/> on <see cref="LastResult"/>.
        /// </summary>
        public TransactionOutcome LastTransaction { get { return LastResult == null ? null : LastResult.Transaction; } }

        /// <summary>Runs the quick kernel for one activation and maps its result to the Outcome Parameter Set.</summary>
        public OutcomeParameterSet Activate(ApduTransport transport, SelectedCombination selected, PreProcessingIndicators indicators, KernelActivationData data)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (selected == null) throw new System.ArgumentNullException("selected");
            if (indicators == null) throw new System.ArgumentNullException("indicators");
            if (data == null) throw new System.ArgumentNullException("data");
            LastResult = null;
            byte[] fci = selected.Fci;
            if (fci == null) return KernelActivation.EndApplication(new UiRequest(UiMessage.ProcessingError, UiStatus.ProcessingError));

            QuickKernelCardRead read = QuickKernel.ReadCard(transport, fci, BuildTerminalData(indicators, data));
            // Book C-3 / Book A 9.4: the card may leave the field once the card phase has read everything.
            if (read.CardReadComplete && _ui != null) _ui.Show(new UiRequest(UiMessage.CardReadOkRemoveCard, UiStatus.CardReadSuccessfully));
            QuickKernelResult result = QuickKernel.Complete(read, _configuration);
            LastResult = result;
            return Map(result);
        }

        /// <summary>
        /// The terminal data of one activation (Book B 3.4.1.1): the terminal parameters, TTQ '9F66' = the Copy of
        /// TTQ from pre-processing (Book B 3.1.1.2-12), '9F02' / '9F03' (n 12), '9C', '9A', '9F21', '9F37' from the
        /// activation data and a TVR of all zero.
        /// </summary>
        public TerminalData BuildTerminalData(PreProcessingIndicators indicators, KernelActivationData data)
        {
            if (indicators == null) throw new System.ArgumentNullException("indicators");
            if (data == null) throw new System.ArgumentNullException("data");
            TerminalData terminal = KernelActivation.TerminalDataOf(_parameters, data);
            terminal.Set(TerminalTransactionQualifiers.TagValue, indicators.Ttq.ToArray());
            return terminal;
        }

        /// <summary>
        /// Maps the quick kernel's result to the Outcome Parameter Set (Book A 6.2; Book C-3 outcomes; the UI
        /// messages and the alternate interface are marked [K] in the reference notes). The Data Record is the
        /// authorisation / clearing data (field 55) when the card gave a cryptogram.
        /// </summary>
        public static OutcomeParameterSet Map(QuickKernelResult result)
        {
            if (result == null) throw new System.ArgumentNullException("result");
            OutcomeParameterSet o;
            switch (result.Outcome)
            {
                case QuickKernelOutcome.Approved:
                    o = new OutcomeParameterSet(ContactlessOutcome.Approved);
                    o.Cvm = CvmOf(result.Cvm);
                    o.Receipt = result.Cvm == QuickKernelCvm.Signature;
                    o.UiRequestOnOutcome = new UiRequest(o.Receipt ? UiMessage.ApprovedPleaseSign : UiMessage.Approved, UiStatus.CardReadSuccessfully);
                    break;
                case QuickKernelOutcome.Declined:
                    o = new OutcomeParameterSet(ContactlessOutcome.Declined);
                    o.Cvm = OutcomeCvm.NoCvm;
                    o.UiRequestOnOutcome = new UiRequest(UiMessage.NotAuthorised, UiStatus.CardReadSuccessfully);
                    break;
                case QuickKernelOutcome.OnlineRequest:
                    o = new OutcomeParameterSet(ContactlessOutcome.OnlineRequest);
                    o.Cvm = CvmOf(result.Cvm);
                    o.Receipt = result.Cvm == QuickKernelCvm.Signature;
                    o.UiRequestOnOutcome = new UiRequest(
                        result.Cvm == QuickKernelCvm.OnlinePin ? UiMessage.EnterPin : UiMessage.AuthorisingPleaseWait, UiStatus.CardReadSuccessfully);
                    break;
                case QuickKernelOutcome.TryAnotherInterface:
                    o = new OutcomeParameterSet(ContactlessOutcome.TryAnotherInterface);
                    o.AlternateInterface = AlternateInterface.ContactChip;
                    o.UiRequestOnOutcome = new UiRequest(UiMessage.InsertCard, UiStatus.ProcessingError);
                    return o;
                case QuickKernelOutcome.SelectNext:
                    // GPO '6985' (Book C-3): Entry Point removes the combination and restarts at C.
                    o = new OutcomeParameterSet(ContactlessOutcome.SelectNext);
                    o.Start = StartPoint.C;
                    return o;
                case QuickKernelOutcome.TryAgain:
                    o = new OutcomeParameterSet(ContactlessOutcome.TryAgain);
                    o.Start = StartPoint.B;
                    if (result.SeePhone)
                    {
                        // GPO '6986': look at the phone, then present it again.
                        o.UiRequestOnOutcome = new UiRequest(UiMessage.SeePhone, UiStatus.NotReady);
                    }
                    o.UiRequestOnRestart = new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
                    return o;
                default:
                    return KernelActivation.EndApplication(new UiRequest(UiMessage.InsertSwipeOrTryAnotherCard, UiStatus.ProcessingError));
            }
            if (result.AuthorisationData != null) o.DataRecord = result.AuthorisationData.IccData;
            return o;
        }

        private static OutcomeCvm CvmOf(QuickKernelCvm cvm)
        {
            switch (cvm)
            {
                case QuickKernelCvm.OnlinePin: return OutcomeCvm.OnlinePin;
                case QuickKernelCvm.Signature: return OutcomeCvm.ObtainSignature;
                case QuickKernelCvm.ConsumerDeviceCvm: return OutcomeCvm.ConfirmationCodeVerified;
                default: return OutcomeCvm.NoCvm;
            }
        }
    }
}
