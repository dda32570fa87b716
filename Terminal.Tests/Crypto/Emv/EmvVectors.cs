using System.Text.Json;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>Reading the emv-crypto vector files and asserting every expected field of a case.</summary>
internal static class EmvVectors
{
    public const string Folder = "emv-crypto";
    public const string Missing = "(vector file missing)";

    /// <summary>The provider under which the EMV cryptography is tested.</summary>
    public static ICryptoProvider Provider() => new PortableCryptoProvider();

    /// <summary>Case ids of a file for MemberData; one placeholder when shared/ is absent (the test then skips or fails under CI).</summary>
    public static IEnumerable<object[]> Ids(string file)
    {
        string root = SharedVectors.RootOrNull;
        string path = root == null ? null : Path.Combine(root, Folder, file);
        if (path == null || !File.Exists(path)) return [[Missing]];
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("id").GetString() }).ToArray();
    }

    /// <summary>The case with this id (skips when shared/ is absent, fails under CI=true).</summary>
    public static JsonElement Case(string file, string id)
    {
        JsonElement[] cases = SharedVectors.Cases(Folder + "/" + file);
        return cases.Single(c => c.GetProperty("id").GetString() == id);
    }

    public static byte[] Hex(string text) => Convert.FromHexString(text ?? "");

    public static string Text(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Key check value: leftmost length bytes of TDES(key, 0000000000000000) (vector convention "kcv").</summary>
    public static byte[] Kcv(ICryptoProvider p, byte[] key, int length) =>
        p.Tdes(CipherDirection.Encrypt, key, null, new byte[8], 0, 8)[..length];

    /// <summary>"option A..." / "option B..." of the vector files.</summary>
    public static MasterKeyDerivation Option(string text)
    {
        if (text.StartsWith("option A", StringComparison.Ordinal) || text == "A") return MasterKeyDerivation.OptionA;
        if (text.StartsWith("option B", StringComparison.Ordinal) || text == "B") return MasterKeyDerivation.OptionB;
        throw new InvalidOperationException("unknown master key derivation in vector: " + text);
    }

    public static Iso9797PaddingMethod Padding(JsonElement inputs) => inputs.GetProperty("padding_method").GetInt32() switch
    {
        1 => Iso9797PaddingMethod.Method1,
        2 => Iso9797PaddingMethod.Method2,
        var n => throw new InvalidOperationException("unknown padding method " + n),
    };

    /// <summary>
    /// Asserts every field of expected: byte-string fields against actual (hex compare; a *_kcv field is
    /// checked against the KCV of the key it names, with the expected KCV's length). Fields named in
    /// handledElsewhere are asserted by the caller. Any other expected field without an actual value fails,
    /// so no expected field goes unchecked.
    /// </summary>
    public static void AssertAll(string caseId, JsonElement expected, IDictionary<string, byte[]> actual, ICryptoProvider p, params string[] handledElsewhere)
    {
        int checkedCount = 0;
        foreach (var field in expected.EnumerateObject())
        {
            if (handledElsewhere.Contains(field.Name)) continue;
            if (field.Value.ValueKind == JsonValueKind.Null) continue;
            string want = field.Value.GetString();
            byte[] got;
            if (actual.TryGetValue(field.Name, out got))
            {
            }
            else if (field.Name.EndsWith("kcv", StringComparison.Ordinal))
            {
                string keyName = field.Name == "kcv" ? KeyOfBareKcv(actual) : field.Name[..^4];
                Assert.True(keyName != null && actual.ContainsKey(keyName), $"{caseId}: no key computed for {field.Name}");
                got = Kcv(p, actual[keyName], want.Length / 2);
            }
            else
            {
                Assert.Fail($"{caseId}: expected field '{field.Name}' is not asserted by the test");
            }
            Assert.True(want == Convert.ToHexString(got), $"{caseId}: {field.Name} expected {want}, got {Convert.ToHexString(got)}");
            checkedCount++;
        }
        Assert.True(checkedCount > 0, caseId + ": nothing asserted");
    }

    private static string KeyOfBareKcv(IDictionary<string, byte[]> actual)
    {
        foreach (string k in new[] { "icc_master_key", "session_key", "key" })
            if (actual.ContainsKey(k)) return k;
        return null;
    }
}
