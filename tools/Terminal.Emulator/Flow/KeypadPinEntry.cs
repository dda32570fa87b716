using Terminal.EmvKernel.Kernel;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Emulator.Flow;

/// <summary>
/// PIN entry on the keypad for the kernel (<see cref="ICardholderVerificationMethods"/>): digits show as '*',
/// Clear erases, Cancel cancels, Enter with no digits bypasses, Enter with 4-12 digits confirms; no key for
/// <see cref="TimeoutMs"/> cancels. The digits go only to the kernel, never to a screen or log.
/// </summary>
public sealed class KeypadPinEntry(IKeypad keypad, IDisplay display, IMonotonicClock clock, Func<string> amountLine) : ICardholderVerificationMethods
{
    /// <summary>Time allowed without a key.</summary>
    public const int TimeoutMs = 30000;

    /// <summary>True after a PIN entry timed out (the flow shows it).</summary>
    public bool TimedOut { get; private set; }

    /// <inheritdoc />
    public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
    {
        string tries = remainingTries == 1 ? "LAST PIN TRY" : "";
        return Enter(tries, out pinDigits);
    }

    /// <inheritdoc />
    public PinEntryResult EnterOnlinePin()
    {
        // Online PIN: the digits would be enciphered at once by the host link's PIN block (not wired in the interim flow).
        PinEntryResult r = Enter("ONLINE PIN", out byte[] digits);
        if (digits != null) Array.Clear(digits);
        return r;
    }

    private PinEntryResult Enter(string note, out byte[] pinDigits)
    {
        pinDigits = null;
        var digits = new List<byte>();
        long last = clock.NowMilliseconds;
        while (true)
        {
            display.Show(["ENTER PIN", amountLine(), new string('*', digits.Count), note, "", "ENTER=OK  ESC=CANCEL"]);
            if (!keypad.TryReadKey(1000, out KeyCode key))
            {
                if (clock.NowMilliseconds - last >= TimeoutMs)
                {
                    TimedOut = true;
                    return PinEntryResult.Cancelled;
                }
                continue;
            }
            last = clock.NowMilliseconds;
            if (key <= KeyCode.Digit9 && digits.Count < 12) digits.Add((byte)key);
            else if (key == KeyCode.Clear) digits.Clear();
            else if (key == KeyCode.Cancel) return PinEntryResult.Cancelled;
            else if (key == KeyCode.Enter && digits.Count == 0) return PinEntryResult.Bypassed;
            else if (key == KeyCode.Enter && digits.Count >= 4)
            {
                pinDigits = digits.ToArray();
                return PinEntryResult.Entered;
            }
        }
    }
}
