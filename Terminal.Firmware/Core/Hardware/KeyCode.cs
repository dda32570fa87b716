namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>A key of the terminal keypad. Digits are 0-9 in value order so that
    /// <c>(int)key - (int)KeyCode.Digit0</c> is the digit.</summary>
    public enum KeyCode
    {
        /// <summary>The digit 0.</summary>
        Digit0 = 0,
        /// <summary>The digit 1.</summary>
        Digit1 = 1,
        /// <summary>The digit 2.</summary>
        Digit2 = 2,
        /// <summary>The digit 3.</summary>
        Digit3 = 3,
        /// <summary>The digit 4.</summary>
        Digit4 = 4,
        /// <summary>The digit 5.</summary>
        Digit5 = 5,
        /// <summary>The digit 6.</summary>
        Digit6 = 6,
        /// <summary>The digit 7.</summary>
        Digit7 = 7,
        /// <summary>The digit 8.</summary>
        Digit8 = 8,
        /// <summary>The digit 9.</summary>
        Digit9 = 9,
        /// <summary>Confirm (green key, OK, 确认).</summary>
        Enter = 10,
        /// <summary>Cancel (red key, 取消).</summary>
        Cancel = 11,
        /// <summary>Correction: delete the last digit (yellow key, 更正).</summary>
        Clear = 12,
        /// <summary>Open the function menu (功能).</summary>
        Menu = 13,
        /// <summary>Previous menu item.</summary>
        Up = 14,
        /// <summary>Next menu item.</summary>
        Down = 15
    }
}
