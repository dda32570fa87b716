using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Receipt;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The application's receipts in the market layout of <see cref="ReceiptBuilder"/> (Core/Receipt): the
    /// <see cref="TransactionRecord"/> becomes a <see cref="ReceiptData"/> with the terminal's merchant, terminal
    /// number and currency, in the configured language; a reprint carries a "duplicate" line under the copy name.
    /// </summary>
    public sealed class MarketReceipt : IReceiptBuilder
    {
        private readonly TerminalConfiguration _configuration;

        /// <summary>Receipts for this terminal, <see cref="ReceiptBuilder.NarrowWidth"/> columns (58 mm paper).</summary>
        public MarketReceipt(TerminalConfiguration configuration)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            _configuration = configuration;
            Width = ReceiptBuilder.NarrowWidth;
        }

        /// <summary>Columns per line (24..64).</summary>
        public int Width { get; set; }

        /// <inheritdoc/>
        public string[] Build(TransactionRecord record, bool merchantCopy, bool duplicate)
        {
            if (record == null) throw new System.ArgumentNullException("record");
            ReceiptLanguage language = _configuration.Language == Language.SimplifiedChinese ? ReceiptLanguage.SimplifiedChinese : ReceiptLanguage.English;
            string[] lines = ReceiptBuilder.Build(DataOf(record), merchantCopy ? ReceiptCopy.Merchant : ReceiptCopy.Customer, language, Width);
            if (!duplicate || lines.Length < 2) return lines;
            string[] marked = new string[lines.Length + 1];
            System.Array.Copy(lines, marked, 2);
            marked[2] = ReceiptText.Center(MessageCatalog.Text(MessageId.Duplicate, _configuration.Language), Width);
            System.Array.Copy(lines, 2, marked, 3, lines.Length - 2);
            return marked;
        }

        /// <summary>The receipt data of a transaction record.</summary>
        public ReceiptData DataOf(TransactionRecord r)
        {
            ReceiptData d = new ReceiptData();
            d.Merchant = new ReceiptMerchant(_configuration.MerchantName, _configuration.MerchantId, _configuration.TerminalId);
            d.Kind = r.Kind;
            d.EntryMode = EntryOf(r.EntryMode);
            d.CardNumber = r.MaskedPan;
            d.ApplicationLabel = r.ApplicationLabel;
            d.Aid = Bytes(r.Aid);
            d.Tvr = Bytes(r.Tvr);
            d.Tsi = Bytes(r.Tsi);
            d.ApplicationCryptogram = Bytes(r.ApplicationCryptogram);
            d.Cid = Bytes(r.Cid);
            d.CvmResults = Bytes(r.CvmResults);
            d.SignatureRequired = r.SignatureRequired;
            d.Approved = r.Approved;
            d.ResponseCode = r.ResponseCode;
            d.AuthorisationCode = r.AuthorisationCode;
            d.ReferenceNumber = r.Rrn;
            d.BatchNumber = r.Batch;
            d.TraceNumber = r.Trace;
            d.OriginalTraceNumber = r.OriginalTrace;
            d.DateTime = r.LocalTime;
            d.Amount = r.Amount;
            d.CurrencyCode = _configuration.CurrencyNumeric;
            return d;
        }

        private static CardEntryMode EntryOf(EntryMode mode)
        {
            switch (mode)
            {
                case EntryMode.Contact: return CardEntryMode.Chip;
                case EntryMode.Contactless: return CardEntryMode.Contactless;
                case EntryMode.Fallback: return CardEntryMode.Fallback;
                default: return CardEntryMode.Swipe;
            }
        }

        private static byte[] Bytes(string hex)
        {
            return hex == null ? null : Hex.Decode(hex);
        }
    }
}
