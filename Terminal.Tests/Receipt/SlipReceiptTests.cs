using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Receipt;
using Terminal.Firmware.Core.Ui;
using Xunit;

namespace Terminal.Tests.Receipt;

/// <summary>The application's receipt builder (IReceiptBuilder) over the application's transaction record.</summary>
public class SlipReceiptTests
{
    private static TerminalConfiguration Config(Language language) => new()
    {
        MerchantName = "TEST SHOP", MerchantId = "123456789012345", TerminalId = "12345678", Language = language, CurrencyNumeric = "156",
    };

    private static TransactionRecord Record() => new()
    {
        Kind = TransactionKind.Sale, Amount = 12345, EntryMode = EntryMode.Contact, Approved = true, ResponseCode = "00",
        AuthorisationCode = "A1B2C3", Rrn = "123456789012", Trace = 123, Batch = 1, MaskedPan = "622588******1234",
        ApplicationLabel = "UnionPay Debit", Aid = "A000000333010101", Tvr = "0000000000", Tsi = "E800",
        ApplicationCryptogram = "1122334455667788", SignatureRequired = true, DateTime = "2026-11-26 10:20:30",
    };

    // The record carries what ReceiptBuilderTests.SignatureSale carries, except the CID and CVM Results: the same
    // slip without the CVM line and with "AC:" for the unnamed cryptogram.
    [Fact]
    public void Record_prints_as_the_unionpay_slip()
    {
        string[] lines = new SlipReceipt(Config(Language.English), 32).Build(Record(), merchantCopy: true, duplicate: false);
        string[] expected = ReceiptBuilder.Build(ReceiptBuilderTests.SignatureSale(), ReceiptCopy.Merchant, Language.English, 32)
            .Where(l => !l.StartsWith("CVM:")).Select(l => l.StartsWith("TC: ") ? "AC: " + l.Substring(4) : l).ToArray();
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Reprint_is_marked_duplicate()
    {
        string[] lines = new SlipReceipt(Config(Language.SimplifiedChinese), 32).Build(Record(), merchantCopy: false, duplicate: true);
        Assert.Equal("           持卡人存根", lines[1]);
        Assert.Equal("           重打印凭证", lines[2]);   // 10 columns: 11 spaces
    }

    [Theory]
    [InlineData("2026-11-26 10:20:30", 2026, 11, 26, 10, 20, 30)]
    [InlineData("2026-02-30 10:20:30", 1, 1, 1, 0, 0, 0)]   // no 30 February: MinValue
    [InlineData("garbage", 1, 1, 1, 0, 0, 0)]
    public void Record_date_time(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), SlipReceipt.ParseDateTime(text));
    }
}
