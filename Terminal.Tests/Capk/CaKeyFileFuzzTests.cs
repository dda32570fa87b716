using CsCheck;
using Terminal.EmvKernel.Capk;
using Terminal.Tests.Oda;
using Xunit;
using static Terminal.Tests.Capk.CapkTestData;

namespace Terminal.Tests.Capk;

/// <summary>
/// The key file parser on random and mutated text: it either loads the file or throws the one typed error
/// (CaPublicKeyException with a line number), and a failed load leaves the store unchanged.
/// Iterations: each test runs TERMINAL_FUZZ_ITERATIONS / 10 samples (default 100000 / 10 = 10000, a few
/// seconds in all; the documented long run sets 10000000).
/// </summary>
public class CaKeyFileFuzzTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value;

    private const string Alphabet = "0123456789ABCDEFabcdef  \t\t\n\n\r#-keytsrvolifGZ\u0001\u007f\u00e9";

    private static readonly string ValidFile =
        "# fuzz seed\n" +
        KeyLine("test", "A000000003", "92", Modulus(61, 64), expiry: "20301231") + "\n" +
        "revoke test A000000003 92 000001\r\n" +
        KeyLine("test", "A000000004", "F1", Modulus(62, 64), exponent: "010001") + "\n";

    private static void LoadOrTypedError(string text)
    {
        var store = new CaPublicKeyStore(CaPublicKeySet.Test, OdaTestCrypto.Provider);
        try
        {
            int n = CaKeyFile.Load(text, store);
            Assert.Equal(n, store.Count + store.Revocations.Count);
        }
        catch (CaPublicKeyException e)
        {
            Assert.True(e.Line >= 1, e.Message);
            Assert.Equal(0, store.Count);
            Assert.Equal(0, store.Revocations.Count);
        }
    }

    [Fact]
    public void Seed_file_is_valid()
    {
        var store = new CaPublicKeyStore(CaPublicKeySet.Test, OdaTestCrypto.Provider);
        Assert.Equal(3, CaKeyFile.Load(ValidFile, store));
    }

    [Fact]
    public void Mutated_key_files_load_or_give_the_typed_error()
    {
        var op = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Char[Alphabet]);
        GenExtensions.get_Array(op)[1, 6].Select(ops =>
        {
            var text = new System.Text.StringBuilder(ValidFile);
            foreach (var (kind, position, c) in ops)
            {
                int at = text.Length == 0 ? 0 : position % text.Length;
                switch (kind)
                {
                    case 0: if (text.Length > 0) text[at] = c; break;
                    case 1: text.Insert(at, c); break;
                    case 2: if (text.Length > 0) text.Remove(at, 1); break;
                    case 3: text.Length = at; break;
                    default: text.Insert(at, text.ToString(0, Math.Min(80, text.Length - at))); break;
                }
            }
            return text.ToString();
        }).Sample(LoadOrTypedError, iter: Iterations / 10);
    }

    [Fact]
    public void Random_key_file_text_loads_or_gives_the_typed_error()
    {
        string[] prefixes = { "", "key test ", "revoke test ", "key live ", "# x\n" };
        Gen.Select(Gen.Int[0, prefixes.Length - 1], GenExtensions.get_Array(Gen.Char[Alphabet])[0, 300])
            .Select((prefix, chars) => prefixes[prefix] + new string(chars))
            .Sample(LoadOrTypedError, iter: Iterations / 10);
    }

    [Fact]
    public void Random_bytes_load_or_give_the_typed_error()
    {
        GenExtensions.get_Array(Gen.Byte)[0, 300].Sample(bytes =>
        {
            var store = new CaPublicKeyStore(CaPublicKeySet.Test, OdaTestCrypto.Provider);
            try { CaKeyFile.Load(bytes, 0, bytes.Length, store); }
            catch (CaPublicKeyException e) { Assert.True(e.Line >= 1); Assert.Equal(0, store.Count); }
        }, iter: Iterations / 10);
    }
}
