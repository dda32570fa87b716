using System.Text;
using Terminal.Boards.Linux;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Pc.HostLink;
using Terminal.Tests.App;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.Boards.Linux;

/// <summary>
/// The Linux board provisions through the same SerialProvisioningSession as the ESP32, over its console: a
/// configuration piped into the board is applied and saved, the key never reaches the output (the session masks it;
/// the tty's own echo is off on an interactive console), and the end of the piped input ends the session.
/// </summary>
public class ConsolePortTests
{
    // The ANSI X9.24-1 test IPEK (published), only as a value that must never be echoed.
    private const string Ipek = "6AC292FAA1315B4D858AB3A3D7D5933A";

    private sealed class Settings : Terminal.Firmware.Core.Hardware.ISettingsStorage
    {
        public Dictionary<string, byte[]> Files { get; } = new();
        public byte[] Read(string name) => Files.TryGetValue(name, out var b) ? b : null;
        public void Write(string name, byte[] content) => Files[name] = (byte[])content.Clone();
    }

    [Fact]
    public void A_piped_configuration_is_saved_and_its_key_is_never_written_out()
    {
        string file = AppRig.ConfigurationFile + "\nkey dukpt " + Ipek + " FFFF9876543210E00000\nsave\n";
        var output = new MemoryStream();
        var settings = new Settings();
        var session = SerialProvisioningSession.ForStoredConfiguration(
            new ConsolePort(new StringReader(file), output, interactive: false), settings, CardLibrary.Crypto, new StopwatchClock());

        Assert.Equal(ProvisioningSessionEnd.Saved, session.Run(null));
        string shown = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain(Ipek, shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Ipek.Substring(0, 8), shown, StringComparison.OrdinalIgnoreCase);
        // What was saved boots: it loads with the terminal id and the DUKPT key of the file.
        Assert.Empty(ConfigurationStore.Load(settings, CardLibrary.Crypto, out TerminalConfiguration saved));
        Assert.Equal("TERM0001", saved.TerminalId);
        Assert.Equal(Convert.FromHexString(Ipek), saved.DukptInitialKey);
    }

    [Fact]
    public void The_end_of_piped_input_without_save_ends_the_session_unsaved()
    {
        var settings = new Settings();
        var session = SerialProvisioningSession.ForStoredConfiguration(
            new ConsolePort(new StringReader("set tid TERM0001\n"), new MemoryStream(), interactive: false), settings, CardLibrary.Crypto, new StopwatchClock());
        Assert.Equal(ProvisioningSessionEnd.PortFailed, session.Run(null));
        Assert.Empty(settings.Files);
    }
}
