namespace Terminal.EmvKernel.Capk
{
    /// <summary>
    /// The one error of the CA key store and key file parser. It names the key (RID and index) and, for a key
    /// file, the line and field; it never contains key material (modulus, exponent or checksum values).
    /// </summary>
    public class CaPublicKeyException : System.Exception
    {
        /// <summary>Creates the error; the message is built from the parts.</summary>
        public CaPublicKeyException(CaKeyError error, string field, int line, string keyName, string detail)
            : base(BuildMessage(error, field, line, keyName, detail))
        {
            Error = error;
            Field = field;
            Line = line;
            KeyName = keyName;
            Detail = detail;
        }

        /// <summary>What was wrong.</summary>
        public CaKeyError Error { get; private set; }

        /// <summary>The field concerned, in key file spelling ("rid", "index", "modulus", ...), or null.</summary>
        public string Field { get; private set; }

        /// <summary>1-based key file line, or 0 when the error did not come from a file.</summary>
        public int Line { get; private set; }

        /// <summary>"RID A000000003 index 94" when known, else null.</summary>
        public string KeyName { get; private set; }

        /// <summary>The explanation part of the message, or null.</summary>
        public string Detail { get; private set; }

        /// <summary>The same error, located at a key file line.</summary>
        public CaPublicKeyException AtLine(int line)
        {
            return new CaPublicKeyException(Error, Field, line, KeyName, Detail);
        }

        private static string BuildMessage(CaKeyError error, string field, int line, string keyName, string detail)
        {
            string text = "CA public key error " + CaKeyErrorNames.Name(error);
            if (line > 0) text = text + " at line " + line.ToString();
            if (field != null) text = text + ", field '" + field + "'";
            if (keyName != null) text = text + " (" + keyName + ")";
            if (detail != null) text = text + ": " + detail;
            return text;
        }
    }
}
