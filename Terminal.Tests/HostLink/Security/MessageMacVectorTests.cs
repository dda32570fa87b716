using System.Text.Json;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.HostLink.Security;

/// <summary>
/// The host link's message MAC options (<see cref="MessageMac"/>, field 64) against every MAC case of
/// ../shared/vectors/crypto: mac-iso9797.json (padding method 1: algorithm 3 = retail MAC with a 16-byte key,
/// algorithm 1 = CBC-MAC) and cmac.json (AES-CMAC, TDEA-CMAC), including Verify on the leftmost 8 bytes.
/// </summary>
public class MessageMacVectorTests
{
    [SkippableFact]
    public void Every_method_1_iso9797_mac_case_and_every_cmac_tag_case()
    {
        int used = 0;
        foreach (JsonElement c in SharedVectors.Cases("crypto/mac-iso9797.json"))
        {
            if (c.Str("kind") != "mac" || c.GetProperty("padding_method").GetInt32() != 1) continue;
            JsonElement inputs = c.GetProperty("inputs");
            byte[] key = inputs.Bytes("key"), data = inputs.Bytes("data");
            int algorithm = c.GetProperty("mac_algorithm").GetInt32();
            if (algorithm == 3 && key.Length != 16) continue;                 // the retail MAC option takes a double-length key
            MessageMacAlgorithm option = algorithm == 3 ? MessageMacAlgorithm.RetailMac : MessageMacAlgorithm.CbcMac;
            JsonElement e = c.GetProperty("expected");
            byte[] mac = MessageMac.Compute(option, key, data, 0, data.Length);
            // Published as the full 64-bit MAC, or as its leftmost 32 bits (X9.24-1 style).
            string expected = e.Has("mac_64") ? e.Str("mac_64") : e.Str("mac_32");
            Assert.True(expected == Convert.ToHexString(mac, 0, expected.Length / 2), c.Str("id"));
            Assert.True(MessageMac.Verify(option, key, data, 0, data.Length, Convert.FromHexString(expected)), c.Str("id"));
            used++;
        }
        foreach (JsonElement c in SharedVectors.Cases("crypto/cmac.json"))
        {
            JsonElement inputs = c.GetProperty("inputs"), expected = c.GetProperty("expected");
            if (!expected.Has("mac")) continue;                               // subkey-only cases
            byte[] key = inputs.Bytes("key"), message = inputs.Bytes("message");
            MessageMacAlgorithm option = c.Str("algorithm").StartsWith("AES", StringComparison.Ordinal) ? MessageMacAlgorithm.AesCmac : MessageMacAlgorithm.TdesCmac;
            byte[] mac = MessageMac.Compute(option, key, message, 0, message.Length);
            Assert.True(expected.Str("mac") == Convert.ToHexString(mac), c.Str("id"));
            Assert.True(MessageMac.Verify(option, key, message, 0, message.Length, mac[..8]), c.Str("id"));
            used++;
        }
        Assert.True(used >= 10, "too few MAC cases used: " + used);
    }
}
