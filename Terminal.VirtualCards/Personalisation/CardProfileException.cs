namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>What was wrong with a card profile or key file (docs/card-profiles.md).</summary>
    public enum CardProfileError
    {
        /// <summary>A byte outside printable ASCII, tab, CR or LF.</summary>
        InvalidCharacter = 1,
        /// <summary>A line that is neither a comment, a section header nor a key = value line.</summary>
        Syntax = 2,
        /// <summary>A section name the format does not know.</summary>
        UnknownSection = 3,
        /// <summary>A key the section does not know.</summary>
        UnknownKey = 4,
        /// <summary>The same key twice in one section, or the same section twice.</summary>
        Duplicate = 5,
        /// <summary>A value of the wrong form (hex, digits, date, number, choice).</summary>
        InvalidValue = 6,
        /// <summary>A required key or section is absent.</summary>
        Missing = 7,
        /// <summary>The profile is well formed but inconsistent (e.g. an ODA record after a non-ODA one).</summary>
        Inconsistent = 8,
        /// <summary>A key file named by the profile could not be read.</summary>
        KeyFile = 9
    }

    /// <summary>Names of <see cref="CardProfileError"/> values (Enum.ToString gives numbers on the device).</summary>
    public static class CardProfileErrorNames
    {
        /// <summary>The name of an error value.</summary>
        public static string Name(CardProfileError error)
        {
            switch (error)
            {
                case CardProfileError.InvalidCharacter: return "InvalidCharacter";
                case CardProfileError.Syntax: return "Syntax";
                case CardProfileError.UnknownSection: return "UnknownSection";
                case CardProfileError.UnknownKey: return "UnknownKey";
                case CardProfileError.Duplicate: return "Duplicate";
                case CardProfileError.InvalidValue: return "InvalidValue";
                case CardProfileError.Missing: return "Missing";
                case CardProfileError.Inconsistent: return "Inconsistent";
                case CardProfileError.KeyFile: return "KeyFile";
                default: return "Unknown";
            }
        }
    }

    /// <summary>
    /// The one error of the profile parser and personaliser: names the line (1-based, 0 when not from one line)
    /// and the field (key or section name). It never contains key material or a PIN.
    /// </summary>
    public class CardProfileException : System.Exception
    {
        /// <summary>Creates the error; the message is built from the parts.</summary>
        public CardProfileException(CardProfileError error, int line, string field, string detail)
            : base(BuildMessage(error, line, field, detail))
        {
            Error = error;
            Line = line;
            Field = field;
        }

        /// <summary>What was wrong.</summary>
        public CardProfileError Error { get; private set; }

        /// <summary>1-based line of the profile or key file, or 0.</summary>
        public int Line { get; private set; }

        /// <summary>The key or section concerned, or null.</summary>
        public string Field { get; private set; }

        private static string BuildMessage(CardProfileError error, int line, string field, string detail)
        {
            string text = "card profile error " + CardProfileErrorNames.Name(error);
            if (line > 0) text = text + " at line " + line.ToString();
            if (field != null) text = text + ", field '" + field + "'";
            if (detail != null) text = text + ": " + detail;
            return text;
        }
    }
}
