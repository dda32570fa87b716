using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>The display with the configured language: shows catalog messages and keeps the last screen.</summary>
    public sealed class Screen
    {
        private readonly IDisplay _display;
        private string[] _last = new string[0];

        /// <summary>A screen on <paramref name="display"/> (null: nothing shown, the last screen is still kept).</summary>
        public Screen(IDisplay display, Language language)
        {
            _display = display;
            Language = language;
        }

        /// <summary>The message language.</summary>
        public Language Language { get; set; }

        /// <summary>The lines last shown (a copy).</summary>
        public string[] Lines
        {
            get
            {
                string[] copy = new string[_last.Length];
                System.Array.Copy(_last, copy, _last.Length);
                return copy;
            }
        }

        /// <summary>The catalog text of <paramref name="id"/> in the screen's language.</summary>
        public string Text(MessageId id)
        {
            return MessageCatalog.Text(id, Language);
        }

        /// <summary>Shows up to four lines; null or empty trailing lines are dropped.</summary>
        public void Show(string line1, string line2, string line3, string line4)
        {
            string[] all = { line1, line2, line3, line4 };
            int n = all.Length;
            while (n > 0 && (all[n - 1] == null || all[n - 1].Length == 0)) n--;
            string[] lines = new string[n];
            for (int i = 0; i < n; i++) lines[i] = all[i] == null ? "" : all[i];
            _last = lines;
            if (_display != null) _display.Show(lines);
        }

        /// <summary>True when some line of the last screen equals the catalog text of <paramref name="id"/>.</summary>
        public bool Shows(MessageId id)
        {
            string t = Text(id);
            for (int i = 0; i < _last.Length; i++)
            {
                if (_last[i] == t) return true;
            }
            return false;
        }
    }
}
