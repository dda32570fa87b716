using CsCheck;
using Terminal.EmvKernel.Configuration;
using Xunit;

namespace Terminal.Tests.Configuration;

/// <summary>
/// The configuration parser on random and mutated text: it returns a configuration with at least one AID or
/// throws ConfigurationException; no other exception escapes. Iterations: TERMINAL_FUZZ_ITERATIONS / 10 per
/// test (default 100000 / 10 = 10000 samples).
/// </summary>
public class KernelConfigurationFuzzTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value / 10;

    private const string Alphabet = "0123456789ABCDEFabcdef  \t\n\n\r#=[]-aidterminalfoortc.yesno\u0001\u007f\u00e9";

    private static readonly string Seed = File.ReadAllText(ConfigurationTestData.ShippedFile("default.conf"));

    private static void ParsesOrTypedError(string text)
    {
        try
        {
            var c = KernelConfiguration.Parse(text);
            Assert.True(c.AidCount >= 1);
            Assert.Equal(c.AidCount, c.TerminalAids().Length);
        }
        catch (ConfigurationException e)
        {
            Assert.True(e.Line >= 0, e.Message);
            Assert.NotNull(e.Field);
        }
    }

    [Fact]
    public void Mutated_default_files_parse_or_give_the_typed_error()
    {
        var op = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Char[Alphabet]);
        GenExtensions.get_Array(op)[1, 6].Select(ops =>
        {
            var text = new System.Text.StringBuilder(Seed);
            foreach (var (kind, position, c) in ops)
            {
                int at = text.Length == 0 ? 0 : position % text.Length;
                switch (kind)
                {
                    case 0: if (text.Length > 0) text[at] = c; break;
                    case 1: text.Insert(at, c); break;
                    case 2: if (text.Length > 0) text.Remove(at, 1); break;
                    case 3: text.Length = at; break;
                    default: text.Insert(at, text.ToString(at, Math.Min(80, text.Length - at))); break;
                }
            }
            return text.ToString();
        }).Sample(ParsesOrTypedError, iter: Iterations);
    }

    [Fact]
    public void Random_lines_parse_or_give_the_typed_error()
    {
        string[] lines =
        {
            "[terminal]", "[aid A0000000031010]", "[aid A00000002501]", "[aid ", "[", "]", "#",
            "application-version = 0096", "floor-limit = ", "tac-denial = 0010000000", "tac-online = DC4004F800",
            "tac-default = DC4000A800", "threshold = 99999999999", "target-percent = 50", "max-target-percent = 40",
            "default-ddol = 9F37", "default-tdol = 9F02069F", "terminal-type = 22", "country-code = 1560",
            "acquirer-identifier = 1", "pse = yes", "=", "label = #x",
        };
        Gen.Select(GenExtensions.get_Array(Gen.Int[0, lines.Length - 1])[0, 20], GenExtensions.get_Array(Gen.Char[Alphabet])[0, 8])
            .Select((picks, noise) => string.Join("\n", picks.Select(i => lines[i])) + new string(noise))
            .Sample(ParsesOrTypedError, iter: Iterations);
    }

    [Fact]
    public void Random_text_parses_or_gives_the_typed_error()
    {
        string[] prefixes = { "", "[terminal]\n", "[aid A0000000031010]\n", "[aid A0000000031010]\n" + ConfigurationTestData.RequiredAidKeys };
        Gen.Select(Gen.Int[0, prefixes.Length - 1], GenExtensions.get_Array(Gen.Char[Alphabet])[0, 300])
            .Select((prefix, chars) => prefixes[prefix] + new string(chars))
            .Sample(ParsesOrTypedError, iter: Iterations);
    }

    [Fact]
    public void Random_unicode_parses_or_gives_the_typed_error()
    {
        Gen.String.Sample(ParsesOrTypedError, iter: Iterations);
    }
}
