#nullable enable
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Terminal.EmvKernel.Capk;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Tests.App;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.Boards;

/// <summary>
/// The ESP32 board's provisioning path, with its portable parts on a PC rig: the boot finds the terminal not
/// provisioned, the serial provisioning session provisions it, and the host connector follows the CA-only TLS rule
/// (<see cref="HostCaCertificate.ForCaOnlyTls"/>, what NanoHostConnector calls): a TLS pin without <c>set hostca</c>
/// stops the boot naming the command, a CA certificate is handed to the TLS connection, neither gives plain TCP.
/// </summary>
public class CaOnlyTlsBoardTests
{
    private sealed class Settings : ISettingsStorage
    {
        public Dictionary<string, byte[]> Files { get; } = new();
        public byte[]? Read(string name) => Files.TryGetValue(name, out var b) ? (byte[])b.Clone() : null;
        public void Write(string name, byte[] content) => Files[name] = (byte[])content.Clone();
    }

    /// <summary>The ESP32 connector's rule in front of a fake link; records the CA it would hand to SslStream.</summary>
    private sealed class CaOnlyConnector(FakeHostConnection link) : IHostConnector
    {
        public int Opens { get; private set; }
        public byte[]? Ca { get; private set; }
        public IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate)
        {
            Ca = HostCaCertificate.ForCaOnlyTls(caCertificate, tlsPin);
            Opens++;
            return link;
        }
    }

    private sealed class Network : INetworkLink
    {
        public bool IsUp => true;
        public bool Connect(string ssid, string password, int timeoutMs) => true;
    }

    private static byte[] CaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Acquirer CA", key, HashAlgorithmName.SHA256);
        using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return cert.RawData;
    }

    private static string CaKeyCommands() => string.Join("\n", File.ReadAllLines(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt"))
        .Where(l => l.StartsWith("key ", StringComparison.Ordinal) || l.StartsWith("revoke ", StringComparison.Ordinal)).Select(l => "capk " + l));

    [Fact]
    public void Provisioned_over_the_serial_console_then_booted_with_the_ca_only_tls_rule()
    {
        var clock = new FakeClock();
        var settings = new Settings();
        var display = new RecordingDisplay();
        var connector = new CaOnlyConnector(new FakeHostConnection(clock));
        var hardware = new TerminalHardware
        {
            Keypad = new ScriptedKeypad(clock, display), Display = display, ContactlessReader = new VirtualField(), ContactReader = new VirtualSlot(),
            Clock = clock, WallClock = new FixedWallClock(), Crypto = CardLibrary.Crypto, Random = new CountingRandom(), Settings = settings,
            JournalStorage = new MemoryJournalStorage(), HostConnector = connector, Network = new Network(),
        };
        var boot = new TerminalBoot(hardware, new MemoryJournalStorage(), CaPublicKeySet.Test);
        BootException first = Assert.Throws<BootException>(() => boot.Start());
        Assert.Equal(BootFailure.NotProvisioned, first.Failure);

        // Provision over the console: the rig's file, the CA key records and a TLS pin, then save.
        int Session(string typed)
        {
            var port = new FakeConsolePort(clock);
            port.Add(typed);
            return SerialProvisioningSession.ForStoredConfiguration(port, settings, CardLibrary.Crypto, clock).Run(null!);
        }
        string pin = new string('a', 64);
        Assert.Equal(ProvisioningSessionEnd.Saved, Session(AppRig.ConfigurationFile.Replace("\n", "\r\n") + "\r\n" + CaKeyCommands() + "\nset tlspin " + pin + "\rsave\r"));
        BootException pinOnly = Assert.Throws<BootException>(() => boot.Start());
        Assert.Equal(BootFailure.ConfigurationInvalid, pinOnly.Failure);
        Assert.Contains(pinOnly.Problems, p => p.Contains("set hostca <base64 DER", StringComparison.Ordinal));

        // The next session starts from the stored configuration: only the CA certificate is added.
        byte[] der = CaCertificate();
        Assert.Equal(ProvisioningSessionEnd.Saved, Session("set hostca " + Convert.ToBase64String(der) + "\nsave\n"));
        Assert.NotNull(boot.Start());
        Assert.Equal(der, connector.Ca);

        // No pin and no CA: plain TCP (no CA handed over).
        Assert.Equal(ProvisioningSessionEnd.Saved, Session("set tlspin off\nset hostca off\nsave\n"));
        Assert.NotNull(boot.Start());
        Assert.Null(connector.Ca);
        Assert.Equal(2, connector.Opens); // the refused pin-only open never got a connection
    }
}
