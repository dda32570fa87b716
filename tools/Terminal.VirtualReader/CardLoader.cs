using Terminal.CardTool;
using Terminal.EmvKernel.Apdu;
using Terminal.Pc.Crypto;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.VirtualReader;

/// <summary>A card ready to go into the virtual reader.</summary>
public sealed class LoadedCard
{
    /// <summary>Creates the card description.</summary>
    public LoadedCard(string name, ICardChannel channel, byte[] atr, Action reset)
    {
        Name = name; Channel = channel; Atr = atr; Reset = reset;
    }
    /// <summary>Display name.</summary>
    public string Name { get; }
    /// <summary>The card.</summary>
    public ICardChannel Channel { get; }
    /// <summary>The card's own ATR, or null for the default.</summary>
    public byte[] Atr { get; }
    /// <summary>Runs on power on/reset, or null.</summary>
    public Action Reset { get; }
}

/// <summary>
/// Resolves the --card argument: a profile file (*.card), or the name of a card in the library directory
/// (default: the nearest "cards" folder above the working directory or the tool), personalised on the fly into a
/// <see cref="VirtualCard"/>. Key files named by the profile are read relative to the library directory.
/// </summary>
public static class CardLoader
{
    /// <summary>Prefix marking a transcript file to replay.</summary>
    public const string TranscriptPrefix = "transcript:";

    /// <summary>Card profile file extension in the library.</summary>
    public const string ProfileExtension = ".card";

    /// <summary>Loads the card; throws IOException, CardProfileException or TranscriptFormatException with a clear message.</summary>
    public static LoadedCard Load(string card, string library = null)
    {
        if (card.StartsWith(TranscriptPrefix, StringComparison.Ordinal))
        {
            string path = card.Substring(TranscriptPrefix.Length);
            var transcript = TranscriptReader.Parse(File.ReadAllText(path));
            return new LoadedCard(Path.GetFileName(path) + " (replay)", new ReplayChannel(transcript), null, null);
        }
        string profileFile = ResolveProfile(card, library);
        var profile = CardProfile.Parse(File.ReadAllText(profileFile));
        var crypto = new BclCryptoProvider();
        var image = Personaliser.Personalise(profile, new FilePkiSource(library ?? Path.GetDirectoryName(profileFile)), crypto);
        var virtualCard = new VirtualCard(image, new SystemRandomSource(), crypto);
        return new LoadedCard(profile.Name, virtualCard, image.Atr, virtualCard.Reset);
    }

    /// <summary>The profile file for a path or a library card name.</summary>
    public static string ResolveProfile(string card, string library)
    {
        if (File.Exists(card)) return Path.GetFullPath(card);
        library ??= FindLibrary();
        if (library == null)
            throw new FileNotFoundException($"'{card}' is not a file and no card library (cards/) was found; pass --library <dir>");
        string named = Path.Combine(library, card.EndsWith(ProfileExtension, StringComparison.Ordinal) ? card : card + ProfileExtension);
        if (!File.Exists(named)) throw new FileNotFoundException($"no card '{card}' in {library}");
        return Path.GetFullPath(named);
    }

    /// <summary>The nearest directory named "cards" holding *.card files, above the working directory or the tool.</summary>
    public static string FindLibrary()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "cards");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*" + ProfileExtension).Any()) return candidate;
            }
        }
        return null;
    }
}
