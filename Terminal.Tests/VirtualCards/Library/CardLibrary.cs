using Xunit;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Tlv;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.VirtualCards.Library;

/// <summary>The committed card library (cards/ beside nf.proj) for tests: files, profiles, images, record data.</summary>
public static class CardLibrary
{
    public static readonly ICryptoProvider Crypto = new PortableCryptoProvider();

    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return Path.Combine(dir!.FullName, "cards");
        }
    }

    public static string[] CardNames() =>
        Directory.GetFiles(Root, "*.card").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    public static IEnumerable<object[]> Cards() => CardNames().Select(n => new object[] { n });

    public static CardProfile Profile(string name) => CardProfile.Parse(File.ReadAllText(Path.Combine(Root, name + ".card")));

    public static CardImage Image(string name) => Image(Profile(name));

    /// <summary>Personalises a profile (e.g. a library profile edited by a test) with the library's key files.</summary>
    public static CardImage Image(CardProfile profile) => Personaliser.Personalise(profile, new Files(), Crypto);

    public static PkiKeyFile KeyFile(string relative) => PkiKeyFile.Parse(File.ReadAllText(Path.Combine(Root, relative)));

    /// <summary>The value of a tag in any record of the application (parsed with the kernel's TLV parser), or null.</summary>
    public static byte[] RecordValue(CardApplication app, int tag)
    {
        foreach (CardRecord r in app.Records)
        {
            var list = TlvParser.Parse(r.Data);
            byte[] v = list.FindTopLevel(0x70)?.Children.FindValue(tag);
            if (v != null) return v;
        }
        return null;
    }

    private sealed class Files : IPkiFileSource
    {
        public string ReadText(string path)
        {
            string full = Path.Combine(Root, path);
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }
    }
}
