using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Kernel;
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
                ChipFailed();
                return;
            }
            catch (ApduException)
            {
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

            if (outcome.Decision == TransactionDecision.Terminated && IsChipFailure(outcome.TerminationReason))
            {
                ChipFailed();
                return;
            }
            if (_kind == TransactionKind.Refund && bridge.Answer == null && outcome.AuthorisationData != null)
            {
                // A refund: the card's cryptogram (normally an AAC) identifies it; the host credits the account.
                bridge.Authorise(outcome.AuthorisationData);
            }
            if (outcome.Decision == TransactionDecision.ApprovedOffline && _kind == TransactionKind.Sale)
                _host.RecordOfflineApproval(OfflineRequest(outcome.AuthorisationData, EntryMode.Contact));
            TransactionRecord r = RecordOf(outcome, EntryMode.Contact, bridge, pin);
            Finish(r, _hw.ContactReader.IsCardPresent);
        }

        /// <summary>Chip read errors that allow magstripe fallback (EMV 4.4 Book 4, 11.2 [K]); not blocks, removal or cancel.</summary>
        private static bool IsChipFailure(KernelTerminationReason reason)
        {
            return reason == KernelTerminationReason.TransportFailure || reason == KernelTerminationReason.InvalidCardResponse
                || reason == KernelTerminationReason.UnexpectedStatusWord;
        }

        private void ChipFailed()
        {
            if (_hw.ContactReader != null) _hw.ContactReader.PowerOff();
            Write("chip read failed");
            if (_config.FallbackAllowed && _hw.MagstripeReader != null)
            {
                _fallbackArmed = true;
                _contactlessArmed = false;
                SetState(AppState.PresentCard);
                Signal(Hardware.Signal.Failure);
                ShowPresent(MessageId.ChipErrorSwipeCard);
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
            byte[] label = outcome.Get(0x50);
            if (label != null) r.ApplicationLabel = Ascii(label);
            byte[] aid = outcome.Get(0x4F);
            if (aid == null) aid = outcome.Get(0x84);
            if (aid != null) r.Aid = Hex.Encode(aid);
            if (outcome.Tvr != null) r.Tvr = Hex.Encode(outcome.Tvr);
            if (outcome.Tsi != null) r.Tsi = Hex.Encode(outcome.Tsi);
            if (outcome.ApplicationCryptogram != null) r.ApplicationCryptogram = Hex.Encode(outcome.ApplicationCryptogram);
            if (outcome.Cid != null) r.Cid = Hex.Encode(outcome.Cid);
            byte[] cvm = outcome.CvmResults;
            if (cvm != null) r.CvmResults = Hex.Encode(cvm);
            r.SignatureRequired = Terminal.Firmware.Core.Receipt.ReceiptData.CvmRequiresSignature(cvm);
            r.OnlinePin = pin.EncipheredPinBlock != null;
            if (outcome.Arc != null) r.ResponseCode = Ascii(outcome.Arc);
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

        private static string Ascii(byte[] b)
        {
            char[] c = new char[b.Length];
            for (int i = 0; i < b.Length; i++) c[i] = b[i] >= 0x20 && b[i] < 0x7F ? (char)b[i] : '?';
            return new string(c);
        }

        // ---- contactless ----

        private void RunContactless()
        {
            Signal(Hardware.Signal.Processing);
            _screen.Show(_screen.Text(MessageId.Processing), Money(_amount), null, null);
            QuickKernelActivation quick;
            EntryPointProcess process = _kernels.NewEntryPoint(_hw.ContactlessReader, new ContactlessUi(this), out quick);
            EntryPointResult result = process.Start(KernelRequest());
            OutcomeParameterSet o = result.Outcome;
            PinEntry pin = NewPinEntry();
            KernelHostBridge bridge = new KernelHostBridge(this, EntryMode.Contactless, pin);

            if (o.Outcome == ContactlessOutcome.TryAnotherInterface)
            {
                // Book A 6.2 / Book B 3.5: the card asks for another interface: insert (contact stays armed).
                _contactlessArmed = false;
                SetState(AppState.PresentCard);
                Signal(Hardware.Signal.Failure);
                ShowPresent(MessageId.InsertCard);
                return;
            }
            QuickKernelResult qr = quick.LastResult;
            if (qr == null || (o.Outcome != ContactlessOutcome.Approved && o.Outcome != ContactlessOutcome.Declined
                && o.Outcome != ContactlessOutcome.OnlineRequest))
            {
                if (result.KernelActivations == 0 && result.Selected == null)
                {
                    // No card answered (it left the field, or a collision): keep polling.
                    ShowPresent(MessageId.TryAgain);
                    return;
                }
                TransactionRecord failed = NewRecord(EntryMode.Contactless);
                failed.Reason = MessageId.CardError;
                Finish(failed, false);
                return;
            }
            TransactionOutcome outcome = qr.Transaction;
            if (o.Outcome == ContactlessOutcome.OnlineRequest)
            {
                OnlineRequest data = qr.AuthorisationData;
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
                outcome = qr.CompleteOnline(response.Approved, response.AuthorisationResponseCode);
                // The quick kernel takes the host's word (no second cryptogram): the approval is final.
                if (bridge.Answer.Status == HostAnswerStatus.Approved) _host.Complete(bridge.Answer, true, null);
            }
            else if (o.Outcome == ContactlessOutcome.Approved && _kind == TransactionKind.Sale)
            {
                _host.RecordOfflineApproval(OfflineRequest(qr.AuthorisationData, EntryMode.Contactless));
            }
            TransactionRecord r = RecordOf(outcome, EntryMode.Contactless, bridge, pin);
            r.SignatureRequired = o.Cvm == OutcomeCvm.ObtainSignature;
            if (r.Approved && r.SignatureRequired) r.Headline = MessageId.ApprovedSign;
            Finish(r, false);
        }

        private PaymentRequest OfflineRequest(OnlineRequest data, EntryMode mode)
        {
            PaymentRequest p = new PaymentRequest();
            p.Kind = _kind;
            p.Amount = _amount;
            p.EntryMode = mode;
            p.Chip = data;
            p.MaskedPan = data == null ? null : PanMask.MaskPacked(data.Pan);
            return p;
        }

        // ---- magstripe ----

        private void HandleSwipe(MagstripeSwipe swipe)
        {
            string serviceCode = ServiceCode(swipe.Track2);
            if (serviceCode == null)
            {
                Signal(Hardware.Signal.Failure);
                ShowPresent(MessageId.TryAgain);
                return;
            }
            // ISO/IEC 7813 service code digit 1: 2 or 6 = integrated circuit card; use the chip unless it failed.
            bool chipCard = serviceCode[0] == '2' || serviceCode[0] == '6';
            if (chipCard && !_fallbackArmed)
            {
                Signal(Hardware.Signal.Failure);
                ShowPresent(MessageId.PleaseInsertChip);
                Write("chip card swiped: insert asked");
                return;
            }
            EntryMode mode = chipCard ? EntryMode.Fallback : EntryMode.Magstripe;
            PaymentRequest request = new PaymentRequest();
            request.Kind = _kind;
            request.Amount = _amount;
            request.EntryMode = mode;
            request.Track2 = swipe.Track2;
            string pan = swipe.Track2.Substring(0, swipe.Track2.IndexOf('='));
            request.MaskedPan = PanMask.MaskDigits(pan);
            _screen.Show(_screen.Text(MessageId.Authorising), Money(_amount), null, null);
            Signal(Hardware.Signal.Online);
            HostAnswer answer = _host.Authorise(request);
            TransactionRecord r = NewRecord(mode);
            r.MaskedPan = request.MaskedPan;
            ApplyAnswer(r, answer);
            // A magstripe approval is signed for (no chip CVM).
            r.SignatureRequired = r.Approved;
            _fallbackArmed = false;
            Finish(r, false);
        }

        /// <summary>The 3-digit service code of track 2 ("PAN=YYMM" then the code, ISO/IEC 7813), or null when malformed.</summary>
        public static string ServiceCode(string track2)
        {
            if (track2 == null) return null;
            int sep = track2.IndexOf('=');
            if (sep < 12 || sep > 19 || track2.Length < sep + 8) return null;
            for (int i = 0; i < sep + 8; i++)
            {
                if (i == sep) continue;
                if (track2[i] < '0' || track2[i] > '9') return null;
            }
            return track2.Substring(sep + 5, 3);
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
                Answer = _app._host.Authorise(p);
                return Answer.ToOnlineResponse();
            }
        }

        /// <summary>Entry Point's user interface requests, shown as the nearest catalog message.</summary>
        private sealed class ContactlessUi : IContactlessUserInterface
        {
            private readonly TerminalApplication _app;

            public ContactlessUi(TerminalApplication app)
            {
                _app = app;
            }

            public void Show(UiRequest request)
            {
                if (request == null) return;
                if (request.MessageId == UiMessage.CardReadOkRemoveCard) _app.Signal(Hardware.Signal.Success);
            }
        }
    }
}
