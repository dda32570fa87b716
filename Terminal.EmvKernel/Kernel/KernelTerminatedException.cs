namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Why the kernel ended the card session. Errors that end the session are typed here; outcomes that only
    /// set TVR bits and go on are plain data on the step results.
    /// </summary>
    public enum KernelTerminationReason
    {
        /// <summary>No application is supported by both card and terminal (Book 1, 12.4: "Not accepted").</summary>
        NoMutualApplication = 1,
        /// <summary>The card answered '6A81' to SELECT: card blocked or command not supported (Book 1, 12.3.2 and 12.3.3).</summary>
        CardBlocked = 2,
        /// <summary>The cardholder declined every application offered (Book 1, 12.4).</summary>
        CardholderCancelled = 3,
        /// <summary>A mandatory data object is missing (Book 3, 10.2).</summary>
        MissingMandatoryData = 4,
        /// <summary>A primitive data object appears twice in the application data (Book 3, 10.2).</summary>
        RedundantData = 5,
        /// <summary>A record of SFI 1-10 is not a '70' template, or is not valid BER-TLV (Book 3, 10.2).</summary>
        InvalidRecord = 6,
        /// <summary>The card is gone.</summary>
        CardRemoved = 7,
        /// <summary>The card answered with a status word the step does not allow.</summary>
        UnexpectedStatusWord = 8,
        /// <summary>A response is malformed: bad R-APDU, bad GPO template, bad AIP (Book 3, 6.5.8.4 and 10.1).</summary>
        InvalidCardResponse = 9,
        /// <summary>The Application File Locator breaks the Book 3, 10.2 rules.</summary>
        InvalidApplicationFileLocator = 10,
        /// <summary>The reader or link failed.</summary>
        TransportFailure = 11,
        /// <summary>Something other than the card failed inside the kernel (a defect or a refused configuration).</summary>
        InternalError = 12
    }

    /// <summary>Names for <see cref="KernelTerminationReason"/> (Enum.ToString gives a number on the device).</summary>
    public static class KernelTerminationReasonNames
    {
        /// <summary>A short English name of the reason.</summary>
        public static string Of(KernelTerminationReason reason)
        {
            switch (reason)
            {
                case KernelTerminationReason.NoMutualApplication: return "no mutually supported application";
                case KernelTerminationReason.CardBlocked: return "card blocked";
                case KernelTerminationReason.CardholderCancelled: return "cardholder cancelled";
                case KernelTerminationReason.MissingMandatoryData: return "mandatory data missing";
                case KernelTerminationReason.RedundantData: return "redundant data";
                case KernelTerminationReason.InvalidRecord: return "invalid record";
                case KernelTerminationReason.CardRemoved: return "card removed";
                case KernelTerminationReason.UnexpectedStatusWord: return "unexpected status word";
                case KernelTerminationReason.InvalidCardResponse: return "invalid card response";
                case KernelTerminationReason.InvalidApplicationFileLocator: return "invalid application file locator";
                case KernelTerminationReason.TransportFailure: return "transport failure";
                case KernelTerminationReason.InternalError: return "internal error";
                default: return "terminated";
            }
        }
    }

    /// <summary>
    /// The kernel ended the card session. <see cref="Reason"/> is machine-readable; <see cref="Tag"/> names the
    /// data object concerned (0 when none) and <see cref="StatusWord"/> the card's status word (-1 when none).
    /// Messages never hold card data.
    /// </summary>
    public sealed class KernelTerminatedException : System.Exception
    {
        /// <summary>Creates the exception with its reason and a short detail text.</summary>
        public KernelTerminatedException(KernelTerminationReason reason, string detail)
            : this(reason, detail, 0, -1, null)
        {
        }

        /// <summary>Creates the exception with the tag and status word concerned and the cause.</summary>
        public KernelTerminatedException(KernelTerminationReason reason, string detail, int tag, int statusWord, System.Exception inner)
            : base(string.Concat(KernelTerminationReasonNames.Of(reason), ": ", detail), inner)
        {
            Reason = reason;
            Tag = tag;
            StatusWord = statusWord;
        }

        /// <summary>Why the session ended.</summary>
        public KernelTerminationReason Reason { get; private set; }

        /// <summary>The data object concerned, or 0.</summary>
        public int Tag { get; private set; }

        /// <summary>The card's status word, or -1.</summary>
        public int StatusWord { get; private set; }
    }
}
