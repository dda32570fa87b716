using System;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>
    /// Everything a transaction receipt prints, filled by the firmware application: the merchant, the kernel's
    /// outcome (<see cref="FromOutcome"/> copies the EMV fields), the host's answer (DE 37, 38, 39), the journal's
    /// batch and trace numbers, the entry mode, the type, the date and time and the amount. Plain settable data;
    /// <see cref="ReceiptBuilder"/> turns it into lines. The card number is only ever kept masked.
    /// </summary>
    public sealed class ReceiptData
    {
        private string _cardNumber;

        /// <summary>An empty receipt: sale, chip, not approved, no card data.</summary>
        public ReceiptData()
        {
            Kind = TransactionKind.Sale;
            EntryMode = CardEntryMode.Chip;
        }

        /// <summary>Merchant name and number, terminal number.</summary>
        public ReceiptMerchant Merchant { get; set; }

        /// <summary>Transaction type (消费 sale, 消费撤销 void, 退货 refund, 预授权 pre-authorization, 预授权完成 completion).</summary>
        public TransactionKind Kind { get; set; }

        /// <summary>How the card was read.</summary>
        public CardEntryMode EntryMode { get; set; }

        /// <summary>
        /// Card number, masked: a value set here is masked at once (first 6 and last 4 digits visible,
        /// <see cref="PanMask.MaskDigits"/>), so a full PAN never reaches a slip.
        /// </summary>
        public string CardNumber
        {
            get { return _cardNumber; }
            set { _cardNumber = PanMask.MaskDigits(value); }
        }

        /// <summary>Application Label '50', or null.</summary>
        public string ApplicationLabel { get; set; }

        /// <summary>AID of the selected application ('4F' / '84'), or null.</summary>
        public byte[] Aid { get; set; }

        /// <summary>TVR '95' (5 bytes), or null.</summary>
        public byte[] Tvr { get; set; }

        /// <summary>TSI '9B' (2 bytes), or null.</summary>
        public byte[] Tsi { get; set; }

        /// <summary>Application Cryptogram '9F26' (8 bytes), or null.</summary>
        public byte[] ApplicationCryptogram { get; set; }

        /// <summary>Cryptogram Information Data '9F27' (1 byte): names the cryptogram TC, ARQC or AAC; or null.</summary>
        public byte[] Cid { get; set; }

        /// <summary>CVM Results '9F34' (3 bytes), or null.</summary>
        public byte[] CvmResults { get; set; }

        /// <summary>
        /// True when the cardholder must sign the merchant copy. <see cref="FromOutcome"/> sets it from the CVM
        /// Results (<see cref="CvmRequiresSignature"/>); the application sets it for a swiped card.
        /// </summary>
        public bool SignatureRequired { get; set; }

        /// <summary>True when the transaction was approved.</summary>
        public bool Approved { get; set; }

        /// <summary>Response code (DE 39, or the kernel's ARC such as "Y1"), or null.</summary>
        public string ResponseCode { get; set; }

        /// <summary>Authorisation code (授权码, DE 38), or null.</summary>
        public string AuthorisationCode { get; set; }

        /// <summary>Retrieval reference number (参考号, DE 37), or null.</summary>
        public string ReferenceNumber { get; set; }

        /// <summary>Batch number (批次号, 6 digits printed).</summary>
        public int BatchNumber { get; set; }

        /// <summary>Trace (voucher) number (凭证号, DE 11, 6 digits printed).</summary>
        public int TraceNumber { get; set; }

        /// <summary>For a void: the trace number of the voided transaction (原凭证号); 0 to leave the line out.</summary>
        public int OriginalTraceNumber { get; set; }

        /// <summary>Local date and time of the transaction.</summary>
        public DateTime DateTime { get; set; }

        /// <summary>Amount in minor units of <see cref="CurrencyCode"/> (positive; voids and refunds print negative).</summary>
        public long Amount { get; set; }

        /// <summary>ISO 4217 numeric currency code ("156" renminbi), as in '5F2A' and DE 49.</summary>
        public string CurrencyCode { get; set; }

        /// <summary>
        /// Copies the EMV fields of a kernel outcome: masked PAN, application label '50', AID ('4F', else '84',
        /// else '9F06'), TVR, TSI, cryptogram and CID, CVM Results, <see cref="Approved"/> (ApprovedOffline or
        /// ApprovedOnline), the ARC '8A' as response code when none is set, and <see cref="SignatureRequired"/>.
        /// </summary>
        public void FromOutcome(TransactionOutcome outcome)
        {
            if (outcome == null) throw new ArgumentNullException("outcome");
            CardNumber = outcome.MaskedPan;
            byte[] label = outcome.Get(0x50);
            ApplicationLabel = label == null ? null : Ascii(label);
            Aid = outcome.Get(0x4F) ?? outcome.Get(0x84) ?? outcome.Get(0x9F06);
            Tvr = outcome.Tvr;
            Tsi = outcome.Tsi;
            ApplicationCryptogram = outcome.ApplicationCryptogram;
            Cid = outcome.Cid;
            CvmResults = outcome.CvmResults;
            Approved = outcome.Decision == TransactionDecision.ApprovedOffline || outcome.Decision == TransactionDecision.ApprovedOnline;
            byte[] arc = outcome.Arc;
            if (ResponseCode == null && arc != null) ResponseCode = Ascii(arc);
            SignatureRequired = CvmRequiresSignature(CvmResults);
        }

        /// <summary>
        /// True when the CVM performed (CVM Results byte 1, b6-b1) is signature ('1E'), or plaintext or enciphered
        /// PIN by ICC and signature ('03', '05') whose result is not "failed" (Book 3, Annex C3 and 10.5.5).
        /// </summary>
        public static bool CvmRequiresSignature(byte[] cvmResults)
        {
            if (cvmResults == null || cvmResults.Length != EmvKernel.DataObjects.CvmResults.ValueLength) return false;
            int code = cvmResults[0] & 0x3F;
            if (cvmResults[2] == EmvKernel.DataObjects.CvmResults.ResultFailed) return false;
            return code == CvmCodes.Signature || code == CvmCodes.PlaintextPinByIccAndSignature
                || code == CvmCodes.EncipheredPinByIccAndSignature;
        }

        /// <summary>Printable ASCII of an 'ans' data element; other bytes become '?'.</summary>
        private static string Ascii(byte[] value)
        {
            char[] chars = new char[value.Length];
            for (int i = 0; i < value.Length; i++)
            {
                int b = value[i];
                chars[i] = b >= 0x20 && b < 0x7F ? (char)b : '?';
            }
            return new string(chars);
        }
    }
}
