namespace Terminal.Firmware.Core.Keypad
{
    /// <summary>
    /// Turns raw matrix events (a row/column contact closing or opening, with a millisecond time stamp) into clean
    /// key presses: a press counts when the key was up and its last accepted change is at least the debounce time
    /// old; a change inside that window is contact bounce and ignored; a held key never repeats.
    /// </summary>
    public sealed class KeyDebouncer
    {
        private readonly int _rows;
        private readonly int _columns;
        private readonly int _debounceMs;
        private readonly bool[] _down;
        private readonly long[] _lastChange;
        private readonly bool[] _changed;

        /// <summary>Creates the debouncer for a matrix of the given size.</summary>
        public KeyDebouncer(int rows, int columns, int debounceMs)
        {
            if (rows < 1 || columns < 1) throw new System.ArgumentOutOfRangeException("rows");
            if (debounceMs < 0) throw new System.ArgumentOutOfRangeException("debounceMs");
            _rows = rows;
            _columns = columns;
            _debounceMs = debounceMs;
            _down = new bool[rows * columns];
            _lastChange = new long[rows * columns];
            _changed = new bool[rows * columns];
        }

        /// <summary>
        /// Feeds one raw event; returns true when it is a new key press (the caller maps row/column to a key).
        /// Events outside the matrix are ignored.
        /// </summary>
        public bool OnEvent(int row, int column, bool pressed, long nowMs)
        {
            if (row < 0 || row >= _rows || column < 0 || column >= _columns) return false;
            int i = row * _columns + column;
            if (pressed == _down[i]) return false;
            if (_changed[i] && nowMs - _lastChange[i] < _debounceMs) return false;
            _down[i] = pressed;
            _lastChange[i] = nowMs;
            _changed[i] = true;
            return pressed;
        }
    }
}
