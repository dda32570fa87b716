#nullable enable
using System.Security.Cryptography;
using System.Text;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;
using Terminal.HostSimulation;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Xunit;
using SimDialect = Terminal.HostSimulation.HostDialect;

namespace Terminal.Tests.App;

/// <summary>
/// A board booted by <see cref="TerminalBoot"/> against the real host simulator in process: every frame the
/// terminal sends over its (in-memory) host connection is handed to <see cref="HostSimulator.Handle"/>, which
/// verifies the MAC and the PIN block with its own keys and keeps the ledger. Accounts: every library card (PIN 1234).
/// </summary>
internal sealed class SimulatorBoard
{
    /// <summary>The simulator's test TMK (HostKeys.TestKeys), injected into the terminal with "key tmk".</summary>
    public const string TestTmk = "0123456789ABCDEFFEDCBA9876543210";
    public const string Pin = "1234";

    private sealed class Settings : ISettingsStorage
    {
        public Dictionary<string, byte[]> Files { get; } = new();
        public byte[]? Read(string name) => Files.TryGetValue(name, out var b) ? (byte[])b.Clone() : null;
        public void Write(string name, byte[] content) => Files[name] = (byte[])content.Clone();
    }

    private sealed class UpNetwork : INetworkLink
    {
        public bool IsUp { get; private set; }
        public bool Connect(string ssid, string password, int timeoutMs) => IsUp = true;
    }

    private sealed class Connector(IHostConnection link) : IHostConnector
    {
        public IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate) => link;
    }

    public FakeClock Clock { get; } = new();
    public RecordingDisplay Display { get; } = new();
    public ScriptedKeypad Keypad { get; }
    public VirtualField Field { get; } = new();
    public VirtualSlot Slot { get; } = new();
    public FakeHostConnection Link { get; }
    public HostSimulator Host { get; }
    public TerminalHardware Hardware { get; }
    public MemoryJournalStorage SlotB { get; } = new();
    /// <summary>Every request the terminal sent, parsed, with the raw payload.</summary>
    public List<(Iso8583Message Message, byte[] Raw)> Requests { get; } = new();
    /// <summary>Every answer the host gave, parsed.</summary>
    public List<Iso8583Message> Answers { get; } = new();
    /// <summary>Applied to each answer before delivery (test-side tampering), or null.</summary>
    public Func<Iso8583Message, Iso8583Message>? Tamper { get; set; }

    public SimulatorBoard(SimDialect dialect, string configurationFile)
    {
        Host = NewHost(dialect);
        Keypad = new ScriptedKeypad(Clock, Display);
        Link = new FakeHostConnection(Clock) { OnSend = HostReceives };
        var settings = new Settings();
        settings.Write(ConfigurationStore.FileName, Encoding.UTF8.GetBytes(configurationFile));
        Hardware = new TerminalHardware
        {
            Keypad = Keypad, Display = Display, ContactlessReader = Field, ContactReader = Slot,
            Printer = new RecordingPrinter(), Clock = Clock, WallClock = new FixedWallClock(), Crypto = CardLibrary.Crypto,
            Random = new CountingRandom(), Settings = settings, JournalStorage = new MemoryJournalStorage(),
            HostConnector = new Connector(Link), Network = new UpNetwork(),
        };
    }

    private Iso8583Dialect MessageDialect => Host.MessageDialect;

    /// <summary>
    /// The simulator with the test keys and MAC required (UnionPay: the ECB MAC the terminal uses), every library card
    /// an account (PIN 1234 where the profile has none).
    /// </summary>
    public static HostSimulator NewHost(SimDialect dialect)
    {
        var host = new HostSimulator(dialect, HostKeys.TestKeys(), new HostRules { RequireMac = true });
        if (dialect == SimDialect.UnionPay) host.UnionPayMacAlgorithm = MessageMacAlgorithm.UnionPayEcb;
        foreach (string file in Directory.GetFiles(CardLibrary.Root, "*.card"))
            foreach (HostAccount a in HostConfiguration.FromCardProfile(File.ReadAllText(file)))
            {
                if (host.Account(a.Pan) != null) continue;
                a.Pin ??= Pin;
                host.AddAccount(a);
            }
        return host;
    }

    /// <summary>Hands each frame to the simulator and delivers its answer (tampered when asked).</summary>
    private void HostReceives(FakeHostConnection link, byte[] payload)
    {
        Requests.Add((MessageDialect.Parse(payload), payload));
        byte[]? answer = Host.Handle(payload);
        if (answer == null) return;
        Iso8583Message parsed = MessageDialect.Parse(answer);
        if (Tamper != null)
        {
            parsed = Tamper(parsed);
            answer = MessageDialect.Pack(parsed);
        }
        Answers.Add(parsed);
        link.DeliverFrame(answer);
    }

    /// <summary>The rig's provisioning file with the library's test CA keys, in the UnionPay dialect with <paramref name="tmk"/>.</summary>
    public static string UnionPayConfiguration(string? tmk = TestTmk, bool withDukpt = true)
    {
        string file = WithCaKeys(AppRig.ConfigurationFile) + "set dialect unionpay\n";
        if (!withDukpt) file = string.Join("\n", file.Split('\n').Where(l => !l.Contains("key dukpt", StringComparison.Ordinal))) + "\n";
        return tmk == null ? file : file + "key tmk " + tmk + "\n";
    }

    /// <summary>A provisioning file plus every record of the library's test CA key file as "capk" commands.</summary>
    public static string WithCaKeys(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt"))
            .Where(l => l.StartsWith("key ", StringComparison.Ordinal) || l.StartsWith("revoke ", StringComparison.Ordinal))
            .Select(l => "capk " + l);
        return file + "\n" + string.Join("\n", lines) + "\n";
    }

    public TerminalBoot Boot() => new(Hardware, SlotB, CaPublicKeySet.Test);

    /// <summary>The requests of one MTI, in order.</summary>
    public List<Iso8583Message> Sent(string mti) => Requests.Where(r => r.Message.Mti == mti).Select(r => r.Message).ToList();

    /// <summary>Keys <paramref name="amount"/> and OK, taps the card and runs the kernel step.</summary>
    public TransactionRecord Tap(TerminalApplication app, string card, string amount = "1000")
    {
        StartSale(app, amount);
        Field.Tap(AppRig.Card(card));
        app.Step();
        return app.LastTransaction!;
    }

    /// <summary>Keys <paramref name="amount"/> and OK, inserts the card (online PIN 1234 when asked) and runs the kernel.</summary>
    public TransactionRecord Insert(TerminalApplication app, string card, string amount = "1000", string pin = Pin)
    {
        StartSale(app, amount);
        Keypad.When(MessageCatalog.Text(MessageId.EnterOnlinePin, Language.English), pin + "\n");
        Slot.Insert(AppRig.Card(card));
        app.Step();
        return app.LastTransaction!;
    }

    private void StartSale(TerminalApplication app, string amount)
    {
        ToIdle(app);
        Keypad.Type(amount + "\n");
        for (int i = 0; i < 50 && app.State != AppState.PresentCard; i++) app.Step();
        Assert.Equal(AppState.PresentCard, app.State);
    }

    /// <summary>Removes the card and dismisses the result until the terminal is idle.</summary>
    public void ToIdle(TerminalApplication app)
    {
        for (int i = 0; i < 50 && app.State != AppState.Idle; i++)
        {
            if (app.State == AppState.RemoveCard) Slot.Remove();
            else if (app.State == AppState.Message && Keypad.Pending == 0) Keypad.Type("\n");
            app.Step();
        }
        Assert.Equal(AppState.Idle, app.State);
    }

    /// <summary>Settles from the menu ("m" then 5) and returns the summary.</summary>
    public SettlementSummary Settle(TerminalApplication app)
    {
        ToIdle(app);
        Keypad.Type("m5");
        for (int i = 0; i < 50 && Keypad.Pending > 0; i++) app.Step();
        app.Step();
        return app.LastSettlement!;
    }

    /// <summary>TDES-ECB decipher with the BCL (double-length K1|K2 as K1|K2|K1), independent of the firmware's DES.</summary>
    public static byte[] DecipherEcb(byte[] key, byte[] data)
    {
        using TripleDES tdes = TripleDES.Create();
        tdes.Key = key.Length == 16 ? [.. key, .. key[..8]] : key;
        return tdes.DecryptEcb(data, PaddingMode.None);
    }

    public static byte[] EncipherEcb(byte[] key, byte[] data)
    {
        using TripleDES tdes = TripleDES.Create();
        tdes.Key = key.Length == 16 ? [.. key, .. key[..8]] : key;
        return tdes.EncryptEcb(data, PaddingMode.None);
    }
}

/// <summary>
/// Issue 7: a provisioned China UnionPay terminal booted by <see cref="TerminalBoot"/> against the real host simulator
/// in UnionPay mode: sign-on at boot, the working keys checked and used for the MAC (every request and answer) and
/// the online PIN block, sales approved, settlement balanced; and the failures: host down at boot, refused keys, an
/// answer with a wrong MAC. The host is the independent judge of MAC and PIN (its own keys); where possible the test
/// also checks the bytes with the BCL from the 0810 it saw (docs/host-protocol.md, "Sign-on with key download").
/// </summary>
public class UnionPayBootTests
{
    private static readonly byte[] Tmk = Convert.FromHexString(SimulatorBoard.TestTmk);

    [Fact]
    public void Boot_signs_on_and_contactless_and_contact_pin_sales_are_approved_by_the_host_then_settle_balanced()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();

        // Sign-on at boot: one 0800, 60.3 003 (double-length keys), operator code in DE 63, no MAC.
        Assert.Equal(SessionFailure.None, boot.SignOnFailure);
        Assert.True(boot.SignOn!.SignedOn);
        Iso8583Message signOn = Assert.Single(board.Sent("0800"));
        Assert.Equal("003", UnionPayField60.Parse(signOn.GetString(60)).NetworkCode);
        Assert.Equal("001", signOn.GetString(63));
        Assert.False(signOn.Has(64));

        // Contactless: unionpay-quics-online (ARQC in GPO, no CVM) -> host approves.
        TransactionRecord tap = board.Tap(app, "unionpay-quics-online");
        Assert.True(tap.Approved);
        Assert.Equal("approved-online", tap.KernelDecision);
        // Contact with online PIN: visa-cvm-online-pin (CVM 42 03) -> PIN 1234 under the session PIK, host approves.
        TransactionRecord insert = board.Insert(app, "visa-cvm-online-pin", "2000");
        Assert.True(insert.Approved);
        Assert.True(insert.OnlinePin);

        List<Iso8583Message> sales = board.Sent("0200");
        Assert.Equal(2, sales.Count);
        Assert.All(sales, s => Assert.True(s.Has(64)));
        Assert.Equal(2, board.Host.Ledger.Counted().Count);      // the host verified both MACs (require-mac) and the PIN

        // Independent of the terminal's code: the working keys from the 0810's DE 62 deciphered under the TMK with the
        // BCL and checked against their check values (first 4 bytes of E(K, 0^8)) ...
        byte[] field62 = board.Answers.First(a => a.Mti == "0810").GetBytes(62);
        Assert.Equal(40, field62.Length);                        // PIK 16 + 4, MAK 16 + 4 (mode 003)
        byte[] pik = SimulatorBoard.DecipherEcb(Tmk, field62[..16]);
        byte[] mak = SimulatorBoard.DecipherEcb(Tmk, field62[20..36]);
        Assert.Equal(field62[16..20], SimulatorBoard.EncipherEcb(pik, new byte[8])[..4]);
        Assert.Equal(field62[36..40], SimulatorBoard.EncipherEcb(mak, new byte[8])[..4]);
        // ... the PIN block of the contact sale deciphers under the PIK to ISO 9564 format 0 of 1234 and PAN
        // 4761739000000236: PIN field 04 1234 FF..., PAN field 0000 + the 12 digits before the check digit.
        (Iso8583Message pinSale, byte[] pinRaw) = board.Requests.Where(r => r.Message.Mti == "0200").Last();
        Assert.Equal("2600000000000000", pinSale.GetString(53));
        byte[] clear = SimulatorBoard.DecipherEcb(pik, pinSale.GetBytes(52));
        byte[] pinField = Convert.FromHexString("041234FFFFFFFFFF");
        byte[] panField = Convert.FromHexString("0000" + "476173900000023"[3..]);
        Assert.Equal(pinField.Zip(panField, (p, q) => (byte)(p ^ q)).ToArray(), clear);
        // ... and DE 64 is the UnionPay ECB MAC under the MAK of the packed message after the 11-byte TPDU/header,
        // without the MAC itself (the last field, 8 bytes).
        byte[] macInput = pinRaw[UnionPayHeader.Length..^8];
        Assert.Equal(Terminal.Tests.HostLink.Security.UnionPayEcbMacTests.Reference(mak, macInput), pinSale.GetBytes(64));

        SettlementSummary settled = board.Settle(app);
        Assert.True(settled.FundsSettled);
        Terminal.HostSimulation.SettlementRecord record = Assert.Single(board.Host.Ledger.Settlements());
        Assert.True(record.Balanced);
        Assert.Equal(2, record.Host.DebitCount);
        Assert.Equal(3000, record.Host.DebitAmount);
        Assert.True(board.Sent("0500").Single().Has(64));        // the 0500 carries DE 48 totals and a MAC
    }

    [Fact]
    public void Wrong_pin_is_declined_by_the_host_that_deciphers_it_under_its_own_pin_key()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        TerminalApplication app = board.Boot().Start();
        TransactionRecord r = board.Insert(app, "visa-cvm-online-pin", "1000", "9999");
        Assert.False(r.Approved);
        Assert.Equal("55", board.Answers.Last(a => a.Mti == "0210").GetString(39));   // incorrect PIN
        Assert.Empty(board.Host.Ledger.Counted());
    }

    [Fact]
    public void Host_down_at_boot_still_starts_and_signs_on_before_the_first_sale_once_the_host_is_up()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        board.Link.FailConnects = int.MaxValue;
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        Assert.Equal(AppState.Idle, app.State);
        Assert.Equal(SessionFailure.ConnectFailed, boot.SignOnFailure);
        Assert.False(boot.SignOn!.SignedOn);
        Assert.Empty(board.Requests);

        // Still down: an online sale ends unsent ("not signed on"/host unavailable), nothing journaled, nothing lost.
        TransactionRecord down = board.Tap(app, "unionpay-quics-online");
        Assert.False(down.Approved);
        Assert.Equal(MessageId.HostUnavailable, down.Reason);
        Assert.Empty(boot.Journal!.Transactions());
        // ... and so does an offline-capable card: a UnionPay terminal's floor limits are 0 (no offline-sale advice
        // in the dialect, TerminalBoot), so 10.00 is above the reader floor limit, the card is asked for an ARQC and,
        // with no host, the sale is declined - never an approval the host cannot be told about.
        TransactionRecord offlineCapable = board.Tap(app, "unionpay-pboc-debit");
        Assert.False(offlineCapable.Approved);
        Assert.Equal("declined-offline", offlineCapable.KernelDecision);
        Assert.Empty(boot.Journal!.Transactions());

        // Host up: the next sale signs on first (0800 then 0200) and is approved.
        board.Link.FailConnects = 0;
        TransactionRecord up = board.Tap(app, "unionpay-quics-online");
        Assert.True(up.Approved);
        Assert.Equal(new[] { "0800", "0810" }, new[] { board.Requests[0].Message.Mti, board.Answers[0].Mti });
        Assert.Equal("0200", board.Requests[1].Message.Mti);
        Assert.True(boot.SignOn.SignedOn);
        Assert.Single(board.Host.Ledger.Counted());
    }

    [Fact]
    public void Refused_working_keys_are_not_installed_and_no_transaction_goes_online_with_them()
    {
        // The terminal holds another TMK than the host: the keys of the 0810 decipher to values whose check values
        // do not match (MasterSessionKeys: KCV = first 4 bytes of E(K, 0^8)).
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration("00112233445566778899AABBCCDDEEFF"));
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        Assert.Equal(SessionFailure.WorkingKeysRefused, boot.SignOnFailure);
        Assert.False(boot.SignOn!.SignedOn);

        TransactionRecord r = board.Tap(app, "unionpay-quics-online");
        Assert.False(r.Approved);
        Assert.Equal(MessageId.HostUnavailable, r.Reason);
        // Only sign-on attempts went out (at boot, then before the sale): no 0200, nothing journaled or counted.
        Assert.All(board.Requests, q => Assert.Equal("0800", q.Message.Mti));
        Assert.Equal(2, board.Requests.Count);
        Assert.Empty(boot.Journal!.Transactions());
        Assert.Empty(board.Host.Ledger.Entries());
    }

    [Fact]
    public void A_tampered_check_value_refuses_the_keys_at_boot()
    {
        // The host's real keys, but one check value byte flipped on the way: refused although the TMK is right.
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration())
        {
            Tamper = a =>
            {
                if (a.Mti != "0810") return a;
                byte[] f62 = a.GetBytes(62);
                f62[36] ^= 0x01;                                  // first byte of the MAK check value
                a.SetBytes(62, f62);
                return a;
            },
        };
        TerminalBoot boot = board.Boot();
        boot.Start();
        Assert.Equal(SessionFailure.WorkingKeysRefused, boot.SignOnFailure);
        Assert.False(boot.SignOn!.SignedOn);
    }

    [Fact]
    public void An_approval_with_a_wrong_mac_is_not_trusted_and_its_reversal_is_journaled_and_sent()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        board.Host.Faults.QueueNext(HostFault.WrongMac);
        TransactionRecord r = board.Tap(app, "unionpay-quics-online");

        Assert.False(r.Approved);
        Assert.True(r.Reversal);
        // The 0400 carries DE 39 A0 (MAC error) and the original DE 11; the host acknowledged it, nothing counts.
        Iso8583Message reversal = Assert.Single(board.Sent("0400"));
        Assert.Equal("A0", reversal.GetString(39));
        Assert.Equal(board.Sent("0200").Single().GetString(11), reversal.GetString(11));
        JournalTransaction tx = Assert.Single(boot.Journal!.Transactions().Cast<JournalTransaction>());
        Assert.Equal(TransactionState.Reversed, tx.State);
        Assert.Empty(board.Host.Ledger.Counted());
    }

    [Fact]
    public void Unionpay_needs_the_terminal_master_key_and_dukpt_alone_is_not_enough()
    {
        var e = Assert.Throws<BootException>(() => new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration(null)).Boot().Start());
        Assert.Equal(BootFailure.Incomplete, e.Failure);
        Assert.Contains("terminal master key", Assert.Single(e.Problems), StringComparison.Ordinal);

        // The TMK without any DUKPT key is complete for UnionPay.
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration(withDukpt: false));
        TerminalBoot boot = board.Boot();
        boot.Start();
        Assert.True(boot.SignOn!.SignedOn);
    }

    [Fact]
    public void Keys_out_of_step_with_the_host_make_the_terminal_sign_on_again()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        // Another sign-on for the same terminal ID reaches the host (e.g. after a host-side key change): the host now
        // holds other working keys than the terminal.
        var other = new SimulatedTerminal(SimDialect.UnionPay, "TERM0001", board.Host.Keys);
        Assert.NotNull(board.Host.Handle(other.PackPlain(other.SignOn())));

        // The next sale's answer cannot carry our MAC: not trusted, keys discarded, the reversal goes out after a new
        // sign-on (a second 0800 from the terminal) and is acknowledged; nothing counts.
        TransactionRecord lost = board.Tap(app, "unionpay-quics-online");
        Assert.False(lost.Approved);
        Assert.Equal(2, board.Sent("0800").Count);
        Assert.Equal(TransactionState.Reversed, boot.Journal!.Find(lost.Trace).State);
        Assert.Empty(board.Host.Ledger.Counted());

        // With the new keys the next sale is approved.
        Assert.True(board.Tap(app, "unionpay-quics-online").Approved);
        Assert.Single(board.Host.Ledger.Counted());
    }

    [Fact]
    public void Settlement_without_working_keys_is_not_begun_and_the_batch_stays_open()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration("00112233445566778899AABBCCDDEEFF"));
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        SettlementSummary s = board.Settle(app);
        // The 0500 could not carry a MAC: not sent, not journaled as pending (the batch is not frozen).
        Assert.False(s.FundsSettled);
        Assert.Contains(s.Lines, l => l.Contains("not signed on", StringComparison.Ordinal));
        Assert.Empty(board.Sent("0500"));
        Assert.False(boot.Session!.SettlementPending);
    }

    [Fact]
    public void Host_down_at_boot_then_up_the_pin_entry_signs_on_and_the_contact_pin_sale_is_approved()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        board.Link.FailConnects = int.MaxValue;
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        Assert.False(boot.SignOn!.SignedOn);
        board.Link.FailConnects = 0;

        // The card asks for an online PIN before going online: the PIN cipher has no PIK yet and signs on first.
        TransactionRecord r = board.Insert(app, "visa-cvm-online-pin");
        Assert.True(r.Approved);
        Assert.True(r.OnlinePin);
        Assert.Equal("0800", board.Requests[0].Message.Mti);
        Assert.Single(board.Sent("0800"));
        Assert.True(board.Sent("0200").Single().Has(52));
        Assert.Single(board.Host.Ledger.Counted());
    }

    [Fact]
    public void A_void_from_the_menu_reverses_the_unionpay_sale_and_the_empty_batch_settles_balanced()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        TransactionRecord sale = board.Tap(app, "unionpay-quics-online");
        Assert.True(sale.Approved);

        board.ToIdle(app);
        board.Keypad.Type("m2" + sale.Trace + "\n");
        for (int i = 0; i < 50 && board.Keypad.Pending > 0; i++) app.Step();
        app.Step();
        TransactionRecord voided = app.LastTransaction!;
        Assert.True(voided.Approved);
        // The application's void reads no card: the original's stored 0400 (same DE 11, DE 39 06 "other") MACed.
        Iso8583Message reversal = Assert.Single(board.Sent("0400"));
        Assert.Equal("06", reversal.GetString(39));
        Assert.Equal(sale.Trace, (int)reversal.GetNumeric(11));
        Assert.True(reversal.Has(64));
        Assert.Empty(board.Host.Ledger.Counted());

        SettlementSummary settled = board.Settle(app);
        Assert.True(settled.FundsSettled);
        Assert.True(Assert.Single(board.Host.Ledger.Settlements()).Balanced);
    }

    [Theory]
    [InlineData("96", SessionFailure.HostRefused)]            // the host refuses the sign-on
    [InlineData("00", SessionFailure.WorkingKeysRefused)]     // approved, but DE 62 of an unknown layout (10 bytes)
    public void A_refused_or_unreadable_sign_on_answer_leaves_the_terminal_not_signed_on(string code, SessionFailure expected)
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration())
        {
            Tamper = a =>
            {
                if (a.Mti != "0810") return a;
                a.SetString(39, code);
                if (code == "00") a.SetBytes(62, new byte[10]);
                return a;
            },
        };
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        Assert.Equal(expected, boot.SignOnFailure);
        Assert.Equal(code, boot.SignOn!.LastResponseCode);
        Assert.False(boot.SignOn.SignedOn);
        Assert.False(board.Tap(app, "unionpay-quics-online").Approved);
        Assert.Empty(board.Sent("0200"));
    }

    [Fact]
    public void A_generic_terminal_has_no_sign_on()
    {
        var board = new SimulatorBoard(SimDialect.Generic, SimulatorBoard.WithCaKeys(AppRig.ConfigurationFile));
        TerminalBoot boot = board.Boot();
        boot.Start();
        Assert.Null(boot.SignOn);
        Assert.Equal(SessionFailure.None, boot.SignOnFailure);
        Assert.Null(boot.Session!.SignOn);
        Assert.Empty(board.Requests);
    }
}

/// <summary>
/// The UnionPay refund (退货) from the menu: the cashier keys the original sale's reference number and date from its
/// receipt, then the amount and the card; the host receives the refund advice with DE 37 = that reference and 61 =
/// original batch and trace (zeros: keyed, not looked up) and the date, credits it, and the batch settles balanced.
/// </summary>
public class UnionPayRefundTests
{
    [Fact]
    public void A_refund_keyed_from_the_original_receipt_reaches_the_host_and_settles()
    {
        var board = new SimulatorBoard(SimDialect.UnionPay, SimulatorBoard.UnionPayConfiguration());
        TerminalBoot boot = board.Boot();
        TerminalApplication app = boot.Start();
        var log = new List<string>();
        app.Log = new ListLog(log);
        TransactionRecord sale = board.Tap(app, "unionpay-quics-online");
        Assert.True(sale.Approved);
        Assert.Equal(12, sale.Rrn.Length);
        board.ToIdle(app);

        // Menu 3: the reference number prompt, then the date prompt (a 5-digit reference is not accepted: 12 needed).
        board.Keypad.Type("m3");
        for (int i = 0; i < 10 && board.Keypad.Pending > 0; i++) app.Step();
        Assert.Equal(AppState.RefundReference, app.State);
        Assert.True(board.Display.EverShowed(MessageCatalog.Text(MessageId.EnterOriginalReference, Language.English)));
        board.Keypad.Type("12345\n");
        for (int i = 0; i < 10 && board.Keypad.Pending > 0; i++) app.Step();
        Assert.Equal(AppState.RefundReference, app.State);
        board.Keypad.Type("xxxxx");                                 // Clear, five times
        board.Keypad.Type(sale.Rrn + "\n");
        for (int i = 0; i < 30 && board.Keypad.Pending > 0; i++) app.Step();
        Assert.Equal(AppState.RefundDate, app.State);
        board.Keypad.Type("1399\n0615\n");                          // month 13 is refused, 06-15 taken
        for (int i = 0; i < 30 && board.Keypad.Pending > 0; i++) app.Step();
        Assert.Equal(AppState.AmountEntry, app.State);
        board.Keypad.Type("600\n");
        for (int i = 0; i < 30 && app.State != AppState.PresentCard; i++) app.Step();
        board.Field.Tap(AppRig.Card("unionpay-quics-online"));
        app.Step();

        TransactionRecord refund = app.LastTransaction!;
        Assert.Equal(TransactionKind.Refund, refund.Kind);
        Assert.True(refund.Approved, string.Join("\n", log));
        Iso8583Message advice = board.Sent("0220").Single();
        Assert.StartsWith("20", advice.GetString(3));               // processing code 20: a credit to the card
        Assert.Equal(sale.Rrn, advice.GetString(37));
        Assert.Equal("000000" + "000000" + "0615", advice.GetString(61));
        Assert.Equal("000000000600", advice.GetString(4));
        Assert.True(advice.Has(64));                                // MACed with the session MAC key

        board.ToIdle(app);
        SettlementSummary settled = board.Settle(app);
        Assert.True(settled.FundsSettled);
        Assert.True(Assert.Single(board.Host.Ledger.Settlements()).Balanced);
    }
}
