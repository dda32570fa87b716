#nullable enable
using System.Text;
using Terminal.EmvKernel.Capk;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.HostSimulation;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// The shared boot sequence (<see cref="TerminalBoot"/>): from a provisioned settings storage to a running
/// application on the real host session (the generic-dialect host simulator behind the link, MAC required), and the
/// typed errors of a terminal that cannot run. Card outcomes are the library cards' statements (cards/README.md).
/// </summary>
public class TerminalBootTests
{
    private static readonly Iso8583Dialect Dialect = Generic87SessionMessages.Instance.Dialect;

    /// <summary>The rig's configuration file plus every record of the library's test CA key file as "capk" commands.</summary>
    private static string ProvisionedWithCaKeys()
    {
        var lines = File.ReadAllLines(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt"))
            .Where(l => l.StartsWith("key ", StringComparison.Ordinal) || l.StartsWith("revoke ", StringComparison.Ordinal))
            .Select(l => "capk " + l);
        return AppRig.ConfigurationFile + "\n" + string.Join("\n", lines) + "\n";
    }

    private sealed class Settings : ISettingsStorage
    {
        public Dictionary<string, byte[]> Files { get; } = new();
        public byte[]? Read(string name) => Files.TryGetValue(name, out var b) ? (byte[])b.Clone() : null;
        public void Write(string name, byte[] content) => Files[name] = (byte[])content.Clone();
    }

    private sealed class Network(bool joins, bool throws = false) : INetworkLink
    {
        public int Connects { get; private set; }
        public string? Ssid { get; private set; }
        public string? Password { get; private set; }
        public bool IsUp { get; private set; }
        public bool Connect(string ssid, string password, int timeoutMs)
        {
            Connects++;
            Ssid = ssid;
            Password = password;
            if (throws) throw new InvalidOperationException("radio not ready");
            IsUp = joins;
            return joins;
        }
    }

    /// <summary>Records the endpoint the boot asked for and hands out the board's fake link.</summary>
    private sealed class Connector(FakeHostConnection link) : IHostConnector
    {
        public string? Address { get; private set; }
        public int Port { get; private set; }
        public byte[]? TlsPin { get; private set; }
        public IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate)
        {
            Address = address;
            Port = port;
            TlsPin = tlsPin;
            return link;
        }
    }

    private sealed class Board
    {
        public FakeClock Clock { get; } = new();
        public RecordingDisplay Display { get; } = new();
        public ScriptedKeypad Keypad { get; }
        public VirtualField Field { get; } = new();
        public Settings Settings { get; } = new();
        public FakeHostConnection Link { get; }
        public Connector HostConnector { get; }
        public List<Iso8583Message> Received { get; } = new();
        /// <summary>The generic host simulator (require-mac on), with every library card as an account (PIN 1234).</summary>
        public HostSimulator Host { get; } = SimulatorBoard.NewHost(Terminal.HostSimulation.HostDialect.Generic);
        public TerminalHardware Hardware { get; }
        public MemoryJournalStorage SlotB { get; } = new();
        public VirtualSlot Slot { get; } = new();

        public Board(string? configurationFile, INetworkLink? network = null)
        {
            Keypad = new ScriptedKeypad(Clock, Display);
            Link = new FakeHostConnection(Clock) { OnSend = HostReceives };
            HostConnector = new Connector(Link);
            if (configurationFile != null) Settings.Write(ConfigurationStore.FileName, Encoding.UTF8.GetBytes(configurationFile));
            Hardware = new TerminalHardware
            {
                Keypad = Keypad, Display = Display, ContactlessReader = Field, ContactReader = Slot,
                Printer = new RecordingPrinter(), Clock = Clock, WallClock = new FixedWallClock(), Crypto = CardLibrary.Crypto,
                Random = new CountingRandom(), Settings = Settings, JournalStorage = new MemoryJournalStorage(),
                HostConnector = HostConnector, Network = network ?? new Network(true),
            };
        }

        /// <summary>The simulator verifies the MAC (and PIN, ARQC) and answers.</summary>
        private void HostReceives(FakeHostConnection link, byte[] payload)
        {
            Received.Add(Dialect.Parse(payload));
            byte[]? answer = Host.Handle(payload);
            if (answer != null) link.DeliverFrame(answer);
        }

        public TerminalBoot Boot(CaPublicKeySet set = CaPublicKeySet.Test) => new(Hardware, SlotB, set);

        /// <summary>Keys 10.00 and OK, taps <paramref name="card"/> and runs the kernel step.</summary>
        public TransactionRecord Sale(TerminalApplication app, string card)
        {
            Keypad.Type("1000\n");
            for (int i = 0; i < 50 && app.State != AppState.PresentCard; i++) app.Step();
            Assert.Equal(AppState.PresentCard, app.State);
            Field.Tap(AppRig.Card(card));
            app.Step();
            return app.LastTransaction!;
        }
    }

    [Fact]
    public void Boot_joins_the_provisioned_wifi_and_connects_to_the_provisioned_host_endpoint()
    {
        // The provisioning file names the Wi-Fi network, the host endpoint and its TLS pin; the boot must hand exactly
        // these to the board (not a board-side default): SSID/password to the network link, address/port/pin to the
        // connector.
        string pin = new string('a', 64);
        var board = new Board(ProvisionedWithCaKeys() + "set wifi shop-net s3cret-pass\nset host 192.168.7.20:6001\nset tlspin " + pin + "\n");
        var network = (Network)board.Hardware.Network;
        TerminalBoot boot = board.Boot();
        boot.Start();

        Assert.Equal("shop-net", network.Ssid);
        Assert.Equal("s3cret-pass", network.Password);
        Assert.Equal("192.168.7.20", board.HostConnector.Address);
        Assert.Equal(6001, board.HostConnector.Port);
        Assert.Equal(Enumerable.Repeat((byte)0xAA, 32).ToArray(), board.HostConnector.TlsPin);
    }

    [Fact]
    public void A_board_that_cannot_make_the_provisioned_connection_stops_the_boot_naming_it()
    {
        var board = new Board(ProvisionedWithCaKeys());
        board.Hardware.HostConnector = new RefusingConnector();
        var e = Assert.Throws<BootException>(() => board.Boot().Start());
        Assert.Equal(BootFailure.ConfigurationInvalid, e.Failure);
        Assert.Contains(e.Problems, p => p.Contains("CA certificate", StringComparison.Ordinal));
    }

    private sealed class RefusingConnector : IHostConnector
    {
        public IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate) =>
            throw new NotSupportedException("TLS needs the host's CA certificate (set hostca)");
    }

    [Fact]
    public void Provisioned_terminal_boots_and_approves_an_online_contactless_sale_through_the_host()
    {
        var board = new Board(ProvisionedWithCaKeys());
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();

        Assert.Equal(AppState.Idle, app.State);
        Assert.True(boot.NetworkUp);
        Assert.Equal("TERM0001", boot.Configuration!.TerminalId);
        TransactionRecord r = board.Sale(app, "visa-qvsdc-online");
        // Statement of visa-qvsdc-online: ARQC from GPO, host approves -> approved-online.
        Assert.True(r.Approved);
        Assert.Equal("approved-online", r.KernelDecision);
        Assert.Equal("00", r.ResponseCode);
        // The request went out as a generic 0200 carrying the provisioned terminal ID (DE 41) and the amount (DE 4).
        Iso8583Message request = board.Received.First(m => m.Mti == "0200");
        Assert.Equal("TERM0001", request.GetString(41));
        Assert.Equal("000000001000", request.GetString(4));
        // ...and was journaled in the boot's journal: approved under its trace.
        Assert.Equal(TransactionState.Approved, boot.Journal!.Find(r.Trace).State);
    }

    [Fact]
    public void Provisioned_ca_keys_are_loaded_into_the_kernel_and_an_fdda_card_approves_offline()
    {
        var board = new Board(ProvisionedWithCaKeys());
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();

        // cards/pki/test-ca-keys.txt holds three key records (A000000003/04/333 index 50) and one revocation.
        Assert.Equal(4, boot.CaRecordsLoaded);
        Assert.Equal(3, boot.CaKeys!.Count);
        Assert.NotNull(boot.CaKeys.Find(Terminal.EmvKernel.Util.Hex.Decode("A000000003"), 0, 0x50));
        TransactionRecord r = board.Sale(app, "visa-qvsdc-offline-fdda");
        // Statement: TC from GPO and fDDA verified under CA A000000003 50 -> approved offline, no authorisation sent.
        Assert.True(r.Approved);
        Assert.Equal("approved-offline", r.KernelDecision);
        Assert.DoesNotContain(board.Received, m => m.Mti == "0200");
    }

    [Fact]
    public void Without_the_provisioned_ca_key_the_fdda_card_is_not_approved_offline()
    {
        var board = new Board(AppRig.ConfigurationFile);
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();

        Assert.Equal(0, boot.CaKeys!.Count);
        TransactionRecord r = board.Sale(app, "visa-qvsdc-offline-fdda");
        // No CA public key for the card's RID/index: fDDA cannot be performed, so the kernel must not accept the
        // card's offline TC (EMV Book C-3, offline data authentication failed -> no offline approval).
        Assert.NotEqual("approved-offline", r.KernelDecision);
    }

    [Fact]
    public void A_live_terminal_skips_the_test_ca_records()
    {
        var board = new Board(ProvisionedWithCaKeys());
        TerminalBoot boot = board.Boot(CaPublicKeySet.Live);
        boot.Start();
        Assert.Equal(0, boot.CaRecordsLoaded);
        Assert.Equal(4, boot.CaRecordsSkipped);
        Assert.Equal(CaPublicKeySet.Live, boot.CaKeys!.Set);
    }

    [Fact]
    public void Empty_settings_storage_raises_not_provisioned_naming_every_missing_command()
    {
        var board = new Board(null);
        var e = Assert.Throws<BootException>(() => board.Boot().Start());
        Assert.Equal(BootFailure.NotProvisioned, e.Failure);
        // TerminalConfiguration.MissingForTransactions: host, tid, mid, an AID and a PIN key.
        Assert.Equal(5, e.Problems.Length);
        Assert.Contains(e.Problems, p => p.Contains("set host", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("set tid", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("key dukpt", StringComparison.Ordinal));
        Assert.Equal(0, board.Link.Connects);
    }

    [Fact]
    public void Configuration_without_a_pin_key_raises_incomplete()
    {
        string file = string.Join("\n", AppRig.ConfigurationFile.Split('\n').Where(l => !l.Contains("key dukpt", StringComparison.Ordinal)));
        var e = Assert.Throws<BootException>(() => new Board(file).Boot().Start());
        Assert.Equal(BootFailure.Incomplete, e.Failure);
        Assert.Contains("PIN key", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_stored_line_raises_configuration_invalid_with_its_line_and_no_key()
    {
        // Line 1 of the file is the bad command; the rest is the rig's file (which holds the IPEK).
        var e = Assert.Throws<BootException>(() => new Board("set tid TOO-LONG-ID\n" + AppRig.ConfigurationFile).Boot().Start());
        Assert.Equal(BootFailure.ConfigurationInvalid, e.Failure);
        Assert.StartsWith("line 1", Assert.Single(e.Problems), StringComparison.Ordinal);
        Assert.DoesNotContain("6AC292FAA1315B4D858AB3A3D7D5933A", e.Message + string.Join(" ", e.Problems), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Network_failure_at_boot_still_starts_an_offline_capable_terminal(bool radioThrows)
    {
        var network = new Network(false, radioThrows);
        var board = new Board(ProvisionedWithCaKeys(), network);
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        Assert.Equal(1, network.Connects);
        Assert.False(boot.NetworkUp);
        // Offline approvals still work: the fDDA card approves without the host.
        Assert.Equal("approved-offline", board.Sale(app, "visa-qvsdc-offline-fdda").KernelDecision);
    }

    [Fact]
    public void A_board_without_a_second_journal_slot_raises_hardware_missing()
    {
        var board = new Board(ProvisionedWithCaKeys());
        var e = Assert.Throws<BootException>(() => new TerminalBoot(board.Hardware, board.Hardware.JournalStorage, CaPublicKeySet.Test).Start());
        Assert.Equal(BootFailure.HardwareMissing, e.Failure);
    }

    [Fact]
    public void Generic_terminal_with_dukpt_macs_every_request_and_the_host_verifies_it_with_require_mac()
    {
        var board = new Board(ProvisionedWithCaKeys());
        Assert.True(board.Host.Rules.RequireMac);
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        Assert.IsType<Terminal.Firmware.Core.HostLink.Security.DukptMessageAuthenticator>(boot.Session!.Authenticator);

        TransactionRecord r = board.Sale(app, "visa-qvsdc-online");
        Assert.True(r.Approved);
        Iso8583Message request = board.Received.Single(m => m.Mti == "0200");
        // DE 64 present, DE 62 = the KSN of the rig's DUKPT key (FFFF9876543210E0000x, X9.24-1 test KSN) and DE 53
        // "1000..." (TDES DUKPT, no enciphered card data); the simulator derived the MAC key from its BDK and the KSN.
        Assert.Equal(8, request.GetBytes(64).Length);
        Assert.StartsWith("FFFF9876543210E", Terminal.EmvKernel.Util.Hex.Encode(request.GetBytes(62)), StringComparison.Ordinal);
        Assert.Single(board.Host.Ledger.Counted());
        // The counter step was persisted before use (a restart never repeats a KSN).
        Assert.NotNull(board.Settings.Read(OnlinePinCipher.DukptStateFile));
    }

    [Fact]
    public void Generic_pin_block_and_mac_share_the_transaction_ksn()
    {
        var board = new Board(ProvisionedWithCaKeys());
        TerminalApplication app = board.Boot().Start();
        board.Keypad.Type("1000\n");
        for (int i = 0; i < 50 && app.State != AppState.PresentCard; i++) app.Step();
        board.Keypad.When(Terminal.Firmware.Core.Ui.MessageCatalog.Text(Terminal.Firmware.Core.Ui.MessageId.EnterOnlinePin,
            Terminal.Firmware.Core.Ui.Language.English), "1234\n");
        board.Slot.Insert(AppRig.Card("visa-cvm-online-pin"));
        app.Step();

        TransactionRecord r = app.LastTransaction!;
        Assert.True(r.Approved);
        Assert.True(r.OnlinePin);
        Iso8583Message request = board.Received.Single(m => m.Mti == "0200");
        byte[] ksn = request.GetBytes(62);
        // The PIN block deciphers under the PIN key of the very KSN the MAC names (IPEK of the rig, X9.24-1 vector):
        // format 0 of 1234 with PAN 4761739000000236 (the host approved, so it verified the MAC under the same KSN).
        byte[] pinKey = Terminal.Firmware.Core.HostLink.Security.TdesDukpt.PinKey(
            Terminal.Firmware.Core.HostLink.Security.TdesDukpt.DeriveTransactionKey(Convert.FromHexString("6AC292FAA1315B4D858AB3A3D7D5933A"), ksn));
        byte[] clear = SimulatorBoard.DecipherEcb(pinKey, request.GetBytes(52));
        byte[] expected = Convert.FromHexString("041234FFFFFFFFFF").Zip(Convert.FromHexString("0000173900000023"), (a, b) => (byte)(a ^ b)).ToArray();
        Assert.Equal(expected, clear);
        Assert.Single(board.Host.Ledger.Counted());
    }

    [Fact]
    public void Generic_dukpt_counter_resumes_after_a_reboot()
    {
        var board = new Board(ProvisionedWithCaKeys());
        board.Sale(board.Boot().Start(), "visa-qvsdc-online");
        string first = Terminal.EmvKernel.Util.Hex.Encode(board.Received.Last(m => m.Mti == "0200").GetBytes(62));
        // Same board (settings, journal), booted again: the next request takes a later KSN, never the same.
        var again = new TerminalBoot(board.Hardware, board.SlotB, CaPublicKeySet.Test);
        board.Sale(again.Start(), "visa-qvsdc-online");
        string second = Terminal.EmvKernel.Util.Hex.Encode(board.Received.Last(m => m.Mti == "0200").GetBytes(62));
        Assert.True(string.CompareOrdinal(second, first) > 0, first + " then " + second);
        Assert.Equal(2, board.Host.Ledger.Counted().Count);
    }
}
