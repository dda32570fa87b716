using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The result of one transaction as the cashier, the receipt and the emulator's JSON record see it. Card data
    /// is masked; no PIN or key material.
    /// </summary>
    public sealed class TransactionRecord
    {
        /// <summary>Sale, refund or void.</summary>
        public TransactionKind Kind;
        /// <summary>Amount in minor units.</summary>
        public long Amount;
        /// <summary>The amount formatted ("¥12.34").</summary>
        public string AmountText;
        /// <summary>How the card was read.</summary>
        public EntryMode EntryMode;
        /// <summary>True when approved.</summary>
        public bool Approved;
        /// <summary>The headline (APPROVED, DECLINED, CANCELLED, ...).</summary>
        public MessageId Headline;
        /// <summary>The readable reason (DECLINED BY HOST, HOST UNAVAILABLE, PIN TIMEOUT, ...), or the headline.</summary>
        public MessageId Reason;
        /// <summary>The kernel's machine-readable decision ("approved-online", ...), or null without a chip run.</summary>
        public string KernelDecision;
        /// <summary>DE 39 or '8A' response code, or null.</summary>
        public string ResponseCode;
        /// <summary>Authorisation code (DE 38), or null.</summary>
        public string AuthorisationCode;
        /// <summary>Retrieval reference number (DE 37), or null.</summary>
        public string Rrn;
        /// <summary>Trace number (DE 11), 0 when nothing was sent.</summary>
        public int Trace;
        /// <summary>Batch number.</summary>
        public int Batch;
        /// <summary>The PAN masked (first 6, last 4), or null.</summary>
        public string MaskedPan;
        /// <summary>Application label ('50'), or null.</summary>
        public string ApplicationLabel;
        /// <summary>AID ('4F'/'84') in hex, or null.</summary>
        public string Aid;
        /// <summary>TVR hex, or null.</summary>
        public string Tvr;
        /// <summary>TSI hex, or null.</summary>
        public string Tsi;
        /// <summary>Application cryptogram hex, or null.</summary>
        public string ApplicationCryptogram;
        /// <summary>Cryptogram Information Data '9F27' hex, or null.</summary>
        public string Cid;
        /// <summary>CVM Results '9F34' hex, or null.</summary>
        public string CvmResults;
        /// <summary>For a void: the trace number of the voided sale; otherwise 0.</summary>
        public int OriginalTrace;
        /// <summary>True when the CVM was signature: the merchant copy gets a signature line.</summary>
        public bool SignatureRequired;
        /// <summary>True when an online PIN was entered.</summary>
        public bool OnlinePin;
        /// <summary>True when a reversal of this transaction is pending or was sent.</summary>
        public bool Reversal;
        /// <summary>Local date and time as printed, "yyyy/MM/dd HH:mm:ss".</summary>
        public string DateTime;
        /// <summary>Local date and time.</summary>
        public System.DateTime LocalTime;
    }
}
