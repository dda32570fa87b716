using Terminal.Firmware.Core.Hardware;

namespace Terminal.Firmware.Core.Keypad
{
    /// <summary>
    /// Which <see cref="KeyCode"/> sits at each row/column of a matrix keypad. Written as text, one row per '/'
    /// separated group, keys separated by spaces: digits 0-9, ENTER, CANCEL, CLEAR, MENU, UP, DOWN, or '-' for a
    /// position without a key. Example (<see cref="Default4x4"/>): "1 2 3 CANCEL / 4 5 6 CLEAR / 7 8 9 ENTER / UP 0 DOWN MENU".
    /// </summary>
    public sealed class KeyMap
    {
        /// <summary>The common 4x4 membrane keypad (1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D) with A = cancel,
        /// B = clear, C = enter, * = up, # = down, D = menu.</summary>
        public const string Default4x4 = "1 2 3 CANCEL / 4 5 6 CLEAR / 7 8 9 ENTER / UP 0 DOWN MENU";

        private const int NoKey = -1;
        private readonly int[][] _keys;

        private KeyMap(int[][] keys)
        {
            _keys = keys;
        }

        /// <summary>Number of rows (the matrix's driven outputs).</summary>
        public int Rows { get { return _keys.Length; } }

        /// <summary>Number of columns (the matrix's read inputs).</summary>
        public int Columns { get { return _keys[0].Length; } }

        /// <summary>The key at <paramref name="row"/>, <paramref name="column"/>; false when there is none or the
        /// position is outside the matrix.</summary>
        public bool TryGetKey(int row, int column, out KeyCode key)
        {
            key = KeyCode.Digit0;
            if (row < 0 || row >= _keys.Length || column < 0 || column >= _keys[row].Length) return false;
            int k = _keys[row][column];
            if (k == NoKey) return false;
            key = (KeyCode)k;
            return true;
        }

        /// <summary>Parses a layout; throws <see cref="KeyMapException"/> naming the bad token or row.</summary>
        public static KeyMap Parse(string layout)
        {
            if (layout == null || layout.Trim().Length == 0) throw new KeyMapException("empty keypad layout");
            string[] rows = layout.Split(new char[] { '/' });
            int[][] keys = new int[rows.Length][];
            int columns = -1;
            bool[] seen = new bool[16];
            for (int r = 0; r < rows.Length; r++)
            {
                string[] tokens = Tokens(rows[r]);
                if (tokens.Length == 0) throw new KeyMapException(string.Concat("row ", (r + 1).ToString(), " is empty"));
                if (columns < 0) columns = tokens.Length;
                else if (tokens.Length != columns)
                    throw new KeyMapException(string.Concat("row ", (r + 1).ToString(), " has ", tokens.Length.ToString(), " keys, row 1 has ", columns.ToString()));
                keys[r] = new int[columns];
                for (int c = 0; c < columns; c++)
                {
                    int k = KeyOf(tokens[c]);
                    if (k != NoKey)
                    {
                        if (seen[k]) throw new KeyMapException(string.Concat("key '", tokens[c], "' appears twice"));
                        seen[k] = true;
                    }
                    keys[r][c] = k;
                }
            }
            return new KeyMap(keys);
        }

        private static string[] Tokens(string row)
        {
            string[] parts = row.Split(new char[] { ' ', '\t' });
            int n = 0;
            for (int i = 0; i < parts.Length; i++) if (parts[i].Length > 0) n++;
            string[] tokens = new string[n];
            n = 0;
            for (int i = 0; i < parts.Length; i++) if (parts[i].Length > 0) tokens[n++] = parts[i];
            return tokens;
        }

        private static int KeyOf(string token)
        {
            if (token.Length == 1 && token[0] >= '0' && token[0] <= '9') return token[0] - '0';
            string t = token.ToUpper();
            if (t == "-") return NoKey;
            if (t == "ENTER") return (int)KeyCode.Enter;
            if (t == "CANCEL") return (int)KeyCode.Cancel;
            if (t == "CLEAR") return (int)KeyCode.Clear;
            if (t == "MENU") return (int)KeyCode.Menu;
            if (t == "UP") return (int)KeyCode.Up;
            if (t == "DOWN") return (int)KeyCode.Down;
            throw new KeyMapException(string.Concat("unknown key '", token, "'"));
        }
    }

    /// <summary>A keypad layout that cannot be used.</summary>
    public class KeyMapException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public KeyMapException(string detail) : base(string.Concat("keypad layout: ", detail)) { }
    }
}
