using System.Text.Json;
using Terminal.EmvKernel.Crypto.Emv;
using Xunit;
using static Terminal.Tests.Crypto.Emv.EmvVectors;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>
/// Every case of emv-crypto/cvn.json, end to end through <see cref="CryptogramVersion"/>: the issuer's keys,
/// the card's AC data and cryptogram, the issuer's ARPC and the card's check of it, the issuer-script MAC
/// and the PIN CHANGE commands, each opened again the card's way.
/// </summary>
public class CvnVectorTests
{
    private const string File = "cvn.json";

    public static IEnumerable<object[]> CaseIds() => Ids(File);

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Cryptogram_version_case(string id)
    {
        var c = Case(File, id);
        var p = Provider();
        var inputs = c.GetProperty("inputs");
        var expected = c.GetProperty("expected");
        var actual = new Dictionary<string, byte[]>();
        Assert.Equal("cvn", c.Text("kind"));

        CryptogramVersion cv = CryptogramVersion.Find(c.Text("scheme"), int.Parse(c.Text("cvn")));
        Assert.True(cv != null, id + ": no cryptogram version for " + c.Text("scheme") + " " + c.Text("cvn"));
        Assert.Equal(c.Text("scheme") + " CVN " + c.Text("cvn"), cv.Name);

        // The version's description agrees with the case's inputs.
        Assert.Equal(Padding(inputs), cv.Padding);
        Assert.Equal(inputs.GetProperty("arpc_method").GetInt32(), cv.ArpcMethod);
        Assert.Equal(inputs.Text("arpc_key") == "icc_master_key" ? ArpcKey.IccMasterKey : ArpcKey.AcSessionKey, cv.ArpcKey);
        string skd = inputs.Text("ac_session_key_derivation");
        Assert.Equal(skd.StartsWith("none") ? AcKeyDerivation.IccMasterKey : skd.StartsWith("Mastercard SKD") ? AcKeyDerivation.MastercardSessionKey : AcKeyDerivation.CommonSessionKey, cv.AcKey);
        Assert.Equal(inputs.Text("script_mac_session_key_derivation").StartsWith("Visa") ? SecureMessagingKeyDerivation.VisaAtc : SecureMessagingKeyDerivation.CommonWithArqc, cv.SecureMessagingKey);
        var option = Option(inputs.Text("master_key_derivation"));
        Assert.Equal(option, cv.MasterKeyDerivation);

        // Issuer: ICC master keys.
        IccMasterKeys keys = IccMasterKeys.Derive(p, option, Hex(inputs.Text("issuer_master_key_ac")),
            Hex(inputs.Text("issuer_master_key_smi")), Hex(inputs.Text("issuer_master_key_smc")), inputs.Text("pan"), inputs.Text("psn"));
        actual["icc_master_key_ac"] = keys.MkAc;
        actual["icc_master_key_smi"] = keys.MkSmi;
        actual["icc_master_key_smc"] = keys.MkSmc;

        // Card: AC data and cryptogram. Terminal data = the tag values before AIP (82) and ATC (9F36).
        var tags = inputs.GetProperty("ac_data_tags").EnumerateArray().ToArray();
        byte[] TagValue(string tag) => Hex(tags.Single(t => t.Text("tag") == tag).Text("value"));
        Assert.Equal(new[] { "82", "9F36" }, tags[^2..].Select(t => t.Text("tag")));
        byte[] terminalData = Hex(string.Concat(tags[..^2].Select(t => t.Text("value"))));
        byte[] aip = TagValue("82"), atc = TagValue("9F36"), un = TagValue("9F37");
        byte[] iad = IssuerApplicationData(inputs);
        string issuerPart = inputs.Text("cvr") != null ? inputs.Text("cvr") + (inputs.Text("counters") ?? "") : inputs.Text("iad");
        Assert.Equal(issuerPart, Convert.ToHexString(cv.IssuerPartOf(iad)));

        actual["ac_session_key"] = cv.DeriveAcKey(p, keys.MkAc, atc, un);
        actual["ac_data"] = cv.BuildAcData(terminalData, aip, atc, iad);
        byte[] arqc = cv.GenerateAc(p, keys.MkAc, terminalData, aip, atc, un, iad);
        actual["arqc"] = arqc;
        Assert.True(cv.VerifyAc(p, keys.MkAc, terminalData, aip, atc, un, iad, Hex(expected.Text("arqc"))));

        // Issuer: ARPC in tag 91; card: its check.
        byte[] responseCode = Hex(cv.ArpcMethod == 1 ? inputs.Text("arc") : inputs.Text("csu"));
        byte[] tag91 = cv.GenerateIssuerAuthenticationData(p, keys.MkAc, atc, un, arqc, responseCode, null);
        int arpcLength = cv.ArpcMethod == 1 ? 8 : 4;
        Assert.Equal(arpcLength + responseCode.Length, tag91.Length);
        Assert.Equal(responseCode, tag91[arpcLength..]);
        actual["arpc"] = tag91[..arpcLength];
        Assert.True(cv.VerifyIssuerAuthenticationData(p, keys.MkAc, atc, un, Hex(expected.Text("arqc")), tag91));

        // Issuer script command with MAC (no data), and the card's check.
        byte[] header = Hex(inputs.Text("script_command_header"));
        byte[] smi = cv.DeriveSecureMessagingKey(p, keys.MkSmi, atc, arqc);
        byte[] script = cv.BuildScriptCommand(p, keys.MkSmi, atc, arqc, header[..4], null);
        Assert.Equal(header, script[..5]);
        Assert.Equal(13, script.Length);
        actual["script_mac_session_key_smi"] = smi;
        actual["script_mac_data"] = cv.ScriptMacData(header, atc, arqc, null);
        actual["script_command_mac"] = script[5..];
        Assert.True(cv.VerifyScriptCommand(p, keys.MkSmi, atc, arqc, script));

        int commands = 0;
        foreach (var pc in expected.GetProperty("pin_change_commands").EnumerateArray())
        {
            AssertPinChange(id, p, cv, keys, atc, arqc, pc);
            commands++;
        }
        Assert.True(commands > 0);
        AssertAll(id, expected, actual, p, "pin_change_commands");
    }

    /// <summary>Visa CVN 10 has only the CVR in the vector: its IAD is built in Visa format (length 06, DKI 01, CVN '0A', CVR).</summary>
    private static byte[] IssuerApplicationData(JsonElement inputs)
    {
        if (inputs.Text("iad") != null) return Hex(inputs.Text("iad"));
        return Hex("06010A" + inputs.Text("cvr"));
    }

    private static void AssertPinChange(string id, Terminal.EmvKernel.Crypto.ICryptoProvider p, CryptogramVersion cv, IccMasterKeys keys, byte[] atc, byte[] arqc, JsonElement pc)
    {
        string newPin = pc.Text("new_pin");
        string currentPin = pc.Text("current_pin");
        string label = id + " PIN change " + (currentPin == null ? "without" : "with") + " current PIN";
        var actual = new Dictionary<string, byte[]>();

        byte[] command = cv.BuildPinChangeCommand(p, keys, atc, arqc, newPin, currentPin);
        byte[] pinBlock = cv.BuildPinBlock(keys.MkAc, newPin, currentPin);
        byte[] smc = cv.DeriveSecureMessagingKey(p, keys.MkSmc, atc, arqc);
        byte[] enciphered = SecureMessaging.EncipherData(p, smc, cv.PinEncipherment, pinBlock);
        Assert.Equal(enciphered, SecureMessaging.CommandData(command));
        Assert.StartsWith(cv.PinEncipherment == DataEncipherment.Visa ? "Visa:" : "Mastercard:", pc.Text("encipherment") ?? (cv.Scheme + ":"));

        actual["command"] = command;
        actual["command_header"] = command[..5];
        actual["pin_block"] = pinBlock;
        actual["session_key_smc"] = smc;
        actual["enciphered_pin_block"] = enciphered;
        actual["command_mac"] = command[^8..];
        AssertAll(label, pc, actual, p, "new_pin", "current_pin", "encipherment");

        // Card side: MAC, decipherment and PIN recovery give back the new PIN.
        Assert.Equal(newPin, cv.OpenPinChangeCommand(p, keys, atc, arqc, command, currentPin ?? "0000"));
    }
}
