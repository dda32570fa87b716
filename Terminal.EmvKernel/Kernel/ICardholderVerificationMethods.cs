namespace Terminal.EmvKernel.Kernel
{
    /// <summary>Outcome of asking the cardholder for a PIN (the firmware owns the PIN pad).</summary>
    public enum PinEntryResult
    {
        /// <summary>A PIN was entered.</summary>
        Entered = 1,
        /// <summary>The PIN pad works but the PIN was not entered (bypass).</summary>
        Bypassed = 2,
        /// <summary>The PIN pad is not present or not working.</summary>
        PinPadNotWorking = 3,
        /// <summary>The cardholder or attendant cancelled the transaction.</summary>
        Cancelled = 4
    }

    /// <summary>
    /// The cardholder-facing side of Cardholder Verification (EMV 4.4 Book 4, 6.3.4), implemented by the firmware:
    /// the kernel knows no keypad. PIN digits never leave this interface except as the plaintext PIN block the
    /// kernel builds for VERIFY and wipes afterwards.
    /// </summary>
    public interface ICardholderVerificationMethods
    {
        /// <summary>
        /// Prompts for an offline PIN. <paramref name="remainingTries"/> is the PIN Try Counter when known, else -1.
        /// On <see cref="PinEntryResult.Entered"/>, <paramref name="pinDigits"/> holds 4 to 12 digit values 0-9
        /// (one per byte); the kernel wipes the array after use.
        /// </summary>
        PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits);

        /// <summary>
        /// Prompts for an online PIN; the firmware enciphers and keeps the PIN block itself for the authorisation.
        /// </summary>
        PinEntryResult EnterOnlinePin();
    }
}
