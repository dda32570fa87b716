using System;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Provisioning;

namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>
    /// The application's <see cref="IReceiptBuilder"/> in the UnionPay slip layout: turns the application's
    /// <see cref="TransactionRecord"/> and the terminal configuration (merchant name and number, terminal number,
    /// language, currency) into <see cref="ReceiptData"/> and builds it with <see cref="ReceiptBuilder"/>.
    /// </summary>
    public sealed class SlipReceipt : IReceiptBuilder
    {
        private readonly TerminalConfiguration _configuration;
        private readonly int _width;

        /// <summary>A builder for this terminal's printer width (32 or 48 columns; 24 to 64 accepted).</summary>
        public SlipReceipt(TerminalConfiguration configuration, int width)
        {
            if (configuration == null) throw new ArgumentNullException("configuration");
            ReceiptText.CheckWidth(width);
            _configuration = configuration;
            _width = width;
        }

        /// <inheritdoc/>
        public string[] Build(TransactionRecord record, bool merchantCopy, bool duplicate)
        {
            ReceiptData data = FromRecord(record, _configuration);
            data.Duplicate = duplicate;
            return ReceiptBuilder.Build(data, merchantCopy ? ReceiptCopy.Merchant : ReceiptCopy.Customer, _configuration.Language, _width);
        }

        /// <summary>The receipt data of an application transaction record.</summary>
        public static ReceiptData FromRecord(TransactionRecord r, TerminalConfiguration c)
        {
            if (r == null) throw new ArgumentNullException("r");
            if (c == null) throw new ArgumentNullException("c");
            ReceiptData d = new ReceiptData();
            d.Merchant = new ReceiptMerchant(c.MerchantName, c.MerchantId, c.TerminalId);
            d.Kind = r.Kind;
            d.EntryMode = r.EntryMode;
            d.CardNumber = r.MaskedPan;
            r.GiveChipFields(d);
            d.SignatureRequired = r.SignatureRequired;
            d.Approved = r.Approved;
            d.ResponseCode = r.ResponseCode;
            d.AuthorisationCode = r.AuthorisationCode;
            d.ReferenceNumber = r.Rrn;
            d.BatchNumber = r.Batch;
            d.TraceNumber = r.Trace;
            d.OriginalTraceNumber = r.OriginalTrace;
            d.DateTime = r.LocalTime != System.DateTime.MinValue ? r.LocalTime : ParseDateTime(r.DateTime);
            d.Amount = r.Amount;
            d.CurrencyCode = c.CurrencyNumeric;
            return d;
        }

        /// <summary>"yyyy-MM-dd HH:mm:ss" (the record's form); anything else gives DateTime.MinValue (printed 0001/01/01).</summary>
        public static DateTime ParseDateTime(string text)
        {
            if (text == null || text.Length != 19) return DateTime.MinValue;
            int[] starts = { 0, 5, 8, 11, 14, 17 };
            int[] lengths = { 4, 2, 2, 2, 2, 2 };
            int[] v = new int[6];
            for (int i = 0; i < 6; i++)
            {
                for (int k = 0; k < lengths[i]; k++)
                {
                    char ch = text[starts[i] + k];
                    if (ch < '0' || ch > '9') return DateTime.MinValue;
                    v[i] = v[i] * 10 + (ch - '0');
                }
            }
            if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 59) return DateTime.MinValue;
            if (v[2] > DateTime.DaysInMonth(v[0], v[1])) return DateTime.MinValue;
            return new DateTime(v[0], v[1], v[2], v[3], v[4], v[5]);
        }
    }
}
