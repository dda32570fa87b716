namespace Terminal.EmvKernel.Capk
{
    /// <summary>Why a CA public key, a revocation entry or a key file line was rejected.</summary>
    public enum CaKeyError
    {
        /// <summary>A field has a wrong length, value or encoding (see <see cref="CaPublicKeyException.Field"/>).</summary>
        InvalidField = 1,
        /// <summary>SHA-1(RID | index | modulus | exponent) differs from the stored checksum.</summary>
        ChecksumMismatch = 2,
        /// <summary>The key or entry belongs to the other set (test vs live) than the store.</summary>
        WrongSet = 3,
        /// <summary>The store already holds a key with this RID and index (or the list this revocation entry).</summary>
        Duplicate = 4,
        /// <summary>Key file: the line starts with an unknown record type.</summary>
        UnknownRecord = 5,
        /// <summary>Key file: the line has too few or too many fields.</summary>
        FieldCount = 6,
        /// <summary>Key file: the text contains a character outside printable ASCII, tab, CR and LF.</summary>
        InvalidCharacter = 7
    }

    /// <summary>Names of <see cref="CaKeyError"/> values (Enum.ToString gives a number on the device).</summary>
    public static class CaKeyErrorNames
    {
        /// <summary>The value's name, e.g. "ChecksumMismatch".</summary>
        public static string Name(CaKeyError error)
        {
            switch (error)
            {
                case CaKeyError.InvalidField: return "InvalidField";
                case CaKeyError.ChecksumMismatch: return "ChecksumMismatch";
                case CaKeyError.WrongSet: return "WrongSet";
                case CaKeyError.Duplicate: return "Duplicate";
                case CaKeyError.UnknownRecord: return "UnknownRecord";
                case CaKeyError.FieldCount: return "FieldCount";
                case CaKeyError.InvalidCharacter: return "InvalidCharacter";
                default: return "Unknown";
            }
        }
    }
}
