using System.Collections;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>The embedded key files as the personaliser's file source.</summary>
    public sealed class EmbeddedPkiFiles : IPkiFileSource
    {
        /// <inheritdoc />
        public string ReadText(string path)
        {
            return SelfTestCards.KeyFile(path);
        }
    }

    /// <summary>
    /// The self-test's time for the application: starts at 0 and moves only when a wait is modelled (a keypad
    /// timeout with no key, a host that does not answer), so the cashier flow's timeouts are deterministic and no
    /// run ever sleeps. The per-transaction times the runner prints come from the platform's real clock instead.
    /// </summary>
    public sealed class SelfTestClock : IMonotonicClock
    {
        private long _now;

        /// <inheritdoc />
        public long NowMilliseconds
        {
            get { return _now; }
        }

        /// <summary>Moves time on by <paramref name="milliseconds"/> (negative values are ignored).</summary>
        public void Advance(long milliseconds)
        {
            if (milliseconds > 0) _now += milliseconds;
        }
    }

    /// <summary>The library's reference date and time, 2026-06-15 12:00:00 (docs/card-profiles.md), for every scenario.</summary>
    public sealed class SelfTestWallClock : IWallClock
    {
        /// <inheritdoc />
        public System.DateTime Now
        {
            get { return new System.DateTime(2026, 6, 15, 12, 0, 0); }
        }
    }

    /// <summary>
    /// The cashier and the cardholder at the keypad: keys typed in order (the amount and OK), and the scenario's PIN
    /// followed by OK each time the display shows a PIN prompt with nothing left to type. A key budget stops a
    /// script that would loop (every key after it reads as "no key", so the flow's own timeout ends it). No key:
    /// the whole timeout passes on the <see cref="SelfTestClock"/>.
    /// </summary>
    public sealed class SelfTestKeypad : IKeypad
    {
        /// <summary>Most keys one scenario may read.</summary>
        public const int KeyBudget = 200;

        private readonly SelfTestClock _clock;
        private readonly SelfTestDisplay _display;
        private readonly ArrayList _keys = new ArrayList();
        private string[] _pinPrompts = new string[0];
        private string _pin;
        private int _read;

        /// <summary>A keypad on <paramref name="clock"/> that watches <paramref name="display"/> for PIN prompts.</summary>
        public SelfTestKeypad(SelfTestClock clock, SelfTestDisplay display)
        {
            _clock = clock;
            _display = display;
        }

        /// <summary>Keys still queued.</summary>
        public int Pending
        {
            get { return _keys.Count; }
        }

        /// <summary>Number of PIN entries typed so far.</summary>
        public int PinEntries { get; private set; }

        /// <summary>Queues a key.</summary>
        public void Press(KeyCode key)
        {
            _keys.Add(key);
        }

        /// <summary>Queues the digits of <paramref name="digits"/> ('0'-'9' only) and then OK.</summary>
        public void TypeThenEnter(string digits)
        {
            for (int i = 0; i < digits.Length; i++)
            {
                char c = digits[i];
                if (c < '0' || c > '9') throw new System.ArgumentException("digits only", "digits");
                Press((KeyCode)(c - '0'));
            }
            Press(KeyCode.Enter);
        }

        /// <summary>
        /// The PIN typed (then OK) whenever a line of the display equals one of <paramref name="prompts"/>; null PIN:
        /// nothing is typed (the PIN entry times out).
        /// </summary>
        public void AnswerPinPrompts(string[] prompts, string pin)
        {
            _pinPrompts = prompts == null ? new string[0] : prompts;
            _pin = pin;
        }

        /// <inheritdoc />
        public bool TryReadKey(int timeoutMs, out KeyCode key)
        {
            if (_keys.Count == 0 && _pin != null && ShowsPinPrompt())
            {
                TypeThenEnter(_pin);
                PinEntries++;
            }
            if (_keys.Count > 0 && _read < KeyBudget)
            {
                _read++;
                key = (KeyCode)_keys[0];
                _keys.RemoveAt(0);
                return true;
            }
            _clock.Advance(timeoutMs);
            key = KeyCode.Cancel;
            return false;
        }

        private bool ShowsPinPrompt()
        {
            string[] lines = _display.Lines;
            for (int i = 0; i < lines.Length; i++)
            {
                for (int k = 0; k < _pinPrompts.Length; k++)
                {
                    if (lines[i] == _pinPrompts[k]) return true;
                }
            }
            return false;
        }
    }

    /// <summary>A 4 x 20 display that keeps its last screen.</summary>
    public sealed class SelfTestDisplay : IDisplay
    {
        private string[] _lines = new string[0];

        /// <inheritdoc />
        public int Rows
        {
            get { return 4; }
        }

        /// <inheritdoc />
        public int Columns
        {
            get { return 20; }
        }

        /// <summary>The last screen's lines.</summary>
        public string[] Lines
        {
            get { return _lines; }
        }

        /// <inheritdoc />
        public void Show(string[] lines)
        {
            _lines = lines == null ? new string[0] : lines;
        }
    }

    /// <summary>A receipt printer that keeps every slip printed (each a string[]).</summary>
    public sealed class SelfTestPrinter : IReceiptPrinter
    {
        private readonly ArrayList _slips = new ArrayList();

        /// <summary>Number of slips printed.</summary>
        public int Count
        {
            get { return _slips.Count; }
        }

        /// <summary>The slip at <paramref name="index"/>, in print order.</summary>
        public string[] SlipAt(int index)
        {
            return (string[])_slips[index];
        }

        /// <inheritdoc />
        public void Print(string[] lines)
        {
            _slips.Add(lines);
        }
    }

    /// <summary>
    /// The chip slot: a virtual card is inserted and stays until <see cref="Remove"/>, or until the cardholder pulls
    /// it out after a number of commands (<see cref="PullAfterCommands"/>).
    /// </summary>
    public sealed class SelfTestSlot : IContactCardReader
    {
        private VirtualCard _card;

        /// <summary>Commands the card answers before it is pulled out (-1, the default: it stays).</summary>
        public int PullAfterCommands { get; set; }

        /// <summary>An empty slot.</summary>
        public SelfTestSlot()
        {
            PullAfterCommands = -1;
        }

        /// <summary>Inserts <paramref name="card"/>.</summary>
        public void Insert(VirtualCard card)
        {
            _card = card;
        }

        /// <summary>Takes the card out.</summary>
        public void Remove()
        {
            if (_card != null) _card.Remove();
            _card = null;
        }

        /// <inheritdoc />
        public bool IsCardPresent
        {
            get { return _card != null; }
        }

        /// <inheritdoc />
        public ICardChannel PowerOn(out byte[] atr)
        {
            if (_card == null) throw new CardRemovedException(CardRemovedReason.Removed);
            atr = _card.Atr;
            return new SlotChannel(this);
        }

        /// <inheritdoc />
        public void PowerOff()
        {
        }

        /// <summary>The powered card as the kernel sees it: gone once pulled out.</summary>
        private sealed class SlotChannel : ICardChannel
        {
            private readonly SelfTestSlot _slot;
            private int _commands;

            public SlotChannel(SelfTestSlot slot)
            {
                _slot = slot;
            }

            public byte[] Transmit(byte[] command)
            {
                if (_slot.PullAfterCommands >= 0 && _commands >= _slot.PullAfterCommands) _slot.Remove();
                if (_slot._card == null) throw new CardRemovedException(CardRemovedReason.Removed);
                _commands++;
                return _slot._card.Transmit(command);
            }
        }
    }

    /// <summary>The contactless field: a tapped virtual card answers one activation, then leaves.</summary>
    public sealed class SelfTestField : IContactlessReader, IContactlessPresence
    {
        private VirtualCard _tapped;

        /// <summary>Taps <paramref name="card"/>.</summary>
        public void Tap(VirtualCard card)
        {
            _tapped = card;
        }

        /// <inheritdoc />
        public bool IsCardInField
        {
            get { return _tapped != null; }
        }

        /// <inheritdoc />
        public ICardChannel Card { get; private set; }

        /// <inheritdoc />
        public ProtocolActivationResult Activate()
        {
            if (_tapped == null) return ProtocolActivationResult.NoCard;
            Card = _tapped;
            _tapped = null;
            return ProtocolActivationResult.CardActivated;
        }

        /// <inheritdoc />
        public void FieldOff(int holdTime)
        {
        }
    }

    /// <summary>The magstripe head: one swipe is read once.</summary>
    public sealed class SelfTestStripeHead : IMagstripeReader
    {
        private MagstripeSwipe _swipe;

        /// <summary>
        /// Swipes a card profile's track 2 ("PAN D YYMM SSS ..."): the profile's 'D' separator is '=' on the stripe
        /// (ISO/IEC 7813).
        /// </summary>
        public void Swipe(string profileTrack2)
        {
            char[] track = profileTrack2.ToCharArray();
            for (int i = 0; i < track.Length; i++)
            {
                if (track[i] == 'D') track[i] = '=';
            }
            _swipe = new MagstripeSwipe(null, new string(track));
        }

        /// <inheritdoc />
        public MagstripeSwipe TakeSwipe()
        {
            MagstripeSwipe s = _swipe;
            _swipe = null;
            return s;
        }
    }
}
