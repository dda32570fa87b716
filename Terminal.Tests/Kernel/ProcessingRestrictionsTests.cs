using Xunit;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>
/// Processing restrictions, EMV 4.4 Book 3, 10.4. Expected TVR values are written by hand from the bit table
/// (Book 3, Annex C5): byte 2 b8 = 0080000000 different versions, b7 = 0040000000 expired, b6 = 0020000000 not
/// yet effective, b5 = 0010000000 requested service not allowed.
/// </summary>
public class ProcessingRestrictionsTests
{
    private const string None = "0000000000";
    private const string VersionsDiffer = "0080000000";  // B2b8
    private const string Expired = "0040000000";         // B2b7
    private const string NotYetEffective = "0020000000"; // B2b6
    private const string NotAllowed = "0010000000";      // B2b5

    private static CardData Card(params (int Tag, string Hex)[] items)
    {
        var card = new CardData();
        foreach (var (tag, hex) in items) card.Set(tag, Hex.Decode(hex));
        return card;
    }

    /// <summary>A merchant attended terminal (22) in country 0156, goods/services/cashback capable, 2026-06-15.</summary>
    private static TerminalData Terminal(string type = "22", string country = "0156", string txnType = "00",
        string amountOther = "000000000000", string capabilities = "F000F0A001", string date = "260615")
    {
        var t = new TerminalData();
        t.Set(0x9F35, Hex.Decode(type));
        t.Set(0x9F1A, Hex.Decode(country));
        t.Set(0x9C, Hex.Decode(txnType));
        t.Set(0x9F03, Hex.Decode(amountOther));
        t.Set(0x9F40, Hex.Decode(capabilities));
        t.Set(0x9A, Hex.Decode(date));
        t.Set(0x9F09, Hex.Decode("0096"));
        return t;
    }

    private static string Run(CardData card, TerminalData terminal, bool services = false)
    {
        var tvr = new TerminalVerificationResults();
        ProcessingRestrictions.Apply(card, terminal, services, tvr);
        return tvr.ToString();
    }

    // ---- 10.4.1 application version number ----

    [Theory]
    [InlineData("0096", None)]          // equal: no bit
    [InlineData("0001", VersionsDiffer)] // different: B2b8
    [InlineData("0097", VersionsDiffer)] // different by one: B2b8
    [InlineData("009600", VersionsDiffer)] // different length: B2b8
    public void Application_version_is_compared_with_the_terminal(string cardVersion, string expected)
    {
        Assert.Equal(expected, Run(Card((0x9F08, cardVersion)), Terminal()));
    }

    [Fact]
    public void Absent_card_application_version_is_not_checked()
    {
        Assert.Equal(None, Run(Card(), Terminal()));
    }

    [Fact]
    public void Absent_terminal_application_version_is_not_checked()
    {
        TerminalData t = Terminal();
        t.Remove(0x9F09);
        Assert.Equal(None, Run(Card((0x9F08, "0001")), t));
    }

    // ---- 10.4.3 dates (transaction date 2026-06-15) ----

    [Theory]
    [InlineData("260615", None)]    // expires today: still valid
    [InlineData("260616", None)]    // expires tomorrow
    [InlineData("260614", Expired)] // expired yesterday: B2b7
    [InlineData("251231", Expired)] // previous year: B2b7
    [InlineData("491231", None)]    // 49 -> 2049: valid
    [InlineData("500101", Expired)] // 50 -> 1950: expired, B2b7
    [InlineData("991231", Expired)] // 99 -> 1999: expired, B2b7
    public void Expiration_date_boundaries(string expiry, string expected)
    {
        Assert.Equal(expected, Run(Card((0x5F24, expiry)), Terminal()));
    }

    [Theory]
    [InlineData("260615", None)]            // effective today
    [InlineData("260614", None)]            // effective since yesterday
    [InlineData("260616", NotYetEffective)] // effective tomorrow: B2b6
    [InlineData("490101", NotYetEffective)] // 49 -> 2049: B2b6
    [InlineData("500101", None)]            // 50 -> 1950: long effective
    [InlineData("000101", None)]            // 00 -> 2000
    public void Effective_date_boundaries(string effective, string expected)
    {
        Assert.Equal(expected, Run(Card((0x5F25, effective)), Terminal()));
    }

    [Fact]
    public void Century_rule_applies_to_the_transaction_date_too()
    {
        // Transaction date 49-12-31 = 2049-12-31; expiry 50-01-01 = 1950: expired (B2b7); effective 99-01-01 =
        // 1999: effective.
        Assert.Equal(Expired, Run(Card((0x5F24, "500101"), (0x5F25, "990101")), Terminal(date: "491231")));
        // Transaction date 50-01-01 = 1950-01-01; expiry 49-12-31 = 2049: valid; effective 00-01-01 = 2000:
        // not yet effective (B2b6).
        Assert.Equal(NotYetEffective, Run(Card((0x5F24, "491231"), (0x5F25, "000101")), Terminal(date: "500101")));
    }

    [Fact]
    public void Expired_and_not_yet_effective_together_set_both_bits()
    {
        // B2b7 + B2b6 = 0x60
        Assert.Equal("0060000000", Run(Card((0x5F24, "250101"), (0x5F25, "270101")), Terminal()));
    }

    [Theory]
    [InlineData("261301")] // month 13
    [InlineData("260230")] // 30 February
    [InlineData("26061A")] // not BCD
    [InlineData("2606")]   // short
    [InlineData("26061500")] // long
    [InlineData("")]       // empty
    public void Malformed_card_dates_fail_their_check(string bad)
    {
        // Choice documented on CheckDates: a present but unreadable date fails its check.
        Assert.Equal(Expired, Run(Card((0x5F24, bad)), Terminal()));
        Assert.Equal(NotYetEffective, Run(Card((0x5F25, bad)), Terminal()));
        Assert.Equal("0060000000", Run(Card((0x5F24, bad), (0x5F25, bad)), Terminal()));
    }

    [Fact]
    public void Missing_transaction_date_fails_the_present_card_dates_only()
    {
        TerminalData t = Terminal();
        t.Remove(0x9A);
        Assert.Equal("0060000000", Run(Card((0x5F24, "301231"), (0x5F25, "200101")), t));
        Assert.Equal(None, Run(Card(), t));
    }

    // ---- 10.4.2 application usage control ----

    [Fact]
    public void Absent_auc_is_not_checked()
    {
        Assert.Equal(None, Run(Card((0x5F28, "0840")), Terminal(txnType: "01")));
    }

    [Theory]
    // Terminal type, 9F40 byte 1, AUC byte 1, expected. ATM = 14/15/16 with 9F40 B1b8 cash.
    [InlineData("14", "80", "02", None)]       // ATM, valid at ATMs (B1b2)
    [InlineData("15", "80", "01", NotAllowed)] // ATM, only valid at non-ATMs
    [InlineData("16", "80", "02", None)]
    [InlineData("14", "70", "01", None)]       // 14 without cash capability: not an ATM, B1b1 needed
    [InlineData("14", "70", "02", NotAllowed)]
    [InlineData("11", "80", "01", None)]       // attended FI terminal: not an ATM
    [InlineData("11", "80", "02", NotAllowed)]
    [InlineData("22", "F0", "01", None)]       // merchant terminal
    [InlineData("22", "F0", "02", NotAllowed)]
    [InlineData("25", "F0", "00", NotAllowed)] // neither bit
    [InlineData("14", "80", "03", None)]       // both bits
    [InlineData("22", "F0", "03", None)]
    public void Atm_and_non_atm_check(string type, string cap1, string auc1, string expected)
    {
        // No issuer country code: only the ATM check runs.
        Assert.Equal(expected, Run(Card((0x9F07, auc1 + "00")), Terminal(type: type, capabilities: cap1 + "00F0A001")));
    }

    [Theory]
    // txn type, amount other, services?, issuer country, AUC, expected. Terminal country 0156, non-ATM (B1b1 set).
    // Cash '01' / '17': domestic B1b8, international B1b7.
    [InlineData("01", "000000000000", false, "0156", "8100", None)]
    [InlineData("01", "000000000000", false, "0156", "4100", NotAllowed)]
    [InlineData("01", "000000000000", false, "0840", "4100", None)]
    [InlineData("01", "000000000000", false, "0840", "8100", NotAllowed)]
    [InlineData("17", "000000000000", false, "0156", "8100", None)]
    [InlineData("17", "000000000000", false, "0840", "8100", NotAllowed)]
    // Goods '00': domestic B1b6, international B1b5.
    [InlineData("00", "000000000000", false, "0156", "2100", None)]
    [InlineData("00", "000000000000", false, "0156", "1100", NotAllowed)]
    [InlineData("00", "000000000000", false, "0840", "1100", None)]
    [InlineData("00", "000000000000", false, "0840", "2100", NotAllowed)]
    [InlineData("00", "000000000000", false, "0156", "0900", NotAllowed)] // services bits do not cover goods
    // Services '00' (terminal sells services): domestic B1b4, international B1b3.
    [InlineData("00", "000000000000", true, "0156", "0900", None)]
    [InlineData("00", "000000000000", true, "0156", "0500", NotAllowed)]
    [InlineData("00", "000000000000", true, "0840", "0500", None)]
    [InlineData("00", "000000000000", true, "0840", "0900", NotAllowed)]
    [InlineData("00", "000000000000", true, "0156", "2100", NotAllowed)] // goods bits do not cover services
    // Cashback '09' with amount other: goods part (B1b6/B1b5) and cashback B2b8 domestic / B2b7 international.
    [InlineData("09", "000000000500", false, "0156", "2180", None)]
    [InlineData("09", "000000000500", false, "0156", "2140", NotAllowed)]
    [InlineData("09", "000000000500", false, "0156", "0180", NotAllowed)] // cashback allowed, goods not
    [InlineData("09", "000000000500", false, "0840", "1140", None)]
    [InlineData("09", "000000000500", false, "0840", "1180", NotAllowed)]
    [InlineData("09", "000000000500", true, "0840", "0540", None)]         // services + international cashback
    // '09' with amount other zero: only the purchase part is checked.
    [InlineData("09", "000000000000", false, "0156", "2100", None)]
    // Goods does not need cash bits (cash above needed no goods/services bits).
    [InlineData("00", "000000000000", false, "0156", "A100", None)]
    // Refund '20': no country-specific service bit applies, only the ATM check.
    [InlineData("20", "000000000000", false, "0840", "0100", None)]
    // AB80 (visa-auc-domestic-only): domestic everything, international nothing.
    [InlineData("00", "000000000000", false, "0156", "AB80", None)]
    [InlineData("00", "000000000000", false, "0840", "AB80", NotAllowed)]
    [InlineData("01", "000000000000", false, "0840", "AB80", NotAllowed)]
    [InlineData("09", "000000000500", false, "0840", "AB80", NotAllowed)]
    [InlineData("00", "000000000000", true, "0840", "AB80", NotAllowed)]
    public void Domestic_and_international_service_matrix(string txnType, string amountOther, bool services,
        string issuerCountry, string auc, string expected)
    {
        CardData card = Card((0x9F07, auc), (0x5F28, issuerCountry));
        Assert.Equal(expected, Run(card, Terminal(txnType: txnType, amountOther: amountOther), services));
    }

    [Fact]
    public void Country_checks_need_the_issuer_country_code()
    {
        // AUC valid only at non-ATMs (B1b1), nothing else: without 5F28 cash / goods / cashback are not checked.
        Assert.Equal(None, Run(Card((0x9F07, "0100")), Terminal(txnType: "09", amountOther: "000000000100")));
        Assert.Equal(None, Run(Card((0x9F07, "0100")), Terminal(txnType: "01")));
    }

    [Fact]
    public void Atm_cash_withdrawal_domestic_and_international()
    {
        // ATM (14, cash): needs B1b2, then cash B1b8 (domestic) / B1b7 (international).
        TerminalData atm = Terminal(type: "14", txnType: "01", capabilities: "8000F0A001");
        Assert.Equal(None, Run(Card((0x9F07, "8200"), (0x5F28, "0156")), atm));
        Assert.Equal(NotAllowed, Run(Card((0x9F07, "8200"), (0x5F28, "0840")), atm));
        Assert.Equal(None, Run(Card((0x9F07, "4200"), (0x5F28, "0840")), atm));
        // Cash allowed but not at ATMs: B2b5.
        Assert.Equal(NotAllowed, Run(Card((0x9F07, "C100"), (0x5F28, "0156")), atm));
    }

    [Theory]
    [InlineData("FF")]
    [InlineData("FFFFFF")]
    [InlineData("")]
    public void Malformed_auc_fails_the_check(string auc)
    {
        // Choice documented on CheckUsageControl: unreadable restrictions do not allow the service.
        Assert.Equal(NotAllowed, Run(Card((0x9F07, auc), (0x5F28, "0156")), Terminal()));
    }

    [Fact]
    public void Malformed_terminal_type_is_not_an_atm()
    {
        Assert.False(ProcessingRestrictions.IsAtm(Terminal(type: "19", capabilities: "8000000000")));
        Assert.False(ProcessingRestrictions.IsAtm(Terminal(type: "1414", capabilities: "8000000000")));
        Assert.False(ProcessingRestrictions.IsAtm(Terminal(type: "14", capabilities: "80")));
        Assert.True(ProcessingRestrictions.IsAtm(Terminal(type: "16", capabilities: "8000000000")));
    }

    [Fact]
    public void All_checks_combine()
    {
        // Version differs (B2b8), expired (B2b7), not yet effective (B2b6), international goods not allowed (B2b5).
        CardData card = Card((0x9F08, "0001"), (0x5F24, "200101"), (0x5F25, "300101"), (0x9F07, "AB80"), (0x5F28, "0840"));
        Assert.Equal("00F0000000", Run(card, Terminal()));
    }

    [Fact]
    public void Bits_already_in_the_tvr_are_kept()
    {
        var tvr = new TerminalVerificationResults(Hex.Decode("8000000000"));
        ProcessingRestrictions.Apply(Card((0x9F08, "0001")), Terminal(), false, tvr);
        Assert.Equal("8080000000", tvr.ToString()); // B1b8 kept, B2b8 added
    }

    // ---- library cards, reference transaction of docs/card-profiles.md ----

    /// <summary>Type 22, country 0156, version 0096, 2026-06-15, purchase 9C 00 of goods, no cashback.</summary>
    private static TerminalData ReferenceTerminal() => Terminal();

    private static string RunLibraryCard(string name)
    {
        CardImage image = CardLibrary.Image(name);
        var flow = new Flow(new VirtualCard(image, new CountingRandom(), CardLibrary.Crypto), Aids(false, Visa)).Run();
        return Run(flow.CardData, ReferenceTerminal());
    }

    [Theory]
    [InlineData("visa-expired-application", Expired)]         // 5F24 2025-06-30 < 2026-06-15: B2b7
    [InlineData("visa-not-yet-effective", NotYetEffective)]   // 5F25 2027-01-01 > 2026-06-15: B2b6
    [InlineData("visa-auc-domestic-only", NotAllowed)]        // AUC AB80, 5F28 0840 != 0156, goods: B2b5
    [InlineData("visa-app-version-mismatch", VersionsDiffer)] // 9F08 0001 != 9F09 0096: B2b8
    [InlineData("visa-offline-tc", None)]                     // control: nothing restricted
    public void Library_cards(string name, string expected)
    {
        Assert.Equal(expected, RunLibraryCard(name));
    }
}
