using System.Text.Json;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>
/// Proves every file in shared/vectors/emv-crypto is consumed: the folder holds exactly the four files the
/// vector tests read, and each case of each file has a kind its test handles (the theories run every case id).
/// </summary>
public class EmvVectorCoverageTests
{
    private static readonly Dictionary<string, string[]> KindsByFile = new()
    {
        ["arqc-arpc.json"] = ["cryptogram_with_session_key", "arpc_with_session_key", "full_chain"],
        ["cvn.json"] = ["cvn"],
        ["key-derivation.json"] = ["icc_master_key", "key_check_value", "common_session_key", "visa_secure_messaging_session_key"],
        ["secure-messaging.json"] = ["script_mac", "pin_encipherment", "vis_pin_block", "script_mac_chain", "pin_change_chain"],
    };

    [SkippableFact]
    public void Every_emv_crypto_vector_file_is_used()
    {
        string[] files = SharedVectors.FilesIn(EmvVectors.Folder);
        Assert.Equal(KindsByFile.Keys.OrderBy(n => n, StringComparer.Ordinal), files.OrderBy(n => n, StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Every_case_has_a_handled_kind_and_a_unique_id()
    {
        foreach (var (file, kinds) in KindsByFile)
        {
            JsonElement[] cases = SharedVectors.Cases(EmvVectors.Folder + "/" + file);
            Assert.NotEmpty(cases);
            var ids = cases.Select(c => c.GetProperty("id").GetString()).ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.Equal(ids, EmvVectors.Ids(file).Select(row => (string)row[0]));
            foreach (var c in cases)
                Assert.True(kinds.Contains(c.GetProperty("kind").GetString()), file + " " + c.GetProperty("id").GetString() + ": unhandled kind");
        }
    }
}
