using System.Text.Json;
using Terminal.EmvKernel.Crypto.Emv;
using Xunit;
using static Terminal.Tests.Crypto.Emv.EmvVectors;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>Every case of emv-crypto/arqc-arpc.json: ARQC with padding 1/2, ARPC methods 1/2, full IMK-to-ARPC chains.</summary>
public class ArqcArpcVectorTests
{
    private const string File = "arqc-arpc.json";

    public static IEnumerable<object[]> CaseIds() => Ids(File);

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Arqc_arpc_case(string id)
    {
        var c = Case(File, id);
        var p = Provider();
        var inputs = c.GetProperty("inputs");
        var expected = c.GetProperty("expected");
        var actual = new Dictionary<string, byte[]>();
        byte[] sessionKey, arqc, arpcKey;
        switch (c.Text("kind"))
        {
            case "cryptogram_with_session_key":
            {
                sessionKey = Hex(inputs.Text("session_key"));
                byte[] data = Hex(inputs.Text("ac_data"));
                if (inputs.TryGetProperty("ac_data_tags", out var tags))
                    Assert.Equal(inputs.Text("ac_data"), string.Concat(tags.EnumerateArray().Select(t => t.Text("value"))));
                arqc = ApplicationCryptogram.Generate(p, sessionKey, data, Padding(inputs));
                Assert.True(ApplicationCryptogram.Verify(p, sessionKey, data, Padding(inputs), Hex(expected.Text("arqc"))));
                actual["arqc"] = arqc;
                arpcKey = sessionKey;
                break;
            }
            case "arpc_with_session_key":
                arpcKey = Hex(inputs.Text("session_key"));
                arqc = Hex(inputs.Text("arqc"));
                break;
            case "full_chain":
            {
                var option = Option(inputs.Text("master_key_derivation"));
                byte[] mk = IccMasterKey.Derive(p, option, Hex(inputs.Text("issuer_master_key")), inputs.Text("pan"), inputs.Text("psn"));
                sessionKey = SessionKey.DeriveCommon(p, mk, Hex(inputs.Text("session_key_r")));
                byte[] data = Hex(inputs.Text("ac_data"));
                arqc = ApplicationCryptogram.Generate(p, sessionKey, data, Padding(inputs));
                actual["icc_master_key"] = mk;
                actual["session_key"] = sessionKey;
                actual["arqc"] = arqc;
                arpcKey = inputs.Text("arpc_key") switch
                {
                    "icc_master_key" => mk,
                    "session_key" => sessionKey,
                    var k => throw new InvalidOperationException("unknown arpc_key " + k),
                };
                break;
            }
            default:
                throw new InvalidOperationException(id + ": unknown kind " + c.Text("kind"));
        }
        AddArpcs(p, inputs, expected, arpcKey, arqc, actual);
        AssertAll(id, expected, actual, p);
    }

    /// <summary>ARPC method 1 and/or 2 as the case expects them, each also verified the card's way.</summary>
    private static void AddArpcs(Terminal.EmvKernel.Crypto.ICryptoProvider p, JsonElement inputs, JsonElement expected, byte[] key, byte[] arqc, Dictionary<string, byte[]> actual)
    {
        if (expected.TryGetProperty("arpc_method_1", out _))
        {
            byte[] arc = Hex(inputs.Text("arc"));
            byte[] arpc = Arpc.GenerateMethod1(p, key, arqc, arc);
            Assert.True(Arpc.VerifyMethod1(p, key, arqc, arc, Hex(expected.Text("arpc_method_1"))));
            actual["arpc_method_1"] = arpc;
        }
        if (expected.TryGetProperty("arpc_method_2", out _))
        {
            byte[] csu = Hex(inputs.Text("csu"));
            byte[] proprietary = Hex(inputs.Text("proprietary_authentication_data"));
            byte[] arpc = Arpc.GenerateMethod2(p, key, arqc, csu, proprietary);
            Assert.True(Arpc.VerifyMethod2(p, key, arqc, csu, proprietary, Hex(expected.Text("arpc_method_2"))));
            actual["arpc_method_2"] = arpc;
        }
    }
}
