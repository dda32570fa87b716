using Xunit;
using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Tlv;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.VirtualCards.Personalisation;

/// <summary>
/// CsCheck fuzzing of the profile parser and personaliser: random texts from the profile alphabet and mutations
/// (character replace, insert, delete, line duplicate/swap) of a valid profile give a card image or the one typed
/// <see cref="CardProfileException"/>, never another exception.
/// </summary>
public class ProfileFuzzTests
{
    private static readonly ICryptoProvider Crypto = new PortableCryptoProvider();
    private const string Alphabet = "[]=#. -\n\r\tabcdefgiklnoprstuy0123456789ABCDEF\u0001\u00e9";

    private static readonly string[] Words =
    [
        "[card]\n", "[application A0000000031010]\n", "[records]\n", "[keys]\n", "[behaviour]\n", "[track]\n",
        "name = x\n", "statement = s\n", "aip = 1800\n", "pan = 4761739001010010\n", "record.1.1 = 5A\n",
        "record.1.2 = oda 82\n", "expiry = 2030-12-31\n", "t0 = 61\n", "oda = sda\n", "9F14 = 05\n", "cvn = visa-10\n",
    ];

    private static void ParseAndPersonalise(string text)
    {
        try
        {
            CardProfile p = CardProfile.Parse(text);
            Personaliser.Personalise(p, null, Crypto);
        }
        catch (CardProfileException) { }
    }

    private static Gen<string> Mutated =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 10000], Gen.Int[0, 10000], Gen.Char[Alphabet], (kind, a, b, c) =>
        {
            string s = ProfileParserTests.Minimal;
            int i = a % s.Length, j = b % s.Length;
            switch (kind)
            {
                case 0: return s[..i] + c + s[(i + 1)..];
                case 1: return s[..i] + c + s[i..];
                case 2: return s[..Math.Min(i, j)] + s[Math.Max(i, j)..];
                case 3: return s[..Math.Max(i, j)] + s[Math.Min(i, j)..];
                default: string[] lines = s.Split('\n'); int k = a % lines.Length, m = b % lines.Length; (lines[k], lines[m]) = (lines[m], lines[k]); return string.Join('\n', lines);
            }
        });

    [Fact]
    public void Mutated_profiles_give_an_image_or_the_typed_error()
    {
        Mutated.SelectMany(first => Gen.Int[0, 10000].Select(x => (first, x)))
            .Sample(t => ParseAndPersonalise(t.first), iter: FuzzIterations.Value / 5);
    }

    [Fact]
    public void Random_texts_give_an_image_or_the_typed_error()
    {
        Gen<string> chars = TlvGen.ArrayOf(Gen.Char[Alphabet], 0, 200).Select(cs => new string(cs));
        Gen<string> words = TlvGen.ArrayOf(Gen.Int[0, Words.Length - 1], 0, 30).Select(ix => string.Concat(ix.Select(i => Words[i])));
        Gen.Bool.SelectMany(b => b ? chars : words).Sample(ParseAndPersonalise, iter: FuzzIterations.Value / 5);
    }

    [Fact]
    public void Mutated_key_files_give_a_key_or_the_typed_error()
    {
        string keyFile = File.ReadAllText(Path.Combine(Terminal.Tests.VirtualCards.Library.CardLibrary.Root, "pki", "icc-visa.key"));
        Gen.Select(Gen.Int[0, 100000], Gen.Char[Alphabet], (a, c) => { int i = a % keyFile.Length; return keyFile[..i] + c + keyFile[(i + 1)..]; })
            .Sample(t => { try { PkiKeyFile.Parse(t); } catch (CardProfileException) { } }, iter: FuzzIterations.Value / 50);
    }
}
