using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Ui;
using System;
using System.Collections;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>
    /// Builds the text lines of a transaction receipt (签购单) for the printer or the display, in the China UnionPay
    /// POS slip order: title and copy, merchant block (name, merchant number, terminal number), transaction block
    /// (card number, entry mode, type, batch, trace, authorisation code, reference number, date/time, amount,
    /// result), EMV block (application label, AID, TVR, TSI, cryptogram, CVM Results), then on the merchant copy
    /// the signature line and acknowledgement when the CVM is signature. Each "label value" pair takes one line
    /// with the value right-aligned, or two when it does not fit (<see cref="ReceiptText.Pair"/>).
    /// </summary>
    public static class ReceiptBuilder
    {
        /// <summary>Common thermal printer widths, in columns (a Chinese character takes two).</summary>
        public const int NarrowWidth = 32;

        /// <summary>The wide (80 mm paper) width.</summary>
        public const int WideWidth = 48;

        /// <summary>The receipt's lines, each at most <paramref name="width"/> columns.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="width"/> is outside 24..64.</exception>
        public static string[] Build(ReceiptData data, ReceiptCopy copy, Language language, int width)
        {
            if (data == null) throw new ArgumentNullException("data");
            ReceiptText.CheckWidth(width);
            Language l = language;
            ArrayList lines = new ArrayList();
            lines.Add(ReceiptText.Center(ReceiptLabels.Title(l), width));
            lines.Add(ReceiptText.Center(ReceiptLabels.Copy(l, copy), width));
            if (data.Duplicate) lines.Add(ReceiptText.Center(ReceiptLabels.Duplicate(l), width));
            AddMerchant(lines, data.Merchant, l, width);

            ReceiptText.Pair(lines, ReceiptLabels.CardNumber(l), data.CardNumber, width);
            ReceiptText.Pair(lines, ReceiptLabels.EntryModeLabel(l), ReceiptLabels.Entry(l, data.EntryMode), width);
            ReceiptText.Pair(lines, ReceiptLabels.TransactionType(l), ReceiptLabels.Kind(l, data.Kind), width);
            ReceiptText.Pair(lines, ReceiptLabels.BatchNumber(l), ReceiptText.ZeroPad(data.BatchNumber, 6), width);
            ReceiptText.Pair(lines, ReceiptLabels.TraceNumber(l), ReceiptText.ZeroPad(data.TraceNumber, 6), width);
            if (data.OriginalTraceNumber > 0)
                ReceiptText.Pair(lines, ReceiptLabels.OriginalTrace(l), ReceiptText.ZeroPad(data.OriginalTraceNumber, 6), width);
            ReceiptText.Pair(lines, ReceiptLabels.AuthorisationCode(l), data.AuthorisationCode, width);
            ReceiptText.Pair(lines, ReceiptLabels.ReferenceNumber(l), data.ReferenceNumber, width);
            ReceiptText.Pair(lines, ReceiptLabels.DateTime(l), DateTimeText(data.DateTime), width);
            ReceiptText.Pair(lines, ReceiptLabels.Amount(l), CurrencyFormat.ForNumericCode(data.CurrencyCode).Format(SignedAmount(data)), width);
            ReceiptText.Pair(lines, ReceiptLabels.Result(l), ResultText(data, l), width);

            AddEmv(lines, data, l, width);
            lines.Add(ReceiptText.Rule('-', width));

            if (copy == ReceiptCopy.Merchant && data.Approved)
            {
                if (data.SignatureRequired)
                {
                    lines.Add(ReceiptLabels.Signature(l));
                    lines.Add(string.Empty);
                    lines.Add(string.Empty);
                    lines.Add(ReceiptText.Rule('_', width));
                    ReceiptText.Flow(lines, ReceiptLabels.Acknowledgement(l), width);
                }
                else
                {
                    lines.Add(ReceiptLabels.NoSignature(l));
                }
            }
            return ReceiptText.ToArray(lines);
        }

        /// <summary>Both copies, merchant first (the order they are printed in).</summary>
        public static string[][] BuildBoth(ReceiptData data, Language language, int width)
        {
            return new string[][]
            {
                Build(data, ReceiptCopy.Merchant, language, width),
                Build(data, ReceiptCopy.Customer, language, width),
            };
        }

        /// <summary>"yyyy/MM/dd HH:mm:ss", the UnionPay slip form (no culture-dependent formatting on the device).</summary>
        public static string DateTimeText(DateTime t)
        {
            return string.Concat(
                string.Concat(ReceiptText.ZeroPad(t.Year, 4), "/", ReceiptText.ZeroPad(t.Month, 2), "/", ReceiptText.ZeroPad(t.Day, 2)),
                " ",
                string.Concat(ReceiptText.ZeroPad(t.Hour, 2), ":", ReceiptText.ZeroPad(t.Minute, 2), ":", ReceiptText.ZeroPad(t.Second, 2)));
        }

        /// <summary>The merchant block between two rules; shared with the settlement slip.</summary>
        internal static void AddMerchant(ArrayList lines, ReceiptMerchant merchant, Language l, int width)
        {
            lines.Add(ReceiptText.Rule('-', width));
            if (merchant != null)
            {
                ReceiptText.Pair(lines, ReceiptLabels.MerchantName(l), merchant.Name, width);
                ReceiptText.Pair(lines, ReceiptLabels.MerchantNumber(l), merchant.MerchantNumber, width);
                ReceiptText.Pair(lines, ReceiptLabels.TerminalNumber(l), merchant.TerminalNumber, width);
                ReceiptText.Pair(lines, ReceiptLabels.OperatorNumber(l), merchant.OperatorNumber, width);
            }
            lines.Add(ReceiptText.Rule('-', width));
        }

        /// <summary>Voids and refunds give money back: printed negative, as on UnionPay slips.</summary>
        private static long SignedAmount(ReceiptData data)
        {
            return data.Kind == TransactionKind.Void || data.Kind == TransactionKind.Refund ? -data.Amount : data.Amount;
        }

        private static string ResultText(ReceiptData data, Language l)
        {
            string text = data.Approved ? ReceiptLabels.Approved(l) : ReceiptLabels.Declined(l);
            if (data.ResponseCode == null || data.Approved) return text;
            return string.Concat(text, " ", data.ResponseCode);
        }

        /// <summary>The EMV block after a rule, only when the card was read by chip or contactless.</summary>
        private static void AddEmv(ArrayList lines, ReceiptData data, Language l, int width)
        {
            if (data.Aid == null && data.ApplicationLabel == null && data.Tvr == null && data.ApplicationCryptogram == null) return;
            lines.Add(ReceiptText.Rule('-', width));
            ReceiptText.Pair(lines, ReceiptLabels.ApplicationLabel(l), data.ApplicationLabel, width);
            ReceiptText.Pair(lines, "AID:", HexOrNull(data.Aid), width);
            ReceiptText.Pair(lines, "TVR:", HexOrNull(data.Tvr), width);
            ReceiptText.Pair(lines, "TSI:", HexOrNull(data.Tsi), width);
            ReceiptText.Pair(lines, CryptogramLabel(data.Cid), HexOrNull(data.ApplicationCryptogram), width);
            ReceiptText.Pair(lines, "CVM:", HexOrNull(data.CvmResults), width);
        }

        /// <summary>The cryptogram's name from CID b8-b7 (Book 3, Table 14): "TC:", "ARQC:", "AAC:", else "AC:".</summary>
        private static string CryptogramLabel(byte[] cid)
        {
            if (cid == null || cid.Length != 1) return "AC:";
            switch (cid[0] & 0xC0)
            {
                case CryptogramInformationData.Tc: return "TC:";
                case CryptogramInformationData.Arqc: return "ARQC:";
                case CryptogramInformationData.Aac: return "AAC:";
                default: return "AC:";
            }
        }

        private static string HexOrNull(byte[] value)
        {
            return value == null ? null : Hex.Encode(value);
        }
    }
}
