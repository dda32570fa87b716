using Terminal.EmvKernel.Kernel;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// One authorisation the application asks of the host: what kind, how much, how the card was read, the chip
    /// data (field 55 and the PAN fields, from the kernel) or the stripe's track 2, and the enciphered online PIN.
    /// Holds the full PAN only inside <see cref="Chip"/> / <see cref="Track2"/>, for the authorisation message.
    /// </summary>
    public sealed class PaymentRequest
    {
        /// <summary>Sale, refund or void.</summary>
        public TransactionKind Kind;
        /// <summary>Amount in minor units.</summary>
        public long Amount;
        /// <summary>How the card was read.</summary>
        public EntryMode EntryMode;
        /// <summary>The kernel's authorisation data (chip and contactless), or null.</summary>
        public OnlineRequest Chip;
        /// <summary>Track 2 as read ("PAN=YYMMSSS..."), for a swipe; null otherwise.</summary>
        public string Track2;
        /// <summary>The PIN block enciphered under the PIN key (8 bytes), or null when no online PIN.</summary>
        public byte[] EncipheredPinBlock;
        /// <summary>The DUKPT KSN of <see cref="EncipheredPinBlock"/>, or null under a master/session key.</summary>
        public byte[] PinKsn;
        /// <summary>For a void: the trace number of the original sale; otherwise 0.</summary>
        public int OriginalTrace;
        /// <summary>Refund: the original sale's reference number (DE 37) as keyed from its receipt, or null.</summary>
        public string OriginalRrn;
        /// <summary>Refund: the original sale's date MMDD as keyed, or null.</summary>
        public string OriginalDate;
        /// <summary>The PAN masked (first 6, last 4), for logs and the journal.</summary>
        public string MaskedPan;
    }
}
