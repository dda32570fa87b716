namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The terminal keypad (a matrix keypad on the boards, the keyboard in the emulator).</summary>
    public interface IKeypad
    {
        /// <summary>Waits up to <paramref name="timeoutMs"/> milliseconds for a key press. Returns false and
        /// leaves <paramref name="key"/> undefined when none came. A timeout of 0 polls.</summary>
        bool TryReadKey(int timeoutMs, out KeyCode key);
    }
}
