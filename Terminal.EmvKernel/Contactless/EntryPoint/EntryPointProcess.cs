using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// EMV Contactless Entry Point (Book B): pre-processing (3.1, Start A), protocol activation (3.2, Start B),
    /// combination selection (3.3, Start C at final selection), kernel activation (3.4, Start D) and outcome
    /// processing with its restarts (3.5). Every restart (collision, card lost during selection, Select Next,
    /// Try Again, a restart outcome) counts against <see cref="MaxRestarts"/>, so a run always ends.
    /// <see cref="Start"/> begins a transaction; when its outcome is Online Request with Start B, the POS system
    /// calls <see cref="RestartAfterOnline"/> with the host's response for the second tap.
    /// </summary>
    public sealed class EntryPointProcess
    {
        /// <summary>Default bound on restarts within one run.</summary>
        public const int DefaultMaxRestarts = 8;

        private const int StateActivation = 1;
        private const int StateBuildCandidates = 2;
        private const int StateFinalSelection = 3;
        private const int StateKernelActivation = 4;

        private readonly ContactlessCombination[] _combinations;
        private readonly IContactlessReader _reader;
        private readonly IContactlessUserInterface _ui;
        private readonly IRandomSource _random;
        private readonly CombinationSelection _selection = new CombinationSelection();
        private int[] _kernelIds = new int[0];
        private IContactlessKernel[] _kernels = new IContactlessKernel[0];
        private TransactionRequest _request;
        private PreProcessingIndicators[] _indicators;
        private ContactlessCandidate _onlineRestartCandidate;
        private UiRequest _onlineRestartUi;
        private int _maxRestarts = DefaultMaxRestarts;

        /// <summary>
        /// Entry Point over the reader's <paramref name="combinations"/> (configuration order), the PCD, the display
        /// and a random source for the Unpredictable Number.
        /// </summary>
        public EntryPointProcess(ContactlessCombination[] combinations, IContactlessReader reader, IContactlessUserInterface ui, IRandomSource random)
        {
            if (combinations == null) throw new System.ArgumentNullException("combinations");
            for (int i = 0; i < combinations.Length; i++)
            {
                if (combinations[i] == null) throw new System.ArgumentException("null combination", "combinations");
            }
            if (reader == null) throw new System.ArgumentNullException("reader");
            if (ui == null) throw new System.ArgumentNullException("ui");
            if (random == null) throw new System.ArgumentNullException("random");
            _combinations = combinations;
            _reader = reader;
            _ui = ui;
            _random = random;
            OneUnitOfCurrency = 100;
        }

        /// <summary>One major unit of the transaction currency in minor units (100 for exponent 2), for the status check (Book B 3.1.1.3).</summary>
        public long OneUnitOfCurrency { get; set; }

        /// <summary>Most restarts in one run (at least 1); past it the run ends with End Application.</summary>
        public int MaxRestarts
        {
            get { return _maxRestarts; }
            set { _maxRestarts = value < 1 ? 1 : value; }
        }

        /// <summary>The pre-processing result of the current transaction (null before <see cref="Start"/>).</summary>
        public PreProcessingIndicators[] Indicators { get { return _indicators; } }

        /// <summary>The candidate list as it stands.</summary>
        public CombinationSelection Candidates { get { return _selection; } }

        /// <summary>True when the last outcome was Online Request with Start B: <see cref="RestartAfterOnline"/> may follow.</summary>
        public bool RestartAfterOnlinePending { get { return _onlineRestartCandidate != null; } }

        /// <summary>Registers the kernel that serves kernel ID <paramref name="kernelId"/> (one kernel may serve several IDs).</summary>
        public void AddKernel(int kernelId, IContactlessKernel kernel)
        {
            if (kernel == null) throw new System.ArgumentNullException("kernel");
            for (int i = 0; i < _kernelIds.Length; i++)
            {
                if (_kernelIds[i] != kernelId) continue;
                _kernels[i] = kernel;
                return;
            }
            int n = _kernelIds.Length;
            int[] ids = new int[n + 1];
            IContactlessKernel[] kernels = new IContactlessKernel[n + 1];
            System.Array.Copy(_kernelIds, ids, n);
            System.Array.Copy(_kernels, kernels, n);
            ids[n] = kernelId;
            kernels[n] = kernel;
            _kernelIds = ids;
            _kernels = kernels;
        }

        /// <summary>
        /// Start A: a new transaction. Pre-processing (Book B 3.1); when no combination is allowed, Try Another
        /// Interface with UI '18' (3.1.1.13); otherwise protocol activation and the rest.
        /// </summary>
        public EntryPointResult Start(TransactionRequest request)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            _request = request;
            _onlineRestartCandidate = null;
            _onlineRestartUi = null;
            _selection.Clear();
            _indicators = PreProcessing.Run(_combinations, request.Amount, request.Type, OneUnitOfCurrency);
            if (PreProcessing.NoneAllowed(_indicators))
            {
                // Book B 3.1.1.13.
                OutcomeParameterSet tai = new OutcomeParameterSet(ContactlessOutcome.TryAnotherInterface);
                tai.UiRequestOnOutcome = new UiRequest(UiMessage.InsertOrSwipeCard, UiStatus.ProcessingError);
                return Finish(tai, null, 0);
            }
            return Run(StateActivation, null, false, null, null);
        }

        /// <summary>
        /// Start B after an online response (Book A 6.2, Book B 3.5; reference notes 4.4 [K]): the card is presented
        /// again, the combination of the online request is selected again (no PPSE) and its kernel gets
        /// <paramref name="onlineResponse"/> (EMV data, TLV). Only after an Online Request with Start B.
        /// </summary>
        public EntryPointResult RestartAfterOnline(byte[] onlineResponse)
        {
            if (_onlineRestartCandidate == null) throw new System.InvalidOperationException("no outcome asked for a restart after the online response");
            ContactlessCandidate candidate = _onlineRestartCandidate;
            UiRequest ui = _onlineRestartUi;
            _onlineRestartCandidate = null;
            _onlineRestartUi = null;
            return Run(StateActivation, ui, true, onlineResponse, candidate);
        }

        private EntryPointResult Run(int state, UiRequest restartUi, bool restart, byte[] onlineResponse, ContactlessCandidate reselect)
        {
            ApduTransport transport = null;
            SelectedCombination selected = null;
            IContactlessKernel kernel = null;
            int activations = 0;
            int restarts = 0;
            while (true)
            {
                if (restarts > _maxRestarts)
                {
                    OutcomeParameterSet end = new OutcomeParameterSet(ContactlessOutcome.EndApplication);
                    end.UiRequestOnOutcome = new UiRequest(UiMessage.InsertSwipeOrTryAnotherCard, UiStatus.ProcessingError);
                    return Finish(end, selected, activations);
                }
                if (state == StateActivation)
                {
                    // Book B 3.2: protocol activation.
                    _ui.Show(restartUi != null ? restartUi : new UiRequest(UiMessage.PresentCard, UiStatus.ReadyToRead));
                    restartUi = null;
                    ProtocolActivationResult activation = _reader.Activate();
                    if (activation == ProtocolActivationResult.Collision)
                    {
                        // Book B 3.2.1.4 (reference notes 4.4): "present one card only", then poll again.
                        _ui.Show(new UiRequest(UiMessage.PresentOneCardOnly, UiStatus.ProcessingError));
                        restartUi = new UiRequest(UiMessage.PresentOneCardOnly, UiStatus.ReadyToRead);
                        restarts++;
                        continue;
                    }
                    ICardChannel card = _reader.Card;
                    if (activation != ProtocolActivationResult.CardActivated || card == null)
                    {
                        return Finish(new OutcomeParameterSet(ContactlessOutcome.EndApplication), selected, activations);
                    }
                    // ISO 14443-4 has no T=0: no GET RESPONSE after a warning.
                    transport = new ApduTransport(card);
                    transport.GetResponseAfterWarning = false;
                    if (reselect != null)
                    {
                        _selection.UseOnly(reselect);
                        state = StateFinalSelection;
                    }
                    else
                    {
                        state = StateBuildCandidates;
                    }
                    continue;
                }
                if (state == StateBuildCandidates)
                {
                    try
                    {
                        _selection.BuildCandidateList(transport, _indicators);
                    }
                    catch (KernelTerminatedException e)
                    {
                        // Book B 3.3.3.7: a communication error during selection: back to Start B.
                        if (!IsCommunicationError(e)) throw;
                        state = StateActivation;
                        restarts++;
                        continue;
                    }
                    state = StateFinalSelection;
                    continue;
                }
                if (state == StateFinalSelection)
                {
                    try
                    {
                        selected = _selection.FinalSelection(transport);
                    }
                    catch (KernelTerminatedException e)
                    {
                        if (!IsCommunicationError(e)) throw;
                        state = StateActivation;
                        restarts++;
                        continue;
                    }
                    if (selected == null)
                    {
                        // Book B 3.3.2.6 (reference notes 4.4, step 3): no candidate: End Application, UI '1C'.
                        OutcomeParameterSet none = new OutcomeParameterSet(ContactlessOutcome.EndApplication);
                        none.UiRequestOnOutcome = new UiRequest(UiMessage.InsertSwipeOrTryAnotherCard, UiStatus.ReadyToRead);
                        return Finish(none, null, activations);
                    }
                    if (CombinationSelection.IsLegacyKernel1Card(selected))
                    {
                        // Book B 3.3.3.6: a kernel 3 AID without the TTQ in its PDOL goes to kernel 1 if supported.
                        if (KernelFor(KernelIdentifier.Kernel1) == null)
                        {
                            _selection.Remove(selected.Candidate);
                            restarts++;
                            continue;
                        }
                        selected = new SelectedCombination(selected.Candidate, KernelIdentifier.Kernel1, selected.Fci);
                    }
                    kernel = KernelFor(selected.KernelId);
                    if (kernel == null)
                    {
                        // A combination without a registered kernel cannot be activated: drop it and select again.
                        _selection.Remove(selected.Candidate);
                        restarts++;
                        continue;
                    }
                    state = StateKernelActivation;
                    continue;
                }

                // Book B 3.4: kernel activation.
                activations++;
                KernelActivationData data = new KernelActivationData(_request, NewUnpredictableNumber(), restart, onlineResponse);
                PreProcessingIndicators indicators = selected.Candidate.Indicators;
                OutcomeParameterSet outcome = ActivateKernel(kernel, transport, selected, indicators, data);
                restart = true;

                // Book B 3.5: outcome processing.
                ContactlessOutcome o = outcome.Outcome;
                if (o == ContactlessOutcome.SelectNext)
                {
                    // 3.5.1.1: remove the combination, Start C.
                    ShowIfPresent(outcome.UiRequestOnOutcome);
                    ShowIfPresent(outcome.UiRequestOnRestart);
                    _selection.Remove(selected.Candidate);
                    state = StateFinalSelection;
                    restarts++;
                    continue;
                }
                if (o == ContactlessOutcome.TryAgain)
                {
                    // 3.5.1.2: Start B; "present card again" unless the kernel asks for another message.
                    ShowIfPresent(outcome.UiRequestOnOutcome);
                    restartUi = outcome.UiRequestOnRestart != null ? outcome.UiRequestOnRestart : new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
                    state = StateActivation;
                    restarts++;
                    continue;
                }
                if (o == ContactlessOutcome.OnlineRequest)
                {
                    if (outcome.Start == StartPoint.B)
                    {
                        // The second tap follows the host's answer: remember the combination.
                        _onlineRestartCandidate = selected.Candidate;
                        _onlineRestartUi = outcome.UiRequestOnRestart;
                    }
                    return Finish(outcome, selected, activations);
                }
                if (o == ContactlessOutcome.EndApplication && outcome.Start != StartPoint.NotApplicable && outcome.Start != StartPoint.A)
                {
                    // A kernel that ends with a restart point (e.g. a communication error) is restarted there.
                    ShowIfPresent(outcome.UiRequestOnOutcome);
                    restartUi = outcome.UiRequestOnRestart;
                    if (outcome.Start == StartPoint.B)
                    {
                        state = StateActivation;
                    }
                    else if (outcome.Start == StartPoint.C)
                    {
                        _selection.Remove(selected.Candidate);
                        state = StateFinalSelection;
                        ShowIfPresent(restartUi);
                        restartUi = null;
                    }
                    else
                    {
                        ShowIfPresent(restartUi);
                        restartUi = null;
                    }
                    restarts++;
                    continue;
                }
                return Finish(outcome, selected, activations);
            }
        }

        /// <summary>Runs the kernel; a kernel that returns nothing or lets a typed card error escape is mapped to an outcome.</summary>
        private static OutcomeParameterSet ActivateKernel(IContactlessKernel kernel, ApduTransport transport, SelectedCombination selected,
            PreProcessingIndicators indicators, KernelActivationData data)
        {
            try
            {
                OutcomeParameterSet outcome = kernel.Activate(transport, selected, indicators, data);
                return outcome != null ? outcome : EndWithError();
            }
            catch (KernelTerminatedException e)
            {
                return IsCommunicationError(e) ? TryAgain() : EndWithError();
            }
            catch (CardRemovedException)
            {
                return TryAgain();
            }
            catch (ApduException e)
            {
                return e.Reason == ApduError.TransportFailure || e.Reason == ApduError.NoResponse ? TryAgain() : EndWithError();
            }
            catch (TlvException)
            {
                return EndWithError();
            }
            catch (DataObjectException)
            {
                return EndWithError();
            }
        }

        private static OutcomeParameterSet TryAgain()
        {
            OutcomeParameterSet o = new OutcomeParameterSet(ContactlessOutcome.TryAgain);
            o.Start = StartPoint.B;
            o.UiRequestOnRestart = new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
            return o;
        }

        private static OutcomeParameterSet EndWithError()
        {
            OutcomeParameterSet o = new OutcomeParameterSet(ContactlessOutcome.EndApplication);
            o.UiRequestOnOutcome = new UiRequest(UiMessage.ProcessingError, UiStatus.ProcessingError);
            return o;
        }

        private static bool IsCommunicationError(KernelTerminatedException e)
        {
            return e.Reason == KernelTerminationReason.CardRemoved || e.Reason == KernelTerminationReason.TransportFailure;
        }

        private IContactlessKernel KernelFor(int kernelId)
        {
            for (int i = 0; i < _kernelIds.Length; i++)
            {
                if (_kernelIds[i] == kernelId) return _kernels[i];
            }
            return null;
        }

        private byte[] NewUnpredictableNumber()
        {
            byte[] un = new byte[4];
            _random.NextBytes(un, 0, 4);
            return un;
        }

        private void ShowIfPresent(UiRequest request)
        {
            if (request != null) _ui.Show(request);
        }

        /// <summary>Book A 6.2: the UI request on outcome is shown and the Field Off Request honoured.</summary>
        private EntryPointResult Finish(OutcomeParameterSet outcome, SelectedCombination selected, int activations)
        {
            ShowIfPresent(outcome.UiRequestOnOutcome);
            if (outcome.FieldOffRequest >= 0) _reader.FieldOff(outcome.FieldOffRequest);
            return new EntryPointResult(outcome, selected, activations);
        }
    }
}
