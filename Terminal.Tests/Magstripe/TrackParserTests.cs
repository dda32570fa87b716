using Terminal.EmvKernel.Magstripe;
using Xunit;

namespace Terminal.Tests.Magstripe;

/// <summary>
/// Track 1 / track 2 parsing (ISO/IEC 7813). The sample tracks are those of cards/magstripe-only-101.card and
/// cards/visa-chip-magstripe-201.card, written as the head reads them ('=' on track 2).
/// </summary>
public class TrackParserTests
{
    private const string Track2 = "4761739900000013=30121010000000000";
    private const string Track1 = "B4761739900000013^MAGSTRIPE/TEST^30121010000000000000";

    [Theory]
    [InlineData(Track2)]
    [InlineData(";" + Track2 + "?")]
    [InlineData(";" + Track2)]
    [InlineData(Track2 + "?")]
    public void Track2_gives_pan_expiry_service_code_and_discretionary_data(string track)
    {
        TrackData t = TrackParser.ParseTrack2(track);
        Assert.Equal(2, t.Track);
        Assert.Equal("4761739900000013", t.Pan);
        // 3012 = December 2030; service code 101 (international, normal authorisation, no restrictions).
        Assert.Equal("3012", t.Expiry);
        Assert.Equal(30, t.ExpiryYear);
        Assert.Equal(12, t.ExpiryMonth);
        Assert.Equal("101", t.ServiceCode.Digits);
        Assert.Equal("0000000000", t.DiscretionaryData);
        Assert.Null(t.CardholderName);
        Assert.Equal(Track2, t.Raw);
    }

    [Fact]
    public void Track2_in_the_d_separator_form_of_the_card_library_parses_the_same()
    {
        // cards/magstripe-only-101.card: track2 = 4761739900000013D30121010000000000.
        TrackData t = TrackParser.ParseTrack2("4761739900000013D30121010000000000");
        Assert.Equal("4761739900000013", t.Pan);
        Assert.Equal("101", t.ServiceCode.Digits);
    }

    [Fact]
    public void Track2_equivalent_data_57_parses_without_its_f_pad()
    {
        // '57' of cards/visa-qvsdc-online.card: 4761739000000400 D 3012 201 0000000000 = 34 nibbles, 17 bytes.
        TrackData whole = TrackParser.ParseTrack2Equivalent(Terminal.EmvKernel.Util.Hex.Decode("4761739000000400D30122010000000000"));
        Assert.Equal("0000000000", whole.DiscretionaryData);
        // One discretionary digit less: 33 nibbles and the 'F' pad.
        byte[] value = Terminal.EmvKernel.Util.Hex.Decode("4761739000000400D3012201000000000F");
        TrackData t = TrackParser.ParseTrack2Equivalent(value);
        Assert.Equal("000000000", t.DiscretionaryData);
        Assert.Equal("4761739000000400", t.Pan);
        Assert.Equal("3012", t.Expiry);
        Assert.Equal("201", t.ServiceCode.Digits);
        Assert.True(t.ServiceCode.IsChipCard);
        Assert.Equal(TrackFormatError.Empty, Assert.Throws<TrackFormatException>(() => TrackParser.ParseTrack2Equivalent([])).Error);
        Assert.Equal(TrackFormatError.Empty, Assert.Throws<TrackFormatException>(() => TrackParser.ParseTrack2Equivalent(null)).Error);
    }

    [Theory]
    [InlineData(Track1)]
    [InlineData("%" + Track1 + "?")]
    public void Track1_gives_pan_name_expiry_service_code(string track)
    {
        TrackData t = TrackParser.ParseTrack1(track);
        Assert.Equal(1, t.Track);
        Assert.Equal("4761739900000013", t.Pan);
        Assert.Equal("MAGSTRIPE/TEST", t.CardholderName);
        Assert.Equal("3012", t.Expiry);
        Assert.Equal("101", t.ServiceCode.Digits);
        Assert.Equal("0000000000000", t.DiscretionaryData);
    }

    [Fact]
    public void Track1_name_loses_its_trailing_spaces_only()
    {
        TrackData t = TrackParser.ParseTrack1("B4761739900000013^ DOE/JOHN   ^3012101");
        Assert.Equal(" DOE/JOHN", t.CardholderName);
        Assert.Equal("", t.DiscretionaryData);
    }

    [Fact]
    public void The_text_form_masks_the_pan()
    {
        TrackData t = TrackParser.ParseTrack2(Track2);
        // First 6 and last 4 visible (PCI DSS; docs/architecture.md security rule).
        Assert.Equal("476173******0013", t.MaskedPan);
        Assert.Equal("track 2 476173******0013 exp 3012 sc 101", t.ToString());
        Assert.DoesNotContain("4761739900000013", t.ToString());
    }

    [Theory]
    // Shortest and longest PAN (12 and 19 digits).
    [InlineData("476173900000=3012201", "476173900000")]
    [InlineData("4761739000000000001=3012201", "4761739000000000001")]
    public void Pan_length_limits_are_accepted(string track, string pan)
    {
        Assert.Equal(pan, TrackParser.ParseTrack2(track).Pan);
    }

    [Fact]
    public void Track2_of_37_characters_is_accepted_and_38_is_too_long()
    {
        string t37 = "4761739900000013=3012101" + new string('0', 13); // 16 + 1 + 7 + 13 = 37
        Assert.Equal(37, t37.Length);
        Assert.Equal(13, TrackParser.ParseTrack2(t37).DiscretionaryData.Length);
        var e = Assert.Throws<TrackFormatException>(() => TrackParser.ParseTrack2(t37 + "0"));
        Assert.Equal(TrackFormatError.TooLong, e.Error);
        // Sentinels do not count: ";" + 37 + "?" is fine.
        Assert.Equal(2, TrackParser.ParseTrack2(";" + t37 + "?").Track);
    }

    [Fact]
    public void Track1_of_76_characters_is_accepted_and_77_is_too_long()
    {
        string head = "B4761739900000013^" + new string('A', 26) + "^3012101"; // 18 + 26 + 8 = 52
        string t76 = head + new string('0', 76 - head.Length);
        Assert.Equal(26, TrackParser.ParseTrack1(t76).CardholderName.Length);
        var e = Assert.Throws<TrackFormatException>(() => TrackParser.ParseTrack1(t76 + "0"));
        Assert.Equal(TrackFormatError.TooLong, e.Error);
        Assert.Equal(1, e.Track);
    }

    [Theory]
    [InlineData("B4761739900000013^AB^3012101", 2)]
    [InlineData("B4761739900000013^ABCDEFGHIJKLMNOPQRSTUVWXYZ^3012101", 26)]
    public void Name_length_limits_are_accepted(string track, int length)
    {
        Assert.Equal(length, TrackParser.ParseTrack1(track).CardholderName.Length);
    }

    [Theory]
    [InlineData(null, TrackFormatError.Empty)]
    [InlineData("", TrackFormatError.Empty)]
    [InlineData(";?", TrackFormatError.Empty)]
    [InlineData(";", TrackFormatError.Empty)]
    [InlineData("4761739900000013=30121010D00", TrackFormatError.InvalidCharacter)]       // a second separator, 'D' form
    [InlineData("4761739900000013F=3012101", TrackFormatError.InvalidCharacter)]
    [InlineData("4761739900000013=3012101=00", TrackFormatError.InvalidCharacter)]        // a second separator
    [InlineData("4761739900000013=3012101 0", TrackFormatError.InvalidCharacter)]
    [InlineData("47617399000000133012101", TrackFormatError.MissingSeparator)]
    [InlineData("47617390000=3012101", TrackFormatError.InvalidPan)]                       // 11 digits
    [InlineData("47617390000000000001=3012101", TrackFormatError.InvalidPan)]              // 20 digits
    [InlineData("=3012101", TrackFormatError.InvalidPan)]
    [InlineData("4761739900000013=301", TrackFormatError.InvalidExpiry)]
    [InlineData("4761739900000013=", TrackFormatError.InvalidExpiry)]
    [InlineData("4761739900000013=3000101", TrackFormatError.InvalidExpiry)]               // month 00
    [InlineData("4761739900000013=3013101", TrackFormatError.InvalidExpiry)]               // month 13
    [InlineData("4761739900000013=301210", TrackFormatError.InvalidServiceCode)]           // 2 digits
    [InlineData("4761739900000013=3012", TrackFormatError.InvalidServiceCode)]
    public void Bad_track2_gives_the_typed_error(string track, TrackFormatError error)
    {
        var e = Assert.Throws<TrackFormatException>(() => TrackParser.ParseTrack2(track));
        Assert.Equal(error, e.Error);
        Assert.Equal(2, e.Track);
        // Messages never carry card data.
        if (track != null) Assert.DoesNotContain("4761739900000013", e.Message);
    }

    [Theory]
    [InlineData("", TrackFormatError.Empty)]
    [InlineData("%?", TrackFormatError.Empty)]
    [InlineData("A4761739900000013^NAME/X^3012101", TrackFormatError.UnsupportedFormatCode)]
    [InlineData("b4761739900000013^NAME/X^3012101", TrackFormatError.InvalidCharacter)]   // lower case is outside the set
    [InlineData("B4761739900000013^NAME?X^3012101", TrackFormatError.InvalidCharacter)]   // end sentinel inside
    [InlineData("B4761739900000013^NAME%X^3012101", TrackFormatError.InvalidCharacter)]
    [InlineData("B4761739900000013^NAME\u00e9^3012101", TrackFormatError.InvalidCharacter)]
    [InlineData("B4761739900000013^NAME/X^3012101^00", TrackFormatError.InvalidCharacter)] // a third separator
    [InlineData("B4761739900000013", TrackFormatError.MissingSeparator)]
    [InlineData("B4761739900000013^NAME/X", TrackFormatError.MissingSeparator)]
    [InlineData("B47617390000^NAME/X^3012101", TrackFormatError.InvalidPan)]              // 11 digits
    [InlineData("B4761 739900000013^NAME/X^3012101", TrackFormatError.InvalidPan)]
    [InlineData("B4761739900000013^A^3012101", TrackFormatError.InvalidName)]             // 1 character
    [InlineData("B4761739900000013^ABCDEFGHIJKLMNOPQRSTUVWXYZA^3012101", TrackFormatError.InvalidName)] // 27
    [InlineData("B4761739900000013^NAME/X^30A2101", TrackFormatError.InvalidExpiry)]
    [InlineData("B4761739900000013^NAME/X^3012", TrackFormatError.InvalidServiceCode)]
    [InlineData("B4761739900000013^NAME/X^30121A1", TrackFormatError.InvalidServiceCode)]
    public void Bad_track1_gives_the_typed_error(string track, TrackFormatError error)
    {
        var e = Assert.Throws<TrackFormatException>(() => TrackParser.ParseTrack1(track));
        Assert.Equal(error, e.Error);
        Assert.Equal(1, e.Track);
        Assert.DoesNotContain("4761739900000013", e.Message);
    }

    [Theory]
    // A card is valid to the end of its expiry month; YY 00-49 is 20YY, 50-99 is 19YY.
    [InlineData("3012", "3012", false)]
    [InlineData("3012", "3101", true)]
    [InlineData("3012", "9912", false)] // 1999 is before 2030
    [InlineData("5001", "4912", true)]  // expiry 1950-01 is before 2049-12
    public void Expiry_compares_months_with_the_century_window(string expiry, string now, bool expired)
    {
        TrackData t = TrackParser.ParseTrack2("4761739900000013=" + expiry + "101");
        Assert.Equal(expired, t.IsExpiredOn(now));
    }
}
