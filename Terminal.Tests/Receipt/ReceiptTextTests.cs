using Terminal.Firmware.Core.Ui;
using Terminal.Firmware.Core.App;
using System.Collections;
using CsCheck;
using Terminal.Firmware.Core.Receipt;
using Terminal.Tests.Tlv;
using Xunit;

namespace Terminal.Tests.Receipt;

/// <summary>Column arithmetic (UAX #11 wide characters take two columns), wrapping and currency text.</summary>
public class ReceiptTextTests
{
    [Theory]
    [InlineData("A", 1)]
    [InlineData("商", 2)]          // U+5546, CJK unified ideograph
    [InlineData("，", 2)]          // U+FF0C fullwidth comma
    [InlineData("。", 2)]          // U+3002 ideographic full stop
    [InlineData("é", 1)]
    [InlineData("POS签购单", 9)]
    [InlineData("", 0)]
    public void Columns(string text, int columns)
    {
        Assert.Equal(columns, ReceiptText.Columns(text));
    }

    [Fact]
    public void Chinese_text_wraps_between_characters()
    {
        var lines = new ArrayList();
        // 15 characters = 30 columns into 24: 12 characters, then 3.
        ReceiptText.Wrap(lines, "批次未关闭请稍后重新结算谢谢您", 24, 0);
        Assert.Equal(new object[] { "批次未关闭请稍后重新结算", "谢谢您" }, lines.ToArray());
    }

    [Theory]
    [InlineData(12345L, "156", "RMB 123.45")]
    [InlineData(5L, "156", "RMB 0.05")]
    [InlineData(-100L, "978", "EUR -1.00")]
    [InlineData(500L, "392", "JPY 500")]        // ISO 4217: yen has no minor unit
    [InlineData(0L, "156", "RMB 0.00")]
    [InlineData(199L, "999", "999 1.99")]       // unknown code: printed as is, two decimals
    public void Currency(long minor, string code, string text)
    {
        Assert.Equal(text, CurrencyFormat.ForNumericCode(code).Format(minor));
    }

    // Any text at any supported width: no exception, every line within the width.
    [Fact]
    public void Pair_and_wrap_never_exceed_the_width()
    {
        var chars = Gen.OneOf<char>(Gen.Char['A', 'z'], Gen.Char['\u4E00', '\u4E20'], Gen.Const(' '), Gen.Const('\u3002'));
        var text = Gen.String[chars, 0, 120];
        Gen.Select(text, text, Gen.Int[ReceiptText.MinWidth, ReceiptText.MaxWidth]).Sample((label, value, width) =>
        {
            var lines = new ArrayList();
            ReceiptText.Pair(lines, label.Length > width / 2 ? label.Substring(0, width / 4) : label, value, width);
            ReceiptText.Flow(lines, new[] { label, value }, width);
            foreach (string line in lines) Assert.True(ReceiptText.Columns(line) <= width, line);
        }, iter: FuzzIterations.Value / 20);
    }
}
