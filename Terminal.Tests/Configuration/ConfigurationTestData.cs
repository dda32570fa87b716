using Xunit;

namespace Terminal.Tests.Configuration;

/// <summary>Small valid configuration texts and the shipped file's location.</summary>
public static class ConfigurationTestData
{
    /// <summary>The required keys of an [aid] section with easily recognised values.</summary>
    public const string RequiredAidKeys =
        "application-version = 0096\n" +
        "floor-limit = 5000\n" +
        "tac-denial = 0010000000\n" +
        "tac-online = DC4004F800\n" +
        "tac-default = DC4000A800\n";

    /// <summary>One AID section (A0000000031010) holding only the required keys.</summary>
    public const string MinimalFile = "[aid A0000000031010]\n" + RequiredAidKeys;

    /// <summary>The repository's config/kernel folder (beside nf.proj).</summary>
    public static string ShippedFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "config", "kernel", name);
    }
}
