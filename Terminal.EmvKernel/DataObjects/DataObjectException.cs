namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// A data object value that does not have the structure its tag requires (wrong length, bad field value).
    /// The one exception the decoders in this namespace throw for malformed input. The message names the tag
    /// and the reason; it never contains the value itself.
    /// </summary>
    public class DataObjectException : System.Exception
    {
        private readonly int tag;
        private readonly string reason;

        /// <summary>Creates the exception for <paramref name="tag"/> with a short reason.</summary>
        public DataObjectException(int tag, string reason)
            : base("data object " + tag.ToString("X2") + ": " + reason)
        {
            this.tag = tag;
            this.reason = reason;
        }

        /// <summary>Tag of the malformed data object, e.g. 0x95.</summary>
        public int Tag { get { return tag; } }

        /// <summary>Why the value was rejected.</summary>
        public string Reason { get { return reason; } }
    }
}
