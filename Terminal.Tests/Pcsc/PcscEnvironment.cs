using System.Diagnostics;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>
/// What the PC/SC end-to-end test needs on the host (installed and started by scripts/install-deps.sh):
/// pcscd running with the vsmartcard-vpcd driver listening on 35963, and scriptor (pcsc-tools).
/// Missing pieces skip the test with a clear message, except under CI=true, where they fail it.
/// </summary>
internal static class PcscEnvironment
{
    public const int VpcdPort = 35963;
    /// <summary>pcscd's name for the vpcd slot on port 35963 (FRIENDLYNAME "Virtual PCD" in /etc/reader.conf.d/vpcd).</summary>
    public const string ReaderName = "Virtual PCD 00 00";

    public static string RequireScriptor()
    {
        string scriptor = FindOnPath("scriptor");
        Require(scriptor != null, "scriptor (Debian package pcsc-tools) is not installed");
        Require(OperatingSystem.IsLinux() && VpcdListening(),
            $"pcscd with vsmartcard-vpcd is not listening on 127.0.0.1:{VpcdPort}");
        return scriptor;
    }

    /// <summary>pcscd with vpcd listening and libpcsclite.so.1 loadable (for the P/Invoke reader); skips or fails as above.</summary>
    public static void RequirePcscd()
    {
        Require(OperatingSystem.IsLinux() && VpcdListening(),
            $"pcscd with vsmartcard-vpcd is not listening on 127.0.0.1:{VpcdPort}");
        Require(System.Runtime.InteropServices.NativeLibrary.TryLoad("libpcsclite.so.1", out nint handle) && handle != 0,
            "libpcsclite.so.1 (Debian package libpcsclite1, a dependency of pcscd) cannot be loaded");
    }

    private static void Require(bool condition, string what)
    {
        if (condition) return;
        string message = what + "; run scripts/install-deps.sh (as root) to install and start pcscd, vsmartcard-vpcd and pcsc-tools";
        if (SharedVectors.IsCi) Assert.Fail(message + " (under CI=true this is a failure)");
        Skip.If(true, message);
    }

    private static string FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    // A LISTEN (state 0A) socket on the vpcd port in /proc/net/tcp{,6}; checked without connecting, because vpcd
    // would take any connection for a card.
    private static bool VpcdListening()
    {
        string local = ":" + VpcdPort.ToString("X4");
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(file)) continue;
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length > 3 && f[1].EndsWith(local, StringComparison.Ordinal) && f[3] == "0A") return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Runs scriptor on the reader with the given command APDUs (one hex line each) and returns the R-APDUs it
    /// printed ("&lt; 6F ... 90 00 : Normal processing." lines), in order. Bounded by a 30 s process timeout.
    /// </summary>
    public static async Task<string[]> RunScriptorAsync(string scriptor, params string[] commands)
    {
        string script = Path.Combine(Path.GetTempPath(), $"terminal-scriptor-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(script, commands);
        try
        {
            var start = new ProcessStartInfo(scriptor)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false
            };
            start.ArgumentList.Add("-r");
            start.ArgumentList.Add(ReaderName);
            start.ArgumentList.Add(script);
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("scriptor did not finish within 30 s");
            }
            string output = await stdout, errors = await stderr;
            Assert.True(process.ExitCode == 0, $"scriptor exited with {process.ExitCode}:\n{output}\n{errors}");
            return ParseResponses(output);
        }
        finally { File.Delete(script); }
    }

    /// <summary>
    /// scriptor prints each R-APDU as "&lt; " + hex bytes, wrapping every 16 bytes onto indented lines, and ends it
    /// with " : " and the status text. Returns the response hex strings without spaces.
    /// </summary>
    public static string[] ParseResponses(string output)
    {
        var responses = new List<string>();
        string current = null;
        foreach (var raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (current == null)
            {
                if (!line.StartsWith("< ", StringComparison.Ordinal)) continue;
                line = line.Substring(2);
                current = "";
            }
            int end = line.IndexOf(" : ", StringComparison.Ordinal);
            current += (end < 0 ? line : line.Substring(0, end)).Replace(" ", "");
            if (end >= 0) { responses.Add(current); current = null; }
        }
        Assert.True(current == null, "scriptor output ended inside a response:\n" + output);
        return responses.ToArray();
    }
}
