using System.Collections;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// One <c>[name argument]</c> section of a profile or key file with its <c>key = value</c> entries in file
    /// order. The typed getters throw <see cref="CardProfileException"/> naming the line and key.
    /// </summary>
    public sealed class ProfileSection
    {
        private readonly ArrayList _entries = new ArrayList();

        internal ProfileSection(string name, string argument, int line)
        {
            Name = name;
            Argument = argument;
            Line = line;
        }

        /// <summary>Section name, e.g. <c>application</c>.</summary>
        public string Name { get; private set; }

        /// <summary>The word after the name (e.g. the AID), or null.</summary>
        public string Argument { get; private set; }

        /// <summary>1-based line of the header.</summary>
        public int Line { get; private set; }

        /// <summary>Number of entries.</summary>
        public int Count { get { return _entries.Count; } }

        /// <summary>The entry at a position (file order).</summary>
        public ProfileEntry EntryAt(int position) { return (ProfileEntry)_entries[position]; }

        internal void Add(ProfileEntry entry)
        {
            if (Find(entry.Key) != null)
                throw new CardProfileException(CardProfileError.Duplicate, entry.Line, entry.Key, "key given twice in [" + Name + "]");
            _entries.Add(entry);
        }

        /// <summary>The entry with this key, or null.</summary>
        public ProfileEntry Find(string key)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                ProfileEntry e = (ProfileEntry)_entries[i];
                if (e.Key == key) return e;
            }
            return null;
        }

        /// <summary>The value of a key, or null when absent.</summary>
        public string Text(string key)
        {
            ProfileEntry e = Find(key);
            return e == null ? null : e.Value;
        }

        /// <summary>The value of a required key.</summary>
        public string RequiredText(string key)
        {
            ProfileEntry e = Find(key);
            if (e == null) throw new CardProfileException(CardProfileError.Missing, Line, key, "required in [" + Name + "]");
            return e.Value;
        }

        /// <summary>The hex value of a key (blanks inside are ignored), or null when absent.</summary>
        public byte[] Hex(string key)
        {
            ProfileEntry e = Find(key);
            return e == null ? null : ProfileValues.HexOf(e);
        }

        /// <summary>The hex value of a required key.</summary>
        public byte[] RequiredHex(string key)
        {
            RequiredText(key);
            return Hex(key);
        }

        /// <summary>A decimal number in [min, max], or the default when absent.</summary>
        public int Number(string key, int min, int max, int defaultValue)
        {
            ProfileEntry e = Find(key);
            return e == null ? defaultValue : ProfileValues.NumberOf(e, min, max);
        }

        /// <summary><c>yes</c>/<c>no</c>, or the default when absent.</summary>
        public bool Flag(string key, bool defaultValue)
        {
            ProfileEntry e = Find(key);
            if (e == null) return defaultValue;
            if (e.Value == "yes") return true;
            if (e.Value == "no") return false;
            throw ProfileValues.Invalid(e, "expected yes or no");
        }

        /// <summary>Throws UnknownKey for the first entry whose key is not allowed (tags allowed when allowTags).</summary>
        internal void CheckKeys(string[] allowed, bool allowTags)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                ProfileEntry e = (ProfileEntry)_entries[i];
                if (allowTags && ProfileValues.IsTagKey(e.Key)) continue;
                if (IsAllowed(e.Key, allowed)) continue;
                throw new CardProfileException(CardProfileError.UnknownKey, e.Line, e.Key, "not a key of [" + Name + "]");
            }
        }

        private static bool IsAllowed(string key, string[] allowed)
        {
            for (int i = 0; i < allowed.Length; i++)
            {
                string a = allowed[i];
                if (a == key) return true;
                // "record." allows every key with that prefix.
                if (a.Length > 0 && a[a.Length - 1] == '.' && key.Length > a.Length && key.Substring(0, a.Length) == a) return true;
            }
            return false;
        }
    }
}
