using System.Collections;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// A plain receipt (stand-in for the Core/Receipt layout): merchant name and number, terminal number, the
    /// masked card number, entry mode, application label and AID, transaction type, batch, trace and reference
    /// numbers, date and time, amount, TVR/TSI/AC, the result and authorisation code; a signature line on the
    /// merchant copy when the CVM was signature.
    /// </summary>
    public sealed class PlainReceipt : IReceiptBuilder
    {
        private readonly TerminalConfiguration _configuration;

        /// <summary>A receipt builder for this terminal.</summary>
        public PlainReceipt(TerminalConfiguration configuration)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            _configuration = configuration;
        }

        /// <inheritdoc/>
        public string[] Build(TransactionRecord r, bool merchantCopy, bool duplicate)
        {
            if (r == null) throw new System.ArgumentNullException("r");
            Language l = _configuration.Language;
            ArrayList lines = new ArrayList();
            lines.Add(_configuration.MerchantName == null ? "" : _configuration.MerchantName);
            lines.Add(merchantCopy ? "MERCHANT COPY" : "CUSTOMER COPY");
            if (duplicate) lines.Add("DUPLICATE");
            lines.Add("MERCHANT NO " + Text(_configuration.MerchantId));
            lines.Add("TERMINAL NO " + Text(_configuration.TerminalId));
            lines.Add("CARD NO " + Text(r.MaskedPan) + " " + EntryModeNames.Of(r.EntryMode));
            if (r.ApplicationLabel != null) lines.Add("APP " + r.ApplicationLabel);
            if (r.Aid != null) lines.Add("AID " + r.Aid);
            lines.Add(MessageCatalog.Text(KindMessage(r.Kind), l));
            lines.Add("BATCH " + r.Batch.ToString() + " TRACE " + r.Trace.ToString());
            if (r.Rrn != null) lines.Add("REF NO " + r.Rrn);
            if (r.AuthorisationCode != null) lines.Add("AUTH CODE " + r.AuthorisationCode);
            lines.Add("DATE/TIME " + Text(r.DateTime));
            lines.Add(MessageCatalog.Text(MessageId.Amount, l) + " " + Text(r.AmountText));
            if (r.Tvr != null) lines.Add("TVR " + r.Tvr + " TSI " + Text(r.Tsi));
            if (r.ApplicationCryptogram != null) lines.Add("AC " + r.ApplicationCryptogram);
            lines.Add(MessageCatalog.Text(r.Headline, l) + (r.ResponseCode == null ? "" : " " + r.ResponseCode));
            if (merchantCopy && r.SignatureRequired && r.Approved)
            {
                lines.Add("SIGNATURE:");
                lines.Add("________________________");
            }
            return (string[])lines.ToArray(typeof(string));
        }

        private static MessageId KindMessage(TransactionKind kind)
        {
            if (kind == TransactionKind.Refund) return MessageId.Refund;
            if (kind == TransactionKind.Void) return MessageId.Void;
            return MessageId.Sale;
        }

        private static string Text(string s)
        {
            return s == null ? "" : s;
        }
    }
}
