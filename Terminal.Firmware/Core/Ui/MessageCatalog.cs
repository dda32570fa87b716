namespace Terminal.Firmware.Core.Ui
{
    /// <summary>
    /// The one table of cashier and cardholder messages: for each <see cref="MessageId"/> (the row index) its
    /// English and Simplified Chinese text. The glyph generator enumerates every string with
    /// <see cref="AllStrings"/>; nothing else on the screen is translated text (digits, amounts and codes are
    /// ASCII). Texts are short enough for a 16-column screen where a Chinese character counts as two.
    /// </summary>
    public static class MessageCatalog
    {
        // Row i is MessageId i: { English, Simplified Chinese }.
        private static readonly string[] Table =
        {
            "WELCOME", "欢迎使用",
            "ENTER AMOUNT", "请输入金额",
            "AMOUNT", "金额",
            "TAP, INSERT OR SWIPE", "请插卡或挥卡或刷卡",
            "INSERT CARD", "请插卡",
            "PLEASE INSERT CHIP", "请插入芯片卡",
            "CHIP ERROR, SWIPE", "芯片错误请刷卡",
            "PROCESSING", "处理中",
            "ENTER PIN", "请输入密码",
            "ENTER ONLINE PIN", "请输入联机密码",
            "PIN TRIES LEFT", "剩余密码次数",
            "AUTHORISING", "联机处理中",
            "APPROVED", "交易成功",
            "DECLINED", "交易拒绝",
            "REMOVE CARD", "请取卡",
            "CANCELLED", "交易取消",
            "CARD REMOVED", "卡已移除",
            "PIN TIMEOUT", "密码输入超时",
            "HOST UNAVAILABLE", "主机无法连接",
            "REVERSAL PENDING", "冲正待发送",
            "CARD ERROR", "读卡错误",
            "AMOUNT TOO LARGE", "金额超限",
            "PRINTING", "正在打印",
            "MENU", "功能菜单",
            "1 SALE", "1 消费",
            "2 VOID", "2 撤销",
            "3 REFUND", "3 退货",
            "4 REPRINT", "4 重打印",
            "5 SETTLEMENT", "5 结算",
            "6 ADMIN", "6 管理",
            "ENTER TRACE NO.", "请输入凭证号",
            "NOT FOUND", "原交易不存在",
            "ENTER PASSCODE", "请输入管理密码",
            "WRONG PASSCODE", "密码错误",
            "SETTLING", "结算中",
            "FUNDS SETTLED", "结算成功",
            "SETTLEMENT FAILED", "结算失败",
            "NO RECEIPT", "无可打印凭条",
            "ADMIN", "管理菜单",
            "1 SHOW CONFIG", "1 查看配置",
            "2 SEND PENDING", "2 发送冲正",
            "RESP CODE", "应答码",
            "SALE", "消费",
            "VOID", "撤销",
            "REFUND", "退货",
            "PRESS OK", "请按确认键",
            "CARD NOT SUPPORTED", "不支持此卡",
            "TRY AGAIN", "请重试",
            "APPROVED, SIGN", "交易成功请签名",
            "DECLINED BY CARD", "卡片拒绝",
            "DECLINED BY HOST", "发卡行拒绝",
            "NOT CONFIGURED", "终端未配置",
            "USE CHIP", "请使用芯片",
            "CARD TIMEOUT", "等待刷卡超时",
            "TRACE", "凭证号",
            "TOTALS", "总计",
            "DUPLICATE", "重打印凭证",
            "SEE PHONE", "请查看手机",
            "PRESENT CARD AGAIN", "请重新挥卡",
            "ONE CARD ONLY", "请只出示一张卡",
            "INSERT, SWIPE, OTHER", "请插卡刷卡或换卡",
            "INSERT OR SWIPE", "请插卡或刷卡",
            "PROCESSING ERROR", "处理错误",
            "CARD READ OK", "读卡成功",
            "NOT RECORDED", "交易未能记录",
            "ORIGINAL REF NO", "请输入原参考号",
            "ORIGINAL DATE MMDD", "请输入原交易日期"
        };

        /// <summary>Number of messages (each <see cref="MessageId"/> is below it).</summary>
        public static int Count
        {
            get { return Table.Length / 2; }
        }

        /// <summary>The text of <paramref name="id"/> in <paramref name="language"/>.</summary>
        public static string Text(MessageId id, Language language)
        {
            int row = (int)id;
            if (row < 0 || row >= Count) throw new System.ArgumentOutOfRangeException("id", "no such message");
            return Table[row * 2 + (language == Language.SimplifiedChinese ? 1 : 0)];
        }

        /// <summary>
        /// Every string of the catalog, English then Chinese for each message in identifier order: the input of
        /// the display's glyph subset generator.
        /// </summary>
        public static string[] AllStrings()
        {
            string[] all = new string[Table.Length];
            System.Array.Copy(Table, all, Table.Length);
            return all;
        }
    }
}
