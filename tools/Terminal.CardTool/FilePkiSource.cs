using Terminal.VirtualCards.Personalisation;

namespace Terminal.CardTool;

/// <summary>Reads profile key file references relative to the card library directory.</summary>
public sealed class FilePkiSource(string libraryDirectory) : IPkiFileSource
{
    /// <inheritdoc />
    public string ReadText(string path)
    {
        string full = Path.GetFullPath(Path.Combine(libraryDirectory, path));
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }
}
