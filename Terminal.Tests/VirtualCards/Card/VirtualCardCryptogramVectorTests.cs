using System.Text.Json;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.Tests.Support;
using Terminal.VirtualCards.Card;
using Xunit;
using static Terminal.Tests.VirtualCards.Card.Apdu;

namespace Terminal.Tests.VirtualCards.Card;

/// <summary>
/// The card's ARQC, ARPC check, script MAC check and PIN change against ../shared/vectors/emv-crypto/cvn.json:
/// the card is personalised with the vector's ICC master keys and put in the card state whose CVR is the
/// vector's CVR, then driven with the vector's terminal data.
/// </summary>
public class VirtualCardCryptogramVectorTests
{
    private const string VectorFile = "emv-crypto/cvn.json";

    public static IEnumerable<object[]> Ids() => new[]
    {
        new object[] { "visa-cvn10" }, new object[] { "visa-cvn18" }, new object[] { "visa-cvn22" },
        new object[] { "mastercard-cvn16" }, new object[] { "mastercard-cvn20" },
    };

    private sealed class Setup
    {
        public JsonElement Inputs, Expected;
        public VirtualCard Card;
        public CardApplication App;
        public byte[] Cdol1Data;
        public CryptogramVersion Cvn;
    }

    private static Setup Prepare(string id)
    {
        JsonElement v = SharedVectors.Cases(VectorFile).Single(c => c.Str("id") == id);
        var s = new Setup { Inputs = v.GetProperty("inputs"), Expected = v.GetProperty("expected") };
        s.Cvn = CryptogramVersion.Find(v.Str("scheme"), int.Parse(v.Str("cvn")));
        var tags = s.Inputs.GetProperty("ac_data_tags").EnumerateArray().ToArray();
        byte[] Tag(string t) => Convert.FromHexString(tags.Single(x => x.Str("tag") == t).Str("value"));
        s.Cdol1Data = tags.Take(8).SelectMany(x => Convert.FromHexString(x.Str("value"))).ToArray();

        var image = new CardImage();
        var app = TestCardBuilder.ContactApplication(s.Cvn, TestCardBuilder.VisaAid, "VECTOR");
        image.AddApplication(app);
        app.MasterKeys = new IccMasterKeys(s.Expected.Bytes("icc_master_key_ac"), s.Expected.Bytes("icc_master_key_smi"),
            s.Expected.Bytes("icc_master_key_smc"));
        app.Aip = Tag("82");
        byte[] atc = Tag("9F36");
        app.Atc = ((atc[0] << 8) | atc[1]) - 1;
        app.Pin = "8888";
        app.DerivationKeyIndex = 0x01;
        app.LowerConsecutiveOfflineLimit = 0;
        app.UpperConsecutiveOfflineLimit = 0;
        app.LastOnlineAtc = 5;
        // Card state that yields the vector's CVR (see CardVerificationResults for the bit layout).
        switch (id)
        {
            case "visa-cvn10":                 // 03 A0 60 10: ARQC; PIN try limit exceeded, velocity exceeded; 1 script
                app.PinTryCounter = 0;
                app.LowerConsecutiveOfflineLimit = 1; app.UpperConsecutiveOfflineLimit = 2; app.ConsecutiveOfflineCount = 3;
                app.ScriptCommandsLastTransaction = 1;
                break;
            case "visa-cvn18":
            case "visa-cvn22":                 // 03 A0 B8 00: last online not completed, velocity, new card, issuer auth failed
                app.IadCryptogramVersionByte = Convert.FromHexString(s.Inputs.Str("iad"))[2];   // the vector's IAD names CVN '12'
                app.PreviousTransactionNotCompleted = true;
                app.LowerConsecutiveOfflineLimit = 1; app.UpperConsecutiveOfflineLimit = 2; app.ConsecutiveOfflineCount = 3;
                app.LastOnlineAtc = 0;
                app.IssuerAuthenticationFailedLastTime = true;
                break;
            default:                           // A0 00 03 22 00 00: script received and failed, 2 scripts, PIN try counter 2
                app.PinTryCounter = 2;
                app.ScriptCommandsLastTransaction = 2;
                app.ScriptFailedLastTransaction = true;
                break;
        }
        s.App = app;
        s.Card = TestCardBuilder.Card(image);
        Assert.Equal(0x9000, Sw(s.Card.Transmit(Select(TestCardBuilder.VisaAid))));
        Assert.Equal(0x9000, Sw(s.Card.Transmit(Gpo(Array.Empty<byte>()))));
        return s;
    }

    private static byte[] FirstArqc(Setup s)
    {
        byte[] r = s.Card.Transmit(GenerateAc(0x80, s.Cdol1Data));
        Assert.Equal(0x9000, Sw(r));
        Assert.Equal(0x80, r[0]);                                   // format 1
        byte[] v = Tlvs(r, 0, r.Length - 2)[0x80];
        Assert.Equal(0x80, v[0]);                                   // CID: ARQC
        Assert.Equal(s.Inputs.GetProperty("ac_data_tags").EnumerateArray().Single(x => x.Str("tag") == "9F36").Str("value"),
            Convert.ToHexString(v[1..3]));
        return v;
    }

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void First_generate_ac_returns_the_vector_arqc_and_cvr(string id)
    {
        Setup s = Prepare(id);
        byte[] v = FirstArqc(s);
        Assert.Equal(s.Expected.Str("arqc"), Convert.ToHexString(v[3..11]));
        byte[] iad = v[11..];
        if (s.Inputs.Has("iad") && id.StartsWith("visa")) Assert.Equal(s.Inputs.Str("iad"), Convert.ToHexString(iad));
        else if (id.StartsWith("visa")) Assert.Equal("06010A" + s.Inputs.Str("cvr"), Convert.ToHexString(iad));
        else
        {
            Assert.Equal(18, iad.Length);
            Assert.Equal(s.Inputs.Str("cvr"), Convert.ToHexString(iad[2..8]));            // CVR
            Assert.Equal(s.Cvn.Number, iad[1]);
        }
    }

    private static byte[] IssuerAuthenticationData(Setup s)
    {
        byte[] arpc = s.Expected.Bytes("arpc");
        return s.Inputs.Has("arc") ? arpc.Concat(s.Inputs.Bytes("arc")).ToArray() : arpc.Concat(s.Inputs.Bytes("csu")).ToArray();
    }

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void External_authenticate_accepts_the_vector_arpc_and_rejects_a_changed_one(string id)
    {
        Setup s = Prepare(id);
        FirstArqc(s);
        byte[] bad = IssuerAuthenticationData(s);
        bad[0] ^= 0x01;
        Assert.Equal(H("6300"), s.Card.Transmit(Case4(0x00, 0x82, 0x00, 0x00, bad)[..^1]));
        Assert.True(s.App.IssuerAuthenticationFailedLastTime);

        Setup ok = Prepare(id);
        FirstArqc(ok);
        Assert.Equal(H("9000"), ok.Card.Transmit(Case4(0x00, 0x82, 0x00, 0x00, IssuerAuthenticationData(ok))[..^1]));
        Assert.Equal(H("6985"), ok.Card.Transmit(Case4(0x00, 0x82, 0x00, 0x00, IssuerAuthenticationData(ok))[..^1]));  // once
    }

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void Second_generate_ac_with_issuer_authentication_data_approves_online(string id)
    {
        Setup s = Prepare(id);
        FirstArqc(s);
        byte[] iauth = IssuerAuthenticationData(s);
        byte[] arc = s.Inputs.Has("arc") ? s.Inputs.Bytes("arc") : H("3030");
        // CDOL2 = 8A 02, 91 (10 or 8), 95 05, 9F37 04
        byte[] cdol2 = arc.Concat(iauth).Concat(H("0000000000")).Concat(H("52BF4585")).ToArray();
        byte[] r = s.Card.Transmit(GenerateAc(0x40, cdol2));
        Assert.Equal(0x9000, Sw(r));
        Assert.Equal(0x40, Tlvs(r, 0, r.Length - 2)[0x80][0]);                      // TC
        Assert.Equal(Convert.FromHexString(s.Inputs.GetProperty("ac_data_tags").EnumerateArray().Single(x => x.Str("tag") == "9F36").Str("value")).Concat(H("9000")).Prepend((byte)0x02).Prepend((byte)0x13).Prepend((byte)0x9F).ToArray(),
            s.Card.Transmit(H("80CA9F1300")));                                           // last online ATC = this ATC
        Assert.False(s.App.PreviousTransactionNotCompleted);
        Assert.Equal(0, s.App.ConsecutiveOfflineCount);
        Assert.Equal(H("6985"), s.Card.Transmit(GenerateAc(0x40, cdol2)));         // no third GENERATE AC
    }

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void Script_command_with_the_vector_mac_is_accepted_and_a_wrong_mac_refused(string id)
    {
        Setup s = Prepare(id);
        FirstArqc(s);
        byte[] header = s.Inputs.Bytes("script_command_header");
        byte[] command = header.Concat(s.Expected.Bytes("script_command_mac")).ToArray();
        byte[] bad = (byte[])command.Clone();
        bad[^1] ^= 0x80;
        Assert.Equal(H("6988"), s.Card.Transmit(bad));
        Assert.Equal(H("9000"), s.Card.Transmit(command));
        if (header[1] == 0x24) Assert.Equal(s.App.PinTryLimit, s.App.PinTryCounter);   // PIN UNBLOCK
    }

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void Pin_change_commands_from_the_vectors_set_the_new_pin(string id)
    {
        Setup probe = Prepare(id);
        if (!probe.Expected.Has("pin_change_commands")) return;
        foreach (JsonElement pc in probe.Expected.GetProperty("pin_change_commands").EnumerateArray())
        {
            Setup s = Prepare(id);
            if (pc.Has("current_pin")) s.App.Pin = pc.Str("current_pin");
            FirstArqc(s);
            Assert.Equal(H("9000"), s.Card.Transmit(pc.Bytes("command")));
            Assert.Equal(pc.Str("new_pin"), s.App.Pin);
            string block = "24" + pc.Str("new_pin") + "FFFFFFFFFF";
            Assert.Equal(H("9000"), s.Card.Transmit(H("0020008008" + block)));
        }
    }
}
