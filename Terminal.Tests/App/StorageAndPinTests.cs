#nullable enable
using CsCheck;
using Terminal.EmvKernel.Kernel;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.Tlv;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>The configuration in settings storage (UTF-8) and the PIN pad's key handling.</summary>
public class StorageAndPinTests
{
    private sealed class MemorySettings : ISettingsStorage
    {
        public Dictionary<string, byte[]> Files { get; } = new();
        public byte[]? Read(string name) => Files.TryGetValue(name, out var b) ? (byte[])b.Clone() : null;
        public void Write(string name, byte[] content) => Files[name] = (byte[])content.Clone();
    }

    [Fact]
    public void Configuration_round_trips_through_settings_storage_with_a_chinese_merchant_name()
    {
        ProvisioningConsole.LoadFile(AppRig.ConfigurationFile + "\nset merchant 测试商户 一号店", CardLibrary.Crypto, out TerminalConfiguration? c);
        var storage = new MemorySettings();
        ConfigurationStore.Save(storage, c!);
        // The stored bytes are UTF-8 as the BCL writes it.
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ProvisioningConsole.Serialize(c!)), storage.Files[ConfigurationStore.FileName]);
        Assert.Empty(ConfigurationStore.Load(storage, CardLibrary.Crypto, out TerminalConfiguration? again));
        Assert.Equal("测试商户 一号店", again!.MerchantName);
        Assert.Equal(c!.DukptInitialKsn, again.DukptInitialKsn);
    }

    [Fact]
    public void Console_save_writes_the_settings_file()
    {
        var storage = new MemorySettings();
        var console = new ProvisioningConsole(new TerminalConfiguration(), CardLibrary.Crypto);
        Assert.Equal("ERROR: no settings storage to save to", console.Execute("save")[0]);
        console.Storage = storage;
        console.Execute("set tid TERM0042");
        Assert.Equal("OK saved", console.Execute("save")[0]);
        Assert.Empty(ConfigurationStore.Load(storage, CardLibrary.Crypto, out TerminalConfiguration? c));
        Assert.Equal("TERM0042", c!.TerminalId);
    }

    [Fact]
    public void No_stored_configuration_loads_as_none()
    {
        Assert.Empty(ConfigurationStore.Load(new MemorySettings(), CardLibrary.Crypto, out TerminalConfiguration? c));
        Assert.Null(c);
    }

    [Fact]
    public void Utf8_matches_the_bcl_on_any_string() =>
        Gen.String.Sample(s =>
        {
            byte[] expected = System.Text.Encoding.UTF8.GetBytes(s);
            // Lone surrogates: the BCL writes U+FFFD (EF BF BD); this encoder writes the surrogate's 3 bytes. Compare valid text only.
            if (s.Any(char.IsSurrogate) && !System.Text.Encoding.UTF8.GetString(expected).Equals(s, StringComparison.Ordinal)) return;
            Assert.Equal(expected, Utf8Text.Encode(s));
            Assert.Equal(s, Utf8Text.Decode(expected));
        }, iter: FuzzIterations.Value / 10);

    [Fact]
    public void Utf8_decoding_of_any_bytes_never_throws_and_matches_the_bcl_on_valid_input() =>
        Utf8ish.Sample(b =>
        {
            string decoded = Utf8Text.Decode(b);
            var strict = new System.Text.UTF8Encoding(false, true);
            try
            {
                Assert.Equal(strict.GetString(b), decoded);
            }
            catch (System.Text.DecoderFallbackException)
            {
                Assert.Contains('\uFFFD', decoded);
            }
        }, iter: FuzzIterations.Value / 10);

    /// <summary>
    /// 0..40 bytes drawn from lead, continuation and invalid bytes (C3 A9 "é", E6 B5 8B "测", F0 9F 98 80 "😀",
    /// overlong C0, surrogate ED A0, FF), so valid and malformed sequences both occur (CsCheck's Gen.Byte.Array needs C# 14).
    /// </summary>
    private static readonly Gen<byte[]> Utf8ish = Gen.Select(Gen.Int[0, 40], Gen.Int, (n, seed) =>
    {
        byte[] palette = [0x41, 0x7A, 0xC3, 0xA9, 0xE6, 0xB5, 0x8B, 0xF0, 0x9F, 0x98, 0x80, 0xBF, 0xC0, 0xED, 0xA0, 0xFF, 0xF4, 0x90];
        var r = new Random(seed);
        var bytes = new byte[n];
        for (int i = 0; i < n; i++) bytes[i] = palette[r.Next(palette.Length)];
        return bytes;
    });

    private static (PinEntry Pad, ScriptedKeypad Keys, FakeClock Clock) Pad(bool bypass = false)
    {
        var clock = new FakeClock();
        var display = new RecordingDisplay();
        var keys = new ScriptedKeypad(clock, display);
        var pad = new PinEntry(keys, clock, new Screen(display, Language.English), null, "\u00A510.00", 30000, bypass);
        return (pad, keys, clock);
    }

    [Fact]
    public void Correction_deletes_the_last_digit()
    {
        var (pad, keys, _) = Pad();
        keys.Type("12399x4\n");
        // 1 2 3 9 9, correction removes the last 9, then 4: 1 2 3 9 4.
        Assert.Equal(PinEntryResult.Entered, pad.EnterOfflinePin(3, out byte[] digits));
        Assert.Equal(new byte[] { 1, 2, 3, 9, 4 }, digits);
    }

    [Fact]
    public void Ok_under_four_digits_is_ignored()
    {
        var (pad, keys, _) = Pad();
        keys.Type("123\n4\n");
        // ISO 9564: a PIN is 4 to 12 digits; OK after 3 digits does nothing.
        Assert.Equal(PinEntryResult.Entered, pad.EnterOfflinePin(-1, out byte[] digits));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, digits);
    }

    [Fact]
    public void At_most_twelve_digits_are_taken()
    {
        var (pad, keys, _) = Pad();
        keys.Type("12345678901234\n");
        Assert.Equal(PinEntryResult.Entered, pad.EnterOfflinePin(-1, out byte[] digits));
        Assert.Equal(12, digits.Length);
    }

    [Theory]
    [InlineData(true, PinEntryResult.Bypassed)]
    [InlineData(false, PinEntryResult.Cancelled)]
    public void Bypass_only_where_allowed(bool allowed, PinEntryResult expected)
    {
        var (pad, keys, _) = Pad(allowed);
        // OK on an empty PIN: bypass when allowed; otherwise ignored, and the entry times out.
        keys.Type("\n");
        Assert.Equal(expected, pad.EnterOfflinePin(-1, out _));
        Assert.Equal(!allowed, pad.TimedOut);
    }

    [Fact]
    public void Timeout_counts_from_the_last_key()
    {
        var (pad, keys, clock) = Pad();
        keys.Type("12");
        Assert.Equal(PinEntryResult.Cancelled, pad.EnterOfflinePin(-1, out _));
        Assert.True(pad.TimedOut);
        Assert.False(pad.CancelledByKey);
        Assert.Equal(30000, clock.NowMilliseconds);
    }

    [Fact]
    public void Online_pin_without_a_key_reports_the_pin_pad_not_working()
    {
        var (pad, keys, _) = Pad();
        pad.Pan = "4761739000000236";
        keys.Type("1234\n");
        Assert.Equal(PinEntryResult.PinPadNotWorking, pad.EnterOnlinePin());
        Assert.Equal(5, keys.Pending);                                // no prompt was shown, no key read
    }
}
