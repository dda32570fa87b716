#nullable enable
using System.Security.Cryptography;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// Contactless online PIN through the application: a qVSDC card over the reader CVM required limit asks for online
/// PIN (CTQ byte 1 b8), the PIN pad takes it, the PIN block is enciphered under DUKPT at once and the 0200 carries
/// DE 52 and the KSN; the host approves.
/// </summary>
public class ContactlessPinTests
{
    [SkippableFact]
    public void Online_pin_tap_sends_de_52_under_dukpt_with_the_ksn_and_is_approved()
    {
        var rig = new SessionRig("00");
        rig.App.Amount("6000");
        rig.App.Keypad.When(rig.App.Text(MessageId.EnterOnlinePin), "1234\n");
        rig.App.Field.Tap(AppRig.Card("visa-qvsdc-cvm-required"));
        rig.App.App.Step();

        // The PIN screen: prompt, amount, one '*' per digit; the digits never reach the display.
        Assert.Contains(rig.App.Display.Shown, s => s.Length >= 3 && s[0] == "ENTER ONLINE PIN" && s[1] == "\u00A560.00" && s[2] == "****");
        Assert.DoesNotContain(rig.App.Display.Shown.SelectMany(s => s), l => l.Contains("1234"));

        TransactionRecord r = rig.App.App.LastTransaction!;
        // Statement: ARQC, online PIN, host approves; CVM results 42 03 00 (enciphered PIN verified online).
        Assert.True(r.Approved);
        Assert.Equal("approved-online", r.KernelDecision);
        Assert.True(r.OnlinePin);
        Assert.Equal("420300", r.CvmResults);
        Assert.Equal(EntryMode.Contactless, r.EntryMode);

        Iso8583Message sale = Assert.Single(rig.Received);
        Assert.Equal("0200", sale.Mti);
        Assert.Equal("000000", sale.GetString(3));              // purchase
        Assert.Equal("071", sale.GetString(22));                // 07 contactless chip, 1 = PIN entry capability
        Assert.NotNull(sale.GetBytes(55));
        byte[] de52 = sale.GetBytes(52);
        Assert.Equal(8, de52.Length);
        // First DUKPT transaction of the rig's IPEK: counter 1 (X9.24-1 A.2), in DE 62 as DE 53 names TDES DUKPT.
        Assert.Equal("FFFF9876543210E00001", Hex.Encode(GenericSecurityFields.ReadKsn(sale)));

        // The host side, independently: the published X9.24-1 A.4.2 PIN key of KSN ...E00001 (shared vectors), the
        // BCL's TDES to decipher. ISO 9564 format 0 by hand: PIN field 04 12 34 FF FF FF FF FF XOR PAN field
        // 0000 || 12 rightmost PAN digits without the check digit (4761739000000426 -> 173900000042)
        // = 00 00 17 39 00 00 00 42 -> 04 12 23 C6 FF FF FF BD.
        JsonElementCase vector = JsonElementCase.Find("dukpt/tdes-x9.24-1.json", "ksn-FFFF9876543210E00001");
        byte[] pinKey = Hex.Decode(vector.Expected("pin_key"));
        using var tdes = TripleDES.Create();
        tdes.Key = [.. pinKey, .. pinKey[..8]];                 // double-length key as K1 K2 K1 (OpenSSL wants 24 bytes)
        byte[] clear = tdes.DecryptEcb(de52, PaddingMode.None);
        Assert.Equal("041223C6FFFFFFBD", Hex.Encode(clear));

        // Approved online and final: journaled, counted, no reversal pending.
        JournalTransaction tx = rig.Journal.Find(r.Trace);
        Assert.True(tx.Counted);
        Assert.Empty(rig.Journal.PendingReversals());
    }

    [Fact]
    public void Cancel_at_the_contactless_pin_prompt_sends_nothing()
    {
        var rig = new SessionRig("00");
        rig.App.Amount("6000");
        rig.App.Keypad.When(rig.App.Text(MessageId.EnterOnlinePin), "12c");
        rig.App.Field.Tap(AppRig.Card("visa-qvsdc-cvm-required"));
        rig.App.App.Step();

        TransactionRecord r = rig.App.App.LastTransaction!;
        Assert.False(r.Approved);
        Assert.Equal(MessageId.Cancelled, r.Headline);
        // Nothing went to the host (the ARQC was not sent), so nothing is journaled or to be reversed.
        Assert.Empty(rig.Received);
        Assert.Empty(rig.Journal.PendingReversals());
        Assert.Empty(rig.App.Printer.Printed);
    }
}

/// <summary>One case of a shared vector file, by id.</summary>
internal sealed class JsonElementCase(System.Text.Json.JsonElement element)
{
    public static JsonElementCase Find(string file, string id) =>
        new(SharedVectors.Cases(file).Single(c => c.GetProperty("id").GetString() == id));

    public string Expected(string name) => element.GetProperty("expected").GetProperty(name).GetString()!;
}
