using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Magstripe;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>Present card (tap, insert, swipe; first wins), the kernels, the host and the result.</summary>
    public sealed partial class TerminalApplication
    {
        private void EnterPresentCard()
        {
            _chipAttempts = new ChipAttempts(_swipeSettings);
            _contactlessArmed = _hw.ContactlessReader != null && _kernels.CombinationCount > 0;
            SetState(AppState.PresentCard);
            ShowPresent(MessageId.PresentCard);
            Signal(Hardware.Signal.Ready);
        }

        private void ShowPresent(MessageId prompt)
        {
            _screen.Show(_screen.Text(_kind == TransactionKind.Refund ? MessageId.Refund : MessageId.Sale), Money(_amount), _screen.Text(prompt), null);
        }

        private void StepPresentCard()
        {
            KeyCode key;
            if (ReadKey(out key) && key == KeyCode.Cancel)
            {
                EndWithout(MessageId.Cancelled, EntryMode.Contact);
                return;
            }
            if (_hw.ContactReader != null && _hw.ContactReader.IsCardPresent)
            {
                RunContact();
                return;
            }
            MagstripeSwipe swipe = _hw.MagstripeReader == null ? null : _hw.MagstripeReader.TakeSwipe();
            if (swipe != null)
            {
                HandleSwipe(swipe);
                return;
            }
            if (_contactlessArmed)
            {
                IContactlessPresence presence = _hw.ContactlessReader as IContactlessPresence;
                if (presence == null || presence.IsCardInField)
                {
                    RunContactless();
                    return;
                }
            }
            if (Now - _stateSince >= _config.CardTimeoutMs) EndWithout(MessageId.CardTimeout, EntryMode.Contact);
        }

        private TransactionRequest KernelRequest()
        {
            System.DateTime t = _hw.WallClock.Now;
            byte[] date = { Bcd(t.Year % 100), Bcd(t.Month), Bcd(t.Day) };
            byte[] time = { Bcd(t.Hour), Bcd(t.Minute), Bcd(t.Second) };
            TransactionRequest request = new TransactionRequest(_amount, date, time);
            request.Type = _kind == TransactionKind.Refund ? TransactionType.Refund : TransactionType.GoodsAndServices;
            return request;
        }

        private static byte Bcd(int v)
        {
            return (byte)(((v / 10) << 4) | (v % 10));
        }

        private PinEntry NewPinEntry()
        {
            return new PinEntry(_hw.Keypad, _hw.Clock, _screen, _pinCipher, Money(_amount), _config.PinTimeoutMs, _config.PinBypassAllowed);
        }

        // ---- contact ----

        private void RunContact()
        {
            ICardChannel channel;
            try
            {
                byte[] atr;
                channel = _hw.ContactReader.PowerOn(out atr);
            }
            catch (CardRemovedException)
            {
                _chipAttempts.RecordNoAnswerToReset();
                ChipFailed();
                return;
            }
            catch (ApduException)
            {
                _chipAttempts.RecordNoAnswerToReset();
                ChipFailed();
                return;
            }
            Signal(Hardware.Signal.Processing);
            _screen.Show(_screen.Text(MessageId.Processing), Money(_amount), null, null);
            PanWatchingChannel watcher = new PanWatchingChannel(channel);
            PinEntry pin = NewPinEntry();
            pin.PanSource = watcher;
            KernelHostBridge bridge = new KernelHostBridge(this, EntryMode.Contact, pin);
            ContactTransaction kernel = _kernels.NewContact();
            kernel.Cardholder = pin;
            kernel.Host = bridge;
            TransactionOutcome outcome = kernel.Run(watcher, KernelRequest());
            CompleteHost(bridge, outcome);
            _hw.ContactReader.PowerOff();

            if (outcome.Decision == TransactionDecision.Terminated)
            {
                _chipAttempts.RecordTermination(outcome.TerminationReason);
                if (ChipAttempts.IsChipFailure(outcome.TerminationReason, _swipeSettings))
                {
                    ChipFailed();
                    return;
                }
            }
            else
            {
                _chipAttempts.RecordCompleted();
            }
            if (_kind == TransactionKind.Refund && bridge.Answer == null && outcome.AuthorisationData != null)
            {
                // A refund: the card's cryptogram (normally an AAC) identifies it; the host credits the account.
                bridge.Authorise(outcome.AuthorisationData);
            }
            int adviceTrace = 0;
            bool offlineSale = outcome.Decision == TransactionDecision.ApprovedOffline && _kind == TransactionKind.Sale;
            if (offlineSale)
                adviceTrace = _host.RecordOfflineApproval(OfflineRequest(outcome.AuthorisationData, EntryMode.Contact), outcome);
            TransactionRecord r = RecordOf(outcome, EntryMode.Contact, bridge, pin);
            NumberOfflineApproval(r, offlineSale, adviceTrace);
            Finish(r, _hw.ContactReader.IsCardPresent);
        }

        /// <summary>
        /// A chip failure (<see cref="ChipAttempts.IsChipFailure"/>): with fallback allowed the terminal keeps waiting,
        /// asking for the chip again until enough attempts failed, then for a swipe (<see cref="SwipeRules"/>).
        /// </summary>
        private void ChipFailed()
        {
            if (_hw.ContactReader != null) _hw.ContactReader.PowerOff();
            Write("chip read failed");
            if (_swipeSettings.FallbackAllowed && _hw.MagstripeReader != null)
            {
                _contactlessArmed = false;
                SetState(AppState.PresentCard);
                Signal(Hardware.Signal.Failure);
                ShowPresent(_chipAttempts.ConsecutiveFailures >= _swipeSettings.FallbackChipAttempts ? MessageId.ChipErrorSwipeCard : MessageId.InsertCard);
                return;
            }
            TransactionRecord r = NewRecord(EntryMode.Contact);
            r.Reason = MessageId.CardError;
            Finish(r, _hw.ContactReader != null && _hw.ContactReader.IsCardPresent);
        }

        /// <summary>Confirms or reverses a host approval with the card's final decision (Book 3, 10.11).</summary>
        private void CompleteHost(KernelHostBridge bridge, TransactionOutcome outcome)
        {
            HostAnswer answer = bridge.Answer;
            if (answer == null || answer.Status != HostAnswerStatus.Approved || _kind == TransactionKind.Refund) return;
            bool accepted = outcome.Decision == TransactionDecision.ApprovedOnline && !outcome.ReversalRequired;
            _host.Complete(answer, accepted, null);
            if (!accepted) answer.ReversalPending = true;
        }

        private TransactionRecord RecordOf(TransactionOutcome outcome, EntryMode mode, KernelHostBridge bridge, PinEntry pin)
        {
            TransactionRecord r = NewRecord(mode);
            r.KernelDecision = OutcomeNames.Of(outcome.Decision);
            r.MaskedPan = outcome.MaskedPan;
            // The one mapping of an outcome's EMV fields (AID '4F', then '84', then '9F06'; label; signature rule; ARC).
            Terminal.Firmware.Core.Receipt.ReceiptData chip = new Terminal.Firmware.Core.Receipt.ReceiptData();
            chip.FromOutcome(outcome);
            r.TakeChipFields(chip);
            r.OnlinePin = pin.EncipheredPinBlock != null;
            if (chip.ResponseCode != null) r.ResponseCode = chip.ResponseCode;
            HostAnswer answer = bridge.Answer;
            if (answer != null) CopyAnswerFields(r, answer);

            if (_kind == TransactionKind.Refund)
            {
                if (answer == null) r.Reason = outcome.Decision == TransactionDecision.Terminated ? TerminationMessage(outcome, pin) : MessageId.CardError;
                else ApplyAnswer(r, answer);
                return r;
            }
            switch (outcome.Decision)
            {
                case TransactionDecision.ApprovedOnline:
                case TransactionDecision.ApprovedOffline:
                    r.Approved = true;
                    r.Headline = r.SignatureRequired ? MessageId.ApprovedSign : MessageId.Approved;
                    r.Reason = r.Headline;
                    break;
                case TransactionDecision.DeclinedOnline:
                    r.Reason = answer != null && answer.Status == HostAnswerStatus.Declined ? MessageId.DeclinedByHost : MessageId.DeclinedByCard;
                    break;
                case TransactionDecision.DeclinedOffline:
                    r.Reason = answer != null && answer.Status == HostAnswerStatus.Unreachable ? MessageId.HostUnavailable : MessageId.DeclinedByCard;
                    break;
                default:
                    r.Reason = TerminationMessage(outcome, pin);
                    if (r.Reason == MessageId.Cancelled || r.Reason == MessageId.PinTimeout) r.Headline = MessageId.Cancelled;
                    break;
            }
            if (answer != null && answer.ReversalPending) r.Reversal = true;
            return r;
        }

        private static MessageId TerminationMessage(TransactionOutcome outcome, PinEntry pin)
        {
            switch (outcome.TerminationReason)
            {
                case KernelTerminationReason.CardholderCancelled: return pin.TimedOut ? MessageId.PinTimeout : MessageId.Cancelled;
                case KernelTerminationReason.CardRemoved: return MessageId.CardRemoved;
                case KernelTerminationReason.NoMutualApplication:
                case KernelTerminationReason.CardBlocked: return MessageId.CardNotSupported;
                default: return MessageId.CardError;
            }
        }

        private static void CopyAnswerFields(TransactionRecord r, HostAnswer answer)
        {
            if (answer.ResponseCode != null) r.ResponseCode = answer.ResponseCode;
            r.AuthorisationCode = answer.AuthorisationCode;
            r.Rrn = answer.Rrn;
            r.Trace = answer.Trace;
            r.Batch = answer.Batch;
            r.Reversal = answer.ReversalPending;
        }

        /// <summary>The result of a host-only decision (swipe, void, refund, contactless online).</summary>
        private static void ApplyAnswer(TransactionRecord r, HostAnswer answer)
        {
            CopyAnswerFields(r, answer);
            if (answer.Status == HostAnswerStatus.Approved)
            {
                r.Approved = true;
                r.Headline = MessageId.Approved;
                r.Reason = MessageId.Approved;
            }
            else
            {
                r.Approved = false;
                r.Headline = MessageId.Declined;
                r.Reason = answer.Status == HostAnswerStatus.Declined ? MessageId.DeclinedByHost : MessageId.HostUnavailable;
            }
        }

        // ---- contactless ----

        private void RunContactless()
        {
            Signal(Hardware.Signal.Processing);
            _screen.Show(_screen.Text(MessageId.Processing), Money(_amount), null, null);
            ContactlessKernelSet kernels;
            ContactlessUi ui = new ContactlessUi(this);
            EntryPointProcess process = _kernels.NewEntryPoint(_hw.ContactlessReader, ui, out kernels);
            EntryPointResult result = process.Start(KernelRequest());
            OutcomeParameterSet o = result.Outcome;
            PinEntry pin = NewPinEntry();
            KernelHostBridge bridge = new KernelHostBridge(this, EntryMode.Contactless, pin);

            if (o.Outcome == ContactlessOutcome.TryAnotherInterface)
            {
                // Book A 6.2 / Book B 3.5: the card asks for another interface: insert (contact stays armed); the
                // screen says what the outcome's UI request says ('1D' insert card, '18' insert or swipe).
                _contactlessArmed = false;
                SetState(AppState.PresentCard);
                Signal(Hardware.Signal.Failure);
                MessageId prompt;
                ShowPresent(ContactlessPrompts.TryMap(o.UiRequestOnOutcome, out prompt) ? prompt : MessageId.InsertCard);
                return;
            }
            IContactlessKernelResult kr = kernels.ResultOf(result);
            if (kr == null || (o.Outcome != ContactlessOutcome.Approved && o.Outcome != ContactlessOutcome.Declined
                && o.Outcome != ContactlessOutcome.OnlineRequest))
            {
                if (KeepWaitingForTap(ui, result)) return;
                TransactionRecord failed = NewRecord(EntryMode.Contactless);
                failed.Reason = MessageId.CardError;
                Finish(failed, false);
                return;
            }
            TransactionOutcome outcome = kr.Transaction;
            if (o.Outcome == ContactlessOutcome.OnlineRequest)
            {
                OnlineRequest data = kr.AuthorisationData;
                if (o.Cvm == OutcomeCvm.OnlinePin && data != null)
                {
                    pin.Pan = PanMask.PanDigits(data.Pan != null ? data.Pan : data.Track2Equivalent);
                    PinEntryResult entered = pin.EnterOnlinePin();
                    if (entered == PinEntryResult.Cancelled)
                    {
                        EndWithout(pin.TimedOut ? MessageId.PinTimeout : MessageId.Cancelled, EntryMode.Contactless);
                        return;
                    }
                }
                OnlineResponse response = bridge.Authorise(data);
                if (response == null)
                {
                    TransactionRecord down = NewRecord(EntryMode.Contactless);
                    down.MaskedPan = data == null ? null : PanMask.MaskPacked(data.Pan);
                    ApplyAnswer(down, bridge.Answer != null ? bridge.Answer : new HostAnswer(HostAnswerStatus.Unreachable, null));
                    Finish(down, false);
                    return;
                }
                outcome = kr.CompleteOnline(response.Approved, response.AuthorisationResponseCode);
                // Neither contactless kernel asks for a second cryptogram: the host's approval is final.
                if (bridge.Answer.Status == HostAnswerStatus.Approved && _kind == TransactionKind.Sale) _host.Complete(bridge.Answer, true, null);
            }
            else if (_kind == TransactionKind.Refund && kr.AuthorisationData != null)
            {
                // A refund: the card answers with an AAC (the terminal asks for one, Book 4 / acquirer practice [K]); the
                // cryptogram identifies the card and the host credits the account. Not a decline.
                bridge.Authorise(kr.AuthorisationData);
            }
            int adviceTrace = 0;
            bool offlineSale = o.Outcome == ContactlessOutcome.Approved && _kind == TransactionKind.Sale;
            if (offlineSale)
            {
                adviceTrace = _host.RecordOfflineApproval(OfflineRequest(kr.AuthorisationData, EntryMode.Contactless), outcome);
            }
            TransactionRecord r = RecordOf(outcome, EntryMode.Contactless, bridge, pin);
            NumberOfflineApproval(r, offlineSale, adviceTrace);
            r.SignatureRequired = o.Cvm == OutcomeCvm.ObtainSignature;
            if (r.Approved && r.SignatureRequired && r.Kind == TransactionKind.Sale) r.Headline = MessageId.ApprovedSign;
            Finish(r, false);
        }

        /// <summary>
        /// After an Entry Point run that ended without a kernel result: when Entry Point was waiting for a card (its
        /// last UI request was Ready to Read: present card again after "see phone" or a torn tap, one card only after a
        /// collision) and none came, or no card answered at all, the terminal keeps polling with that prompt (Book A
        /// 9.4: the message stays until the next request); '1C' / '18' (insert, swipe or try another card) likewise.
        /// The card timeout still runs from the start of the wait.
        /// </summary>
        private bool KeepWaitingForTap(ContactlessUi ui, EntryPointResult result)
        {
            OutcomeParameterSet o = result.Outcome;
            MessageId asked;
            bool askedOther = ContactlessPrompts.TryMap(o.UiRequestOnOutcome, out asked)
                && (asked == MessageId.InsertSwipeOrTryAnotherCard || asked == MessageId.InsertOrSwipeCard);
            bool noCard = o.Outcome == ContactlessOutcome.EndApplication && o.UiRequestOnOutcome == null && ui.WaitingForCard;
            bool nobodyAnswered = result.KernelActivations == 0 && result.Selected == null;
            if (!askedOther && !noCard && !nobodyAnswered) return false;
            Signal(askedOther ? Hardware.Signal.Failure : Hardware.Signal.Ready);
            if (askedOther) ShowPresent(asked);
            else if (ui.WaitingForCard && ui.Prompt != MessageId.PresentCard) ShowPresentWithNotice(ui.Notice, ui.Prompt);
            else ShowPresent(MessageId.TryAgain);
            return true;
        }

        /// <summary>The present-card screen with a notice (e.g. "see phone") above the prompt (e.g. "present card again").</summary>
        private void ShowPresentWithNotice(int notice, MessageId prompt)
        {
            string title = _screen.Text(_kind == TransactionKind.Refund ? MessageId.Refund : MessageId.Sale);
            if (notice < 0 || (MessageId)notice == prompt) _screen.Show(title, Money(_amount), _screen.Text(prompt), null);
            else _screen.Show(title, Money(_amount), _screen.Text((MessageId)notice), _screen.Text(prompt));
        }

        /// <summary>The host's answer to <paramref name="request"/>; why it was not sent or answered goes to the log.</summary>
        private HostAnswer Authorise(PaymentRequest request)
        {
            HostAnswer answer = _host.Authorise(request);
            if (answer.FailureReason != null) Write("host: " + answer.FailureReason);
            return answer;
        }

        private PaymentRequest OfflineRequest(OnlineRequest data, EntryMode mode)
        {
            PaymentRequest p = NewRequest(mode);
            p.Chip = data;
            p.MaskedPan = data == null ? null : PanMask.MaskPacked(data.Pan);
            return p;
        }

        // ---- magstripe ----

        private void HandleSwipe(MagstripeSwipe swipe)
        {
            TrackData track;
            try
            {
                track = swipe.Track2 != null ? TrackParser.ParseTrack2(swipe.Track2) : TrackParser.ParseTrack1(swipe.Track1);
            }
            catch (TrackFormatException)
            {
                Signal(Hardware.Signal.Failure);
                ShowPresent(MessageId.TryAgain);
                return;
            }
            // Service code 2xx/6xx = chip card: use the chip unless it failed and fallback is allowed (SwipeRules).
            SwipeDecision decision = SwipeRules.Decide(track, _chipAttempts, _swipeSettings);
            if (decision.Action == SwipeAction.InsertChip)
            {
                Signal(Hardware.Signal.Failure);
                ShowPresent(MessageId.PleaseInsertChip);
                Write("chip card swiped: insert asked");
                return;
            }
            EntryMode mode = decision.IsFallback ? EntryMode.Fallback : EntryMode.Magstripe;
            if (!decision.Accepted)
            {
                TransactionRecord refused = NewRecord(mode);
                refused.MaskedPan = track.MaskedPan;
                refused.Reason = decision.Reason == SwipeReason.FallbackNotAllowed ? MessageId.FallbackNotAllowed : MessageId.CardNotSupported;
                Finish(refused, false);
                return;
            }
            PaymentRequest request = NewRequest(mode);
            request.Track2 = track.Track == 2 ? track.Raw : null;
            request.MaskedPan = track.MaskedPan;
            _screen.Show(_screen.Text(MessageId.Authorising), Money(_amount), null, null);
            Signal(Hardware.Signal.Online);
            HostAnswer answer = Authorise(request);
            TransactionRecord r = NewRecord(mode);
            r.MaskedPan = request.MaskedPan;
            ApplyAnswer(r, answer);
            // A magstripe approval is signed for (no chip CVM).
            r.SignatureRequired = r.Approved;
            Finish(r, false);
        }

        /// <summary>The kernel's <see cref="IOnlineAuthoriser"/>: packs the request for the host and keeps its answer.</summary>
        private sealed class KernelHostBridge : IOnlineAuthoriser
        {
            private readonly TerminalApplication _app;
            private readonly EntryMode _mode;
            private readonly PinEntry _pin;

            public KernelHostBridge(TerminalApplication app, EntryMode mode, PinEntry pin)
            {
                _app = app;
                _mode = mode;
                _pin = pin;
            }

            public HostAnswer Answer { get; private set; }

            public OnlineResponse Authorise(OnlineRequest request)
            {
                PaymentRequest p = _app.OfflineRequest(request, _mode);
                p.EncipheredPinBlock = _pin.EncipheredPinBlock;
                p.PinKsn = _pin.Ksn;
                _app._screen.Show(_app._screen.Text(MessageId.Authorising), _app.Money(_app._amount), null, null);
                _app.Signal(Hardware.Signal.Online);
                Answer = _app.Authorise(p);
                return Answer.ToOnlineResponse();
            }
        }

        /// <summary>
        /// Entry Point's and the kernels' User Interface Requests (EMV Contactless Book A, 9.4) on the display in the
        /// configured language (<see cref="ContactlessPrompts"/>) and on the LEDs (the status). A message shown with a
        /// hold time or a not-ready / error status stays as a notice above the next Ready to Read prompt (no sleeps:
        /// the display keeps both instead of holding one). Remembers whether the reader was last waiting for a card.
        /// </summary>
        private sealed class ContactlessUi : IContactlessUserInterface
        {
            private readonly TerminalApplication _app;

            public ContactlessUi(TerminalApplication app)
            {
                _app = app;
                Notice = -1;
                Prompt = MessageId.PresentCard;
            }

            /// <summary>True when the last request had the status Ready to Read (waiting for a card).</summary>
            public bool WaitingForCard { get; private set; }

            /// <summary>The prompt of the last Ready to Read request.</summary>
            public MessageId Prompt { get; private set; }

            /// <summary>The notice shown before <see cref="Prompt"/> (see phone, one card only, processing error), or -1.</summary>
            public int Notice { get; private set; }

            public void Show(UiRequest request)
            {
                if (request == null) return;
                _app.Signal(ContactlessPrompts.SignalOf(request.Status));
                MessageId m;
                string title = _app._screen.Text(_app._kind == TransactionKind.Refund ? MessageId.Refund : MessageId.Sale);
                if (!ContactlessPrompts.TryMap(request, out m))
                {
                    // '1E' Clear Display: the message line goes; the transaction and amount stay.
                    if (request.MessageId == UiMessage.ClearDisplay) _app._screen.Show(title, _app.Money(_app._amount), null, null);
                    return;
                }
                if (request.Status == UiStatus.ReadyToRead)
                {
                    WaitingForCard = true;
                    Prompt = m;
                    _app.ShowPresentWithNotice(Notice, m);
                    return;
                }
                WaitingForCard = false;
                Notice = request.Status == UiStatus.NotReady || request.Status == UiStatus.ProcessingError || request.HoldTime > 0 ? (int)m : -1;
                string value = request.Value >= 0 ? _app.Money(request.Value) : null;
                // '17' Card Read OK, Please Remove Card: two lines.
                if (request.MessageId == UiMessage.CardReadOkRemoveCard) value = _app._screen.Text(MessageId.RemoveCard);
                _app._screen.Show(title, _app.Money(_app._amount), _app._screen.Text(m), value);
            }
        }

        /// <summary>An offline approval has no host answer: its receipt takes the advice's trace number and the open batch.</summary>
        /// <summary>
        /// Numbers an offline approval with its advice's trace. An offline approval the host link could not record
        /// (no advice journaled: the dialect has no offline advice, or the journal refused it) would be a sale the
        /// merchant is never paid for, so it is shown and kept as declined ("not recorded") before any goods change
        /// hands; no clearing record exists, so the cardholder is not charged either.
        /// </summary>
        private void NumberOfflineApproval(TransactionRecord r, bool offlineSale, int adviceTrace)
        {
            if (!offlineSale || !r.Approved) return;
            if (adviceTrace == 0)
            {
                Write("offline approval not recorded: declined");
                r.Approved = false;
                r.Headline = MessageId.Declined;
                r.Reason = MessageId.OfflineNotRecorded;
                return;
            }
            r.Trace = adviceTrace;
            r.Batch = _host.BatchNumber;
        }
    }
}
