using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>Amount entry, the function menu, void, reprint, settlement and the admin menu.</summary>
    public sealed partial class TerminalApplication
    {
        /// <summary>Longest number keyed for a trace or passcode.</summary>
        private const int MaxEntryDigits = 8;
        /// <summary>Digits of a retrieval reference number (DE 37, an12 keyed as digits from the receipt).</summary>
        private const int RrnDigits = 12;

        // A UnionPay refund's original sale as keyed by the cashier (null otherwise).
        private string _refundRrn;
        private string _refundDate;

        private void StartAmount(TransactionKind kind)
        {
            _kind = kind;
            _amount = 0;
            SetState(AppState.AmountEntry);
            ShowAmount(null);
        }

        private void ShowAmount(string note)
        {
            MessageId title = _kind == TransactionKind.Refund ? MessageId.Refund : MessageId.Sale;
            _screen.Show(_screen.Text(title), _screen.Text(MessageId.EnterAmount), Money(_amount), note);
        }

        private void AddDigit(int digit)
        {
            // Keys build the amount in minor units from the right ("1","2","3","4" -> 12.34 with exponent 2).
            long next = _amount * 10 + digit;
            if (next > _config.MaxAmount)
            {
                Signal(Hardware.Signal.Failure);
                ShowAmount(_screen.Text(MessageId.AmountTooLarge));
                return;
            }
            _amount = next;
            Signal(Hardware.Signal.KeyClick);
            ShowAmount(null);
        }

        private void StepAmount()
        {
            KeyCode key;
            if (!ReadKey(out key)) return;
            if (key >= KeyCode.Digit0 && key <= KeyCode.Digit9) AddDigit(key - KeyCode.Digit0);
            else if (key == KeyCode.Clear)
            {
                _amount /= 10;
                ShowAmount(null);
            }
            else if (key == KeyCode.Cancel) EndWithout(MessageId.Cancelled, EntryMode.Contact);
            else if (key == KeyCode.Enter && _amount > 0) EnterPresentCard();
        }

        private void EnterMenu()
        {
            SetState(AppState.Menu);
            _screen.Show(_screen.Text(MessageId.MenuTitle), _screen.Text(MessageId.MenuSale) + " " + _screen.Text(MessageId.MenuVoid),
                _screen.Text(MessageId.MenuRefund) + " " + _screen.Text(MessageId.MenuReprint),
                _screen.Text(MessageId.MenuSettlement) + " " + _screen.Text(MessageId.MenuAdmin));
        }

        private void StepMenu()
        {
            KeyCode key;
            if (!ReadKey(out key)) return;
            switch (key)
            {
                case KeyCode.Digit1: StartAmount(TransactionKind.Sale); break;
                case KeyCode.Digit2: StartNumber(AppState.VoidTrace, MessageId.EnterTraceNumber); break;
                case KeyCode.Digit3: StartRefund(); break;
                case KeyCode.Digit4: Reprint(); break;
                case KeyCode.Digit5: Settle(); break;
                case KeyCode.Digit6: StartNumber(AppState.AdminPasscode, MessageId.EnterPasscode); break;
                case KeyCode.Cancel: EnterIdle(); break;
            }
        }

        /// <summary>
        /// A refund. In the UnionPay dialect the host finds the original sale by its reference number and date (the
        /// refund advice's DE 37 and 61.3), so the cashier keys both from the original receipt first; then, as in
        /// the generic dialect, the amount and the card.
        /// </summary>
        private void StartRefund()
        {
            _refundRrn = null;
            _refundDate = null;
            if (_config.HostDialect == HostDialect.UnionPay) StartNumber(AppState.RefundReference, MessageId.EnterOriginalReference);
            else StartAmount(TransactionKind.Refund);
        }

        private void StepRefundReference()
        {
            KeyCode key;
            if (!ReadKey(out key) || !NumberKey(key, MessageId.EnterOriginalReference, false, RrnDigits)) return;
            if (_entry.Length != RrnDigits)
            {
                Signal(Hardware.Signal.Failure);
                return;
            }
            _refundRrn = _entry;
            StartNumber(AppState.RefundDate, MessageId.EnterOriginalDate);
        }

        private void StepRefundDate()
        {
            KeyCode key;
            if (!ReadKey(out key) || !NumberKey(key, MessageId.EnterOriginalDate, false, 4)) return;
            int month = _entry.Length == 4 ? int.Parse(_entry.Substring(0, 2)) : 0;
            int day = _entry.Length == 4 ? int.Parse(_entry.Substring(2, 2)) : 0;
            if (month < 1 || month > 12 || day < 1 || day > 31)
            {
                Signal(Hardware.Signal.Failure);
                StartNumber(AppState.RefundDate, MessageId.EnterOriginalDate);
                return;
            }
            _refundDate = _entry;
            StartAmount(TransactionKind.Refund);
        }

        /// <summary>A payment request of the current transaction (kind, amount, entry mode, a refund's original sale).</summary>
        private PaymentRequest NewRequest(EntryMode mode)
        {
            PaymentRequest p = new PaymentRequest();
            p.Kind = _kind;
            p.Amount = _amount;
            p.EntryMode = mode;
            if (_kind == TransactionKind.Refund)
            {
                p.OriginalRrn = _refundRrn;
                p.OriginalDate = _refundDate;
            }
            return p;
        }

        private void StartNumber(AppState state, MessageId prompt)
        {
            _entry = "";
            SetState(state);
            _screen.Show(_screen.Text(prompt), "", null, null);
        }

        /// <summary>Digits, correction and cancel for a short number; true on OK with at least one digit.</summary>
        private bool NumberKey(KeyCode key, MessageId prompt, bool masked)
        {
            return NumberKey(key, prompt, masked, MaxEntryDigits);
        }

        /// <summary>As <see cref="NumberKey(KeyCode, MessageId, bool)"/> with at most <paramref name="maxDigits"/> digits.</summary>
        private bool NumberKey(KeyCode key, MessageId prompt, bool masked, int maxDigits)
        {
            if (key >= KeyCode.Digit0 && key <= KeyCode.Digit9)
            {
                if (_entry.Length < maxDigits) _entry += ((char)('0' + (key - KeyCode.Digit0))).ToString();
            }
            else if (key == KeyCode.Clear)
            {
                if (_entry.Length > 0) _entry = _entry.Substring(0, _entry.Length - 1);
            }
            else if (key == KeyCode.Cancel)
            {
                _entry = "";
                EnterIdle();
                return false;
            }
            else if (key == KeyCode.Enter)
            {
                return _entry.Length > 0;
            }
            _screen.Show(_screen.Text(prompt), masked ? new string('*', _entry.Length) : _entry, null, null);
            return false;
        }

        private void StepVoidTrace()
        {
            KeyCode key;
            if (!ReadKey(out key) || !NumberKey(key, MessageId.EnterTraceNumber, false)) return;
            int trace = int.Parse(_entry);
            JournalTransaction original = _host.Find(trace);
            if (original == null || original.Kind != TransactionKind.Sale || !original.Counted)
            {
                Signal(Hardware.Signal.Failure);
                ShowMessage(_screen.Text(MessageId.TransactionNotFound), _screen.Text(MessageId.Trace) + " " + trace.ToString(), null, null);
                return;
            }
            _kind = TransactionKind.Void;
            _amount = original.Amount;
            PaymentRequest request = new PaymentRequest();
            request.Kind = TransactionKind.Void;
            request.Amount = original.Amount;
            request.OriginalTrace = trace;
            request.MaskedPan = original.MaskedPan;
            request.EntryMode = EntryMode.Magstripe;
            _screen.Show(_screen.Text(MessageId.Authorising), Money(_amount), null, null);
            Signal(Hardware.Signal.Online);
            HostAnswer answer = Authorise(request);
            TransactionRecord r = NewRecord(EntryMode.Magstripe);
            r.MaskedPan = original.MaskedPan;
            r.OriginalTrace = trace;
            ApplyAnswer(r, answer);
            // A void by reversal that the host has not yet acknowledged: journaled and retried, the sale no longer counts.
            if (answer.Status == HostAnswerStatus.Unreachable && answer.ReversalPending) r.Headline = MessageId.ReversalPending;
            Finish(r, false);
        }

        private void Reprint()
        {
            if (_lastMerchantCopy == null || LastTransaction == null)
            {
                ShowMessage(_screen.Text(MessageId.NoReceipt), null, null, null);
                return;
            }
            string[] copy = Receipts.Build(LastTransaction, true, true);
            _lastMerchantCopy = copy;
            if (_hw.Printer != null) _hw.Printer.Print(copy);
            ShowMessage(_screen.Text(MessageId.PrintingReceipt), null, null, null);
        }

        /// <summary>The lines of the last merchant copy printed (or built, without a printer), or null.</summary>
        public string[] LastMerchantCopy
        {
            get { return _lastMerchantCopy; }
        }

        /// <summary>The lines of the last customer copy, or null.</summary>
        public string[] LastCustomerCopy
        {
            get { return _lastCustomerCopy; }
        }

        private void Settle()
        {
            _screen.Show(_screen.Text(MessageId.Settling), null, null, null);
            Signal(Hardware.Signal.Online);
            SettlementSummary notice = _host.Settle();
            LastSettlement = notice;
            Signal(notice.FundsSettled ? Hardware.Signal.Success : Hardware.Signal.Failure);
            string[] printed = new string[notice.Lines.Length + 3];
            printed[0] = _config.MerchantName == null ? "" : _config.MerchantName;
            printed[1] = "TERMINAL NO " + (_config.TerminalId == null ? "" : _config.TerminalId);
            printed[2] = _screen.Text(notice.FundsSettled ? MessageId.FundsSettled : MessageId.SettlementFailed);
            System.Array.Copy(notice.Lines, 0, printed, 3, notice.Lines.Length);
            if (_hw.Printer != null) _hw.Printer.Print(printed);
            Write(string.Concat("settlement ", notice.FundsSettled ? "funds settled" : "failed"));
            ShowMessage(printed[2], notice.Lines.Length > 0 ? notice.Lines[0] : null, notice.Lines.Length > 1 ? notice.Lines[1] : null,
                notice.Lines.Length > 2 ? notice.Lines[2] : null);
        }

        private void StepPasscode()
        {
            KeyCode key;
            if (!ReadKey(out key) || !NumberKey(key, MessageId.EnterPasscode, true)) return;
            bool ok = SameText(_entry, _config.AdminPasscode);
            _entry = "";
            if (!ok)
            {
                Signal(Hardware.Signal.Failure);
                Write("admin passcode refused");
                ShowMessage(_screen.Text(MessageId.WrongPasscode), null, null, null);
                return;
            }
            SetState(AppState.AdminMenu);
            _screen.Show(_screen.Text(MessageId.AdminTitle), _screen.Text(MessageId.AdminShowConfig), _screen.Text(MessageId.AdminSendPending), null);
        }

        private void StepAdminMenu()
        {
            KeyCode key;
            if (!ReadKey(out key)) return;
            if (key == KeyCode.Digit1)
            {
                string[] lines = ProvisioningConsole.Describe(_config, _hw.Crypto);
                if (_hw.Printer != null) _hw.Printer.Print(lines);
                ShowMessage(lines.Length > 0 ? lines[0] : null, lines.Length > 1 ? lines[1] : null, lines.Length > 2 ? lines[2] : null,
                    lines.Length > 3 ? lines[3] : null);
            }
            else if (key == KeyCode.Digit2)
            {
                bool done = _host.SendPending();
                ShowMessage(_screen.Text(done ? MessageId.Approved : MessageId.ReversalPending), null, null, null);
            }
            else if (key == KeyCode.Cancel) EnterIdle();
        }

        /// <summary>Compares in time independent of where the texts differ (passcodes).</summary>
        private static bool SameText(string a, string b)
        {
            if (a == null || b == null) return false;
            int diff = a.Length ^ b.Length;
            for (int i = 0; i < a.Length && i < b.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
