using System.Text.Json;
using Terminal.Emulator;
using Terminal.Emulator.Output;

namespace Terminal.Tests.Emulator;

/// <summary>One run of the emulator's command (in-process), with its transcript and JSON record.</summary>
internal sealed class EmulatorRun
{
    public int ExitCode { get; private init; }
    public string Transcript { get; private init; }
    public RunRecord Record { get; private init; }

    /// <summary>The repository root (the folder of nf.proj).</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !System.IO.File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    public static string Scenario(string name) => Path.Combine(Root, "tools", "Terminal.Emulator", "scenarios", name + ".txt");

    public static string Library => Path.Combine(Root, "cards");

    /// <summary>Runs a scenario file of tools/Terminal.Emulator/scenarios.</summary>
    public static EmulatorRun Named(string name, params string[] extra) => File(Scenario(name), extra);

    /// <summary>Runs a scenario given as text.</summary>
    public static EmulatorRun Text(string scenario, params string[] extra)
    {
        string path = Path.Combine(Path.GetTempPath(), "emulator-" + Guid.NewGuid().ToString("N") + ".txt");
        System.IO.File.WriteAllText(path, scenario);
        try
        {
            return File(path, extra);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public static EmulatorRun File(string path, params string[] extra)
    {
        string record = Path.Combine(Path.GetTempPath(), "emulator-" + Guid.NewGuid().ToString("N") + ".json");
        var output = new StringWriter();
        var args = new List<string> { "--script", path, "--record", record, "--library", Library };
        args.AddRange(extra);
        int code = EmulatorCommand.Run(args.ToArray(), output, output);
        RunRecord r = null;
        if (System.IO.File.Exists(record))
        {
            r = JsonSerializer.Deserialize<RunRecord>(System.IO.File.ReadAllText(record));
            System.IO.File.Delete(record);
        }
        return new EmulatorRun { ExitCode = code, Transcript = output.ToString(), Record = r };
    }

    /// <summary>Index of the first screen (after <paramref name="from"/>) containing <paramref name="text"/>, or -1.</summary>
    public int ScreenIndex(string text, int from = 0)
    {
        for (int i = from; i < Record.Screens.Count; i++)
            if (Record.Screens[i].Contains(text, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>True when screens containing the texts appear in this order (two texts may share a screen).</summary>
    public bool ScreensInOrder(params string[] texts)
    {
        int at = 0;
        foreach (string t in texts)
        {
            int i = ScreenIndex(t, at);
            if (i < 0) return false;
            at = i;
        }
        return true;
    }
}
