using System.Text.Json;
using Terminal.HostSimulation;
using Terminal.Tests.Crypto.Emv;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// The host's issuer key step against the published vectors: an account given issuer master keys in a rules file
/// gets the ICC master key of every icc_master_key case of emv-crypto/key-derivation.json and every full_chain
/// case of emv-crypto/arqc-arpc.json (option A through a Visa CVN 10 account, option B through Visa CVN 18).
/// </summary>
public class IssuerKeyVectorTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (string file in new[] { "key-derivation.json", "arqc-arpc.json" })
        {
            string path = SharedVectors.RootOrNull == null ? null : Path.Combine(SharedVectors.RootOrNull, EmvVectors.Folder, file);
            if (path == null || !File.Exists(path)) { yield return [file, EmvVectors.Missing]; continue; }
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                string kind = c.GetProperty("kind").GetString();
                // The other kinds (KCV, session keys, cryptogram primitives) are covered by Terminal.Tests/Crypto/Emv.
                if (kind == "icc_master_key" || kind == "full_chain") yield return [file, c.GetProperty("id").GetString()];
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Account_with_issuer_master_keys_derives_the_published_icc_master_key(string file, string id)
    {
        JsonElement c = EmvVectors.Case(file, id);
        JsonElement inputs = c.GetProperty("inputs");
        string option = inputs.Text("master_key_derivation") ?? (id.StartsWith("optB") ? "option B" : "option A");
        string cvn = EmvVectors.Option(option) == Terminal.EmvKernel.Crypto.Emv.MasterKeyDerivation.OptionB ? "visa-18" : "visa-10";
        string imk = inputs.Text("issuer_master_key");
        string rules = "[account " + inputs.Text("pan") + "]\npsn = " + inputs.Text("psn") + "\ncvn = " + cvn
            + "\nimk-ac = " + imk + "\nimk-smi = " + imk + "\nimk-smc = " + imk + "\n";
        HostAccount a = Assert.Single(HostConfiguration.Parse(rules, ".").Accounts);
        string expected = c.GetProperty("expected").Text("icc_master_key");
        Assert.Equal(expected, Convert.ToHexString(a.MasterKeys.MkAc));
        Assert.Equal(expected, Convert.ToHexString(a.MasterKeys.MkSmi));
    }
}
