using Terminal.Emulator.Script;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Emulator.Devices;

/// <summary>The keypad: keys from the input queue (scenario or keyboard); a wait step lets time pass.</summary>
public sealed class EmulatedKeypad(TerminalInput input) : IKeypad
{
    /// <inheritdoc />
    public bool TryReadKey(int timeoutMs, out KeyCode key)
    {
        key = KeyCode.Cancel;
        ScriptStep head = input.Peek(true);
        if (head != null && head.Kind == StepKind.Key)
        {
            input.Take();
            key = head.Key;
            return true;
        }
        if (head != null && head.Kind == StepKind.Wait)
        {
            input.Take();
            input.Elapse(head.Number);
            return false;
        }
        input.Idle(timeoutMs);
        return false;
    }
}
