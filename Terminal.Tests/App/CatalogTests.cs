using Terminal.Firmware.Core.Ui;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>The message catalog (one table, both languages) and amount formatting.</summary>
public class CatalogTests
{
    [Fact]
    public void Every_message_id_has_english_and_chinese_text()
    {
        MessageId[] ids = Enum.GetValues<MessageId>();
        Assert.Equal(ids.Length, MessageCatalog.Count);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i, (int)ids[i]);                               // no gaps: the id is the row
            string en = MessageCatalog.Text(ids[i], Language.English);
            string zh = MessageCatalog.Text(ids[i], Language.SimplifiedChinese);
            Assert.False(string.IsNullOrWhiteSpace(en));
            Assert.False(string.IsNullOrWhiteSpace(zh));
            Assert.All(en, c => Assert.True(c < 0x80, ids[i] + " English text is ASCII"));
            Assert.Contains(zh, c => c >= 0x4E00 && c <= 0x9FFF);       // CJK unified ideographs
        }
    }

    [Theory]
    [InlineData(MessageId.PresentCard, "请插卡或挥卡或刷卡")]
    [InlineData(MessageId.Approved, "交易成功")]
    [InlineData(MessageId.EnterPin, "请输入密码")]
    [InlineData(MessageId.InsertCard, "请插卡")]
    [InlineData(MessageId.RemoveCard, "请取卡")]
    public void Chinese_texts_of_the_issue(MessageId id, string text) =>
        Assert.Equal(text, MessageCatalog.Text(id, Language.SimplifiedChinese));

    [Fact]
    public void All_strings_enumerates_the_table_for_the_glyph_generator()
    {
        string[] all = MessageCatalog.AllStrings();
        Assert.Equal(2 * MessageCatalog.Count, all.Length);
        Assert.Contains("交易成功", all);
        Assert.Contains("APPROVED", all);
        all[0] = "changed";                                            // a copy: the table is untouched
        Assert.Equal("WELCOME", MessageCatalog.Text(MessageId.Welcome, Language.English));
    }

    [Fact]
    public void Text_of_an_unknown_id_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageCatalog.Text((MessageId)999, Language.English));

    [Theory]
    [InlineData(1234, 2, true, "\u00A512.34")]
    [InlineData(1234, 2, false, "CNY 12.34")]
    [InlineData(5, 2, true, "\u00A50.05")]
    [InlineData(0, 2, false, "CNY 0.00")]
    [InlineData(1234, 0, false, "CNY 1234")]
    [InlineData(1234, 3, false, "CNY 1.234")]
    [InlineData(-1205, 2, false, "CNY -12.05")]
    [InlineData(999999999999, 2, false, "CNY 9999999999.99")]
    public void Amounts_follow_the_currency_exponent(long minor, int exponent, bool symbol, string expected) =>
        Assert.Equal(expected, new CurrencyFormat("CNY", "\u00A5", exponent, symbol).Format(minor));

    [Fact]
    public void Minimum_long_does_not_overflow() =>
        Assert.Equal("-92233720368547758.08", new CurrencyFormat("", "", 2, false).Format(long.MinValue));

    [Fact]
    public void Exponent_outside_iso_4217_range_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CurrencyFormat("XXX", "", 4, false));
}
