using System.Text.Json;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Tlv;
using Terminal.HostSimulation;
using Terminal.Tests.Crypto.Emv;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// Every case of emv-crypto/cvn.json through the host simulator as issuer: the account holds the case's issuer
/// master keys (the host derives the ICC master keys with the version's option), a 0200 carries the case's
/// terminal data, AIP, ATC, IAD and published ARQC in DE 55, and the answer must be approved with tag 91 =
/// the published ARPC followed by the case's ARC (method 1) or CSU (method 2). The same request with one
/// cryptogram bit flipped is declined with the cryptogram failure code (05).
/// </summary>
public class ArqcArpcHostVectorTests
{
    private const string File = "cvn.json";

    public static IEnumerable<object[]> CaseIds() => EmvVectors.Ids(File);

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Host_verifies_the_published_arqc_and_answers_the_published_arpc(string id)
    {
        JsonElement c = EmvVectors.Case(File, id);
        JsonElement inputs = c.GetProperty("inputs"), expected = c.GetProperty("expected");
        CryptogramVersion cv = CryptogramVersion.Find(c.GetProperty("scheme").GetString(), int.Parse(c.GetProperty("cvn").GetString()));
        Assert.NotNull(cv);
        string pan = inputs.Text("pan");
        string cvnName = cv.Scheme.ToLowerInvariant() + "-" + cv.Number;
        // The account as a rules file: issuer master keys, the host derives the ICC master keys (EMV 4.4 Book 2 A1.4).
        string rules = "[account " + pan + "]\npsn = " + inputs.Text("psn") + "\ncvn = " + cvnName
            + "\nimk-ac = " + inputs.Text("issuer_master_key_ac") + "\nimk-smi = " + inputs.Text("issuer_master_key_smi")
            + "\nimk-smc = " + inputs.Text("issuer_master_key_smc") + "\n"
            + (cv.ArpcMethod == 1 ? "arc = " + inputs.Text("arc") : "csu = " + inputs.Text("csu")) + "\n";
        HostConfiguration config = HostConfiguration.Parse(rules, ".");
        var host = new HostSimulator(HostDialect.Generic, config.Keys, config.Rules) { Clock = () => HostKit.Today };
        foreach (HostAccount a in config.Accounts) host.AddAccount(a);
        Assert.Equal(expected.Text("icc_master_key_ac"), Convert.ToHexString(host.Account(pan).MasterKeys.MkAc));

        var tags = inputs.GetProperty("ac_data_tags").EnumerateArray().ToArray();
        byte[] iad = inputs.Text("iad") != null ? EmvVectors.Hex(inputs.Text("iad"))
            : EmvVectors.Hex("06010A" + inputs.Text("cvr"));   // Visa IAD: length 06, DKI 01, CVN 0A, CVR (4 bytes)
        byte[] Field55(byte[] arqc)
        {
            var w = new TlvWriter();
            foreach (var t in tags) w.Write(Convert.ToInt32(t.Text("tag"), 16), EmvVectors.Hex(t.Text("value")));
            w.Write(0x9F10, iad);
            w.Write(0x9F26, arqc);
            w.Write(0x9F27, new byte[] { 0x80 });
            return w.ToArray();
        }
        long amount = long.Parse(tags.Single(t => t.Text("tag") == "9F02").Text("value"));
        byte[] published = EmvVectors.Hex(expected.Text("arqc"));

        SimulatedTerminal terminal = HostKit.Terminal(host);
        var answer = HostKit.Send(host, terminal, terminal.Sale(pan, amount, null, Field55(published)));
        Assert.Equal("00", answer.GetString(39));
        byte[] tag91 = HostKit.Tag(answer.GetBytes(55), 0x91);
        string code = cv.ArpcMethod == 1 ? inputs.Text("arc") : inputs.Text("csu");
        Assert.Equal(expected.Text("arpc") + code, Convert.ToHexString(tag91));

        byte[] wrong = (byte[])published.Clone();
        wrong[7] ^= 0x01;
        var declined = HostKit.Send(host, terminal, terminal.Sale(pan, amount, null, Field55(wrong)));
        Assert.Equal(HostRules.DoNotHonour, declined.GetString(39));
        Assert.Single(host.Ledger.Counted());
    }
}
