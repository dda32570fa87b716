using Terminal.GlyphGen;

// glyphgen [--font <pcf>] [--out <file>] [--check]
// Writes the display glyph table from the font and the UI catalog; --check compares instead of writing and exits 1
// when the checked-in file differs. Paths default to the Debian xfonts-wqy 12 px font and the repository's table.
string font = GlyphSubsetGenerator.DefaultFontPath, output = null;
bool check = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--font" when i + 1 < args.Length: font = args[++i]; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--check": check = true; break;
        default:
            Console.Error.WriteLine("usage: glyphgen [--font <file.pcf>] [--out <file.cs>] [--check]");
            return 2;
    }
}
if (!File.Exists(font))
{
    Console.Error.WriteLine($"font not found: {font} (install the Debian package xfonts-wqy, or pass --font)");
    return 2;
}
output ??= Path.Combine(RepositoryRoot() ?? ".", GlyphSubsetGenerator.OutputPath);
string text;
try
{
    text = GlyphSubsetGenerator.Generate(new PcfFont(File.ReadAllBytes(font)), Path.GetFileName(font));
}
catch (InvalidDataException e)
{
    Console.Error.WriteLine("glyphgen: " + e.Message);
    return 1;
}
if (check)
{
    bool same = File.Exists(output) && File.ReadAllText(output) == text;
    Console.WriteLine(same ? $"{output} is up to date" : $"{output} differs from a fresh generation");
    return same ? 0 : 1;
}
File.WriteAllText(output, text);
Console.WriteLine($"wrote {output}: {GlyphSubsetGenerator.CharacterSet().Length} characters");
return 0;

static string RepositoryRoot()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "nf.proj"))) return d.FullName;
    }
    return null;
}
