using System.Text.RegularExpressions;

namespace Terminal.Tests.Boards;

/// <summary>
/// The nanoFramework 1.x public API listings (../shared/reference/nanoframework-api/*.txt) as a type table:
/// per type its kind, base type, enum members, and members with their parameter counts (required, total; '= ?'
/// marks an optional parameter). Properties appear as get_X/set_X, events as add_X/remove_X.
/// </summary>
internal sealed class NanoApiReference
{
    internal sealed class TypeInfo
    {
        public string FullName;            // e.g. Iot.Device.Ssd13xx.Ssd13xx+DisplayResolution
        public string Kind;                // class, struct, enum, interface, delegate
        public string Base;                // simple or full name of the base type, or null
        public readonly HashSet<string> EnumMembers = new();
        public readonly List<(string Name, int Required, int Total)> Members = new();
        public string Namespace => FullName.Substring(0, FullName.LastIndexOf('.', FullName.Contains('+') ? FullName.IndexOf('+') : FullName.Length - 1));
        public string SimpleName => FullName.Substring(FullName.LastIndexOfAny(new[] { '.', '+' }) + 1);
    }

    private static readonly Regex Header = new(@"^(?:static |abstract |sealed )*(class|struct|enum|interface|delegate) ([\w.+]+)(?: : ([\w.+]+))?");
    private static readonly Regex Member = new(@"^    (?:public|protected)\b.*?([\w]+)\((.*)\)\s*$");
    private static readonly Regex Field = new(@"^    public (?:static |const |readonly )*[\w.\[\]+]+ (\w+)$");

    public readonly List<TypeInfo> Types = new();
    public readonly Dictionary<string, List<TypeInfo>> BySimpleName = new(StringComparer.Ordinal);
    public readonly HashSet<string> Namespaces = new(StringComparer.Ordinal);

    /// <summary>The listings in <paramref name="directory"/>, plus <paramref name="supplement"/> (same format) if given.</summary>
    public NanoApiReference(string directory, string supplement = null)
    {
        var sources = Directory.GetFiles(directory, "*.txt").Select(File.ReadAllLines).ToList();
        if (supplement != null) sources.Add(supplement.Replace("\r\n", "\n").Split('\n'));
        foreach (string[] lines in sources)
        {
            TypeInfo current = null;
            foreach (string line in lines)
            {
                Match h = Header.Match(line);
                if (h.Success)
                {
                    current = new TypeInfo { Kind = h.Groups[1].Value, FullName = h.Groups[2].Value, Base = h.Groups[3].Success ? h.Groups[3].Value : null };
                    Types.Add(current);
                    if (!BySimpleName.TryGetValue(current.SimpleName, out var list)) BySimpleName[current.SimpleName] = list = new();
                    list.Add(current);
                    Namespaces.Add(current.Namespace);
                    continue;
                }
                if (current == null || !line.StartsWith("    ", StringComparison.Ordinal)) continue;
                string body = line.Trim();
                string stripped = line.Replace("extern(InternalCall) ", "");
                if (current.Kind == "enum" && Regex.IsMatch(body, @"^\w+$")) { current.EnumMembers.Add(body); continue; }
                Match m = Member.Match(stripped);
                if (m.Success)
                {
                    string[] ps = m.Groups[2].Value.Length == 0 ? Array.Empty<string>() : SplitTopLevel(m.Groups[2].Value);
                    int optional = ps.Count(p => p.Contains("= ?"));
                    current.Members.Add((m.Groups[1].Value, ps.Length - optional, ps.Length));
                    continue;
                }
                Match f = Field.Match(stripped);
                if (f.Success) current.Members.Add((f.Groups[1].Value, 0, 0));
            }
        }
    }

    /// <summary>Types whose simple name (or Outer.Inner for nested types) is <paramref name="name"/>.</summary>
    public List<TypeInfo> Resolve(string name)
    {
        string[] parts = name.Split('.');
        if (!BySimpleName.TryGetValue(parts[^1], out var list)) return new();
        if (parts.Length == 1) return list;
        string suffix = string.Join("+", parts);
        return list.Where(t => t.FullName.EndsWith(suffix, StringComparison.Ordinal) || t.FullName.EndsWith(string.Join(".", parts), StringComparison.Ordinal)).ToList();
    }

    /// <summary>The type and its base types, as far as they are listed.</summary>
    public IEnumerable<TypeInfo> Chain(TypeInfo type)
    {
        var seen = new HashSet<TypeInfo>();
        while (type != null && seen.Add(type))
        {
            yield return type;
            if (type.Base == null) yield break;
            type = Types.FirstOrDefault(t => t.FullName == type.Base) ?? Resolve(type.Base.Substring(type.Base.LastIndexOf('.') + 1)).FirstOrDefault();
        }
    }

    /// <summary>Splits an argument or parameter list at commas outside brackets and strings (no generics: nano 1.x has none).</summary>
    public static string[] SplitTopLevel(string text)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        bool inString = false, inChar = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inString) { if (c == '\\') i++; else if (c == '"') inString = false; continue; }
            if (inChar) { if (c == '\\') i++; else if (c == '\'') inChar = false; continue; }
            if (c == '"') inString = true;
            else if (c == '\'') inChar = true;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ',' && depth == 0) { parts.Add(text.Substring(start, i - start).Trim()); start = i + 1; }
        }
        string last = text.Substring(start).Trim();
        if (last.Length > 0 || parts.Count > 0) parts.Add(last);
        return parts.ToArray();
    }
}
