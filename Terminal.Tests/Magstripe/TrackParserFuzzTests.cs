using CsCheck;
using Terminal.EmvKernel.Magstripe;
using Xunit;

namespace Terminal.Tests.Magstripe;

/// <summary>
/// The track parsers on random and mutated tracks: a parsed track or a <see cref="TrackFormatException"/>, never
/// another exception; a parsed track keeps its invariants. Iterations: TERMINAL_FUZZ_ITERATIONS / 10 per test.
/// </summary>
public class TrackParserFuzzTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value / 10;

    private const string Alphabet = "0123456789=^%;?B/ ABXYZ_\u0000\u00e9\u007f";

    private static void ParsesOrTypedError(string text, bool track1)
    {
        try
        {
            TrackData t = track1 ? TrackParser.ParseTrack1(text) : TrackParser.ParseTrack2(text);
            Assert.InRange(t.Pan.Length, 12, 19);
            Assert.InRange(t.ExpiryMonth, 1, 12);
            Assert.Equal(3, t.ServiceCode.Digits.Length);
            Assert.True(t.Raw.Length <= (track1 ? 76 : 37));
            Assert.Equal(track1, t.CardholderName != null);
        }
        catch (TrackFormatException e)
        {
            Assert.Equal(track1 ? 1 : 2, e.Track);
        }
    }

    [Fact]
    public void Random_text_parses_or_gives_the_typed_error()
    {
        Gen.String[Gen.Char[Alphabet], 0, 90].Sample(s =>
        {
            ParsesOrTypedError(s, false);
            ParsesOrTypedError(s, true);
        }, iter: Iterations);
    }

    [Fact]
    public void Mutated_valid_tracks_parse_or_give_the_typed_error()
    {
        const string track2 = ";4761739900000013=30121010000000000?";
        const string track1 = "%B4761739900000013^MAGSTRIPE/TEST^30121010000000000000?";
        var op = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100], Gen.Char[Alphabet]);
        Gen.Select(GenExtensions.get_Array(op)[1, 5], Gen.Bool).Sample(x =>
        {
            var (ops, one) = x;
            var chars = new List<char>(one ? track1 : track2);
            foreach (var (kind, pos, c) in ops)
            {
                int p = chars.Count == 0 ? 0 : pos % chars.Count;
                if (kind == 0 && chars.Count > 0) chars[p] = c;
                else if (kind == 1) chars.Insert(p, c);
                else if (chars.Count > 0) chars.RemoveAt(p);
            }
            ParsesOrTypedError(new string(chars.ToArray()), one);
        }, iter: Iterations);
    }
}
