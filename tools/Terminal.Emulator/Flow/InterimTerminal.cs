using System.Globalization;
using System.Text;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Emulator.Devices;
using Terminal.Emulator.Host;
using Terminal.Emulator.Output;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.SelfTest;

namespace Terminal.Emulator.Flow;

/// <summary>
/// The cashier flow the emulator runs until the firmware application (issue 7 item 1, branch h-app) is merged:
/// idle, amount entry, present card (tap, insert and swipe armed, the first wins), the kernel (contact:
/// <see cref="ContactTransaction"/>; contactless: Entry Point with the quick kernel), PIN entry on the keypad,
/// online through the host session, the result, "remove card", back to idle. A swiped chip card (service code 2xx
/// or 6xx, ISO 7813) is asked to insert; contactless "try another interface" asks to insert. It talks only to the
/// hardware interfaces of <see cref="TerminalHardware"/> (plus the emulator's readers to see a card arrive), so
/// the firmware application can replace it without changing the devices.
/// </summary>
public sealed class InterimTerminal
{
    /// <summary>Time allowed to present a card.</summary>
    public const int PresentCardTimeoutMs = 30000;

    /// <summary>Largest amount (minor units): 999,999.99.</summary>
    public const long MaxAmount = 99999999;

    private readonly TerminalHardware _hw;
    private readonly VirtualContactReader _contact;
    private readonly VirtualContactlessReader _contactless;
    private readonly VirtualMagstripeReader _magstripe;
    private readonly KernelConfiguration _configuration;
    private readonly CaPublicKeyStore _caKeys;
    private readonly HostAuthoriser _host;
    private readonly KeypadPinEntry _pinPad;
    private long _amount;
    private string[] _lastResult = [];
    private int _sequence;

    /// <summary>Wires the flow to the devices.</summary>
    public InterimTerminal(TerminalHardware hardware, VirtualContactReader contact, VirtualContactlessReader contactless,
        VirtualMagstripeReader magstripe, CaPublicKeyStore caKeys, HostAuthoriser host)
    {
        _hw = hardware;
        _contact = contact;
        _contactless = contactless;
        _magstripe = magstripe;
        _configuration = ReferenceTerminal.Configuration();
        _caKeys = caKeys;
        _host = host;
        _pinPad = new KeypadPinEntry(hardware.Keypad, hardware.Display, hardware.Clock, () => AmountText(_amount));
    }

    /// <summary>Called with each finished transaction.</summary>
    public Action<TransactionRecord> Completed { get; set; }

    /// <summary>Called with the masked APDU trace of each kernel run.</summary>
    public Action<ApduTrace> Traced { get; set; }

    /// <summary>Runs until the input ends (the input's exception ends it).</summary>
    public void Run()
    {
        while (true) Idle();
    }

    private void Idle()
    {
        _hw.Indicators.Show(Signal.Ready);
        Show("READY", "", "ENTER AMOUNT", "", "", "MENU: M");
        KeyCode key = WaitKey();
        if (key <= KeyCode.Digit9) AmountEntry(key);
        else if (key == KeyCode.Menu)
        {
            Show("MENU", "", "NOT IN THIS BUILD", "", "", "ANY KEY: BACK");
            WaitKey();
        }
    }

    private void AmountEntry(KeyCode first)
    {
        long amount = (long)first;
        while (true)
        {
            Show("SALE", AmountText(amount), "", "", "CLEAR=CORRECT", "ENTER=OK  ESC=CANCEL");
            KeyCode key = WaitKey();
            if (key <= KeyCode.Digit9 && amount * 10 + (long)key <= MaxAmount) amount = amount * 10 + (long)key;
            else if (key == KeyCode.Clear) amount /= 10;
            else if (key == KeyCode.Cancel)
            {
                Finish(new TransactionRecord { Amount = amount, Outcome = "cancelled" }, "CANCELLED");
                return;
            }
            else if (key == KeyCode.Enter && amount > 0)
            {
                _amount = amount;
                PresentCard(true, true, true);
                return;
            }
        }
    }

    private void PresentCard(bool tap, bool insert, bool swipe)
    {
        long start = _hw.Clock.NowMilliseconds;
        while (true)
        {
            string prompt = tap && insert && swipe ? "TAP, INSERT OR SWIPE" : insert ? "PLEASE INSERT CARD" : "PRESENT CARD";
            Show(AmountText(_amount), "", prompt, "", "", "ESC=CANCEL");
            if (_hw.Keypad.TryReadKey(100, out KeyCode key) && key == KeyCode.Cancel)
            {
                Finish(new TransactionRecord { Amount = _amount, Outcome = "cancelled" }, "CANCELLED");
                return;
            }
            if (tap && _contactless.CardInField)
            {
                Contactless();
                return;
            }
            if (insert && _contact.IsCardPresent)
            {
                Contact();
                return;
            }
            MagstripeSwipe s = _hw.MagstripeReader.TakeSwipe();
            if (swipe && s != null)
            {
                Swipe(s);
                return;
            }
            if (_hw.Clock.NowMilliseconds - start >= PresentCardTimeoutMs)
            {
                Finish(new TransactionRecord { Amount = _amount, Outcome = "timeout" }, "TIMEOUT");
                return;
            }
        }
    }

    private void Contact()
    {
        Show(AmountText(_amount), "", "PROCESSING", "PLEASE WAIT");
        _hw.Indicators.Show(Signal.Processing);
        var record = new TransactionRecord { Amount = _amount, EntryMode = "contact", Card = _contact.CardName };
        _host.Reset();
        _host.Amount = _amount;
        _host.PosEntryMode = "051";
        TransactionOutcome outcome;
        try
        {
            ICardChannel channel = _hw.ContactReader.PowerOn(out _);
            var kernel = new ContactTransaction(_configuration, _caKeys, _hw.Random) { Cardholder = _pinPad, Host = _host };
            outcome = kernel.Run(channel, Request());
        }
        catch (CardRemovedException)
        {
            Finish(Fill(record, null, "card-error"), "CARD REMOVED");
            return;
        }
        bool approved = outcome.Decision is TransactionDecision.ApprovedOffline or TransactionDecision.ApprovedOnline;
        _host.Complete(approved, null);
        Traced?.Invoke(outcome.Trace);
        string outcomeText = approved ? "approved" : outcome.Decision == TransactionDecision.Terminated ? "card-error" : "declined";
        Finish(Fill(record, outcome, outcomeText), ResultText(outcome, outcomeText));
        _hw.ContactReader.PowerOff();
        WaitForRemoval();
    }

    private void Contactless()
    {
        Show(AmountText(_amount), "", "PROCESSING", "PLEASE WAIT");
        _hw.Indicators.Show(Signal.Processing);
        var record = new TransactionRecord { Amount = _amount, EntryMode = "contactless", Card = _contactless.CardName };
        _host.Reset();
        _host.Amount = _amount;
        _host.PosEntryMode = "071";
        var ui = new ContactlessMessages(_hw.Display, () => AmountText(_amount));
        var kernel = new QuickKernelActivation(new QuickKernelConfiguration(_caKeys), _configuration.Terminal, ui);
        var process = new EntryPointProcess(ReferenceTerminal.ContactlessCombinations(), _hw.ContactlessReader, ui, _hw.Random);
        process.AddKernel(KernelIdentifier.Kernel3, kernel);
        process.AddKernel(KernelIdentifier.Kernel7, kernel);
        EntryPointResult result = process.Start(Request());
        _hw.ContactlessReader.FieldOff(0);
        TransactionOutcome outcome = kernel.LastTransaction;
        switch (result.Outcome.Outcome)
        {
            case ContactlessOutcome.OnlineRequest:
                OnlineResponse answer = kernel.LastResult.AuthorisationData == null ? null : _host.Authorise(kernel.LastResult.AuthorisationData);
                bool hostApproved = answer != null && answer.Approved;
                outcome = kernel.LastResult.CompleteOnline(hostApproved, answer?.AuthorisationResponseCode ?? Encoding.ASCII.GetBytes("Z3"));
                _host.Complete(hostApproved, null);
                break;
            case ContactlessOutcome.TryAnotherInterface:
                if (outcome != null) Traced?.Invoke(outcome.Trace);
                Finish(Fill(record, outcome, "try-another-interface"), "INSERT CARD");
                PresentCard(false, true, false);
                return;
        }
        if (outcome != null) Traced?.Invoke(outcome.Trace);
        bool approved = outcome != null && outcome.Decision is TransactionDecision.ApprovedOffline or TransactionDecision.ApprovedOnline;
        string text = approved ? "approved" : outcome == null || outcome.Decision == TransactionDecision.Terminated ? "card-error" : "declined";
        Finish(Fill(record, outcome, text), ResultText(outcome, text));
    }

    private void Swipe(MagstripeSwipe swipe)
    {
        var record = new TransactionRecord { Amount = _amount, EntryMode = "magstripe", Card = _magstripe.CardName };
        string track2 = swipe.Track2;
        int sep = track2 == null ? -1 : track2.IndexOf('=');
        if (sep < 0 || track2.Length < sep + 8)
        {
            Finish(record.With("card-error"), "CARD READ ERROR");
            return;
        }
        record.MaskedPan = PanMask.MaskDigits(track2.Substring(0, sep));
        char service = track2[sep + 5];
        if (service == '2' || service == '6')
        {
            // ISO/IEC 7813 service code digit 1 = 2 or 6: integrated circuit card, use the chip.
            Finish(record.With("use-chip"), "CHIP CARD", "PLEASE INSERT CARD");
            PresentCard(false, true, false);
            return;
        }
        Show(AmountText(_amount), "", "AUTHORISING", "PLEASE WAIT");
        _host.Reset();
        _host.Amount = _amount;
        _host.PosEntryMode = "021";
        bool approved = _host.AuthoriseMagstripe(track2);
        record.ResponseCode = _host.Last?.ResponseCode;
        Finish(record.With(approved ? "approved" : "declined"), approved ? "APPROVED" : "DECLINED", record.ResponseCode == null ? "HOST UNAVAILABLE" : "CODE " + record.ResponseCode);
    }

    private void WaitForRemoval()
    {
        while (_contact.IsCardPresent)
        {
            string[] lines = new string[_hw.Display.Rows];
            Array.Copy(_lastResult, lines, Math.Min(_lastResult.Length, lines.Length - 1));
            lines[^1] = "REMOVE CARD";
            Show(lines);
            _hw.Keypad.TryReadKey(500, out _);
        }
    }

    private TransactionRequest Request()
    {
        DateTime now = _hw.WallClock.Now;
        byte[] date = Hex.Decode(now.ToString("yyMMdd", CultureInfo.InvariantCulture));
        byte[] time = Hex.Decode(now.ToString("HHmmss", CultureInfo.InvariantCulture));
        return new TransactionRequest(_amount, date, time) { SequenceCounter = ++_sequence };
    }

    private TransactionRecord Fill(TransactionRecord r, TransactionOutcome o, string outcome)
    {
        r.Outcome = outcome;
        if (o != null)
        {
            r.MaskedPan = o.MaskedPan;
            r.Aid = HexOrNull(o.Get(0x84) ?? o.Get(0x4F));
            byte[] label = o.Get(0x50);
            r.Label = label == null ? null : Encoding.ASCII.GetString(label);
            r.Decision = OutcomeNames.Of(o.Decision);
            r.Reason = OutcomeNames.Of(o.Reason);
            r.Tvr = HexOrNull(o.Tvr);
            r.Tsi = HexOrNull(o.Tsi);
            r.Cvm = HexOrNull(o.CvmResults);
            r.Cryptogram = HexOrNull(o.ApplicationCryptogram);
            r.Cid = HexOrNull(o.Cid);
            r.Arc = o.Arc == null ? null : Encoding.ASCII.GetString(o.Arc);
        }
        if (_host.Last != null)
        {
            r.ResponseCode = _host.Last.ResponseCode;
            r.Stan = _host.Last.Trace;
            r.HostStatus = _host.Last.Status.ToString();
            r.Reversal = _host.Last.Status is Firmware.Core.HostLink.Session.AuthorisationStatus.Reversed
                or Firmware.Core.HostLink.Session.AuthorisationStatus.ReversalPending;
            if (_host.Last.Response != null && _host.Last.Response.Has(38)) r.AuthorizationCode = _host.Last.Response.GetString(38);
        }
        return r;
    }

    private static string HexOrNull(byte[] value) => value == null || value.Length == 0 ? null : Hex.Encode(value);

    private string[] ResultText(TransactionOutcome o, string outcome)
    {
        if (outcome == "approved") return ["APPROVED", o?.Arc == null ? "" : "ARC " + Encoding.ASCII.GetString(o.Arc)];
        if (outcome == "declined")
        {
            string reason = o == null ? "" : o.Reason switch
            {
                OutcomeReason.HostDeclined => "DECLINED BY ISSUER",
                OutcomeReason.TerminalDenied => "DECLINED BY TERMINAL",
                OutcomeReason.CardDeclinedAfterHostApproval => "DECLINED BY CARD",
                OutcomeReason.UnableToGoOnlineDeclined => "HOST UNAVAILABLE",
                _ => "DECLINED BY CARD",
            };
            string code = _host.Last?.ResponseCode != null ? "CODE " + _host.Last.ResponseCode : o?.Arc == null ? "" : "ARC " + Encoding.ASCII.GetString(o.Arc);
            return ["DECLINED", reason, code];
        }
        return [_pinPad.TimedOut ? "PIN TIMEOUT" : "TRANSACTION ENDED", o?.TerminationReason.ToString() ?? ""];
    }

    private void Finish(TransactionRecord record, params string[] result)
    {
        _hw.Indicators.Show(record.Outcome == "approved" ? Signal.Success : Signal.Failure);
        var lines = new List<string> { AmountText(record.Amount), "" };
        lines.AddRange(result);
        _lastResult = lines.ToArray();
        Show(_lastResult);
        Completed?.Invoke(record);
    }

    private KeyCode WaitKey()
    {
        KeyCode key;
        while (!_hw.Keypad.TryReadKey(1000, out key))
        {
        }
        return key;
    }

    private void Show(params string[] lines) => _hw.Display.Show(lines);

    /// <summary>"CNY 12.34" for 1234 minor units (currency exponent 2).</summary>
    public static string AmountText(long amount) =>
        "CNY " + (amount / 100).ToString(CultureInfo.InvariantCulture) + "." + (amount % 100).ToString("D2", CultureInfo.InvariantCulture);
}

/// <summary>Record helpers.</summary>
internal static class RecordExtensions
{
    /// <summary>Sets the outcome and returns the record.</summary>
    public static TransactionRecord With(this TransactionRecord r, string outcome)
    {
        r.Outcome = outcome;
        return r;
    }
}
