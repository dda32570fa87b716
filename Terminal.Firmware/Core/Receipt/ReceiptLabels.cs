using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>
    /// The fixed texts of the slips in both languages. The Chinese ones follow the China UnionPay POS slip
    /// (签购单) wording: 商户名称, 商户编号, 终端编号, 卡号, 交易类型, 批次号, 凭证号, 授权码, 参考号, 日期/时间,
    /// 金额, 持卡人签名, 商户存根 / 持卡人存根.
    /// </summary>
    internal static class ReceiptLabels
    {
        internal static string Pick(ReceiptLanguage language, string english, string chinese)
        {
            return language == ReceiptLanguage.SimplifiedChinese ? chinese : english;
        }

        internal static string Title(ReceiptLanguage l) { return Pick(l, "POS RECEIPT", "POS签购单"); }
        internal static string Copy(ReceiptLanguage l, ReceiptCopy copy)
        {
            return copy == ReceiptCopy.Merchant ? Pick(l, "MERCHANT COPY", "商户存根") : Pick(l, "CUSTOMER COPY", "持卡人存根");
        }

        internal static string MerchantName(ReceiptLanguage l) { return Pick(l, "MERCHANT NAME:", "商户名称:"); }
        internal static string MerchantNumber(ReceiptLanguage l) { return Pick(l, "MERCHANT NO.:", "商户编号:"); }
        internal static string TerminalNumber(ReceiptLanguage l) { return Pick(l, "TERMINAL NO.:", "终端编号:"); }
        internal static string OperatorNumber(ReceiptLanguage l) { return Pick(l, "OPERATOR NO.:", "操作员号:"); }
        internal static string CardNumber(ReceiptLanguage l) { return Pick(l, "CARD NO.:", "卡号:"); }
        internal static string EntryMode(ReceiptLanguage l) { return Pick(l, "ENTRY MODE:", "输入方式:"); }
        internal static string TransactionType(ReceiptLanguage l) { return Pick(l, "TRANS TYPE:", "交易类型:"); }
        internal static string BatchNumber(ReceiptLanguage l) { return Pick(l, "BATCH NO.:", "批次号:"); }
        internal static string TraceNumber(ReceiptLanguage l) { return Pick(l, "TRACE NO.:", "凭证号:"); }
        internal static string OriginalTrace(ReceiptLanguage l) { return Pick(l, "ORIG TRACE NO.:", "原凭证号:"); }
        internal static string AuthorisationCode(ReceiptLanguage l) { return Pick(l, "AUTH NO.:", "授权码:"); }
        internal static string ReferenceNumber(ReceiptLanguage l) { return Pick(l, "REF NO.:", "参考号:"); }
        internal static string DateTime(ReceiptLanguage l) { return Pick(l, "DATE/TIME:", "日期/时间:"); }
        internal static string Amount(ReceiptLanguage l) { return Pick(l, "AMOUNT:", "金额:"); }
        internal static string Result(ReceiptLanguage l) { return Pick(l, "RESULT:", "交易结果:"); }
        internal static string Approved(ReceiptLanguage l) { return Pick(l, "APPROVED", "交易成功"); }
        internal static string Declined(ReceiptLanguage l) { return Pick(l, "DECLINED", "交易失败"); }
        internal static string ApplicationLabel(ReceiptLanguage l) { return Pick(l, "APP LABEL:", "应用标签:"); }
        internal static string Signature(ReceiptLanguage l) { return Pick(l, "CARDHOLDER SIGNATURE:", "持卡人签名:"); }
        internal static string NoSignature(ReceiptLanguage l) { return Pick(l, "NO SIGNATURE REQUIRED", "无需签名"); }

        internal static string[] Acknowledgement(ReceiptLanguage l)
        {
            return l == ReceiptLanguage.SimplifiedChinese
                ? new string[] { "本人确认以上交易,", "同意将其记入本卡账户" }
                : new string[] { "I ACKNOWLEDGE SATISFACTORY RECEIPT OF RELATIVE GOODS/SERVICES" };
        }

        internal static string Entry(ReceiptLanguage l, CardEntryMode mode)
        {
            switch (mode)
            {
                case CardEntryMode.Chip: return Pick(l, "CHIP", "插卡");
                case CardEntryMode.Contactless: return Pick(l, "CONTACTLESS", "挥卡");
                case CardEntryMode.Swipe: return Pick(l, "SWIPE", "刷卡");
                case CardEntryMode.Fallback: return Pick(l, "FALLBACK", "降级刷卡");
                default: return "?";
            }
        }

        internal static string Kind(ReceiptLanguage l, TransactionKind kind)
        {
            switch (kind)
            {
                case TransactionKind.Sale: return Pick(l, "SALE", "消费");
                case TransactionKind.Refund: return Pick(l, "REFUND", "退货");
                case TransactionKind.Void: return Pick(l, "VOID", "消费撤销");
                case TransactionKind.PreAuthorization: return Pick(l, "PRE-AUTH", "预授权");
                case TransactionKind.Completion: return Pick(l, "AUTH COMPLETE", "预授权完成");
                default: return "?";
            }
        }

        // Settlement slip.
        internal static string SettlementTitle(ReceiptLanguage l) { return Pick(l, "SETTLEMENT REPORT", "结算单"); }
        internal static string Currency(ReceiptLanguage l) { return Pick(l, "CURRENCY:", "币种:"); }
        internal static string TableHeader(ReceiptLanguage l, out string count, out string amount)
        {
            count = Pick(l, "COUNT", "笔数");
            amount = Pick(l, "AMOUNT", "金额");
            return Pick(l, "TYPE", "类型");
        }
        internal static string Sales(ReceiptLanguage l) { return Pick(l, "SALES", "消费"); }
        internal static string Voids(ReceiptLanguage l) { return Pick(l, "VOIDS", "撤销"); }
        internal static string Refunds(ReceiptLanguage l) { return Pick(l, "REFUNDS", "退货"); }
        internal static string Net(ReceiptLanguage l) { return Pick(l, "NET", "净额"); }
        internal static string Reconciliation(ReceiptLanguage l) { return Pick(l, "TOTALS:", "对账结果:"); }
        internal static string Balanced(ReceiptLanguage l) { return Pick(l, "BALANCED", "对账平"); }
        internal static string NotBalanced(ReceiptLanguage l) { return Pick(l, "NOT BALANCED", "对账不平"); }
        internal static string NoAnswer(ReceiptLanguage l) { return Pick(l, "NO ANSWER", "无应答"); }
        internal static string Refused(ReceiptLanguage l) { return Pick(l, "REFUSED", "拒绝"); }
        internal static string Uploaded(ReceiptLanguage l) { return Pick(l, "UPLOADED:", "批上送笔数:"); }
        internal static string HostResponse(ReceiptLanguage l) { return Pick(l, "HOST RESPONSE:", "主机应答码:"); }
        internal static string Settled(ReceiptLanguage l) { return Pick(l, "FUNDS SETTLED", "结算成功"); }
        internal static string SettlementFailed(ReceiptLanguage l) { return Pick(l, "SETTLEMENT FAILED", "结算失败"); }
        internal static string Reason(ReceiptLanguage l) { return Pick(l, "REASON:", "原因:"); }
        internal static string KeptOpen(ReceiptLanguage l) { return Pick(l, "BATCH KEPT OPEN; SETTLE AGAIN LATER", "批次未关闭,请稍后重新结算"); }

        /// <summary>The failure reason; English from <see cref="SettlementNotice.ReasonText"/>, upper case.</summary>
        internal static string Failure(ReceiptLanguage l, SessionFailure failure)
        {
            if (l != ReceiptLanguage.SimplifiedChinese) return SettlementNotice.ReasonText(failure).ToUpper();
            switch (failure)
            {
                case SessionFailure.ConnectFailed: return "无法连接主机";
                case SessionFailure.Timeout: return "主机无应答";
                case SessionFailure.Disconnected: return "连接中断";
                case SessionFailure.Malformed: return "主机应答无法识别";
                case SessionFailure.MacInvalid: return "主机应答校验失败";
                case SessionFailure.ReversalsPending: return "冲正未完成";
                case SessionFailure.AdvicesPending: return "离线交易未上送";
                case SessionFailure.JournalFailed: return "流水错误";
                case SessionFailure.HostRefused: return "主机拒绝结算";
                case SessionFailure.TotalsDiffer: return "批上送后对账仍不平";
                default: return "无";
            }
        }
    }
}
