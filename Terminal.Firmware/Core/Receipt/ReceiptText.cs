using System;
using System.Collections;

namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>
    /// Column arithmetic and line layout for fixed-width slips: a CJK (wide) character takes two columns, every
    /// other character one (the East Asian Width rule of UAX #11, reduced to the wide ranges a receipt meets).
    /// Lines are collected in an ArrayList of strings.
    /// </summary>
    public static class ReceiptText
    {
        /// <summary>Narrowest slip supported, in columns.</summary>
        public const int MinWidth = 24;

        /// <summary>Widest slip supported, in columns.</summary>
        public const int MaxWidth = 64;

        /// <summary>Columns the character takes: 2 for wide (CJK, fullwidth forms), else 1.</summary>
        public static int CharColumns(char c)
        {
            if (c < 0x1100) return 1;
            if (c <= 0x115F) return 2;                      // Hangul Jamo leading consonants
            if (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) return 2; // CJK radicals .. Yi, incl. CJK ideographs, kana, CJK punctuation
            if (c >= 0xAC00 && c <= 0xD7A3) return 2;       // Hangul syllables
            if (c >= 0xF900 && c <= 0xFAFF) return 2;       // CJK compatibility ideographs
            if (c >= 0xFE30 && c <= 0xFE4F) return 2;       // CJK compatibility forms
            if (c >= 0xFF00 && c <= 0xFF60) return 2;       // fullwidth forms
            if (c >= 0xFFE0 && c <= 0xFFE6) return 2;       // fullwidth signs
            return 1;
        }

        /// <summary>Columns the text takes (0 for null).</summary>
        public static int Columns(string text)
        {
            if (text == null) return 0;
            int n = 0;
            for (int i = 0; i < text.Length; i++) n += CharColumns(text[i]);
            return n;
        }

        /// <summary>Checks a slip width.</summary>
        public static void CheckWidth(int width)
        {
            if (width < MinWidth || width > MaxWidth)
                throw new ArgumentOutOfRangeException("width", "slip width must be 24 to 64 columns");
        }

        /// <summary>The number as at least <paramref name="digits"/> decimal digits with leading zeros (negative numbers print as 0).</summary>
        public static string ZeroPad(long value, int digits)
        {
            string text = (value < 0 ? 0 : value).ToString();
            return text.Length >= digits ? text : string.Concat(new string('0', digits - text.Length), text);
        }

        /// <summary>A line of <paramref name="width"/> copies of <paramref name="c"/>.</summary>
        public static string Rule(char c, int width)
        {
            return new string(c, width);
        }

        /// <summary>The text centred in <paramref name="width"/> columns (left-biased; no trailing spaces); cut when too wide.</summary>
        public static string Center(string text, int width)
        {
            int cols = Columns(text);
            if (cols >= width) return Cut(text, width);
            return string.Concat(new string(' ', (width - cols) / 2), text);
        }

        /// <summary>
        /// Adds "label" and "value" to <paramref name="lines"/>: on one line with the value right-aligned when both
        /// fit with at least one space between, else the label alone and the value on the next lines, indented by
        /// two columns and wrapped. A null or empty value adds nothing.
        /// </summary>
        public static void Pair(ArrayList lines, string label, string value, int width)
        {
            if (value == null || value.Length == 0) return;
            int gap = width - Columns(label) - Columns(value);
            if (gap >= 1)
            {
                lines.Add(string.Concat(label, new string(' ', gap), value));
                return;
            }
            lines.Add(Cut(label, width));
            Wrap(lines, value, width, 2);
        }

        /// <summary>
        /// Adds the text wrapped to <paramref name="width"/> columns, each line indented by <paramref name="indent"/>
        /// spaces: breaks at the last space that fits, else between any two characters (Chinese text has no spaces).
        /// </summary>
        public static void Wrap(ArrayList lines, string text, int width, int indent)
        {
            int room = width - indent;
            string pad = new string(' ', indent);
            int start = 0;
            while (start < text.Length)
            {
                int cols = 0, end = start, lastSpace = -1;
                while (end < text.Length && cols + CharColumns(text[end]) <= room)
                {
                    if (text[end] == ' ') lastSpace = end;
                    cols += CharColumns(text[end]);
                    end++;
                }
                if (end < text.Length && text[end] != ' ' && lastSpace > start) end = lastSpace;
                if (end == start) end = start + 1;          // a character wider than the room: emit it anyway
                lines.Add(string.Concat(pad, text.Substring(start, end - start).TrimEnd()));
                start = end;
                while (start < text.Length && text[start] == ' ') start++;
            }
        }

        /// <summary>
        /// Adds the phrases as running text: each line takes as many whole phrases as fit; a phrase wider than the
        /// line is wrapped on its own (<see cref="Wrap"/>).
        /// </summary>
        public static void Flow(ArrayList lines, string[] phrases, int width)
        {
            string line = string.Empty;
            for (int i = 0; i < phrases.Length; i++)
            {
                string p = phrases[i];
                if (line.Length > 0 && Columns(line) + Columns(p.TrimEnd()) <= width)
                {
                    line = string.Concat(line, p);
                    continue;
                }
                if (line.Length > 0) lines.Add(line.TrimEnd());
                if (Columns(p.TrimEnd()) <= width)
                {
                    line = p;
                }
                else
                {
                    Wrap(lines, p, width, 0);
                    line = string.Empty;
                }
            }
            if (line.Length > 0) lines.Add(line.TrimEnd());
        }

        /// <summary>The longest prefix of the text that fits in <paramref name="width"/> columns.</summary>
        public static string Cut(string text, int width)
        {
            int cols = 0;
            for (int i = 0; i < text.Length; i++)
            {
                cols += CharColumns(text[i]);
                if (cols > width) return text.Substring(0, i);
            }
            return text;
        }

        /// <summary>The lines as a string array.</summary>
        public static string[] ToArray(ArrayList lines)
        {
            string[] result = new string[lines.Count];
            for (int i = 0; i < lines.Count; i++) result[i] = (string)lines[i];
            return result;
        }
    }
}
