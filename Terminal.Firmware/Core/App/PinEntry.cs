using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The PIN pad side of cardholder verification (Book 4, 6.3.4): prompts with the amount, shows one '*' per
    /// digit, correction deletes the last digit, Cancel cancels, OK on an empty PIN bypasses where the
    /// configuration allows, and no key within the timeout ends the entry (reported as cancelled to the kernel,
    /// <see cref="TimedOut"/> for the display). An online PIN is enciphered at once (<see cref="OnlinePinCipher"/>)
    /// and its clear digits wiped; only the enciphered block is kept for the authorisation.
    /// </summary>
    public sealed class PinEntry : ICardholderVerificationMethods
    {
        private const int MaxDigits = 12;
        private readonly IKeypad _keypad;
        private readonly IMonotonicClock _clock;
        private readonly OnlinePinCipher _cipher;
        private readonly Screen _screen;
        private readonly string _amountText;
        private readonly int _timeoutMs;
        private readonly bool _bypassAllowed;

        /// <summary>A PIN pad for one transaction of <paramref name="amountText"/>.</summary>
        public PinEntry(IKeypad keypad, IMonotonicClock clock, Screen screen, OnlinePinCipher cipher, string amountText, int timeoutMs, bool bypassAllowed)
        {
            _keypad = keypad;
            _clock = clock;
            _screen = screen;
            _cipher = cipher;
            _amountText = amountText;
            _timeoutMs = timeoutMs;
            _bypassAllowed = bypassAllowed;
        }

        /// <summary>Where the PAN of an online PIN block comes from (the contact card's records), or null.</summary>
        public PanWatchingChannel PanSource { get; set; }

        /// <summary>The PAN for an online PIN block when known beforehand (contactless, swipe), or null.</summary>
        public string Pan { get; set; }

        /// <summary>True when the last entry ended because no key came in time.</summary>
        public bool TimedOut { get; private set; }

        /// <summary>True when the last entry was cancelled with the Cancel key.</summary>
        public bool CancelledByKey { get; private set; }

        /// <summary>The enciphered online PIN block, or null.</summary>
        public byte[] EncipheredPinBlock { get; private set; }

        /// <summary>The DUKPT KSN of <see cref="EncipheredPinBlock"/>, or null.</summary>
        public byte[] Ksn { get; private set; }

        /// <inheritdoc/>
        public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
        {
            return Collect(MessageId.EnterPin, remainingTries, out pinDigits);
        }

        /// <inheritdoc/>
        public PinEntryResult EnterOnlinePin()
        {
            string pan = Pan;
            if (pan == null && PanSource != null) pan = PanSource.Pan;
            if (_cipher == null || !_cipher.Ready || pan == null) return PinEntryResult.PinPadNotWorking;
            byte[] digits;
            PinEntryResult result = Collect(MessageId.EnterOnlinePin, -1, out digits);
            if (result != PinEntryResult.Entered) return result;
            try
            {
                byte[] ksn;
                EncipheredPinBlock = _cipher.Encipher(digits, pan, out ksn);
                Ksn = ksn;
                return PinEntryResult.Entered;
            }
            catch (SecurityException)
            {
                KeyBytes.Wipe(digits);
                return PinEntryResult.PinPadNotWorking;
            }
        }

        private PinEntryResult Collect(MessageId prompt, int remainingTries, out byte[] pinDigits)
        {
            pinDigits = null;
            TimedOut = false;
            CancelledByKey = false;
            byte[] buffer = new byte[MaxDigits];
            int n = 0;
            long lastKey = _clock.NowMilliseconds;
            try
            {
                while (true)
                {
                    Show(prompt, remainingTries, n);
                    long remaining = _timeoutMs - (_clock.NowMilliseconds - lastKey);
                    if (remaining <= 0)
                    {
                        TimedOut = true;
                        return PinEntryResult.Cancelled;
                    }
                    KeyCode key;
                    if (!_keypad.TryReadKey((int)remaining, out key)) continue;
                    lastKey = _clock.NowMilliseconds;
                    if (key >= KeyCode.Digit0 && key <= KeyCode.Digit9)
                    {
                        if (n < MaxDigits) buffer[n++] = (byte)(key - KeyCode.Digit0);
                    }
                    else if (key == KeyCode.Clear)
                    {
                        if (n > 0) buffer[--n] = 0;
                    }
                    else if (key == KeyCode.Cancel)
                    {
                        CancelledByKey = true;
                        return PinEntryResult.Cancelled;
                    }
                    else if (key == KeyCode.Enter)
                    {
                        if (n == 0 && _bypassAllowed) return PinEntryResult.Bypassed;
                        if (n >= PinBlock.MinPinLength)
                        {
                            pinDigits = Bytes.Slice(buffer, 0, n);
                            return PinEntryResult.Entered;
                        }
                    }
                }
            }
            finally
            {
                KeyBytes.Wipe(buffer);
            }
        }

        private void Show(MessageId prompt, int remainingTries, int digits)
        {
            string stars = new string('*', digits);
            string tries = remainingTries > 0 ? _screen.Text(MessageId.PinTriesLeft) + " " + remainingTries.ToString() : "";
            _screen.Show(_screen.Text(prompt), _amountText, stars, tries);
        }
    }
}
