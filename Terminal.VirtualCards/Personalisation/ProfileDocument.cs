using System.Collections;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// The line syntax shared by card profiles and PKI key files (docs/card-profiles.md): ASCII lines;
    /// <c>#</c> as the first non-blank character makes a comment line; <c>[name]</c> or <c>[name argument]</c>
    /// opens a section; <c>key = value</c> adds an entry to the open section. Keys are lower-case words with
    /// digits, '-' and '.', or upper-case hex tags. Any other line, or an entry before the first section, is a
    /// Syntax error naming the line. Which sections and keys are allowed is checked by the reader of the
    /// document (<see cref="CardProfile"/>, <see cref="PkiKeyFile"/>).
    /// </summary>
    public sealed class ProfileDocument
    {
        /// <summary>Longest accepted text (characters), so a broken file cannot exhaust device memory.</summary>
        public const int MaxLength = 262144;

        private readonly ArrayList _sections = new ArrayList();

        private ProfileDocument() { }

        /// <summary>Number of sections.</summary>
        public int Count { get { return _sections.Count; } }

        /// <summary>The section at a position (file order).</summary>
        public ProfileSection SectionAt(int position) { return (ProfileSection)_sections[position]; }

        /// <summary>The first section with this name, or null.</summary>
        public ProfileSection Find(string name)
        {
            for (int i = 0; i < _sections.Count; i++)
            {
                ProfileSection s = (ProfileSection)_sections[i];
                if (s.Name == name) return s;
            }
            return null;
        }

        /// <summary>Parses the text; throws <see cref="CardProfileException"/> at the first bad line.</summary>
        public static ProfileDocument Parse(string text)
        {
            if (text == null) throw new System.ArgumentNullException("text");
            if (text.Length > MaxLength) throw new CardProfileException(CardProfileError.Syntax, 0, null, "text longer than " + MaxLength.ToString() + " characters");
            ProfileDocument doc = new ProfileDocument();
            ProfileSection current = null;
            int line = 1;
            int start = 0;
            while (start <= text.Length)
            {
                int end = start;
                while (end < text.Length && text[end] != '\n') end++;
                int stop = end;
                if (stop > start && text[stop - 1] == '\r') stop--;
                current = doc.ParseLine(text, start, stop, line, current);
                if (end >= text.Length) break;
                start = end + 1;
                line++;
            }
            return doc;
        }

        private ProfileSection ParseLine(string text, int start, int stop, int line, ProfileSection current)
        {
            for (int i = start; i < stop; i++)
            {
                char c = text[i];
                if (c != '\t' && (c < ' ' || c > '~'))
                    throw new CardProfileException(CardProfileError.InvalidCharacter, line, null, "only printable ASCII is allowed");
            }
            while (start < stop && IsBlank(text[start])) start++;
            while (stop > start && IsBlank(text[stop - 1])) stop--;
            if (start == stop || text[start] == '#') return current;
            if (text[start] == '[')
            {
                if (text[stop - 1] != ']') throw Syntax(line, "a section header ends with ']'");
                string inner = text.Substring(start + 1, stop - start - 2).Trim();
                int space = inner.IndexOf(' ');
                string name = space < 0 ? inner : inner.Substring(0, space);
                string argument = space < 0 ? null : inner.Substring(space + 1).Trim();
                if (!IsWord(name)) throw Syntax(line, "a section name is a lower-case word");
                if (argument != null && (argument.Length == 0 || argument.IndexOf(' ') >= 0 || argument.IndexOf('\t') >= 0))
                    throw Syntax(line, "a section takes at most one argument word");
                ProfileSection s = new ProfileSection(name, argument, line);
                _sections.Add(s);
                return s;
            }
            int eq = text.IndexOf('=', start, stop - start);
            if (eq < 0) throw Syntax(line, "expected 'key = value', a [section] or a # comment");
            string key = text.Substring(start, eq - start).Trim();
            string value = text.Substring(eq + 1, stop - eq - 1).Trim();
            if (!IsWord(key) && !ProfileValues.IsTagKey(key)) throw Syntax(line, "a key is a lower-case word or an upper-case hex tag");
            if (current == null) throw new CardProfileException(CardProfileError.Syntax, line, key, "entry before the first [section]");
            current.Add(new ProfileEntry(key, value, line));
            return current;
        }

        private static CardProfileException Syntax(int line, string detail)
        {
            return new CardProfileException(CardProfileError.Syntax, line, null, detail);
        }

        private static bool IsBlank(char c) { return c == ' ' || c == '\t'; }

        private static bool IsWord(string s)
        {
            if (s.Length == 0 || s.Length > 64) return false;
            if (s[0] < 'a' || s[0] > 'z') return false;
            for (int i = 1; i < s.Length; i++)
            {
                char c = s[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
            }
            return true;
        }
    }
}
