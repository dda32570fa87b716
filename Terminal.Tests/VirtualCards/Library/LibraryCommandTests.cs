using Xunit;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.VirtualCards.Library;

/// <summary>
/// Every library card loads, personalises and answers a full command sequence through the simulator:
/// SELECT PSE/PPSE (or 6A82 when the card has none), SELECT of each application, GET PROCESSING OPTIONS with
/// PDOL data built from the PDOL, READ RECORD of every AFL record, GENERATE AC with CDOL1 data.
/// </summary>
public class LibraryCommandTests
{
    private static readonly byte[] Pse = "1PAY.SYS.DDF01"u8.ToArray();
    private static readonly byte[] Ppse = "2PAY.SYS.DDF01"u8.ToArray();

    [Fact]
    public void Library_holds_at_least_25_cards_each_named_as_its_file_with_a_statement_and_listed_in_the_readme()
    {
        string[] names = CardLibrary.CardNames();
        Assert.True(names.Length >= 25, $"{names.Length} cards");
        string readme = File.ReadAllText(Path.Combine(CardLibrary.Root, "README.md"));
        foreach (string n in names)
        {
            CardProfile p = CardLibrary.Profile(n);
            Assert.Equal(n, p.Name);
            Assert.True(p.Statement.Length > 20, n);
            foreach (string key in new[] { "decision", "tvr", "cvm-result" }) Assert.NotNull(p.Card.Text(key));
            Assert.Contains($"`{n}`", readme);
        }
    }

    [Theory]
    [MemberData(nameof(CardLibrary.Cards), MemberType = typeof(CardLibrary))]
    public void Card_personalises_and_answers_a_full_command_sequence(string name)
    {
        CardProfile profile = CardLibrary.Profile(name);
        CardImage image = CardLibrary.Image(name);
        Assert.Equal(profile.ApplicationCount, image.Applications.Count);
        var card = new VirtualCard(image, new FixedRandom(), CardLibrary.Crypto);
        var channel = new Exchange(card);

        var (_, psw) = channel.Send(Select(Pse));
        Assert.Equal(image.HasPse ? 0x9000 : 0x6A82, psw);
        var (_, ppsw) = channel.Send(Select(Ppse));
        Assert.Equal(image.HasPpse ? 0x9000 : 0x6A82, ppsw);
        if (image.Applications.Count == 0)
        {
            Assert.NotNull(profile.Track);
            return;
        }
        foreach (CardApplication app in image.Applications)
        {
            var (fci, sw) = channel.Send(Select(app.Aid));
            if (app.Blocked) { Assert.Equal(0x6283, sw); continue; }
            Assert.Equal(0x9000, sw);
            Assert.Equal(app.Aid, TlvParser.Parse(fci).FindTopLevel(0x6F).Children.FindValue(0x84));
            RunTransaction(channel, app, profile);
        }
    }

    private static void RunTransaction(Exchange channel, CardApplication app, CardProfile profile)
    {
        byte[] pdolData = app.Pdol == null ? [] : DataObjectList.Parse(app.Pdol).Build(new Terminal());
        byte[] gpoData = [0x83, (byte)pdolData.Length, .. pdolData];
        var (gpo, sw) = channel.Send([0x80, 0xA8, 0x00, 0x00, (byte)gpoData.Length, .. gpoData, 0x00]);
        if (app.GpoStatusWord != 0) { Assert.Equal(app.GpoStatusWord, sw); return; }
        Assert.Equal(0x9000, sw);
        byte[] afl = GpoAfl(gpo);
        Assert.Equal(app.Afl, afl);
        Assert.True(afl.Length > 0);
        int recordsRead = 0;
        for (int i = 0; i < afl.Length; i += 4)
        {
            for (int rec = afl[i + 1]; rec <= afl[i + 2]; rec++)
            {
                var (record, rsw) = channel.Send([0x00, 0xB2, (byte)rec, (byte)(afl[i] | 0x04), 0x00]);
                Assert.Equal(0x9000, rsw);
                Assert.Equal(0x70, record[0]);
                recordsRead++;
            }
        }
        Assert.Equal(app.Records.Count, recordsRead);
        if (app.Personality == ContactlessPersonality.VisaQvsdc) return; // the cryptogram came with GPO
        byte[] cdol1 = DataObjectList.Parse(app.Cdol1).Build(new Terminal());
        byte p1 = (byte)(0x80 | ((app.Aip[0] & 0x01) != 0 ? 0x10 : 0));
        var (ac, gsw) = channel.Send([0x80, 0xAE, p1, 0x00, (byte)cdol1.Length, .. cdol1, 0x00]);
        Assert.Equal(0x9000, gsw);
        byte cid = ac[0] == 0x80 ? ac[2] : TlvParser.Parse(ac).FindTopLevel(0x77).Children.FindValue(0x9F27)[0];
        // force-aac, and a phone waiting for on-device CVM (it declines until the cardholder verifies on it), answer AAC.
        var behaviour = profile.ApplicationAt(0).Behaviour;
        if ((behaviour?.Flag("force-aac", false) ?? false) || (behaviour?.Flag("phone-cvm-pending", false) ?? false)) Assert.Equal(0x00, cid & 0xC0);
        else Assert.Equal(0x80, cid & 0xC0);
    }

    private static byte[] GpoAfl(byte[] gpo)
    {
        if (gpo[0] == 0x80) return gpo[(2 + 2 + (gpo[1] >= 0x80 ? 1 : 0))..];
        return TlvParser.Parse(gpo).FindTopLevel(0x77).Children.FindValue(0x94);
    }

    private static byte[] Select(byte[] name) => [0x00, 0xA4, 0x04, 0x00, (byte)name.Length, .. name, 0x00];

    /// <summary>Sends a command, following T=0 61xx (GET RESPONSE) and 6Cxx (repeat with Le) as a terminal does.</summary>
    private sealed class Exchange(VirtualCard card)
    {
        public (byte[] Data, int Sw) Send(byte[] command)
        {
            byte[] r = card.Transmit(command);
            int sw = (r[^2] << 8) | r[^1];
            if ((sw & 0xFF00) == 0x6C00) { command[^1] = (byte)sw; r = card.Transmit(command); }
            var data = new List<byte>(r[..^2]);
            sw = (r[^2] << 8) | r[^1];
            while ((sw & 0xFF00) == 0x6100)
            {
                r = card.Transmit([0x00, 0xC0, 0x00, 0x00, (byte)sw]);
                data.AddRange(r[..^2]);
                sw = (r[^2] << 8) | r[^1];
            }
            return (data.ToArray(), sw);
        }
    }

    /// <summary>Terminal data for DOLs: reference transaction of docs/card-profiles.md (amount 10.00, CNY, 2026-06-15).</summary>
    private sealed class Terminal : IDolDataSource
    {
        public byte[] Get(int tag) => tag switch
        {
            0x9F66 => [0x36, 0x00, 0x40, 0x00],
            0x9F02 => [0, 0, 0, 0, 0x10, 0x00],
            0x9F03 => [0, 0, 0, 0, 0, 0],
            0x9F1A => [0x01, 0x56],
            0x5F2A => [0x01, 0x56],
            0x95 => [0, 0, 0, 0, 0],
            0x9A => [0x26, 0x06, 0x15],
            0x9C => [0x00],
            0x9F37 => [0x12, 0x34, 0x56, 0x78],
            0x9F35 => [0x22],
            0x9F34 => [0x1E, 0x03, 0x00],
            _ => null,
        };

        public DataFormat FormatOf(int tag) => EmvDictionary.Find(tag)?.Format ?? DataFormat.Binary;
    }

    private sealed class FixedRandom : IRandomSource
    {
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = (byte)(0xA5 ^ i);
        }
    }
}
