using System.Text;
using System.Text.Json;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Tests.Support;
using Xunit;
using static Terminal.Tests.HostLink.Security.SecurityTestSupport;

namespace Terminal.Tests.HostLink.Security;

/// <summary>Every case of shared/vectors/dukpt/aes-x9.24-3.json (ANSI X9.24-3:2017 supplement), every expected field.</summary>
public class AesDukptVectorTests
{
    private const string File = "dukpt/aes-x9.24-3.json";

    public static IEnumerable<object[]> CaseIds()
    {
        string root = SharedVectors.RootOrNull;
        if (root == null || !System.IO.File.Exists(Path.Combine(root, File))) { yield return new object[] { "" }; yield break; }
        foreach (var c in SharedVectors.Cases(File)) yield return new object[] { c.Str("id") };
    }

    private static int AlgorithmOfSuffix(string name) =>
        name.EndsWith("_aes128") ? AesDukpt.AlgorithmAes128 : name.EndsWith("_aes256") ? AesDukpt.AlgorithmAes256 : throw new InvalidOperationException(name);

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Case(string id)
    {
        var c = SharedVectors.Cases(File).Single(e => e.Str("id") == id);
        var input = c.GetProperty("inputs");
        var expected = c.GetProperty("expected");
        var asserted = new HashSet<string>();
        switch (c.Str("kind"))
        {
            case "initial_key_derivation":
            {
                byte[] bdk = input.Bytes("bdk");
                byte[] ikid = input.Bytes("initial_key_id");
                Field(expected, "initial_key", AesDukpt.DeriveInitialKey(bdk, ikid), asserted);
                int alg = bdk.Length == 16 ? AesDukpt.AlgorithmAes128 : AesDukpt.AlgorithmAes256;
                Field(expected, "derivation_data", AesDukpt.DerivationData(1, AesDukpt.UsageKeyDerivationInitial, alg, bdk.Length * 8, ikid, 0), asserted);
                break;
            }
            case "update_key":
            {
                byte[] ik = input.Bytes("initial_key");
                byte[] ksn = AesDukpt.MakeKsn(input.Bytes("initial_key_id"), 0xFFFFFFFF);
                byte[] tk = AesDukpt.DeriveTransactionKey(ik, ksn);
                Field(expected, "transaction_key_counter_ffffffff", tk, asserted);
                Field(expected, "update_key_aes128", AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageKeyEncryption, AesDukpt.AlgorithmAes128, 128), asserted);
                Field(expected, "update_key_2tdea", AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageKeyEncryption, AesDukpt.Algorithm2Tdea, AesDukpt.LengthBits(AesDukpt.Algorithm2Tdea)), asserted);
                Field(expected, "update_key_3tdea", AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageKeyEncryption, AesDukpt.Algorithm3Tdea, AesDukpt.LengthBits(AesDukpt.Algorithm3Tdea)), asserted);
                break;
            }
            case "transaction_key_only":
            case "transaction":
                Transaction(c, input, expected, asserted);
                break;
            default:
                throw new InvalidOperationException("unknown kind " + c.Str("kind"));
        }
        AllAsserted(expected, asserted, id);
    }

    private static void Transaction(JsonElement c, JsonElement input, JsonElement expected, HashSet<string> asserted)
    {
        byte[] ksn = input.Bytes("ksn");
        Assert.Equal(input.GetProperty("transaction_counter").GetInt64(), (long)AesDukpt.Counter(ksn));
        byte[] ik = input.Bytes("initial_key");
        Assert.Equal(Hex(ik), Hex(AesDukpt.DeriveInitialKey(input.Bytes("bdk"), ksn.Take(8).ToArray())));
        byte[] tk = AesDukpt.DeriveTransactionKey(ik, ksn);
        Field(expected, "transaction_key", tk, asserted);
        if (expected.TryGetProperty("usable_by_originating_device", out var usable))
        {
            Assert.Equal(usable.GetBoolean(), AesDukpt.IsUsableCounter(AesDukpt.Counter(ksn)));
            asserted.Add("usable_by_originating_device");
        }
        else
        {
            Assert.True(AesDukpt.IsUsableCounter(AesDukpt.Counter(ksn)));
        }
        if (expected.TryGetProperty("next_ksn", out var nextKsn))
        {
            bool has = AesDukpt.TryNextCounter(AesDukpt.Counter(ksn), out uint next);
            if (nextKsn.ValueKind == JsonValueKind.Null) Assert.False(has);
            else Assert.Equal(nextKsn.GetString(), Hex(AesDukpt.MakeKsn(ksn.Take(8).ToArray(), next)));
            asserted.Add("next_ksn");
        }
        if (c.Str("kind") != "transaction") return;

        var keys = new Dictionary<string, byte[]>();
        foreach (var p in expected.EnumerateObject())
        {
            int usage;
            if (p.Name.StartsWith("pin_key_")) usage = AesDukpt.UsagePinEncryption;
            else if (p.Name.StartsWith("mac_generation_key_")) usage = AesDukpt.UsageMacGeneration;
            else if (p.Name.StartsWith("mac_verification_key_")) usage = AesDukpt.UsageMacVerification;
            else if (p.Name.StartsWith("data_encryption_key_")) usage = AesDukpt.UsageDataEncryption;
            else if (p.Name.StartsWith("data_decryption_key_")) usage = AesDukpt.UsageDataDecryption;
            else continue;
            int alg = AlgorithmOfSuffix(p.Name);
            byte[] k = AesDukpt.DeriveWorkingKey(tk, ksn, usage, alg, AesDukpt.LengthBits(alg));
            Field(expected, p.Name, k, asserted);
            keys[p.Name] = k;
        }
        // PIN blocks: format 4 with the vector's fixed random fill (last 8 bytes of pin_field).
        byte[] pinField = input.Bytes("pin_field");
        foreach (string size in new[] { "aes128", "aes256" })
        {
            string name = "encrypted_pin_block_" + size;
            if (!expected.Has(name)) continue;
            byte[] digits = Digits(input.Str("pin"));
            byte[] block = PinBlockFormat4.Encipher(keys["pin_key_" + size], digits, input.Str("pan"), new FixedRandom(pinField.Skip(8).ToArray()));
            Assert.All(digits, b => Assert.Equal(0, b));
            Field(expected, name, block, asserted);
            Assert.Equal(input.Str("pin_field"), Hex(PinBlockFormat4.DecipherPinField(keys["pin_key_" + size], block, input.Str("pan"))));
            Assert.Equal(input.Str("pan_field"), Hex(PinBlockFormat4.PanField(input.Str("pan"))));
        }
        byte[] macData = input.Bytes("mac_data");
        Assert.Equal(input.Str("mac_data_ascii"), Encoding.ASCII.GetString(macData));
        byte[] genKey = AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageMacGeneration, AesDukpt.AlgorithmAes128, 128);
        byte[] verKey = AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageMacVerification, AesDukpt.AlgorithmAes128, 128);
        Field(expected, "request_cmac", MessageMac.Compute(MessageMacAlgorithm.AesCmac, genKey, macData, 0, macData.Length), asserted);
        Field(expected, "response_cmac", MessageMac.Compute(MessageMacAlgorithm.AesCmac, verKey, macData, 0, macData.Length), asserted);
        byte[] hmacReq = AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageMacGeneration, AesDukpt.AlgorithmHmac, 128);
        byte[] hmacResp = AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageMacVerification, AesDukpt.AlgorithmHmac, 128);
        Field(expected, "hmac_request_key", hmacReq, asserted);
        Field(expected, "hmac_response_key", hmacResp, asserted);
        Field(expected, "request_hmac_sha256", HmacSha256.Compute(hmacReq, macData, 0, macData.Length), asserted);
        Field(expected, "response_hmac_sha256", HmacSha256.Compute(hmacResp, macData, 0, macData.Length), asserted);
        byte[] plain = input.Bytes("data_plaintext");
        byte[] encKey = AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageDataEncryption, AesDukpt.AlgorithmAes128, 128);
        byte[] decKey = AesDukpt.DeriveWorkingKey(tk, ksn, AesDukpt.UsageDataDecryption, AesDukpt.AlgorithmAes128, 128);
        Field(expected, "data_request_ciphertext", AesCipher.Encrypt(encKey, new byte[16], plain, 0, plain.Length), asserted);
        Field(expected, "data_response_ciphertext", AesCipher.Encrypt(decKey, new byte[16], plain, 0, plain.Length), asserted);
    }

    [SkippableFact]
    public void TerminalRegistersProduceTheInitialSequence()
    {
        foreach (var ikCase in SharedVectors.Cases(File).Where(c => c.Str("kind") == "initial_key_derivation"))
        {
            string type = ikCase.Str("bdk_type");
            var terminal = new AesDukptTerminal();
            terminal.LoadInitialKey(ikCase.GetProperty("expected").Bytes("initial_key"), ikCase.GetProperty("inputs").Bytes("initial_key_id"));
            var cases = SharedVectors.Cases(File).Where(c => c.Str("bdk_type") == type && c.Str("kind") == "transaction")
                .OrderBy(c => c.GetProperty("index").GetInt32()).ToArray();
            Assert.NotEmpty(cases);
            foreach (var c in cases)
            {
                byte[] key = terminal.NextTransaction(out byte[] ksn);
                Assert.Equal(c.GetProperty("inputs").Str("ksn"), Hex(ksn));
                Assert.Equal(c.GetProperty("expected").Str("transaction_key"), Hex(key));
            }
        }
    }

    [Fact]
    public void HmacSha256MatchesTheBcl()
    {
        var rng = new Random(256);
        foreach (int keyLen in new[] { 0, 16, 64, 65, 100 })
            foreach (int dataLen in new[] { 0, 1, 55, 64, 200 })
            {
                byte[] key = new byte[keyLen]; rng.NextBytes(key);
                byte[] data = new byte[dataLen]; rng.NextBytes(data);
                Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, data), HmacSha256.Compute(key, data, 0, data.Length));
            }
    }
}
