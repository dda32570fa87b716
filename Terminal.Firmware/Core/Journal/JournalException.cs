namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// The one exception of the journal. It names the reason and, for damaged data, the byte offset in the slot;
    /// it never carries transaction content (no PAN, amounts or message bytes).
    /// </summary>
    public class JournalException : System.Exception
    {
        /// <summary>Creates the exception; <paramref name="detail"/> must not contain transaction content.</summary>
        public JournalException(JournalError reason, int offset, string detail)
            : base(Format(reason, offset, detail))
        {
            Reason = reason;
            Offset = offset;
        }

        /// <summary>Why the operation failed.</summary>
        public JournalError Reason { get; private set; }

        /// <summary>Byte offset in the slot of the damaged record (Corrupt), else -1 or the offending value's position.</summary>
        public int Offset { get; private set; }

        private static string Format(JournalError reason, int offset, string detail)
        {
            string text = "journal: " + Describe(reason);
            if (offset >= 0) text = string.Concat(text, " at byte ", offset.ToString());
            if (detail != null && detail.Length > 0) text = string.Concat(text, " (", detail, ")");
            return text;
        }

        private static string Describe(JournalError reason)
        {
            switch (reason)
            {
                case JournalError.Corrupt: return "damaged data";
                case JournalError.StorageFailed: return "storage failed, reopen the journal";
                case JournalError.InvalidArgument: return "invalid argument";
                case JournalError.UnknownTransaction: return "unknown transaction";
                case JournalError.InvalidTransition: return "state change not allowed";
                case JournalError.DuplicateTrace: return "trace number still open";
                case JournalError.RecordTooLarge: return "record too large";
                case JournalError.SettlementPending: return "settlement pending, batch frozen";
                default: return "error";
            }
        }
    }
}
