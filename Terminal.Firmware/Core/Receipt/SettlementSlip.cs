using Terminal.Firmware.Core.Ui;
using System;
using System.Collections;
using Terminal.Firmware.Core.HostLink.Session;

namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>
    /// The settlement report / notice slip (结算单) for the printer or the display, from
    /// <see cref="SettlementReport"/>: merchant block, batch, date/time and currency, a table of sales, voids and
    /// refunds (count and amount) with the net amount, the host's verdict on the totals (对账平 / 对账不平), the
    /// batch upload count, then "FUNDS SETTLED" (结算成功) or "SETTLEMENT FAILED" (结算失败) with the reason.
    /// </summary>
    public static class SettlementSlip
    {
        /// <summary>The slip's lines, each at most <paramref name="width"/> columns.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="width"/> is outside 24..64.</exception>
        public static string[] Build(SettlementReport report, ReceiptMerchant merchant, DateTime when, Language language, int width)
        {
            if (report == null) throw new ArgumentNullException("report");
            ReceiptText.CheckWidth(width);
            Language l = language;
            ArrayList lines = new ArrayList();
            lines.Add(ReceiptText.Center(ReceiptLabels.SettlementTitle(l), width));
            ReceiptBuilder.AddMerchant(lines, merchant, l, width);
            ReceiptText.Pair(lines, ReceiptLabels.BatchNumber(l), ReceiptText.ZeroPad(report.BatchNumber, 6), width);
            ReceiptText.Pair(lines, ReceiptLabels.DateTime(l), ReceiptBuilder.DateTimeText(when), width);
            ReceiptText.Pair(lines, ReceiptLabels.Currency(l), CurrencyFormat.ForNumericCode(report.Currency).AlphaCode, width);
            lines.Add(ReceiptText.Rule('-', width));

            string countHeader, amountHeader;
            string typeHeader = ReceiptLabels.TableHeader(l, out countHeader, out amountHeader);
            lines.Add(Row(typeHeader, countHeader, amountHeader, width));
            CurrencyFormat c = CurrencyFormat.ForNumericCode(report.Currency);
            lines.Add(Row(ReceiptLabels.Sales(l), report.DebitCount.ToString(), c.Number(report.DebitAmount), width));
            lines.Add(Row(ReceiptLabels.Voids(l), report.VoidCount.ToString(), c.Number(report.VoidAmount), width));
            lines.Add(Row(ReceiptLabels.Refunds(l), report.CreditCount.ToString(), c.Number(report.CreditAmount), width));
            lines.Add(Row(ReceiptLabels.Net(l), string.Empty, c.Number(report.NetAmount), width));
            lines.Add(ReceiptText.Rule('-', width));

            if (report.ReconciliationAttempts > 0)
                ReceiptText.Pair(lines, ReceiptLabels.Reconciliation(l), VerdictText(report, l), width);
            if (report.UploadedCount > 0)
                ReceiptText.Pair(lines, ReceiptLabels.Uploaded(l), report.UploadedCount.ToString(), width);
            ReceiptText.Pair(lines, ReceiptLabels.HostResponse(l), report.HostResponseCode, width);
            if (report.Settled)
            {
                lines.Add(ReceiptText.Center(ReceiptLabels.Settled(l), width));
            }
            else
            {
                lines.Add(ReceiptText.Center(ReceiptLabels.SettlementFailed(l), width));
                ReceiptText.Pair(lines, ReceiptLabels.Reason(l), ReceiptLabels.Failure(l, report.Failure), width);
                ReceiptText.Wrap(lines, ReceiptLabels.KeptOpen(l), width, 0);
            }
            return ReceiptText.ToArray(lines);
        }

        /// <summary>
        /// One table row: the name left, the count right-aligned to column 5/8 of the width (20 of 32, 30 of 48),
        /// the amount right-aligned to the last column; single spaces when the numbers are too wide for that.
        /// </summary>
        private static string Row(string name, string count, string amount, int width)
        {
            int countEnd = width * 5 / 8;
            int gap1 = countEnd - ReceiptText.Columns(name) - ReceiptText.Columns(count);
            int gap2 = width - countEnd - ReceiptText.Columns(amount);
            if (gap1 < 1 || gap2 < 1) return string.Concat(name, " ", count.Length > 0 ? string.Concat(count, " ") : string.Empty, amount);
            return string.Concat(name, new string(' ', gap1), count, new string(' ', gap2), amount);
        }

        private static string VerdictText(SettlementReport report, Language l)
        {
            if (report.HostResponseCode == null && report.UploadedCount == 0 && !report.Settled) return ReceiptLabels.NoAnswer(l);
            switch (report.FirstVerdict)
            {
                case SettlementVerdict.Balanced: return ReceiptLabels.Balanced(l);
                case SettlementVerdict.NotBalanced: return ReceiptLabels.NotBalanced(l);
                default: return ReceiptLabels.Refused(l);
            }
        }
    }
}
