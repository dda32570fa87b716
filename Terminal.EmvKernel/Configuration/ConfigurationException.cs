namespace Terminal.EmvKernel.Configuration
{
    /// <summary>
    /// The one error of the kernel configuration file (docs/kernel-config.md). The message names the line, the
    /// section and the field, e.g. "line 12: aid A0000000031010 tac-online: expected 5 bytes of hex, found 4".
    /// Configuration files hold no secrets, so values may be quoted in the detail.
    /// </summary>
    public sealed class ConfigurationException : System.Exception
    {
        /// <summary>Creates the error; the message is built from the parts.</summary>
        public ConfigurationException(int line, string section, string field, string detail)
            : base(BuildMessage(line, section, field, detail))
        {
            Line = line;
            Section = section;
            Field = field;
            Detail = detail;
        }

        /// <summary>1-based line of the file, or 0 when the error concerns the file as a whole.</summary>
        public int Line { get; private set; }

        /// <summary>"terminal" or "aid &lt;hex&gt;" when the error is inside a section, else null.</summary>
        public string Section { get; private set; }

        /// <summary>The key in file spelling ("tac-online", "country-code"), or "section", "aid", "line", "text".</summary>
        public string Field { get; private set; }

        /// <summary>What was wrong.</summary>
        public string Detail { get; private set; }

        private static string BuildMessage(int line, string section, string field, string detail)
        {
            string text = line > 0 ? "line " + line.ToString() + ": " : "configuration: ";
            if (section != null) text = text + section + " ";
            if (field != null) text = text + field;
            if (detail != null) text = text + ": " + detail;
            return text;
        }
    }
}
