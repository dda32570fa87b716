#nullable enable
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;
using Terminal.Tests.VirtualCards.Library;
using CsCheck;
using Terminal.Tests.Tlv;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>The serial console command set and the configuration file.</summary>
public class ProvisioningTests
{
    private const string Ipek = "6AC292FAA1315B4D858AB3A3D7D5933A";
    private const string Tmk = "0123456789ABCDEFFEDCBA9876543210";

    private static ProvisioningConsole Console() => new(new TerminalConfiguration(), CardLibrary.Crypto);

    [Fact]
    public void Rig_file_loads_every_setting()
    {
        string[] errors = ProvisioningConsole.LoadFile(AppRig.ConfigurationFile, CardLibrary.Crypto, out TerminalConfiguration? c);
        Assert.Empty(errors);
        Assert.Equal("10.0.0.5", c!.HostAddress);
        Assert.Equal(5000, c.HostPort);
        Assert.Equal("TERM0001", c.TerminalId);
        Assert.Equal("MERCHANT0000001", c.MerchantId);
        Assert.Equal("TEST SHOP", c.MerchantName);
        Assert.Equal("156", c.CurrencyNumeric);
        Assert.Equal("\u00A512.34", c.Currency.Format(1234));
        Assert.Equal(100000, c.MaxAmount);
        Assert.True(c.FallbackAllowed);
        Assert.Equal(30000, c.PinTimeoutMs);
        Assert.Equal(5000, c.ContactlessCvmLimit);
        Assert.Equal(3, c.Aids.Count);
        Assert.Equal(3, ((AidEntry)c.Aids[0]!).KernelId);
        Assert.Equal(0, ((AidEntry)c.Aids[2]!).KernelId);
        Assert.Empty(c.MissingForTransactions());
    }

    [Fact]
    public void Errors_carry_line_numbers_and_nothing_is_applied()
    {
        string file = "set host 10.0.0.5:5000\nset tid SHORT\n# comment\nset host nowhere\nset language fr\nkey dukpt " + Ipek + " 00\nfrobnicate\n";
        string[] errors = ProvisioningConsole.LoadFile(file, CardLibrary.Crypto, out TerminalConfiguration? c);
        Assert.Null(c);
        Assert.Equal(new[]
        {
            "line 2: terminal id must be exactly 8 characters",
            "line 4: host must be <address>:<port>",
            "line 5: language must be en or zh",
            "line 6: KSN must be 10 bytes (20 hex digits)",
            "line 7: unknown command 'frobnicate' (try help)",
        }, errors);
        Assert.DoesNotContain(errors, e => e.Contains(Ipek));
    }

    [Fact]
    public void Key_commands_answer_with_the_check_value_only()
    {
        var console = Console();
        string[] answer = console.Execute("key tmk " + Tmk);
        // KCV = first 3 bytes of TDES(key, 8 zero bytes), computed here with the BCL's TDES (08D7B4 for this
        // well-known test key).
        Assert.Single(answer);
        Assert.StartsWith("OK tmk KCV ", answer[0]);
        Assert.Equal(6, answer[0].Length - "OK tmk KCV ".Length);
        Assert.DoesNotContain(Tmk, answer[0]);
        Assert.DoesNotContain(console.Execute("show"), l => l.Contains(Tmk) || l.Contains(Ipek));
        using var tdes = System.Security.Cryptography.TripleDES.Create();
        tdes.Key = Terminal.EmvKernel.Util.Hex.Decode(Tmk + Tmk[..16]);   // 2-key TDES as K1 K2 K1
        byte[] zeros = tdes.EncryptEcb(new byte[8], System.Security.Cryptography.PaddingMode.None);
        Assert.Equal(Convert.ToHexString(zeros, 0, 3), answer[0]["OK tmk KCV ".Length..]);
        Assert.Equal("08D7B4", answer[0]["OK tmk KCV ".Length..]);
    }

    [Fact]
    public void Bad_key_is_refused_without_echo()
    {
        var console = Console();
        string[] answer = console.Execute("key dukpt " + Ipek[..30] + "ZZ FFFF9876543210E00000");
        Assert.Equal("ERROR: IPEK must be hexadecimal digits, an even number of them", Assert.Single(answer));
        answer = console.Execute("key dukpt " + Ipek + " FFFF9876543210E00001");
        Assert.Equal("ERROR: the initial KSN must have counter 0", Assert.Single(answer));
        Assert.Null(console.Configuration.DukptInitialKey);
    }

    [Fact]
    public void Wifi_password_and_passcode_are_never_shown()
    {
        var console = Console();
        Assert.Equal("OK wifi shopnet (password set)", Assert.Single(console.Execute("set wifi shopnet s3cretpassw0rd")));
        Assert.Equal("OK passcode set", Assert.Single(console.Execute("set passcode 4321")));
        string[] shown = console.Execute("show");
        Assert.DoesNotContain(shown, l => l.Contains("s3cretpassw0rd") || l.Contains("4321"));
        Assert.Contains("wifi shopnet (password set)", shown);
    }

    [Fact]
    public void Validation_rules()
    {
        var console = Console();
        Assert.Equal("ERROR: port must be 1 to 65535", console.Execute("set host 10.0.0.5:70000")[0]);
        Assert.Equal("ERROR: AID must be 5 to 16 bytes (10+ hex digits)", console.Execute("aid add A00000")[0]);
        Assert.Equal("OK", console.Execute("aid add A0000000031010 kernel 3")[0]);
        Assert.Equal("ERROR: AID A0000000031010 is already configured", console.Execute("aid add A0000000031010")[0]);
        Assert.Equal("ERROR: passcode must be 4 to 8 digits", console.Execute("set passcode 12ab")[0]);
        Assert.Equal("ERROR: currency exponent is 0 to 3", console.Execute("set currency 156 CNY 4 code")[0]);
        Assert.Equal("ERROR: TLS pin (SHA-256 of the host public key) must be 32 bytes (64 hex digits)", console.Execute("set tlspin ABCD")[0]);
        Assert.Equal("ERROR: pintimeout must be 5 to 300 seconds", console.Execute("set pintimeout 1")[0]);
        Assert.Equal("OK", console.Execute("set currency 840 USD 2 code")[0]);
        Assert.Equal("USD 1.00", console.Configuration.Currency.Format(100));
        Assert.Equal("OK", console.Execute("set language zh")[0]);
        Assert.Equal(Language.SimplifiedChinese, console.Configuration.Language);
        Assert.Equal(HostDialect.Generic87, console.Configuration.HostDialect);
        Assert.Equal("ERROR: dialect must be generic or unionpay", console.Execute("set dialect cup")[0]);
        Assert.Equal("OK", console.Execute("set dialect unionpay")[0]);
        Assert.Equal(HostDialect.UnionPay, console.Configuration.HostDialect);
        // The saved file replays to the same dialect.
        Assert.Contains("set dialect unionpay\n", ProvisioningConsole.Serialize(console.Configuration), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lists_what_is_missing()
    {
        var console = Console();
        string[] missing = console.Execute("check");
        Assert.Equal(5, missing.Length);
        Assert.All(missing, l => Assert.StartsWith("missing: ", l));
    }

    [Fact]
    public void Ca_key_records_are_checked_like_the_ca_key_file()
    {
        var console = Console();
        string good = File.ReadLines(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt")).First(l => l.StartsWith("key ", StringComparison.Ordinal));
        Assert.Equal("OK", console.Execute("capk " + good)[0]);
        Assert.StartsWith("ERROR: CA key record refused", console.Execute("capk " + good)[0]);     // duplicate
        string[] f = good.Split(' ');
        f[8] = new string('0', 40);                                                                  // wrong checksum
        Assert.StartsWith("ERROR: CA key record refused", console.Execute("capk " + string.Join(' ', f))[0]);
        Assert.Single(console.Configuration.CaKeyLines);
    }

    [Fact]
    public void Saved_configuration_reloads_to_the_same_settings()
    {
        ProvisioningConsole.LoadFile(AppRig.ConfigurationFile + "\nkey tmk " + Tmk + "\nset wifi shopnet s3cretpassw0rd\nset tlspin " + new string('A', 64),
            CardLibrary.Crypto, out TerminalConfiguration? c);
        string saved = ProvisioningConsole.Serialize(c!);
        string[] errors = ProvisioningConsole.LoadFile(saved, CardLibrary.Crypto, out TerminalConfiguration? again);
        Assert.Empty(errors);
        Assert.Equal(saved, ProvisioningConsole.Serialize(again!));
        Assert.Equal(c!.DukptInitialKey, again!.DukptInitialKey);
        Assert.Equal("s3cretpassw0rd", again.WifiPassword);
    }

    [Fact]
    public void Fuzzed_console_lines_never_throw()
    {
        Gen.String.Sample(line =>
        {
            var console = Console();
            string[] answer = console.Execute(line);
            Assert.NotEmpty(answer);
            ProvisioningConsole.LoadFile(line, CardLibrary.Crypto, out _);
        }, iter: FuzzIterations.Value / 10);
    }
}
