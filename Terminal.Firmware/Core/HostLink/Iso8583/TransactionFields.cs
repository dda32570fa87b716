namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// The transaction data the message builders (<see cref="Generic87Messages"/>, <see cref="UnionPayMessages"/>)
    /// need, in plain terms, so that the firmware builds requests without knowing field layouts. A builder sets a
    /// data element only when its source is set (non-null text or bytes, non-negative number) and raises
    /// <see cref="Iso8583Error.MissingField"/> when a mandatory one is missing.
    /// </summary>
    public sealed class TransactionFields
    {
        /// <summary>Creates an empty set: numbers -1 (absent), condition code "00", UnionPay 60.4 "6" and 60.5 "0".</summary>
        public TransactionFields()
        {
            Amount = -1;
            Stan = -1;
            BatchNumber = -1;
            OriginalStan = -1;
            OriginalBatchNumber = -1;
            PosConditionCode = "00";
            TerminalReadCapability = "6";
            IcConditionCode = "0";
        }

        /// <summary>DE 2: primary account number (digits).</summary>
        public string Pan { get; set; }
        /// <summary>DE 4: amount in minor units (fen, cents).</summary>
        public long Amount { get; set; }
        /// <summary>DE 11: systems trace audit number, 1..999999.</summary>
        public int Stan { get; set; }
        /// <summary>DE 7: transmission date and time MMDDhhmmss (dialect A).</summary>
        public string TransmissionDateTime { get; set; }
        /// <summary>DE 12: local time hhmmss.</summary>
        public string LocalTime { get; set; }
        /// <summary>DE 13: local date MMDD.</summary>
        public string LocalDate { get; set; }
        /// <summary>DE 14: expiry date YYMM.</summary>
        public string ExpiryDate { get; set; }
        /// <summary>DE 22: point of service entry mode, 3 digits (e.g. 051 chip with PIN, 071 contactless).</summary>
        public string PosEntryMode { get; set; }
        /// <summary>DE 23: card sequence number, 3 digits (EMV 5F34 right-aligned).</summary>
        public string CardSequenceNumber { get; set; }
        /// <summary>DE 24: network international identifier, 3 digits (dialect A, optional).</summary>
        public string Nii { get; set; }
        /// <summary>DE 25: point of service condition code, 2 digits (00 normal; UnionPay 06 pre-authorization).</summary>
        public string PosConditionCode { get; set; }
        /// <summary>DE 26: PIN capture code (UnionPay; defaults to "12" when a PIN block is present).</summary>
        public string PinCaptureCode { get; set; }
        /// <summary>DE 35: track 2 equivalent data, digits with '=' (or 'D') as separator.</summary>
        public string Track2 { get; set; }
        /// <summary>DE 41: terminal ID (8 characters).</summary>
        public string TerminalId { get; set; }
        /// <summary>DE 42: merchant ID (15 characters).</summary>
        public string MerchantId { get; set; }
        /// <summary>DE 49: currency, 3 digits (156 CNY, 978 EUR).</summary>
        public string CurrencyCode { get; set; }
        /// <summary>DE 52: enciphered PIN block (8 bytes).</summary>
        public byte[] PinBlock { get; set; }
        /// <summary>DE 53: security related control information, 16 digits.</summary>
        public string SecurityControl { get; set; }
        /// <summary>
        /// Dialect A DE 57: the PAN and track 2 enciphered under the data key of this message's DUKPT KSN
        /// (<see cref="Terminal.Firmware.Core.HostLink.Security.CardDataEncryption"/>). When set, the builders leave
        /// DE 2 and DE 35 out, so the clear PAN does not travel.
        /// </summary>
        public byte[] EncipheredCardData { get; set; }
        /// <summary>DE 55: EMV data (BER-TLV) from the kernel.</summary>
        public byte[] IccData { get; set; }
        /// <summary>Batch number (dialect A DE 60, UnionPay 60.2), 0..999999.</summary>
        public int BatchNumber { get; set; }
        /// <summary>DE 38 of an advice or of the original transaction being completed or voided.</summary>
        public string AuthorizationCode { get; set; }
        /// <summary>DE 39 of an advice (e.g. Y1/Y3 offline approval).</summary>
        public string ResponseCode { get; set; }
        /// <summary>DE 37 of the original transaction (void, refund).</summary>
        public string OriginalRrn { get; set; }
        /// <summary>Trace number of the original transaction (UnionPay 61.2).</summary>
        public int OriginalStan { get; set; }
        /// <summary>Batch number of the original transaction (UnionPay 61.1).</summary>
        public int OriginalBatchNumber { get; set; }
        /// <summary>Date MMDD of the original transaction (UnionPay 61.3).</summary>
        public string OriginalDate { get; set; }
        /// <summary>UnionPay 60.4 terminal read capability (6: magstripe, contact and contactless chip).</summary>
        public string TerminalReadCapability { get; set; }
        /// <summary>UnionPay 60.5 IC card condition code (0 normal, 2 fallback).</summary>
        public string IcConditionCode { get; set; }

        /// <summary>Sets DE 12/13 from the local clock and DE 7 from the transmission (GMT) clock.</summary>
        public void SetClock(System.DateTime local, System.DateTime transmissionUtc)
        {
            LocalTime = string.Concat(Digits.Two(local.Hour), Digits.Two(local.Minute), Digits.Two(local.Second));
            LocalDate = string.Concat(Digits.Two(local.Month), Digits.Two(local.Day));
            TransmissionDateTime = string.Concat(Digits.Two(transmissionUtc.Month), Digits.Two(transmissionUtc.Day),
                Digits.Two(transmissionUtc.Hour), Digits.Two(transmissionUtc.Minute), Digits.Two(transmissionUtc.Second));
        }
    }
}
