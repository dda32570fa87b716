using System.Text.Json;
using Terminal.EmvKernel.Crypto.Emv;
using Xunit;
using static Terminal.Tests.Crypto.Emv.EmvVectors;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>Every case of emv-crypto/secure-messaging.json: script MACs, PIN blocks and the three encipherment ways.</summary>
public class SecureMessagingVectorTests
{
    private const string File = "secure-messaging.json";

    public static IEnumerable<object[]> CaseIds() => Ids(File);

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Secure_messaging_case(string id)
    {
        var c = Case(File, id);
        var p = Provider();
        var inputs = c.GetProperty("inputs");
        var actual = new Dictionary<string, byte[]>();
        switch (c.Text("kind"))
        {
            case "script_mac":
            {
                byte[] key = Hex(inputs.Text("session_key_smi"));
                AssertMacData(inputs, null);
                actual["mac"] = SecureMessaging.CommandMac(p, key, Hex(inputs.Text("mac_data")));
                break;
            }
            case "pin_encipherment":
            {
                byte[] key = Hex(inputs.Text("session_key_smc"));
                byte[] pinBlock = Hex(inputs.Text("pin_block"));
                if (inputs.Text("pin") != null)
                {
                    Assert.Equal(pinBlock, PinChangeBlock.IsoFormat2(inputs.Text("pin")));
                    Assert.Equal(inputs.Text("pin"), PinChangeBlock.RecoverIsoFormat2(pinBlock));
                }
                DataEncipherment method = Encipherment(c.Text("encipherment"));
                byte[] enciphered = SecureMessaging.EncipherData(p, key, method, pinBlock);
                Assert.Equal(pinBlock, SecureMessaging.DecipherData(p, key, method, enciphered));
                actual["enciphered"] = enciphered;
                break;
            }
            case "vis_pin_block":
            {
                byte[] mkAc = Hex(inputs.Text("icc_master_key_ac"));
                byte[] block = PinChangeBlock.Vis(mkAc, inputs.Text("pin"), null);
                Assert.Equal(inputs.Text("pin"), PinChangeBlock.RecoverVis(block, mkAc, null));
                actual["pin_block"] = block;
                break;
            }
            case "script_mac_chain":
            {
                byte[] mkSmi = IccMasterKey.Derive(p, Option(inputs.Text("master_key_derivation")), Hex(inputs.Text("issuer_master_key_smi")), inputs.Text("pan"), inputs.Text("psn"));
                actual["icc_master_key_smi"] = mkSmi;
                if (inputs.Text("issuer_master_key_smc") != null)
                    actual["icc_master_key_smc"] = IccMasterKey.Derive(p, Option(inputs.Text("master_key_derivation")), Hex(inputs.Text("issuer_master_key_smc")), inputs.Text("pan"), inputs.Text("psn"));
                byte[] smi = SessionKeyOf(p, inputs, mkSmi);
                actual["session_key_smi"] = smi;
                AssertMacData(inputs, null);
                actual["mac"] = SecureMessaging.CommandMac(p, smi, Hex(inputs.Text("mac_data")));
                break;
            }
            case "pin_change_chain":
                PinChangeChain(p, inputs, actual);
                break;
            default:
                throw new InvalidOperationException(id + ": unknown kind " + c.Text("kind"));
        }
        AssertAll(id, c.GetProperty("expected"), actual, p);
    }

    private static void PinChangeChain(Terminal.EmvKernel.Crypto.ICryptoProvider p, JsonElement inputs, Dictionary<string, byte[]> actual)
    {
        var option = Option(inputs.Text("master_key_derivation"));
        string pan = inputs.Text("pan"), psn = inputs.Text("psn");
        byte[] mkSmi = IccMasterKey.Derive(p, option, Hex(inputs.Text("issuer_master_key_smi")), pan, psn);
        byte[] mkSmc = IccMasterKey.Derive(p, option, Hex(inputs.Text("issuer_master_key_smc")), pan, psn);
        byte[] smi = SessionKeyOf(p, inputs, mkSmi);
        byte[] smc = SessionKeyOf(p, inputs, mkSmc);
        DataEncipherment method = Encipherment(inputs.Text("encipherment"));
        string newPin = inputs.Text("new_pin"), currentPin = inputs.Text("current_pin");

        byte[] pinBlock;
        byte[] mkAc = null;
        if (method == DataEncipherment.Visa)
        {
            mkAc = IccMasterKey.Derive(p, option, Hex(inputs.Text("issuer_master_key_ac")), pan, psn);
            actual["icc_master_key_ac"] = mkAc;
            pinBlock = PinChangeBlock.Vis(mkAc, newPin, currentPin);
        }
        else
        {
            Assert.Null(currentPin);
            pinBlock = PinChangeBlock.IsoFormat2(newPin);
        }
        byte[] enciphered = SecureMessaging.EncipherData(p, smc, method, pinBlock);
        byte[] header = Hex(inputs.Text("command_header"));
        byte[] macData = SecureMessaging.CommandMacData(header, null, null, enciphered);
        actual["icc_master_key_smi"] = mkSmi;
        actual["icc_master_key_smc"] = mkSmc;
        actual["session_key_smi"] = smi;
        actual["session_key_smc"] = smc;
        actual["pin_block"] = pinBlock;
        actual["enciphered_pin_block"] = enciphered;
        actual["mac_data"] = macData;
        actual["mac"] = SecureMessaging.CommandMac(p, smi, macData);

        // Card side: decipher and recover the PIN.
        byte[] deciphered = SecureMessaging.DecipherData(p, smc, method, enciphered);
        Assert.Equal(pinBlock, deciphered);
        string recovered = method == DataEncipherment.Visa ? PinChangeBlock.RecoverVis(deciphered, mkAc, currentPin) : PinChangeBlock.RecoverIsoFormat2(deciphered);
        Assert.Equal(newPin, recovered);
    }

    /// <summary>The SMI/SMC session key the case names: Visa SM (ATC) or the common session key with R.</summary>
    private static byte[] SessionKeyOf(Terminal.EmvKernel.Crypto.ICryptoProvider p, JsonElement inputs, byte[] iccMasterKey)
    {
        string derivation = inputs.Text("session_key_derivation");
        if (derivation.StartsWith("Visa SM", StringComparison.Ordinal))
            return SessionKey.DeriveVisaSecureMessaging(iccMasterKey, Hex(inputs.Text("atc")));
        if (derivation.StartsWith("common session key", StringComparison.Ordinal))
            return SessionKey.DeriveCommon(p, iccMasterKey, Hex(inputs.Text("session_key_r")));
        throw new InvalidOperationException("unknown session key derivation " + derivation);
    }

    /// <summary>When the case gives header, ATC and ARQC, the MAC input built from them equals its mac_data.</summary>
    private static void AssertMacData(JsonElement inputs, byte[] data)
    {
        if (inputs.Text("command_header") == null) return;
        byte[] macData = SecureMessaging.CommandMacData(Hex(inputs.Text("command_header")), Hex(inputs.Text("atc")), Hex(inputs.Text("arqc")), data);
        Assert.Equal(inputs.Text("mac_data"), Convert.ToHexString(macData));
    }

    private static DataEncipherment Encipherment(string text)
    {
        if (text.StartsWith("EMV", StringComparison.Ordinal)) return DataEncipherment.Emv;
        if (text.StartsWith("Mastercard", StringComparison.Ordinal)) return DataEncipherment.Mastercard;
        if (text.StartsWith("Visa", StringComparison.Ordinal)) return DataEncipherment.Visa;
        throw new InvalidOperationException("unknown encipherment " + text);
    }
}
