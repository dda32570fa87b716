using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// What the firmware knows of one online transaction before it asks the host: the kind, amount and entry mode,
    /// the card data (the kernel's <see cref="OnlineRequest"/> for chip and contactless, or the track 2 read from the
    /// stripe), the PIN block already enciphered at PIN entry with the KSN of its DUKPT key, and for a void or a
    /// refund the original transaction's references. <see cref="AuthorisationRequestBuilder"/> turns it into the
    /// dialect's request. The clear PIN never reaches this class.
    /// </summary>
    public sealed class AuthorisationRequest
    {
        /// <summary>A chip or contactless transaction with the kernel's data (field 55, PAN, PSN, expiry, track 2 equivalent).</summary>
        public AuthorisationRequest(TransactionKind kind, long amount, CardEntry entry, OnlineRequest card)
        {
            if (card == null) throw new System.ArgumentNullException("card");
            Init(kind, amount, entry);
            Card = card;
        }

        /// <summary>
        /// A magnetic stripe (or fallback) transaction: <paramref name="track2"/> digits with '=' as the separator,
        /// as read from the stripe (no field 55).
        /// </summary>
        public AuthorisationRequest(TransactionKind kind, long amount, CardEntry entry, string track2)
        {
            if (track2 == null || track2.IndexOf('=') < 1) throw new System.ArgumentException("track 2 needs the PAN and a '=' separator", "track2");
            Init(kind, amount, entry);
            Track2 = track2;
        }

        private void Init(TransactionKind kind, long amount, CardEntry entry)
        {
            if (amount < 0) throw new System.ArgumentOutOfRangeException("amount", "amount in minor units must not be negative");
            Kind = kind;
            Amount = amount;
            Entry = entry;
            OriginalStan = -1;
            OriginalBatchNumber = -1;
        }

        /// <summary>Sale, refund, void, pre-authorization or completion (decides the message and how the journal counts it).</summary>
        public TransactionKind Kind { get; private set; }
        /// <summary>Amount in minor units (DE 4).</summary>
        public long Amount { get; private set; }
        /// <summary>How the card was read (DE 22 positions 1-2).</summary>
        public CardEntry Entry { get; private set; }
        /// <summary>The kernel's data for a chip or contactless transaction, or null (stripe).</summary>
        public OnlineRequest Card { get; private set; }
        /// <summary>The stripe's track 2 (stripe and fallback), or null.</summary>
        public string Track2 { get; private set; }

        /// <summary>
        /// The enciphered PIN block, or null when no online PIN was entered: 8 bytes (ISO 9564 format 0 under a TDES
        /// DUKPT or UnionPay PIN key, DE 52) or 16 bytes (format 4 under an AES DUKPT PIN key, carried after the KSN in DE 62).
        /// </summary>
        public byte[] PinBlock { get; set; }

        /// <summary>
        /// Dialect A: the KSN of the DUKPT transaction key the PIN block (and DE 57) were enciphered with, 10 bytes
        /// (TDES) or 12 bytes (AES); written to DE 53/DE 62 so that the message MAC uses the same key. Null: the
        /// authenticator picks the KSN when it signs.
        /// </summary>
        public byte[] Ksn { get; set; }

        /// <summary>Card scheme for the batch totals (default <see cref="CardScheme.Other"/>).</summary>
        public CardScheme Scheme { get; set; }

        /// <summary>DE 37 of the original transaction (void, refund), or null.</summary>
        public string OriginalRrn { get; set; }
        /// <summary>DE 38 of the original transaction (void, completion), or null.</summary>
        public string OriginalAuthorizationCode { get; set; }
        /// <summary>DE 11 of the original transaction (UnionPay 61.2), -1 when none.</summary>
        public int OriginalStan { get; set; }
        /// <summary>Batch number of the original transaction (UnionPay 61.1), -1 when none.</summary>
        public int OriginalBatchNumber { get; set; }
        /// <summary>Date MMDD of the original transaction (UnionPay 61.3), or null.</summary>
        public string OriginalDate { get; set; }

        /// <summary>
        /// A transaction whose card data comes later: the kernel's <see cref="OnlineRequest"/> handed to
        /// <see cref="HostAuthoriser.Authorise(OnlineRequest)"/> (use with <see cref="HostAuthoriser.Begin"/>).
        /// </summary>
        public AuthorisationRequest(TransactionKind kind, long amount, CardEntry entry)
        {
            Init(kind, amount, entry);
        }

        /// <summary>Sets the kernel's card data (when the kernel goes online, or for the advice of an offline approval).</summary>
        internal void AttachCard(OnlineRequest card)
        {
            Card = card;
        }

        /// <summary>The PAN digits (from '5A', else from track 2 before the separator). Inside the request only.</summary>
        internal string PanDigits()
        {
            if (Card != null && Card.Pan != null) return PanMask.PanDigits(Card.Pan);
            string track = TrackText();
            if (track == null) return null;
            int separator = track.IndexOf('=');
            return separator < 0 ? null : track.Substring(0, separator);
        }

        /// <summary>The masked PAN (first 6, last 4) for the journal.</summary>
        public string MaskedPan()
        {
            string pan = PanDigits();
            return pan == null ? string.Empty : PanMask.MaskDigits(pan);
        }

        /// <summary>Track 2 as DE 35 text: the stripe's, or the chip's '57' (cn, 'D' separator, trailing 'F' dropped).</summary>
        internal string TrackText()
        {
            if (Track2 != null) return Track2;
            if (Card == null || Card.Track2Equivalent == null) return null;
            char[] chars = Hex.Encode(Card.Track2Equivalent).ToCharArray();
            int end = chars.Length;
            while (end > 0 && chars[end - 1] == 'F') end--;
            for (int i = 0; i < end; i++) if (chars[i] == 'D') chars[i] = '=';
            return new string(chars, 0, end);
        }
    }
}
