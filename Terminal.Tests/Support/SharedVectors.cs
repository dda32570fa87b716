using System.Text.Json;
using Xunit;

namespace Terminal.Tests.Support;

/// <summary>
/// Locates the public test vectors in ../shared/vectors (beside the clone) and reads them in place.
/// Where shared/ is absent the test is skipped with a clear message, except under CI=true, where a
/// missing file is a failure. Vector files are never copied into the project.
/// </summary>
public static class SharedVectors
{
    private static readonly string Root = FindRoot();

    /// <summary>The shared/vectors folder, or null when it cannot be found.</summary>
    public static string RootOrNull => Root;

    private static string FindRoot()
    {
        string env = Environment.GetEnvironmentVariable("TERMINAL_SHARED_VECTORS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null)
        {
            // The clone's root has nf.proj; shared/ sits beside the clone.
            if (File.Exists(Path.Combine(dir.FullName, "nf.proj")))
            {
                string candidate = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "vectors");
                return Directory.Exists(candidate) ? candidate : null;
            }
            dir = dir.Parent;
        }
        return null;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Full path of a vector file such as "crypto/sha.json". Skips the test (SkippableFact/SkippableTheory)
    /// when shared/ is absent; fails under CI=true.
    /// </summary>
    public static string PathOf(string relative)
    {
        string path = Root == null ? null : Path.Combine(Root, relative);
        if (path == null || !File.Exists(path))
        {
            string message = "shared test vector '" + relative + "' not found (expected ../shared/vectors beside the clone, or TERMINAL_SHARED_VECTORS)";
            if (IsCi) Assert.Fail(message + "; under CI=true a missing vector file is a failure");
            Skip.If(true, message);
        }
        return path;
    }

    /// <summary>Reads a vector JSON file.</summary>
    public static JsonDocument Json(string relative) => JsonDocument.Parse(File.ReadAllText(PathOf(relative)));

    /// <summary>The "cases" array of a vector JSON file.</summary>
    public static JsonElement[] Cases(string relative)
    {
        using var doc = Json(relative);
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>All files under a vector folder, e.g. "crypto". Used to prove every file is consumed.</summary>
    public static string[] FilesIn(string folder)
    {
        string dir = Root == null ? null : Path.Combine(Root, folder);
        if (dir == null || !Directory.Exists(dir))
        {
            string message = "shared vector folder '" + folder + "' not found";
            if (IsCi) Assert.Fail(message + "; under CI=true this is a failure");
            Skip.If(true, message);
        }
        return Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(n => n).ToArray();
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString();
    public static byte[] Bytes(this JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString() ?? "");
    public static bool Has(this JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
}
