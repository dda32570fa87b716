using Xunit;
using Terminal.EmvKernel.Crypto;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.VirtualCards.Personalisation;

/// <summary>Profile syntax and personaliser rules of docs/card-profiles.md, with hand-built expected bytes.</summary>
public class ProfileParserTests
{
    private static readonly ICryptoProvider Crypto = new PortableCryptoProvider();

    internal const string Minimal =
        "# comment\r\n" +
        "[card]\n" +
        "name = mini\n" +
        "statement = a minimal card # with a hash kept in the value\n" +
        "\n" +
        "[application A0000000031010]\n" +
        "  label = VISA   \n" +
        "pan = 4761739001010010\n" +
        "expiry = 2030-12-31\n" +
        "aip = 1800\n" +
        "9F14 = 05\n" +
        "pin = 1234\n" +
        "pin-try-counter = 1\n" +
        "[records]\n" +
        "record.1.2 = 9F14\n" +
        "record.1.1 = 5A 5F24\n" +
        "record.3.1 = 82\n" +
        "[behaviour]\n" +
        "blocked = yes\n";

    [Fact]
    public void Minimal_profile_personalises_to_hand_built_records_and_afl()
    {
        CardProfile p = CardProfile.Parse(Minimal);
        Assert.Equal("mini", p.Name);
        Assert.Equal("a minimal card # with a hash kept in the value", p.Statement);
        Assert.Equal(1, p.ApplicationCount);
        CardImage image = Personaliser.Personalise(p, null, Crypto);
        CardApplication app = image.ApplicationAt(0);
        Assert.Equal(Convert.FromHexString("A0000000031010"), app.Aid);
        Assert.Equal("VISA", app.Label);
        Assert.Equal(Convert.FromHexString("1800"), app.Aip);
        Assert.True(app.Blocked);
        Assert.Equal("1234", app.Pin);
        Assert.Equal(1, app.PinTryCounter);
        // AFL: SFI 1 records 1-2 (no ODA), SFI 3 record 1 -> 08 01 02 00 18 01 01 00 (Book 3, 10.2).
        Assert.Equal(Convert.FromHexString("0801020018010100"), app.Afl);
        var records = app.Records.Cast<CardRecord>().ToArray();
        Assert.Equal((1, 1), (records[0].Sfi, records[0].RecordNumber));
        Assert.Equal(Convert.FromHexString("70105A0847617390010100105F2403301231"), records[0].Data);
        Assert.Equal(Convert.FromHexString("70049F140105"), records[1].Data);
        Assert.Equal(Convert.FromHexString("7004820218 00".Replace(" ", "")), records[2].Data);
    }

    public static TheoryData<string, CardProfileError, int, string> ParseErrors() => new()
    {
        { "[card]\nname = x\nstatement = y\n\u0001", CardProfileError.InvalidCharacter, 4, null },
        { "[card]\nname = \u00e9", CardProfileError.InvalidCharacter, 2, null },
        { "garbage line", CardProfileError.Syntax, 1, null },
        { "name = x", CardProfileError.Syntax, 1, "name" },
        { "[card]\n[Card]", CardProfileError.Syntax, 2, null },
        { "[card]\nName = x", CardProfileError.Syntax, 2, null },
        { "[card]\n[bogus]", CardProfileError.UnknownSection, 2, "bogus" },
        { "[card]\nname = a\nfoo = 1", CardProfileError.UnknownKey, 3, "foo" },
        { "[card]\nname = a\nname = b", CardProfileError.Duplicate, 3, "name" },
        { "[card]\nname = a\n[card]", CardProfileError.Duplicate, 3, "card" },
        { "[card]\nname = a\n[application A0000000031010]", CardProfileError.Missing, 1, "statement" },
        { "[card]\nname = a\nstatement = s", CardProfileError.Missing, 0, "application" },
        { "[card]\nname = a\nstatement = s\n[records]", CardProfileError.Inconsistent, 4, "records" },
        { "[card]\nname = a\nstatement = s\n[application]", CardProfileError.Missing, 4, "application" },
        { "[card x]\nname = a", CardProfileError.Syntax, 1, "card" },
        { "[card]\nname = a\nstatement = s\n[application A0000000031010]\nbogus = 1", CardProfileError.UnknownKey, 5, "bogus" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public void Bad_profiles_give_one_typed_error_naming_line_and_field(string text, CardProfileError error, int line, string field)
    {
        var e = Assert.Throws<CardProfileException>(() => CardProfile.Parse(text));
        Assert.Equal(error, e.Error);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
        if (line > 0) Assert.Contains($"line {line}", e.Message);
    }

    public static TheoryData<string, string, CardProfileError, string> PersonaliseErrors() => new()
    {
        { "pan = 4761739001010010", "pan = 47617X9001010010", CardProfileError.InvalidValue, "pan" },
        { "expiry = 2030-12-31", "expiry = 2030-13-31", CardProfileError.InvalidValue, "expiry" },
        { "aip = 1800", "aip = 18", CardProfileError.InvalidValue, "aip" },
        { "aip = 1800", "label = x", CardProfileError.Duplicate, "label" },
        { "9F14 = 05", "9F14 = 0", CardProfileError.InvalidValue, "9F14" },
        { "pin = 1234", "pin = 12a4", CardProfileError.InvalidValue, "pin" },
        { "pin-try-counter = 1", "pin-try-counter = 9", CardProfileError.InvalidValue, "pin-try-counter" },
        { "record.1.2 = 9F14", "record.1.2 = 9F15", CardProfileError.Missing, "record.1.2" },
        { "record.1.2 = 9F14", "record.1.4 = 9F14", CardProfileError.Inconsistent, "record.1.4" },
        { "record.1.2 = 9F14", "record.1.2 = oda 9F14", CardProfileError.Inconsistent, "record.1.2" },
        { "record.1.2 = 9F14", "record.1.0 = 9F14", CardProfileError.InvalidValue, "record.1.0" },
        { "record.1.2 = 9F14", "record.x = 9F14", CardProfileError.UnknownKey, "record.x" },
        { "record.1.2 = 9F14", "record.1.2 = 9F14 oda", CardProfileError.InvalidValue, "record.1.2" },
        { "blocked = yes", "blocked = maybe", CardProfileError.InvalidValue, "blocked" },
        { "aip = 1800", "aip = 1800\noda = dda", CardProfileError.Missing, "keys" },
        { "aip = 1800", "aip = 1800\ncvn = visa-99", CardProfileError.InvalidValue, "cvn" },
        { "blocked = yes", "blocked = yes\n[keys]\nmk-ac = 00112233445566778899AABBCCDDEEFF", CardProfileError.Missing, "mk-smi" },
    };

    [Theory]
    [MemberData(nameof(PersonaliseErrors))]
    public void Bad_values_give_one_typed_error_naming_the_field(string replace, string with, CardProfileError error, string field)
    {
        string text = Minimal.Replace(replace, with);
        Assert.NotEqual(Minimal, text);
        var e = Assert.Throws<CardProfileException>(() => Personaliser.Personalise(CardProfile.Parse(text), null, Crypto));
        Assert.Equal(error, e.Error);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Errors_never_repeat_key_material()
    {
        string secret = "00112233445566778899AABBCCDDEEFG";
        string text = Minimal + "[keys]\nmk-ac = " + secret + "\n";
        text = text.Replace("[behaviour]\nblocked = yes\n", "");
        var e = Assert.Throws<CardProfileException>(() => Personaliser.Personalise(CardProfile.Parse(text), null, Crypto));
        Assert.Equal("mk-ac", e.Field);
        Assert.DoesNotContain("00112233", e.Message);
    }

    [Fact]
    public void Missing_and_broken_key_files_are_KeyFile_errors()
    {
        string text = Minimal.Replace("aip = 1800", "aip = 3800\noda = dda").Replace("[behaviour]", "[keys]\nissuer = pki/none.key\nicc = x\n[behaviour]");
        var e = Assert.Throws<CardProfileException>(() => Personaliser.Personalise(CardProfile.Parse(text), new Source("nope"), Crypto));
        Assert.Equal(CardProfileError.KeyFile, e.Error);
        Assert.Equal("issuer", e.Field);
        var missing = Assert.Throws<CardProfileException>(() => Personaliser.Personalise(CardProfile.Parse(text), new Source(null), Crypto));
        Assert.Equal(CardProfileError.KeyFile, missing.Error);
    }

    private sealed class Source(string text) : IPkiFileSource
    {
        public string ReadText(string path) => text;
    }
}
