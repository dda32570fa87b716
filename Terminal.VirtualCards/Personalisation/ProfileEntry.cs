namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>One <c>key = value</c> line of a profile section.</summary>
    public sealed class ProfileEntry
    {
        internal ProfileEntry(string key, string value, int line)
        {
            Key = key;
            Value = value;
            Line = line;
        }

        /// <summary>The key, lower case as written (or a hex tag in upper case).</summary>
        public string Key { get; private set; }

        /// <summary>The value, trimmed of surrounding blanks (may be empty).</summary>
        public string Value { get; private set; }

        /// <summary>1-based line number.</summary>
        public int Line { get; private set; }
    }
}
