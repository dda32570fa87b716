namespace Terminal.Firmware.Core.Receipt
{
    /// <summary>The language of a printed slip (receipt or settlement report).</summary>
    public enum ReceiptLanguage
    {
        /// <summary>English labels.</summary>
        English = 1,
        /// <summary>Simplified Chinese labels, in the China UnionPay POS slip layout (商户名称, 商户编号, ...).</summary>
        SimplifiedChinese = 2
    }
}
