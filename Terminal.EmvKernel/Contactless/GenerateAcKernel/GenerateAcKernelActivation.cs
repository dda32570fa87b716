using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The GENERATE AC kernel as Entry Point activates it (EMV Contactless Book B 3.4; Book C-2, kernel 2): builds the
    /// terminal data from the activation (amounts, type, date, time, the fresh Unpredictable Number, the terminal
    /// parameters), runs the card phase, shows "card read OK, remove card" when the card may leave, runs the deferred
    /// phase and maps the result to an <see cref="OutcomeParameterSet"/> (Book A 6.2). The last result stays available
    /// (an online request is completed with <see cref="GenerateAcKernelResult.CompleteOnline"/>).
    /// </summary>
    public sealed class GenerateAcKernelActivation : IContactlessKernel
    {
        private readonly GenerateAcKernelConfiguration _configuration;
        private readonly TerminalParameters _parameters;
        private readonly IContactlessUserInterface _ui;

        /// <summary>
        /// An adapter running the kernel under <paramref name="configuration"/>, with the terminal data objects of
        /// <paramref name="parameters"/> (null for the built-in defaults) and <paramref name="ui"/> for the "card read
        /// OK, remove card" signal (null: not shown).
        /// </summary>
        public GenerateAcKernelActivation(GenerateAcKernelConfiguration configuration, TerminalParameters parameters, IContactlessUserInterface ui)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            _configuration = configuration;
            _parameters = parameters != null ? parameters : new TerminalParameters();
            _ui = ui;
        }

        /// <summary>The result of the last activation, or null before the first (or when no FCI was handed over).</summary>
        public GenerateAcKernelResult LastResult { get; private set; }

        /// <summary>The transaction result of the last activation; null for an online request until it is completed.</summary>
        public TransactionOutcome LastTransaction { get { return LastResult == null ? null : LastResult.Transaction; } }

        /// <summary>Runs the kernel for one activation and maps its result to the Outcome Parameter Set.</summary>
        public OutcomeParameterSet Activate(ApduTransport transport, SelectedCombination selected, PreProcessingIndicators indicators, KernelActivationData data)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (selected == null) throw new System.ArgumentNullException("selected");
            if (indicators == null) throw new System.ArgumentNullException("indicators");
            if (data == null) throw new System.ArgumentNullException("data");
            LastResult = null;
            byte[] fci = selected.Fci;
            if (fci == null) return KernelActivation.EndApplication(new UiRequest(UiMessage.ProcessingError, UiStatus.ProcessingError));

            GenerateAcKernelCardRead read = GenerateAcKernel.ReadCard(transport, fci, BuildTerminalData(data), indicators, _configuration);
            // Book C-2 / Book A 9.4: the card may leave the field once GENERATE AC has answered.
            if (read.CardReadComplete && _ui != null) _ui.Show(new UiRequest(UiMessage.CardReadOkRemoveCard, UiStatus.CardReadSuccessfully));
            GenerateAcKernelResult result = GenerateAcKernel.Complete(read, _configuration);
            LastResult = result;
            return Map(result);
        }

        /// <summary>
        /// The terminal data of one activation (Book B 3.4.1.1): the terminal parameters, '9F02' / '9F03' (n 12), '9C',
        /// '9A', '9F21', '9F37' from the activation data, the reader's '9F09' and a TVR of all zero.
        /// </summary>
        public TerminalData BuildTerminalData(KernelActivationData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            TerminalData terminal = KernelActivation.TerminalDataOf(_parameters, data);
            if (_configuration.ApplicationVersion != null) terminal.Set(0x9F09, Util.Bytes.Copy(_configuration.ApplicationVersion));
            return terminal;
        }

        /// <summary>
        /// Maps the kernel's result to the Outcome Parameter Set (Book A 6.2; Book C-2 outcomes; the UI messages are
        /// the Book A identifiers of the reference notes 4.3). The Data Record is the field 55 data when the card gave
        /// a cryptogram.
        /// </summary>
        public static OutcomeParameterSet Map(GenerateAcKernelResult result)
        {
            if (result == null) throw new System.ArgumentNullException("result");
            OutcomeParameterSet o;
            switch (result.Outcome)
            {
                case GenerateAcKernelOutcome.Approved:
                    o = new OutcomeParameterSet(ContactlessOutcome.Approved);
                    o.Cvm = result.Cvm;
                    o.Receipt = result.Cvm == OutcomeCvm.ObtainSignature;
                    o.UiRequestOnOutcome = new UiRequest(o.Receipt ? UiMessage.ApprovedPleaseSign : UiMessage.Approved, UiStatus.CardReadSuccessfully);
                    break;
                case GenerateAcKernelOutcome.Declined:
                    o = new OutcomeParameterSet(ContactlessOutcome.Declined);
                    o.Cvm = OutcomeCvm.NoCvm;
                    o.UiRequestOnOutcome = new UiRequest(UiMessage.NotAuthorised, UiStatus.CardReadSuccessfully);
                    break;
                case GenerateAcKernelOutcome.OnlineRequest:
                    o = new OutcomeParameterSet(ContactlessOutcome.OnlineRequest);
                    o.Cvm = result.Cvm;
                    o.Receipt = result.Cvm == OutcomeCvm.ObtainSignature;
                    o.UiRequestOnOutcome = new UiRequest(
                        result.Cvm == OutcomeCvm.OnlinePin ? UiMessage.EnterPin : UiMessage.AuthorisingPleaseWait, UiStatus.CardReadSuccessfully);
                    break;
                case GenerateAcKernelOutcome.TryAnotherInterface:
                    o = new OutcomeParameterSet(ContactlessOutcome.TryAnotherInterface);
                    o.AlternateInterface = AlternateInterface.ContactChip;
                    o.UiRequestOnOutcome = new UiRequest(UiMessage.InsertCard, UiStatus.ProcessingError);
                    return o;
                case GenerateAcKernelOutcome.SelectNext:
                    o = new OutcomeParameterSet(ContactlessOutcome.SelectNext);
                    o.Start = StartPoint.C;
                    return o;
                case GenerateAcKernelOutcome.TryAgain:
                    o = new OutcomeParameterSet(ContactlessOutcome.TryAgain);
                    o.Start = StartPoint.B;
                    o.UiRequestOnRestart = new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
                    return o;
                default:
                    if (result.SeePhone)
                    {
                        // Book C-2 [K]: the phone wants the cardholder to act; field off, then present the phone again.
                        o = new OutcomeParameterSet(ContactlessOutcome.EndApplication);
                        o.Start = StartPoint.B;
                        o.UiRequestOnOutcome = new UiRequest(UiMessage.SeePhone, UiStatus.NotReady, 13);
                        o.UiRequestOnRestart = new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
                        o.FieldOffRequest = 13;
                        return o;
                    }
                    if (result.Restart)
                    {
                        // Book C-2 [K]: torn GENERATE AC -> tap again; the next tap recovers the cryptogram.
                        o = new OutcomeParameterSet(ContactlessOutcome.EndApplication);
                        o.Start = StartPoint.B;
                        o.UiRequestOnRestart = new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
                        return o;
                    }
                    return KernelActivation.EndApplication(new UiRequest(UiMessage.InsertSwipeOrTryAnotherCard, UiStatus.ProcessingError));
            }
            if (result.AuthorisationData != null) o.DataRecord = result.AuthorisationData.IccData;
            return o;
        }
    }
}
