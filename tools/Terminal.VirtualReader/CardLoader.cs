using Terminal.EmvKernel.Apdu;

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

/// <summary>Resolves the --card argument to a card.</summary>
public static class CardLoader
{
    /// <summary>Prefix marking a transcript file to replay.</summary>
    public const string TranscriptPrefix = "transcript:";

    /// <summary>Loads the card; throws IOException/ArgumentException/FormatException with a clear message.</summary>
    public static LoadedCard Load(string card)
    {
        if (card.StartsWith(TranscriptPrefix, StringComparison.Ordinal))
        {
            string path = card.Substring(TranscriptPrefix.Length);
            var transcript = TranscriptReader.Parse(File.ReadAllText(path));
            return new LoadedCard(Path.GetFileName(path) + " (replay)", new ReplayChannel(transcript), null, null);
        }
        throw new InvalidOperationException("virtual card profiles are not available in this build yet; use --transcript <file>");
    }
}
