using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Receipt;
using Xunit;

namespace Terminal.Tests.Receipt;

/// <summary>
/// Receipts against hand-written slips. Layout rule (ReceiptText.Pair): "label" then spaces then the value so the
/// line ends at the last column; a Chinese character takes two columns. Each expected line below was laid out by
/// hand; the comments give the column arithmetic of the non-obvious ones.
/// </summary>
public class ReceiptBuilderTests
{
    /// <summary>
    /// A chip sale that ended with signature as CVM (CVM Results 1E0300: signature, always, unknown - Book 3 Annex
    /// C3), approved online with a TC.
    /// </summary>
    internal static ReceiptData SignatureSale() => new()
    {
        Merchant = new ReceiptMerchant("TEST SHOP", "123456789012345", "12345678"),
        Kind = TransactionKind.Sale,
        EntryMode = CardEntryMode.Chip,
        CardNumber = "6225880123451234",              // set in full: kept masked 622588******1234
        ApplicationLabel = "UnionPay Debit",
        Aid = Hex.Decode("A000000333010101"),
        Tvr = Hex.Decode("0000000000"),
        Tsi = Hex.Decode("E800"),
        ApplicationCryptogram = Hex.Decode("1122334455667788"),
        Cid = Hex.Decode("40"),
        CvmResults = Hex.Decode("1E0300"),
        SignatureRequired = true,
        Approved = true,
        ResponseCode = "00",
        AuthorisationCode = "A1B2C3",
        ReferenceNumber = "123456789012",
        BatchNumber = 1,
        TraceNumber = 123,
        DateTime = new DateTime(2026, 11, 26, 10, 20, 30),
        Amount = 12345,
        CurrencyCode = "156",
    };

    [Fact]
    public void English_merchant_copy_32_columns_with_signature()
    {
        string[] expected =
        {
            "          POS RECEIPT",             // 11 columns centred in 32: (32 - 11) / 2 = 10 spaces
            "         MERCHANT COPY",            // 13: 9 spaces
            "--------------------------------",
            "MERCHANT NAME:         TEST SHOP",  // 14 + 9 spaces + 9
            "MERCHANT NO.:    123456789012345",  // 13 + 4 + 15
            "TERMINAL NO.:           12345678",  // 13 + 11 + 8
            "--------------------------------",
            "CARD NO.:       622588******1234",  // 9 + 7 + 16
            "ENTRY MODE:                 CHIP",
            "TRANS TYPE:                 SALE",
            "BATCH NO.:                000001",
            "TRACE NO.:                000123",
            "AUTH NO.:                 A1B2C3",
            "REF NO.:            123456789012",
            "DATE/TIME:   2026/11/26 10:20:30",  // 10 + 3 + 19
            "AMOUNT:               RMB 123.45",  // 7 + 15 + 10
            "RESULT:                 APPROVED",
            "--------------------------------",
            "APP LABEL:        UnionPay Debit",  // 10 + 8 + 14
            "AID:            A000000333010101",
            "TVR:                  0000000000",
            "TSI:                        E800",
            "TC:             1122334455667788",  // CID 40 = TC
            "CVM:                      1E0300",
            "--------------------------------",
            "CARDHOLDER SIGNATURE:",
            "",
            "",
            "________________________________",
            "I ACKNOWLEDGE SATISFACTORY",        // word wrap at 32: adding " RECEIPT" would make 34
            "RECEIPT OF RELATIVE",
            "GOODS/SERVICES",
        };
        Assert.Equal(expected, ReceiptBuilder.Build(SignatureSale(), ReceiptCopy.Merchant, ReceiptLanguage.English, 32));
    }

    [Fact]
    public void English_customer_copy_has_no_signature_block()
    {
        string[] lines = ReceiptBuilder.Build(SignatureSale(), ReceiptCopy.Customer, ReceiptLanguage.English, 32);
        Assert.Equal("         CUSTOMER COPY", lines[1]);
        Assert.Equal("CVM:                      1E0300", lines[^2]);
        Assert.Equal("--------------------------------", lines[^1]);
        Assert.Equal(25, lines.Length);              // the 25 lines of the merchant copy up to the rule after the EMV block
    }

    [Fact]
    public void Chinese_merchant_copy_32_columns_in_the_unionpay_layout()
    {
        ReceiptData d = SignatureSale();
        d.Merchant = new ReceiptMerchant("测试商店", "123456789012345", "12345678") { OperatorNumber = "01" };
        string[] expected =
        {
            "           POS签购单",              // "POS" 3 + 3 Chinese x 2 = 9 columns: (32 - 9) / 2 = 11 spaces
            "            商户存根",              // 8 columns: 12 spaces
            "--------------------------------",
            "商户名称:               测试商店",  // 9 + 15 + 8
            "商户编号:        123456789012345",  // 9 + 8 + 15
            "终端编号:               12345678",  // 9 + 15 + 8
            "操作员号:                     01",  // 9 + 21 + 2
            "--------------------------------",
            "卡号:           622588******1234",  // 5 + 11 + 16
            "输入方式:                   插卡",  // 9 + 19 + 4
            "交易类型:                   消费",
            "批次号:                   000001",  // 7 + 19 + 6
            "凭证号:                   000123",
            "授权码:                   A1B2C3",
            "参考号:             123456789012",  // 7 + 13 + 12
            "日期/时间:   2026/11/26 10:20:30",  // 4 + 1 + 4 + 1 = 10, + 3 + 19
            "金额:                 RMB 123.45",  // 5 + 17 + 10
            "交易结果:               交易成功",  // 9 + 15 + 8
            "--------------------------------",
            "应用标签:         UnionPay Debit",  // 9 + 9 + 14
            "AID:            A000000333010101",
            "TVR:                  0000000000",
            "TSI:                        E800",
            "TC:             1122334455667788",
            "CVM:                      1E0300",
            "--------------------------------",
            "持卡人签名:",
            "",
            "",
            "________________________________",
            "本人确认以上交易,",                 // 17 columns; with the next phrase (20) it would be 37 > 32
            "同意将其记入本卡账户",
        };
        Assert.Equal(expected, ReceiptBuilder.Build(d, ReceiptCopy.Merchant, ReceiptLanguage.SimplifiedChinese, 32));
    }

    // A PIN-verified contactless void at 48 columns (80 mm paper): negative amount, original trace, no signature;
    // the acknowledgement is not printed and the merchant copy says no signature is required.
    [Fact]
    public void Chinese_void_48_columns_without_signature()
    {
        var d = new ReceiptData
        {
            Merchant = new ReceiptMerchant("测试商店", "123456789012345", "12345678"),
            Kind = TransactionKind.Void,
            EntryMode = CardEntryMode.Contactless,
            CardNumber = "6225880123451234",
            Approved = true,
            AuthorisationCode = "654321",
            ReferenceNumber = "000000000042",
            BatchNumber = 2,
            TraceNumber = 45,
            OriginalTraceNumber = 44,
            DateTime = new DateTime(2026, 1, 2, 3, 4, 5),
            Amount = 500,
            CurrencyCode = "156",
        };
        string[] expected =
        {
            "                   POS签购单",                       // (48 - 9) / 2 = 19
            "                    商户存根",                       // (48 - 8) / 2 = 20
            "------------------------------------------------",
            "商户名称:                               测试商店",   // 9 + 31 + 8
            "商户编号:                        123456789012345",   // 9 + 24 + 15
            "终端编号:                               12345678",
            "------------------------------------------------",
            "卡号:                           622588******1234",   // 5 + 27 + 16
            "输入方式:                                   挥卡",   // 9 + 35 + 4
            "交易类型:                               消费撤销",   // 9 + 31 + 8
            "批次号:                                   000002",   // 7 + 35 + 6
            "凭证号:                                   000045",
            "原凭证号:                                 000044",   // 9 + 33 + 6
            "授权码:                                   654321",
            "参考号:                             000000000042",   // 7 + 29 + 12
            "日期/时间:                   2026/01/02 03:04:05",   // 10 + 19 + 19
            "金额:                                  RMB -5.00",   // 5 + 33 + 10
            "交易结果:                               交易成功",
            "------------------------------------------------",
            "无需签名",
        };
        Assert.Equal(expected, ReceiptBuilder.Build(d, ReceiptCopy.Merchant, ReceiptLanguage.SimplifiedChinese, 48));
    }

    // A declined swipe: no EMV block, the response code after DECLINED, no signature block on either copy.
    [Fact]
    public void Declined_swipe_prints_the_response_code_and_no_emv_block()
    {
        var d = new ReceiptData
        {
            Merchant = new ReceiptMerchant("A VERY LONG MERCHANT NAME THAT WRAPS", "123456789012345", "12345678"),
            Kind = TransactionKind.Refund,
            EntryMode = CardEntryMode.Fallback,
            CardNumber = "4761739000000152",
            Approved = false,
            ResponseCode = "51",
            BatchNumber = 1,
            TraceNumber = 7,
            DateTime = new DateTime(2026, 12, 31, 23, 59, 59),
            Amount = 300,
            CurrencyCode = "840",
        };
        string[] expected =
        {
            "          POS RECEIPT",
            "         MERCHANT COPY",
            "--------------------------------",
            "MERCHANT NAME:",                    // 14 + 36 > 32: value on the next lines, indented 2, wrapped at 30
            "  A VERY LONG MERCHANT NAME THAT",  // 2 + 30: exactly the room ("... THAT WRAPS" would be 36)
            "  WRAPS",
            "MERCHANT NO.:    123456789012345",
            "TERMINAL NO.:           12345678",
            "--------------------------------",
            "CARD NO.:       476173******0152",
            "ENTRY MODE:             FALLBACK",
            "TRANS TYPE:               REFUND",
            "BATCH NO.:                000001",
            "TRACE NO.:                000007",
            "DATE/TIME:   2026/12/31 23:59:59",
            "AMOUNT:                USD -3.00",
            "RESULT:              DECLINED 51",
            "--------------------------------",
        };
        Assert.Equal(expected, ReceiptBuilder.Build(d, ReceiptCopy.Merchant, ReceiptLanguage.English, 32));
    }

    [Fact]
    public void Both_copies_come_merchant_first()
    {
        string[][] both = ReceiptBuilder.BuildBoth(SignatureSale(), ReceiptLanguage.SimplifiedChinese, 32);
        Assert.Equal("            商户存根", both[0][1]);
        Assert.Equal("           持卡人存根", both[1][1]);   // 10 columns: (32 - 10) / 2 = 11
        Assert.Contains("持卡人签名:", both[0]);
        Assert.DoesNotContain("持卡人签名:", both[1]);
    }

    [Fact]
    public void A_full_pan_never_reaches_the_slip()
    {
        var d = new ReceiptData { CardNumber = "6225880123451234" };
        Assert.Equal("622588******1234", d.CardNumber);
        string all = string.Join("\n", ReceiptBuilder.Build(d, ReceiptCopy.Merchant, ReceiptLanguage.English, 48));
        Assert.DoesNotContain("6225880123451234", all);
    }

    [Theory]
    [InlineData(23)]
    [InlineData(65)]
    public void Width_outside_24_to_64_is_refused(int width)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceiptBuilder.Build(SignatureSale(), ReceiptCopy.Merchant, ReceiptLanguage.English, width));
    }

    [Fact]
    public void Null_data_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ReceiptBuilder.Build(null!, ReceiptCopy.Merchant, ReceiptLanguage.English, 32));
    }

    // Book 3 Annex C3: CVM codes 1E signature, 03 / 05 PIN by ICC and signature; result 01 = failed.
    [Theory]
    [InlineData("1E0300", true)]
    [InlineData("5E0300", true)]       // b7 "apply next" does not change the CVM performed
    [InlineData("030002", true)]
    [InlineData("050002", true)]
    [InlineData("410302", false)]      // plaintext PIN only
    [InlineData("1F0302", false)]      // no CVM required
    [InlineData("3F0000", false)]      // no CVM performed
    [InlineData("030001", false)]      // PIN and signature, failed
    [InlineData("1E03", false)]        // wrong length
    public void Signature_from_cvm_results(string cvm, bool signature)
    {
        Assert.Equal(signature, ReceiptData.CvmRequiresSignature(Hex.Decode(cvm)));
    }
}
