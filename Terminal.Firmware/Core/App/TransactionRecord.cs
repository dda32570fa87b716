using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Receipt;
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

        private byte[] _aid;
        private byte[] _tvr;
        private byte[] _tsi;
        private byte[] _cryptogram;
        private byte[] _cid;
        private byte[] _cvmResults;

        /// <summary>AID ('4F', else '84', else '9F06': <see cref="ReceiptData.FromOutcome"/>) in hex, or null.</summary>
        public string Aid { get { return HexOf(_aid); } set { _aid = BytesOf(value); } }
        /// <summary>TVR hex, or null.</summary>
        public string Tvr { get { return HexOf(_tvr); } set { _tvr = BytesOf(value); } }
        /// <summary>TSI hex, or null.</summary>
        public string Tsi { get { return HexOf(_tsi); } set { _tsi = BytesOf(value); } }
        /// <summary>Application cryptogram hex, or null.</summary>
        public string ApplicationCryptogram { get { return HexOf(_cryptogram); } set { _cryptogram = BytesOf(value); } }
        /// <summary>Cryptogram Information Data '9F27' hex, or null.</summary>
        public string Cid { get { return HexOf(_cid); } set { _cid = BytesOf(value); } }
        /// <summary>CVM Results '9F34' hex, or null.</summary>
        public string CvmResults { get { return HexOf(_cvmResults); } set { _cvmResults = BytesOf(value); } }

        /// <summary>
        /// Takes the chip fields of a kernel outcome as <see cref="ReceiptData.FromOutcome"/> decided them (the one
        /// mapping of an outcome's EMV fields): label, AID, TVR, TSI, cryptogram, CID, CVM Results and whether the
        /// CVM asks for a signature.
        /// </summary>
        public void TakeChipFields(ReceiptData chip)
        {
            if (chip == null) throw new System.ArgumentNullException("chip");
            ApplicationLabel = chip.ApplicationLabel;
            _aid = chip.Aid;
            _tvr = chip.Tvr;
            _tsi = chip.Tsi;
            _cryptogram = chip.ApplicationCryptogram;
            _cid = chip.Cid;
            _cvmResults = chip.CvmResults;
            SignatureRequired = chip.SignatureRequired;
        }

        /// <summary>Gives the chip fields (label, AID, TVR, TSI, cryptogram, CID, CVM Results) to a receipt's data, as bytes.</summary>
        public void GiveChipFields(ReceiptData receipt)
        {
            if (receipt == null) throw new System.ArgumentNullException("receipt");
            receipt.ApplicationLabel = ApplicationLabel;
            receipt.Aid = _aid;
            receipt.Tvr = _tvr;
            receipt.Tsi = _tsi;
            receipt.ApplicationCryptogram = _cryptogram;
            receipt.Cid = _cid;
            receipt.CvmResults = _cvmResults;
        }

        private static string HexOf(byte[] value)
        {
            return value == null ? null : Hex.Encode(value);
        }

        /// <summary>Hex text as bytes; null or text that is not hex gives null (nothing printed).</summary>
        private static byte[] BytesOf(string hex)
        {
            return hex == null || !Hex.IsHex(hex) ? null : Hex.Decode(hex);
        }

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
