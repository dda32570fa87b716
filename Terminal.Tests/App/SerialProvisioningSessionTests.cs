#nullable enable
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Readers;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.Tlv;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// The provisioning console on a serial line (<see cref="SerialProvisioningSession"/>): hand-written byte sequences
/// (line endings, editing, escape sequences, refused lines, echo masking, save/exit/idle/port failure) and fuzzing
/// (random bytes never throw; random provisioning sessions never let a key, Wi-Fi password or passcode out).
/// </summary>
public class SerialProvisioningSessionTests
{
    private const string Ipek = "6AC292FAA1315B4D858AB3A3D7D5933A";
    private const string Ksn = "FFFF9876543210E00000";

    private sealed class MemorySettings : ISettingsStorage
    {
        public readonly Dictionary<string, byte[]> Files = new();

        public byte[]? Read(string name) => Files.TryGetValue(name, out byte[]? b) ? (byte[])b.Clone() : null;

        public void Write(string name, byte[] content) => Files[name] = (byte[])content.Clone();
    }

    private static (SerialProvisioningSession Session, FakeConsolePort Port, MemorySettings Settings) NewSession()
    {
        var clock = new FakeClock();
        var port = new FakeConsolePort(clock);
        var settings = new MemorySettings();
        return (SerialProvisioningSession.ForStoredConfiguration(port, settings, CardLibrary.Crypto, clock), port, settings);
    }

    private static string Feed(SerialProvisioningSession s, FakeConsolePort port, string text) => Feed(s, port, Encoding.UTF8.GetBytes(text));

    private static string Feed(SerialProvisioningSession s, FakeConsolePort port, byte[] bytes)
    {
        int before = port.Output.Length;
        s.Feed(bytes, 0, bytes.Length);
        return port.Output[before..];
    }

    /// <summary>KCV: the first 3 bytes of the key's TDES encipherment of 8 zero bytes (2-key TDES, K1 K2 K1), BCL TDES.</summary>
    private static string Kcv(string keyHex)
    {
        using var tdes = TripleDES.Create();
        tdes.Key = Convert.FromHexString(keyHex + keyHex[..16]);
        return Convert.ToHexString(tdes.EncryptEcb(new byte[8], PaddingMode.None), 0, 3);
    }

    [Fact]
    public void A_line_is_echoed_answered_and_prompted()
    {
        var (s, port, _) = NewSession();
        // Echo of the typed bytes, CR LF for the Enter, the console's answer, the prompt.
        Assert.Equal("set tid TERM0001\r\nOK\r\n> ", Feed(s, port, "set tid TERM0001\r"));
        Assert.Equal("TERM0001", s.Console.Configuration.TerminalId);
    }

    [Fact]
    public void Cr_lf_and_crlf_each_end_one_line()
    {
        var (s, port, _) = NewSession();
        // CR LF is one end of line (one answer), LF alone and CR alone are one each; an empty line only prompts.
        string output = Feed(s, port, "set tid AAAAAAAA\r\nset mid MERCHANT0000001\nset merchant SHOP\r\r\n");
        Assert.Equal("set tid AAAAAAAA\r\nOK\r\n> set mid MERCHANT0000001\r\nOK\r\n> set merchant SHOP\r\nOK\r\n> \r\n> ", output);
        Assert.Equal("SHOP", s.Console.Configuration.MerchantName);
    }

    [Fact]
    public void Backspace_and_del_remove_the_last_character()
    {
        var (s, port, _) = NewSession();
        string output = Feed(s, port, "set tid TERMXY\b\u007F0001\r");
        Assert.Equal("TERM0001", s.Console.Configuration.TerminalId);
        Assert.StartsWith("set tid TERMXY\b \b\b \b0001\r\n", output);
        // A backspace removes a whole UTF-8 character (here the 3 bytes of U+5E97).
        Feed(s, port, "set merchant 商店\bX\r");
        Assert.Equal("商X", s.Console.Configuration.MerchantName);
        // On an empty line a backspace does nothing.
        Assert.Equal("", Feed(s, port, "\b\b"));
    }

    [Fact]
    public void Escape_sequences_and_control_bytes_are_ignored_and_ctrl_c_drops_the_line()
    {
        var (s, port, _) = NewSession();
        // ESC [ A (up arrow), ESC O D (keypad left), ESC [ 1 ; 5 C (ctrl+right), NUL, BEL: none reach the line.
        Feed(s, port, "set tid TE\x1b[ARM\x1bOD00\x1b[1;5C\0\a01\r");
        Assert.Equal("TERM0001", s.Console.Configuration.TerminalId);
        Assert.Equal("set mid MERCH^C\r\n> ", Feed(s, port, "set mid MERCH\x03"));
        Feed(s, port, "\r");
        Assert.Null(s.Console.Configuration.MerchantId);
    }

    [Fact]
    public void An_overlong_line_is_refused_whole_and_not_echoed_past_the_limit()
    {
        var (s, port, _) = NewSession();
        string line = "set merchant " + new string('A', SerialProvisioningSession.MaxLineLength) + Ipek;
        string output = Feed(s, port, line + "\r");
        Assert.Null(s.Console.Configuration.MerchantName);
        Assert.EndsWith("ERROR: line too long (at most 3072 bytes); nothing changed\r\n> ", output);
        Assert.DoesNotContain(Ipek[..8], output);
        // The echo stops at the limit: exactly MaxLineLength characters of the line came back.
        Assert.Equal(line[..SerialProvisioningSession.MaxLineLength] + "\r\n", output[..(SerialProvisioningSession.MaxLineLength + 2)]);
        // The next line works again.
        Assert.Equal("set tid TERM0001\r\nOK\r\n> ", Feed(s, port, "set tid TERM0001\r"));
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_refused()
    {
        var (s, port, _) = NewSession();
        // FF never occurs in UTF-8; C0 AF is an overlong '/'; ED A0 80 a surrogate (RFC 3629 section 3).
        foreach (byte[] bad in new[] { new byte[] { 0xFF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xE5, 0x95 } })
        {
            string output = Feed(s, port, [.. "set merchant A"u8, .. bad, .. "B\r"u8]);
            Assert.EndsWith("ERROR: the line is not UTF-8 text; nothing changed\r\n> ", output);
            Assert.Null(s.Console.Configuration.MerchantName);
        }
        Feed(s, port, "set merchant 测试商店\r");
        Assert.Equal("测试商店", s.Console.Configuration.MerchantName);
    }

    [Fact]
    public void Keys_echo_as_stars_and_answer_with_the_check_value()
    {
        var (s, port, _) = NewSession();
        string output = Feed(s, port, "key dukpt " + Ipek + " " + Ksn + "\r");
        // Everything after "key " is masked, one '*' per character, blanks kept.
        string echo = "key " + new string('*', 5) + " " + new string('*', 32) + " " + new string('*', 20) + "\r\n";
        Assert.Equal(echo + "OK dukpt KCV " + Kcv(Ipek) + " KSN " + Ksn + "\r\n> ", output);
        Assert.Equal(Convert.FromHexString(Ipek), s.Console.Configuration.DukptInitialKey);
        const string tmk = "0123456789ABCDEFFEDCBA9876543210";
        output = Feed(s, port, "KEY  tmk " + tmk + "\r");
        Assert.Equal("KEY  *** " + new string('*', 32) + "\r\nOK tmk KCV 08D7B4\r\n> ", output);
    }

    [Fact]
    public void A_mistyped_command_or_a_pasted_key_is_masked_too()
    {
        var (s, port, _) = NewSession();
        // "kye" is no command: everything after it is masked (the console then refuses the line).
        string output = Feed(s, port, "kye dukpt " + Ipek + "\r");
        Assert.StartsWith("kye " + new string('*', 5) + " " + new string('*', 32) + "\r\n", output);
        // "set pascode": an unknown item masks its value.
        output = Feed(s, port, "set pascode 24681357\r");
        Assert.StartsWith("set pascode ********\r\n", output);
        // A key pasted on its own: its first digit (no command has one) masks the rest of the word.
        output = Feed(s, port, Ipek + "\r");
        Assert.StartsWith(new string('*', 32) + "\r\n", output);    // 6AC2...: the leading digit is masked at once
        output = Feed(s, port, "ABCDEF0123456789\r");
        Assert.StartsWith("ABCDE" + new string('*', 11) + "\r\n", output);   // at most the first five letters show
        // Commands whose values are plain still echo them.
        output = Feed(s, port, "set tid TERM0042\r");
        Assert.StartsWith("set tid TERM0042\r\n", output);
        output = Feed(s, port, "aid add A0000000031010\r");
        Assert.StartsWith("aid add A0000000031010\r\n", output);
        // Nor does the console's refusal repeat a word that may be a key: "unknown command (not shown)".
        Assert.DoesNotContain(Ipek.Substring(0, 8), port.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0123456789", port.Output, StringComparison.Ordinal);
        Assert.Contains("unknown command (not shown)", port.Output, StringComparison.Ordinal);
        Assert.Contains("unknown command 'kye'", port.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Wifi_password_and_passcode_echo_as_stars()
    {
        var (s, port, _) = NewSession();
        string output = Feed(s, port, "set wifi shop-net s3cret-Passw0rd\r");
        Assert.Equal("set wifi shop-net " + new string('*', 15) + "\r\nOK wifi shop-net (password set)\r\n> ", output);
        output = Feed(s, port, "Set PassCode 24681357\r");
        Assert.Equal("Set PassCode ********\r\nOK passcode set\r\n> ", output);
        Assert.Equal("s3cret-Passw0rd", s.Console.Configuration.WifiPassword);
        Assert.Equal("24681357", s.Console.Configuration.AdminPasscode);
        // A backspace inside the secret erases a star; the secret is still the edited one.
        output = Feed(s, port, "set passcode 1234X\b5\r");
        Assert.StartsWith("set passcode *****\b \b*\r\n", output);
        Assert.Equal("12345", s.Console.Configuration.AdminPasscode);
    }

    [Fact]
    public void Save_stores_the_configuration_and_ends_the_session()
    {
        var (s, port, settings) = NewSession();
        foreach (string line in AppRig.ConfigurationFile.Split('\n')) port.Add(line + "\r\n");
        port.Add("save\r\n");
        port.Add("set tid IGNORED1\r\n"); // after the end of the session: never read
        Assert.Equal(ProvisioningSessionEnd.Saved, s.Run(new[] { "missing: host" }));
        Assert.Contains("missing: host\r\n", port.Output);
        Assert.Contains("save\r\nOK saved\r\n", port.Output);
        Assert.Empty(ConfigurationStore.Load(settings, CardLibrary.Crypto, out TerminalConfiguration? stored));
        Assert.Equal("TERM0001", stored!.TerminalId);
        Assert.Empty(stored.MissingForTransactions());
        Assert.DoesNotContain(Ipek, port.Output);
        Assert.DoesNotContain("314159", port.Output); // the rig's passcode
    }

    [Fact]
    public void A_session_starts_from_the_stored_configuration()
    {
        var clock = new FakeClock();
        var settings = new MemorySettings();
        ProvisioningConsole.LoadFile(AppRig.ConfigurationFile, CardLibrary.Crypto, out TerminalConfiguration? c);
        ConfigurationStore.Save(settings, c!);
        var s = SerialProvisioningSession.ForStoredConfiguration(new FakeConsolePort(clock), settings, CardLibrary.Crypto, clock);
        Assert.Equal("TERM0001", s.Console.Configuration.TerminalId);
    }

    [Fact]
    public void Exit_idle_timeout_and_port_failure_end_the_session_without_saving()
    {
        var (s, port, settings) = NewSession();
        port.Add("set tid TERM0001\rexit\r");
        Assert.Equal(ProvisioningSessionEnd.Exited, s.Run(null!));
        Assert.EndsWith("exit\r\nOK leaving the console without saving\r\n", port.Output);
        Assert.Empty(settings.Files);

        (s, port, settings) = NewSession();
        s.IdleTimeoutMs = 60000;
        port.Add("set tid TERM0001");
        Assert.Equal(ProvisioningSessionEnd.TimedOut, s.Run(null!));
        Assert.EndsWith("console idle: session closed without saving\r\n", port.Output);
        Assert.Empty(settings.Files);

        (s, port, _) = NewSession();
        port.FailReads = true;
        Assert.Equal(ProvisioningSessionEnd.PortFailed, s.Run(null!));
    }

    [Fact]
    public void Enter_within_the_window_opens_the_console()
    {
        var clock = new FakeClock();
        var port = new FakeConsolePort(clock);
        port.Add("xyz\n");
        Assert.True(SerialProvisioningSession.WaitForEnter(port, clock, 3000));
        port.Add("no enter");
        Assert.False(SerialProvisioningSession.WaitForEnter(port, clock, 3000));
        long before = clock.NowMilliseconds;
        Assert.False(SerialProvisioningSession.WaitForEnter(port, clock, 3000));
        Assert.Equal(3000, clock.NowMilliseconds - before); // waited the whole window, no longer
        port.FailReads = true;
        Assert.False(SerialProvisioningSession.WaitForEnter(port, clock, 3000));
    }

    private static readonly string[] Tokens = ["set ", "key ", "dukpt ", "wifi ", "passcode ", "tid ", "hostca ", "\r", "\n", "\x1b[", "\x1bO", "\b", "\x7F", "\x03", "save", "exit", " ", "\t"];

    [Fact]
    public void Random_bytes_never_throw_and_leave_the_session_usable()
    {
        // Each input: up to 400 pieces, each a random byte or a command/control token (CsCheck's Gen.Byte.Array needs C# 14).
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var bytes = new List<byte>();
            int pieces = r.Next(400);
            for (int i = 0; i < pieces; i++)
            {
                if (r.Next(2) == 0) bytes.Add((byte)r.Next(256));
                else bytes.AddRange(Encoding.UTF8.GetBytes(Tokens[r.Next(Tokens.Length)]));
            }
            var (s, port, _) = NewSession();
            s.Feed(bytes.ToArray(), 0, bytes.Count);
            Assert.DoesNotContain("the command failed", port.Output);
            if (s.End != 0) return; // a random "save" or "exit" line ended it
            // Whatever came before, Ctrl-C and a clean line work.
            Feed(s, port, "\x03set tid TERM0001\r");
            Assert.Equal("TERM0001", s.Console.Configuration.TerminalId);
        }, iter: FuzzIterations.Value / 10);
    }

    private const string HexDigits = "0123456789ABCDEFabcdef";
    private const string PasswordChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!$%&()+,-./:;<=>?@[]^_{|}~";

    private static string Pick(Random r, string chars, int length) => new(Enumerable.Range(0, length).Select(_ => chars[r.Next(chars.Length)]).ToArray());

    private static string RandomCase(Random r, string word) => new(word.Select(c => r.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray());

    /// <summary>
    /// A secret command typed with random keyword case, random blanks, a random line ending and random typos inside the
    /// secret (a character then backspace or DEL), so the masking is exercised on edited input. Returns the bytes and the secret.
    /// </summary>
    private static (byte[] Bytes, string Secret) SecretCommand(Random r)
    {
        string[] blanks = [" ", "  ", "\t", " \t "];
        string[] endings = ["\r", "\n", "\r\n"];
        string B() => blanks[r.Next(blanks.Length)];
        string secret;
        string line;
        switch (r.Next(4))
        {
            case 0:
                secret = Pick(r, HexDigits, 32);
                line = RandomCase(r, "key") + B() + RandomCase(r, "dukpt") + B() + secret + B() + Ksn;
                break;
            case 1:
                secret = Pick(r, HexDigits, 32);
                line = RandomCase(r, "key") + B() + RandomCase(r, "tmk") + B() + secret;
                break;
            case 2:
                secret = Pick(r, PasswordChars, 8 + r.Next(56));
                line = RandomCase(r, "set") + B() + RandomCase(r, "wifi") + B() + "shopnet" + B() + secret;
                break;
            default:
                secret = Pick(r, "0123456789", 8);
                line = RandomCase(r, "set") + B() + RandomCase(r, "passcode") + B() + secret;
                break;
        }
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(line + endings[r.Next(endings.Length)]));
        int secretAt = line.IndexOf(secret, StringComparison.Ordinal);
        // Typos: "<printable><BS or DEL>" inserted at up to 4 places within the first characters of the secret.
        foreach (int p in Enumerable.Range(0, r.Next(5)).Select(_ => r.Next(6)).OrderByDescending(p => p))
            bytes.InsertRange(secretAt + p, new[] { (byte)r.Next('!', '~' + 1), r.Next(2) == 0 ? (byte)0x7F : (byte)0x08 });
        return (bytes.ToArray(), secret);
    }

    private static readonly string[] OtherLines = ["show\r", "check\n", "help\r\n", "set tid TERM0001\r", "frobnicate 12\r",
        "set host 10.0.0.5:5000\r", "key\r", "set wifi\r", "set passcode\r", "\x03", "\x1b[A"];

    [Fact]
    public void No_secret_ever_comes_back_on_the_line()
    {
        Gen.Int.Sample(seed =>
        {
            var r = new Random(seed);
            var (s, port, _) = NewSession();
            var secrets = new List<string>();
            for (int i = 1 + r.Next(4); i > 0; i--)
            {
                var (bytes, secret) = SecretCommand(r);
                secrets.Add(secret);
                s.Feed(bytes, 0, bytes.Length);
                byte[] other = Encoding.UTF8.GetBytes(OtherLines[r.Next(OtherLines.Length)]);
                if (r.Next(2) == 0) s.Feed(other, 0, other.Length);
            }
            Feed(s, port, "\x03show\r");
            string output = port.Output;
            foreach (string secret in secrets)
            {
                // No 8-character piece of a secret (case-insensitively, for hex keys) is in anything written.
                for (int i = 0; i + 8 <= secret.Length; i++)
                    Assert.DoesNotContain(secret.Substring(i, 8), output, StringComparison.OrdinalIgnoreCase);
            }
        }, iter: FuzzIterations.Value / 20);
    }
}
