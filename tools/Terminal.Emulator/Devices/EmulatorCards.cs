using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using Terminal.VirtualReader;

namespace Terminal.Emulator.Devices;

/// <summary>
/// The test-card library (cards/*.card) as the emulator uses it: cards are personalised on demand through
/// <see cref="CardLoader"/> (the virtual reader's loader, one way to load a card).
/// </summary>
public sealed class EmulatorCards(string directory)
{
    /// <summary>The library directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>The library found above the working directory or the tool (null when none).</summary>
    public static EmulatorCards Find(string directory = null)
    {
        string dir = directory ?? CardLoader.FindLibrary();
        return dir == null ? null : new EmulatorCards(dir);
    }

    /// <summary>Card names (file names without .card), sorted.</summary>
    public string[] Names() => System.IO.Directory.GetFiles(Directory, "*" + CardLoader.ProfileExtension)
        .Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The parsed profile of a card name or file.</summary>
    public CardProfile Profile(string card) => CardProfile.Parse(File.ReadAllText(CardLoader.ResolveProfile(card, Directory)));

    /// <summary>A fresh virtual card (personalised now).</summary>
    public VirtualCard Card(string card)
    {
        LoadedCard loaded = CardLoader.Load(card, Directory);
        return (VirtualCard)loaded.Channel;
    }

    /// <summary>
    /// The magnetic stripe of a card: the [track] section's track2, else the first application's track2
    /// ('57' equivalent data, 'D' separator), as ISO 7813 text with '=' and without padding F. Null when none.
    /// </summary>
    public string Track2(string card)
    {
        CardProfile p = Profile(card);
        string t2 = p.Track?.Text("track2");
        if (t2 == null && p.ApplicationCount > 0) t2 = p.ApplicationAt(0).Application.Text("track2");
        return t2?.ToUpperInvariant().TrimEnd('F').Replace('D', '=');
    }

    /// <summary>The PANs of the card's applications (digits), for masking traces.</summary>
    public IEnumerable<string> Pans(string card)
    {
        CardProfile p = Profile(card);
        for (int i = 0; i < p.ApplicationCount; i++)
        {
            string pan = p.ApplicationAt(i).Application.Text("pan");
            if (pan != null) yield return pan;
        }
    }

    /// <summary>The interfaces the card's statement names ("contact", "contactless", "magstripe", joined by '+').</summary>
    public string Interfaces(string card) => Profile(card).Card.Text("interface") ?? "contact";
}
