using System.Text.RegularExpressions;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Boards;

/// <summary>
/// The ESP32 board code (Terminal.Firmware/Boards/Esp32/*.cs) is not compiled here (the nanoFramework packages are
/// not served), so this test checks its API uses against the nanoFramework 1.x listings in
/// ../shared/reference/nanoframework-api/*.txt, as far as a text scan can:
/// - every non-project namespace in a using directive is a namespace of a listed type;
/// - every <c>new T(...)</c> of a listed type matches a listed constructor's parameter count (optional ones allowed);
/// - every <c>T.Member</c> on a listed type name (static calls, enum values, constants, nested types) is listed on T
///   or its listed base types; enum values must be members of the enum;
/// - every <c>v.Member</c> on a field, local or parameter declared with a listed type is listed on that type or its
///   bases (a call with a matching parameter count, a get_/set_ property, an add_ event or a field).
/// Project types (Terminal.*, the board's own classes) are skipped. Calls on the results of other calls are not
/// followed. Skipped when ../shared is absent; a failure under CI=true.
/// </summary>
public class Esp32ApiUseTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return dir!.FullName;
    }

    private static NanoApiReference Reference()
    {
        string dir = Path.Combine(Directory.GetParent(RepoRoot())!.FullName, "shared", "reference", "nanoframework-api");
        if (!Directory.Exists(dir))
        {
            string message = "nanoFramework API listings not found (expected ../shared/reference/nanoframework-api beside the clone)";
            if (SharedVectors.IsCi) Assert.Fail(message);
            Skip.If(true, message);
        }
        return new NanoApiReference(dir, DocumentedOutsideTheListings);
    }

    /// <summary>
    /// The only API accepted beyond the listings, in their format: the file system of the ESP32's LittleFS partition
    /// (package nanoFramework.System.IO.FileSystem), whose constructor ../shared/reference/nanoframework.md 3.9 names
    /// ("FileStream(path, FileMode, FileAccess)"); the enum values are those of that library's public source. Stream
    /// members (Length, Seek, Read, Write, Flush, Close) come from the System.IO.Streams listing.
    /// </summary>
    private const string DocumentedOutsideTheListings = """
        class System.IO.FileStream : System.IO.Stream
            public FileStream(string path, FileMode mode, FileAccess access)
        enum System.IO.FileMode
            CreateNew
            Create
            Open
            OpenOrCreate
            Truncate
            Append
        enum System.IO.FileAccess
            Read
            Write
            ReadWrite
        """;

    private static string[] BoardFiles() =>
        Directory.GetFiles(Path.Combine(RepoRoot(), "Terminal.Firmware", "Boards", "Esp32"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    /// <summary>Names of types the project defines (portable code and the board): never looked up in the listings.</summary>
    private static HashSet<string> ProjectTypes()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string root = RepoRoot();
        foreach (string folder in new[] { "Terminal.EmvKernel", Path.Combine("Terminal.Firmware", "Core"), "Terminal.VirtualCards", Path.Combine("Terminal.Firmware", "Boards", "Esp32") })
            foreach (string f in Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
                foreach (Match m in Regex.Matches(File.ReadAllText(f), @"\b(?:class|interface|enum|struct|delegate\s+\w+)\s+(\w+)"))
                    names.Add(m.Groups[1].Value);
        return names;
    }

    /// <summary>The source without comments and string/char literals (kept as empty quotes).</summary>
    private static string Code(string file)
    {
        string text = File.ReadAllText(file);
        text = Regex.Replace(text, @"""(?:\\.|[^""\\])*""", "\"\"");
        text = Regex.Replace(text, @"'(?:\\.|[^'\\])'", "' '");
        text = Regex.Replace(text, @"/\*.*?\*/", " ", RegexOptions.Singleline);
        return Regex.Replace(text, @"//[^\n]*", "");
    }

    public static IEnumerable<object[]> Files() => BoardFiles().Select(f => new object[] { Path.GetFileName(f) });

    [SkippableFact]
    public void TheBoardHasCodeToCheck()
    {
        Reference();
        Assert.Contains("PinSetup.cs", BoardFiles().Select(Path.GetFileName));
        Assert.True(BoardFiles().Length >= 10);
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void EveryApiUseIsListed(string fileName)
    {
        NanoApiReference api = Reference();
        string file = BoardFiles().Single(f => Path.GetFileName(f) == fileName);
        List<string> problems = Check(Code(file), api, ProjectTypes());
        Assert.True(problems.Count == 0, fileName + ":\n  " + string.Join("\n  ", problems));
    }

    [SkippableFact]
    public void TheCheckCatchesUsesThatAreNotListed()
    {
        // Each line below breaks the listings once: a namespace with no listed type, a constructor arity, an enum
        // value, a method SerialPort lacks on nano (DiscardInBuffer), an event it lacks; the last lines are right.
        string code = Code(WriteTemp("""
            using System.Device.Pwm;
            using System.IO.Ports;
            using nanoFramework.Hardware.Esp32;
            class C
            {
                void M()
                {
                    SerialPort port = new SerialPort("COM2", 9600, Parity.None, 8, StopBits.One, 5);
                    Configuration.SetPinFunction(16, DeviceFunction.SPI9_MOSI);
                    port.DiscardInBuffer();
                    port.ErrorReceived += null;
                    port.ReadTimeout = 5;
                    int n = port.Read(new byte[4], 0, 4);
                    Configuration.SetPinFunction(17, DeviceFunction.COM2_TX);
                }
            }
            """));
        List<string> problems = Check(code, Reference(), new HashSet<string> { "C" });
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("using System.Device.Pwm", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("new SerialPort with 6 arguments", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DeviceFunction.SPI9_MOSI", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("port.DiscardInBuffer(0 arguments)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("port.ErrorReceived +=", StringComparison.Ordinal));
    }

    private static string WriteTemp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "esp32-api-check-" + Guid.NewGuid().ToString("N") + ".cs");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The problems of one source text (comments and literals already removed).</summary>
    private static List<string> Check(string code, NanoApiReference api, HashSet<string> project)
    {
        var problems = new List<string>();

        // 1. using directives.
        foreach (Match u in Regex.Matches(code, @"^using\s+([\w.]+)\s*;", RegexOptions.Multiline))
        {
            string ns = u.Groups[1].Value;
            if (ns.StartsWith("Terminal.", StringComparison.Ordinal)) continue;
            if (!api.Namespaces.Contains(ns)) problems.Add("using " + ns + ": no listed type in this namespace");
        }

        // Variables declared with a listed type: fields, locals, parameters, out variables.
        var variables = new Dictionary<string, List<NanoApiReference.TypeInfo>>(StringComparer.Ordinal);
        foreach (Match d in Regex.Matches(code, @"\b([A-Z][\w.]*)\s+(_?[a-z]\w*)\s*(?=[=;,)])"))
        {
            string type = d.Groups[1].Value;
            if (project.Contains(type.Split('.')[^1])) continue;
            var types = api.Resolve(type);
            if (types.Count > 0) variables[d.Groups[2].Value] = types;
        }

        // 2. new T(args).
        foreach (Match n in Regex.Matches(code, @"\bnew\s+([A-Z][\w.]*)\s*\("))
        {
            string type = n.Groups[1].Value;
            if (project.Contains(type.Split('.')[^1])) continue;
            var types = api.Resolve(type);
            if (types.Count == 0) { problems.Add("new " + type + ": type not listed"); continue; }
            int args = ArgumentCount(code, n.Index + n.Length - 1);
            bool ok = types.Any(t => t.Members.Any(m => m.Name == t.SimpleName && args >= m.Required && args <= m.Total));
            if (!ok) problems.Add("new " + type + " with " + args + " arguments: no listed constructor takes that many");
        }

        // 3 and 4. Member access chains: Type.Member, Outer.Inner.Member, variable.Member.
        foreach (Match a in Regex.Matches(code, @"(?<![\w.])((?:[A-Za-z_]\w*\.)+)([A-Za-z_]\w*)(\s*\(|\s*\+=|\s*=(?!=))?"))
        {
            string[] qualifier = a.Groups[1].Value.TrimEnd('.').Split('.');
            string member = a.Groups[2].Value;
            string follow = a.Groups[3].Value.Trim();
            if (qualifier[0] == "this" || qualifier[0] == "System" && qualifier.Length > 1 && api.Namespaces.Contains(a.Groups[1].Value.TrimEnd('.'))) continue;
            if (a.Index > 0 && Regex.IsMatch(code.Substring(Math.Max(0, a.Index - 10), Math.Min(10, a.Index)), @"(using|namespace)\s+$")) continue;

            List<NanoApiReference.TypeInfo> owner;
            string described;
            if (variables.TryGetValue(qualifier[0], out var varTypes) && qualifier.Length == 1)
            {
                owner = varTypes;
                described = qualifier[0];
            }
            else
            {
                string typeName = string.Join(".", qualifier);
                if (project.Contains(qualifier[^1]) || project.Contains(qualifier[0])) continue;
                owner = api.Resolve(typeName);
                described = typeName;
                if (owner.Count == 0)
                {
                    // A namespace-qualified name or a nested type access (Outer.Inner): checked when it resolves.
                    if (api.Resolve(typeName + "." + member).Count > 0) continue;
                    continue;
                }
            }
            if (api.Resolve(described + "." + member).Count > 0) continue; // nested type, e.g. Ssd13xx.DisplayResolution
            int args = follow == "(" ? ArgumentCount(code, a.Index + a.Length - 1) : -1;
            bool found = owner.SelectMany(api.Chain).Any(t =>
                t.EnumMembers.Contains(member)
                || follow == "(" && t.Members.Any(m => m.Name == member && args >= m.Required && args <= m.Total)
                || follow == "=" && t.Members.Any(m => m.Name == "set_" + member || m.Name == member && m.Total == 0)
                || follow == "+=" && t.Members.Any(m => m.Name == "add_" + member)
                || follow == "" && t.Members.Any(m => m.Name == "get_" + member || m.Name == member && m.Total == 0));
            if (!found)
                problems.Add(described + "." + member + (follow == "(" ? "(" + args + " arguments)" : follow == "" ? "" : " " + follow) + ": not listed on " +
                    string.Join(" or ", owner.Select(t => t.FullName)));
        }

        return problems.Distinct().ToList();
    }

    /// <summary>Number of arguments of the call whose '(' is at <paramref name="open"/>.</summary>
    private static int ArgumentCount(string code, int open)
    {
        int depth = 0;
        for (int i = open; i < code.Length; i++)
        {
            if (code[i] == '(') depth++;
            else if (code[i] == ')' && --depth == 0)
                return NanoApiReference.SplitTopLevel(code.Substring(open + 1, i - open - 1)).Length;
        }
        return -1;
    }
}
