using System.Text;
using Terminal.EmvKernel.Capk;
using Terminal.Tests.Oda;
using Terminal.Tests.Support;
using Xunit;
using static Terminal.Tests.Capk.CapkTestData;

namespace Terminal.Tests.Capk;

public class CaKeyFileTests
{
    private static CaPublicKeyStore TestStore() => new(CaPublicKeySet.Test, OdaTestCrypto.Provider);

    [SkippableFact]
    public void Shipped_test_file_holds_exactly_the_keys_of_the_public_test_key_list()
    {
        using var doc = SharedVectors.Json("capk/test-keys.json");
        var expected = doc.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        var store = TestStore();
        int loaded = CaKeyFile.Load(File.ReadAllText(ConfigFile("test.txt")), store);

        Assert.Equal(expected.Length, loaded);
        Assert.Equal(expected.Length, store.Count);
        foreach (var c in expected)
        {
            byte[] rid = c.Bytes("rid");
            byte index = c.Bytes("index")[0];
            var key = store.Find(rid, 0, index);
            Assert.True(key != null, "missing key " + c.Str("id"));
            Assert.Equal("test", c.Str("set"));
            Assert.Equal(CaPublicKeySet.Test, key.Set);
            Assert.Equal(rid, key.Rid);
            Assert.Equal(index, key.Index);
            Assert.Equal(c.Bytes("modulus"), key.Modulus);
            Assert.Equal(c.GetProperty("modulus_bits").GetInt32(), key.ModulusLength * 8);
            Assert.Equal(c.Bytes("exponent"), key.Exponent);
            Assert.Equal(c.Bytes("hash_algorithm_indicator")[0], key.HashAlgorithmIndicator);
            Assert.Equal(c.Bytes("public_key_algorithm_indicator")[0], key.PublicKeyAlgorithmIndicator);
            Assert.Equal(c.Bytes("sha1_checksum"), key.Checksum);
            Assert.False(c.Has("expiry"));
            Assert.False(key.Expiry.IsKnown);
            // The store verified the checksum on load; check it again explicitly with the project's SHA-1.
            Assert.True(key.HasValidChecksum(OdaTestCrypto.Provider));
            Assert.Equal(c.Bytes("sha1_checksum"), key.ComputeChecksum(OdaTestCrypto.Provider));
        }
    }

    [Fact]
    public void Shipped_test_file_is_refused_by_a_live_store_at_its_first_key_line()
    {
        string text = File.ReadAllText(ConfigFile("test.txt"));
        int firstKeyLine = Array.FindIndex(text.Split('\n'), l => l.StartsWith("key ")) + 1;
        var live = new CaPublicKeyStore(CaPublicKeySet.Live, OdaTestCrypto.Provider);
        var e = Assert.Throws<CaPublicKeyException>(() => CaKeyFile.Load(text, live));
        Assert.Equal(CaKeyError.WrongSet, e.Error);
        Assert.Equal("set", e.Field);
        Assert.Equal(firstKeyLine, e.Line);
        Assert.Equal(0, live.Count);
    }

    [Fact]
    public void Comments_blank_lines_tabs_crlf_lower_case_hex_revocations_and_expiry_are_read()
    {
        var m1 = Modulus(21);
        var m2 = Modulus(22, 96);
        string text =
            "# a comment line\r\n" +
            "\r\n" +
            "   \t \r\n" +
            KeyLine("test", "A000000003", "92", m1, expiry: "20301231") + "   # trailing comment\r\n" +
            "\t" + KeyLine("test", "A000000004", "F1", m2, exponent: "010001").ToLowerInvariant().Replace("key test", "key\ttest") + "\n" +
            "revoke test A000000003 92 03da0a\n" +
            "revoke test A000000003 92 000001# no space before the comment";
        var store = TestStore();
        Assert.Equal(4, CaKeyFile.Load(text, store));
        Assert.Equal(2, store.Count);
        var k1 = store.Find(VisaRid, 0, 0x92);
        Assert.Equal(m1, k1.Modulus);
        Assert.Equal(new EmvDate(2030, 12, 31).ToNumber(), k1.Expiry.ToNumber());
        var k2 = store.Find(Convert.FromHexString("A000000004"), 0, 0xF1);
        Assert.Equal(m2, k2.Modulus);
        Assert.Equal(new byte[] { 1, 0, 1 }, k2.Exponent);
        Assert.False(k2.Expiry.IsKnown);
        Assert.Equal(2, store.Revocations.Count);
        Assert.True(store.Revocations.IsRevoked(VisaRid, 0, 0x92, new byte[] { 0x03, 0xDA, 0x0A }, 0));
        Assert.True(store.Revocations.IsRevoked(VisaRid, 0, 0x92, new byte[] { 0, 0, 1 }, 0));
    }

    [Fact]
    public void Byte_overload_reads_ascii_and_rejects_other_bytes_with_the_line()
    {
        string good = "# keys\n" + KeyLine("test", "A000000003", "92", Modulus(23)) + "\n";
        var store = TestStore();
        byte[] bytes = Encoding.ASCII.GetBytes("xx" + good);
        Assert.Equal(1, CaKeyFile.Load(bytes, 2, bytes.Length - 2, store));
        Assert.Equal(1, store.Count);

        byte[] bad = Encoding.UTF8.GetBytes("# keys\n# caf\u00e9\n");
        var e = Assert.Throws<CaPublicKeyException>(() => CaKeyFile.Load(bad, 0, bad.Length, TestStore()));
        Assert.Equal(CaKeyError.InvalidCharacter, e.Error);
        Assert.Equal(2, e.Line);
    }

    public static TheoryData<string, int, string, CaKeyError> BadFiles()
    {
        string ok = KeyLine("test", "A000000003", "92", Modulus(31));
        string[] f = ok.Split(' ');
        string With(int field, string value) { var c = (string[])f.Clone(); c[field] = value; return string.Join(' ', c); }
        string badSum = With(8, "00" + f[8][2..]);
        return new TheoryData<string, int, string, CaKeyError>
        {
            { "# header\nkeys test A000000003 92", 2, "record", CaKeyError.UnknownRecord },
            { ok + "\n" + string.Join(' ', f.Take(9)), 2, "modulus", CaKeyError.FieldCount },
            { ok + " extra", 1, null, CaKeyError.FieldCount },
            { "key", 1, "set", CaKeyError.FieldCount },
            { With(1, "TEST"), 1, "set", CaKeyError.InvalidField },
            { With(1, "live"), 1, "set", CaKeyError.WrongSet },
            { With(2, "A0000000"), 1, "rid", CaKeyError.InvalidField },
            { With(2, "A00000000G"), 1, "rid", CaKeyError.InvalidField },
            { With(3, "9"), 1, "index", CaKeyError.InvalidField },
            { With(3, "0092"), 1, "index", CaKeyError.InvalidField },
            { With(4, "02"), 1, "hash-alg", CaKeyError.InvalidField },
            { With(5, "02"), 1, "pk-alg", CaKeyError.InvalidField },
            { With(6, "20301301"), 1, "expiry", CaKeyError.InvalidField },
            { With(6, "2030123"), 1, "expiry", CaKeyError.InvalidField },
            { With(6, "none"), 1, "expiry", CaKeyError.InvalidField },
            { With(7, "05"), 1, "exponent", CaKeyError.InvalidField },
            { With(7, "0100010"), 1, "exponent", CaKeyError.InvalidField },
            { With(8, f[8][2..]), 1, "checksum", CaKeyError.InvalidField },
            { "\n\n" + badSum, 3, "checksum", CaKeyError.ChecksumMismatch },
            { With(9, f[9][2..]), 1, "checksum", CaKeyError.ChecksumMismatch },
            { With(9, f[9] + "0"), 1, "modulus", CaKeyError.InvalidField },
            { With(9, "00" + f[9][2..]), 1, "modulus", CaKeyError.InvalidField },
            { ok + "\n" + ok, 2, "index", CaKeyError.Duplicate },
            { "revoke test A000000003 92", 1, "serial", CaKeyError.FieldCount },
            { "revoke test A000000003 92 0001", 1, "serial", CaKeyError.InvalidField },
            { "revoke live A000000003 92 000001", 1, "set", CaKeyError.WrongSet },
            { "revoke test A000000003 92 000001\nrevoke test A000000003 92 000001", 2, "serial", CaKeyError.Duplicate },
            { "# ok\n\tkey\u0001", 2, null, CaKeyError.InvalidCharacter },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Errors_name_the_line_and_the_field_and_leave_the_store_unchanged(string text, int line, string field, CaKeyError error)
    {
        var store = TestStore();
        var e = Assert.Throws<CaPublicKeyException>(() => CaKeyFile.Load(text, store));
        Assert.Equal(error, e.Error);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
        Assert.Contains("line " + line, e.Message);
        if (field != null) Assert.Contains("'" + field + "'", e.Message);
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Revocations.Count);
    }

    [Fact]
    public void A_key_or_revocation_already_in_the_store_is_a_duplicate_and_nothing_of_the_file_is_loaded()
    {
        var store = TestStore();
        CaKeyFile.Load(KeyLine("test", "A000000003", "92", Modulus(41)) + "\nrevoke test A000000003 92 000007", store);
        string second = KeyLine("test", "A000000003", "93", Modulus(42)) + "\n" + KeyLine("test", "A000000003", "92", Modulus(43));
        var e = Assert.Throws<CaPublicKeyException>(() => CaKeyFile.Load(second, store));
        Assert.Equal(CaKeyError.Duplicate, e.Error);
        Assert.Equal(2, e.Line);
        Assert.Equal(1, store.Count);
        Assert.Null(store.Find(VisaRid, 0, 0x93));
        var r = Assert.Throws<CaPublicKeyException>(() => CaKeyFile.Load("revoke test A000000003 92 000007", store));
        Assert.Equal(CaKeyError.Duplicate, r.Error);
        Assert.Equal(1, r.Line);
    }

    [Fact]
    public void Error_messages_never_contain_key_material()
    {
        var m = Modulus(51);
        string line = KeyLine("test", "A000000003", "92", m);
        string badSum = line.Replace(line.Split(' ')[8], new string('0', 40));
        var e = Assert.Throws<CaPublicKeyException>(() => CaKeyFile.Load(badSum, TestStore()));
        Assert.Equal(CaKeyError.ChecksumMismatch, e.Error);
        Assert.Contains("RID A000000003 index 92", e.Message);
        Assert.DoesNotContain(Convert.ToHexString(m)[..12], e.Message);
    }
}
