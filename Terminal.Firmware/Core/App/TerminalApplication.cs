using Terminal.EmvKernel.Magstripe;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The terminal's cashier flow as a state machine driven by <see cref="Step"/>: each call polls the keypad
    /// and the card readers once and moves the state on. Idle, amount entry, present card (tap, insert and swipe
    /// armed, the first wins), the kernel with PIN entry, the host, the result and "remove card", the receipt,
    /// back to idle; the menu (void, refund, reprint, settlement, admin behind a passcode). Nothing sleeps: waits
    /// are measured on <see cref="TerminalHardware.Clock"/> and the keypad's own timeout, so a scripted keypad that
    /// advances a virtual clock makes every run deterministic. A kernel run (and its PIN entry) happens inside one
    /// <see cref="Step"/>. One thread.
    /// </summary>
    public sealed partial class TerminalApplication
    {
        /// <summary>How long a result or notice stays before idle, ms (any key returns at once).</summary>
        public const int MessageTimeoutMs = 5000;

        private readonly TerminalHardware _hw;
        private readonly TerminalConfiguration _config;
        private readonly PaymentKernels _kernels;
        private readonly IPaymentHost _host;
        private readonly OnlinePinCipher _pinCipher;
        private readonly Screen _screen;

        private AppState _state;
        private TransactionKind _kind;
        private long _amount;
        private string _entry;
        private long _stateSince;
        private bool _contactlessArmed;
        private readonly MagstripeSettings _swipeSettings;
        private ChipAttempts _chipAttempts;
        private TransactionRecord _pendingReceipt;
        private string[] _lastMerchantCopy;
        private string[] _lastCustomerCopy;

        /// <summary>
        /// An application on <paramref name="hardware"/> (keypad, display, clock and wall clock required; readers
        /// optional) with its configuration, kernels, host and PIN cipher (null: no online PIN).
        /// </summary>
        public TerminalApplication(TerminalHardware hardware, TerminalConfiguration configuration, PaymentKernels kernels,
            IPaymentHost host, OnlinePinCipher pinCipher)
        {
            if (hardware == null) throw new System.ArgumentNullException("hardware");
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (kernels == null) throw new System.ArgumentNullException("kernels");
            if (host == null) throw new System.ArgumentNullException("host");
            if (hardware.Keypad == null || hardware.Clock == null || hardware.WallClock == null)
                throw new System.ArgumentException("keypad, clock and wall clock are required", "hardware");
            _hw = hardware;
            _config = configuration;
            _kernels = kernels;
            _host = host;
            _pinCipher = pinCipher;
            _screen = new Screen(hardware.Display, configuration.Language);
            Receipts = new Receipt.SlipReceipt(configuration, 32);
            // The swipe rules read the kernel's terminal settings; the provisioned fallback switch decides fallback.
            _swipeSettings = MagstripeSettings.From(kernels.Kernel.Terminal);
            _swipeSettings.FallbackAllowed = configuration.FallbackAllowed;
            if (hardware.ContactReader == null) _swipeSettings.ChipCapable = false;
            _chipAttempts = new ChipAttempts(_swipeSettings);
            EnterIdle();
        }

        /// <summary>The receipt layout (defaults to <see cref="Receipt.SlipReceipt"/>, 32 columns).</summary>
        public IReceiptBuilder Receipts { get; set; }

        /// <summary>The log, or null.</summary>
        public IAppLog Log { get; set; }

        /// <summary>The current state.</summary>
        public AppState State
        {
            get { return _state; }
        }

        /// <summary>The screen (its last lines).</summary>
        public Screen Screen
        {
            get { return _screen; }
        }

        /// <summary>The amount being keyed or transacted, minor units.</summary>
        public long Amount
        {
            get { return _amount; }
        }

        /// <summary>The last finished transaction, or null.</summary>
        public TransactionRecord LastTransaction { get; private set; }

        /// <summary>The last settlement notice, or null.</summary>
        public SettlementSummary LastSettlement { get; private set; }

        /// <summary>Number of transactions finished (approved, declined, cancelled) since start.</summary>
        public int TransactionCount { get; private set; }

        /// <summary>
        /// One poll: reads at most one key and checks the readers, then acts. Returns the state after the step.
        /// </summary>
        public AppState Step()
        {
            switch (_state)
            {
                case AppState.Idle: StepIdle(); break;
                case AppState.AmountEntry: StepAmount(); break;
                case AppState.PresentCard: StepPresentCard(); break;
                case AppState.RemoveCard: StepRemoveCard(); break;
                case AppState.Menu: StepMenu(); break;
                case AppState.VoidTrace: StepVoidTrace(); break;
                case AppState.RefundReference: StepRefundReference(); break;
                case AppState.RefundDate: StepRefundDate(); break;
                case AppState.AdminPasscode: StepPasscode(); break;
                case AppState.AdminMenu: StepAdminMenu(); break;
                default: StepMessage(); break;
            }
            return _state;
        }

        private bool ReadKey(out KeyCode key)
        {
            return _hw.Keypad.TryReadKey(0, out key);
        }

        private long Now
        {
            get { return _hw.Clock.NowMilliseconds; }
        }

        private string Money(long minor)
        {
            return _config.Currency.Format(minor);
        }

        private void Signal(Signal s)
        {
            if (_hw.Indicators != null) _hw.Indicators.Show(s);
        }

        private void Write(string line)
        {
            if (Log != null) Log.Write(line);
        }

        private void SetState(AppState state)
        {
            _state = state;
            _stateSince = Now;
        }

        private void EnterIdle()
        {
            SetState(AppState.Idle);
            _amount = 0;
            _kind = TransactionKind.Sale;
            _screen.Show(_screen.Text(MessageId.Welcome), _screen.Text(MessageId.EnterAmount), null, null);
            Signal(Hardware.Signal.Off);
        }

        private void StepIdle()
        {
            KeyCode key;
            if (!ReadKey(out key)) return;
            if (key >= KeyCode.Digit0 && key <= KeyCode.Digit9)
            {
                StartAmount(TransactionKind.Sale);
                AddDigit(key - KeyCode.Digit0);
            }
            else if (key == KeyCode.Enter)
            {
                StartAmount(TransactionKind.Sale);
            }
            else if (key == KeyCode.Menu)
            {
                EnterMenu();
            }
        }

        /// <summary>A message held until a key or <see cref="MessageTimeoutMs"/>, then idle.</summary>
        private void ShowMessage(string line1, string line2, string line3, string line4)
        {
            _screen.Show(line1, line2, line3, line4);
            SetState(AppState.Message);
        }

        private void StepMessage()
        {
            KeyCode key;
            if (ReadKey(out key) || Now - _stateSince >= MessageTimeoutMs) EnterIdle();
        }

        /// <summary>A transaction that ends without reaching the card or the host (cancel, timeout).</summary>
        private void EndWithout(MessageId reason, EntryMode mode)
        {
            TransactionRecord r = NewRecord(mode);
            r.Headline = reason == MessageId.Cancelled ? MessageId.Cancelled : MessageId.Declined;
            r.Reason = reason;
            Finish(r, false);
        }

        private TransactionRecord NewRecord(EntryMode mode)
        {
            TransactionRecord r = new TransactionRecord();
            r.Kind = _kind;
            r.Amount = _amount;
            r.AmountText = Money(_amount);
            r.EntryMode = mode;
            r.Headline = MessageId.Declined;
            r.Reason = MessageId.Declined;
            System.DateTime t = _hw.WallClock.Now;
            r.LocalTime = t;
            r.DateTime = Terminal.Firmware.Core.Receipt.ReceiptBuilder.DateTimeText(t);
            return r;
        }

        /// <summary>
        /// Ends a transaction: shows the headline, reason and response code, signals, logs with the PAN masked,
        /// and prints the receipts now or, when a chip card is still in the slot, after it is removed.
        /// </summary>
        private void Finish(TransactionRecord r, bool cardInSlot)
        {
            LastTransaction = r;
            TransactionCount++;
            Signal(r.Approved ? Hardware.Signal.Success : Hardware.Signal.Failure);
            Write(string.Concat(KindName(r.Kind), " ", r.AmountText, " card ", r.MaskedPan == null ? "-" : PanMask.MaskDigits(r.MaskedPan),
                " ", r.Approved ? "approved" : "not approved", " rc ", r.ResponseCode == null ? "-" : r.ResponseCode,
                " trace ", r.Trace.ToString()));
            string reason = r.Reason == r.Headline ? null : _screen.Text(r.Reason);
            string code = r.ResponseCode == null ? null : _screen.Text(MessageId.ResponseCode) + " " + r.ResponseCode;
            bool printable = r.Trace != 0 || r.Approved;
            if (cardInSlot)
            {
                _pendingReceipt = printable ? r : null;
                _screen.Show(_screen.Text(r.Headline), reason, code, _screen.Text(MessageId.RemoveCard));
                SetState(AppState.RemoveCard);
                return;
            }
            if (printable) PrintReceipts(r);
            ShowMessage(_screen.Text(r.Headline), reason, code, r.AmountText);
        }

        private void StepRemoveCard()
        {
            if (_hw.ContactReader != null && _hw.ContactReader.IsCardPresent) return;
            TransactionRecord r = _pendingReceipt;
            _pendingReceipt = null;
            if (r != null) PrintReceipts(r);
            MessageId headline = r != null ? r.Headline : LastTransaction != null ? LastTransaction.Headline : MessageId.Cancelled;
            ShowMessage(_screen.Text(headline), null, null, null);
        }

        /// <summary>The one place receipts are built and printed: merchant copy, then customer copy.</summary>
        private void PrintReceipts(TransactionRecord r)
        {
            _lastMerchantCopy = Receipts.Build(r, true, false);
            _lastCustomerCopy = Receipts.Build(r, false, false);
            if (_hw.Printer == null) return;
            _hw.Printer.Print(_lastMerchantCopy);
            _hw.Printer.Print(_lastCustomerCopy);
        }

        private static string KindName(TransactionKind kind)
        {
            if (kind == TransactionKind.Refund) return "refund";
            if (kind == TransactionKind.Void) return "void";
            return "sale";
        }
    }
}
