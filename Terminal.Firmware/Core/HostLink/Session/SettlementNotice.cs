using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// The settlement outcome notice the firmware shows and prints: "funds settled" with the totals, or the failure
    /// and its reason. English text here; localisation (Chinese) is the UI's job.
    /// </summary>
    public sealed class SettlementNotice
    {
        private readonly string[] _lines;

        private SettlementNotice(bool fundsSettled, string title, string[] lines)
        {
            FundsSettled = fundsSettled;
            Title = title;
            _lines = lines;
        }

        /// <summary>True when the host confirmed the batch ("funds settled").</summary>
        public bool FundsSettled { get; private set; }

        /// <summary>Headline: "FUNDS SETTLED" or "SETTLEMENT FAILED".</summary>
        public string Title { get; private set; }

        /// <summary>The body lines, a copy.</summary>
        public string[] Lines
        {
            get
            {
                string[] copy = new string[_lines.Length];
                System.Array.Copy(_lines, copy, _lines.Length);
                return copy;
            }
        }

        /// <summary>The notice for a settlement report.</summary>
        public static SettlementNotice For(SettlementReport report)
        {
            string batch = string.Concat("Batch ", Digits.Pad(report.BatchNumber, 6, 60), " currency ", report.Currency);
            if (report.Settled)
            {
                CurrencyFormat money = CurrencyFormat.ForNumericCode(report.Currency);
                return new SettlementNotice(true, "FUNDS SETTLED", new string[]
                {
                    batch,
                    string.Concat("Sales ", report.DebitCount.ToString(), " ", money.Number(report.DebitAmount)),
                    string.Concat("Voids ", report.VoidCount.ToString(), " ", money.Number(report.VoidAmount)),
                    string.Concat("Refunds ", report.CreditCount.ToString(), " ", money.Number(report.CreditAmount)),
                    string.Concat("Net ", money.Number(report.NetAmount)),
                    report.UploadedCount > 0 ? string.Concat("Batch uploaded: ", report.UploadedCount.ToString(), " transactions") : "Totals agreed",
                });
            }
            return new SettlementNotice(false, "SETTLEMENT FAILED", new string[]
            {
                batch,
                string.Concat("Reason: ", ReasonText(report.Failure)),
                report.HostResponseCode == null ? "No host answer" : string.Concat("Host response ", report.HostResponseCode),
                "Batch kept open; settle again later",
            });
        }

        /// <summary>English text of a failure reason.</summary>
        public static string ReasonText(SessionFailure failure)
        {
            switch (failure)
            {
                case SessionFailure.ConnectFailed: return "host unreachable";
                case SessionFailure.Timeout: return "no answer from host";
                case SessionFailure.Disconnected: return "connection lost";
                case SessionFailure.Malformed: return "unreadable host answer";
                case SessionFailure.MacInvalid: return "host answer failed authentication";
                case SessionFailure.ReversalsPending: return "reversals not yet delivered";
                case SessionFailure.AdvicesPending: return "offline transactions not yet delivered";
                case SessionFailure.JournalFailed: return "journal error";
                case SessionFailure.HostRefused: return "host refused settlement";
                case SessionFailure.TotalsDiffer: return "totals differ after batch upload";
                case SessionFailure.SettlementPending: return "settlement pending";
                case SessionFailure.TransactionInFlight: return "transaction in flight";
                case SessionFailure.NotSignedOn: return "not signed on";
                case SessionFailure.WorkingKeysRefused: return "not signed on: host keys refused";
                case SessionFailure.SigningFailed: return "message could not be signed";
                default: return "none";
            }
        }
    }
}
