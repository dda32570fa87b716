using System.Text;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Tests.Support;
using Xunit;
using static Terminal.Tests.HostLink.Security.SecurityTestSupport;

namespace Terminal.Tests.HostLink.Security;

/// <summary>Every case of shared/vectors/dukpt/tdes-x9.24-1.json (ANSI X9.24-1:2009 Annex A.4), every expected field.</summary>
public class TdesDukptVectorTests
{
    private const string File = "dukpt/tdes-x9.24-1.json";

    public static IEnumerable<object[]> CaseIds()
    {
        string root = SharedVectors.RootOrNull;
        if (root == null || !System.IO.File.Exists(Path.Combine(root, File))) { yield return new object[] { "" }; yield break; }
        foreach (var c in SharedVectors.Cases(File)) yield return new object[] { c.Str("id") };
    }

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Case(string id)
    {
        var c = SharedVectors.Cases(File).Single(e => e.Str("id") == id);
        var input = c.GetProperty("inputs");
        var expected = c.GetProperty("expected");
        var asserted = new HashSet<string>();
        string kind = c.Str("kind");
        if (kind == "initial_key_derivation")
        {
            Field(expected, "ipek", TdesDukpt.DeriveIpek(input.Bytes("bdk"), input.Bytes("initial_ksn")), asserted);
        }
        else
        {
            Assert.Equal("transaction", kind);
            byte[] ksn = input.Bytes("ksn");
            byte[] ipek = input.Bytes("ipek");
            Assert.Equal(Hex(ipek), Hex(TdesDukpt.DeriveIpek(input.Bytes("bdk"), TdesDukpt.WithCounter(ksn, 0))));
            Assert.Equal(input.GetProperty("transaction_counter").GetInt32(), TdesDukpt.Counter(ksn));
            byte[] tk = TdesDukpt.DeriveTransactionKey(ipek, ksn);
            Field(expected, "transaction_key", tk, asserted);
            byte[] pinKey = TdesDukpt.PinKey(tk);
            byte[] macReq = TdesDukpt.MacRequestKey(tk);
            byte[] macResp = TdesDukpt.MacResponseKey(tk);
            byte[] dataReq = TdesDukpt.DataRequestKey(tk);
            byte[] dataResp = TdesDukpt.DataResponseKey(tk);
            Field(expected, "pin_key", pinKey, asserted);
            Field(expected, "mac_request_key", macReq, asserted);
            Field(expected, "mac_response_key", macResp, asserted);
            Field(expected, "data_request_key", dataReq, asserted);
            Field(expected, "data_response_key", dataResp, asserted);

            // PIN block: the format 0 clear block of the inputs, then enciphered under the PIN key.
            byte[] pinDigits = Digits(input.Str("pin"));
            Assert.Equal(input.Str("clear_pin_block"), Hex(PinBlock.Encode(PinBlock.Format0, Digits(input.Str("pin")), input.Str("pan"), null)));
            Field(expected, "encrypted_pin_block", TdesDukpt.EncryptPinBlock(pinKey, pinDigits, input.Str("pan")), asserted);
            Assert.All(pinDigits, b => Assert.Equal(0, b));

            byte[] macData = input.Bytes("mac_data");
            Assert.Equal(input.Str("mac_data_ascii"), Encoding.ASCII.GetString(macData));
            byte[] reqMac = MessageMac.Compute(MessageMacAlgorithm.RetailMac, macReq, macData, 0, macData.Length);
            byte[] respMac = MessageMac.Compute(MessageMacAlgorithm.RetailMac, macResp, macData, 0, macData.Length);
            Field(expected, "request_mac", reqMac.Take(4).ToArray(), asserted);
            Field(expected, "response_mac", respMac.Take(4).ToArray(), asserted);
            if (expected.Has("request_mac_64")) Field(expected, "request_mac_64", reqMac, asserted);
            if (expected.Has("response_mac_64")) Field(expected, "response_mac_64", respMac, asserted);
            Assert.True(MessageMac.Verify(MessageMacAlgorithm.RetailMac, macReq, macData, 0, macData.Length, expected.Bytes("request_mac")));
            Field(expected, "request_cmac", MessageMac.Compute(MessageMacAlgorithm.TdesCmac, macReq, macData, 0, macData.Length), asserted);
            Field(expected, "response_cmac", MessageMac.Compute(MessageMacAlgorithm.TdesCmac, macResp, macData, 0, macData.Length), asserted);

            byte[] plain = input.Bytes("data_plaintext");
            byte[] iv = new byte[8];
            Field(expected, "data_request_ciphertext", DesCipher.Encrypt(dataReq, iv, plain, 0, plain.Length), asserted);
            if (expected.Has("data_response_ciphertext"))
                Field(expected, "data_response_ciphertext", DesCipher.Encrypt(dataResp, iv, plain, 0, plain.Length), asserted);

            int next = TdesDukpt.NextCounter(TdesDukpt.Counter(ksn));
            if (expected.GetProperty("next_ksn").ValueKind == System.Text.Json.JsonValueKind.Null) Assert.Equal(-1, next);
            else Assert.Equal(expected.Str("next_ksn"), Hex(TdesDukpt.WithCounter(ksn, next)));
            asserted.Add("next_ksn");
        }
        AllAsserted(expected, asserted, id);
    }

    [SkippableFact]
    public void TerminalFutureKeysProduceTheInitialSequence()
    {
        var cases = SharedVectors.Cases(File).Where(c => c.Str("kind") == "transaction" && c.Str("sequence") == "initial").ToArray();
        var ipekCase = SharedVectors.Cases(File).Single(c => c.Str("kind") == "initial_key_derivation");
        var terminal = new TdesDukptTerminal();
        terminal.LoadInitialKey(ipekCase.GetProperty("expected").Bytes("ipek"), ipekCase.GetProperty("inputs").Bytes("initial_ksn"));
        foreach (var c in cases.OrderBy(c => c.GetProperty("index").GetInt32()))
        {
            byte[] key = terminal.NextTransaction(out byte[] ksn);
            Assert.Equal(c.GetProperty("inputs").Str("ksn"), Hex(ksn));
            Assert.Equal(c.GetProperty("expected").Str("transaction_key"), Hex(key));
        }
    }

    [SkippableFact]
    public void KsnSpaceMatchesTheVectorFile()
    {
        using var doc = SharedVectors.Json(File);
        long usable = doc.RootElement.GetProperty("ksn_space").GetProperty("usable_counters_from_fresh_initial_ksn").GetInt64();
        long n = 0;
        for (int c = TdesDukpt.NextCounter(0); c >= 0; c = TdesDukpt.NextCounter(c))
        {
            Assert.True(TdesDukpt.IsUsableCounter(c));
            n++;
        }
        Assert.Equal(usable, n);
    }
}
