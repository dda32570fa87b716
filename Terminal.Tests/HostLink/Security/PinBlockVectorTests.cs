using System.Text.Json;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Tests.Support;
using Xunit;
using static Terminal.Tests.HostLink.Security.SecurityTestSupport;

namespace Terminal.Tests.HostLink.Security;

/// <summary>Every case of shared/vectors/pinblock/iso9564.json (ISO 9564-1 formats 0-4), every expected field.</summary>
public class PinBlockVectorTests
{
    private const string File = "pinblock/iso9564.json";

    public static IEnumerable<object[]> CaseIds()
    {
        string root = SharedVectors.RootOrNull;
        if (root == null || !System.IO.File.Exists(Path.Combine(root, File))) { yield return new object[] { "" }; yield break; }
        foreach (var c in SharedVectors.Cases(File)) yield return new object[] { c.Str("id") };
    }

    /// <summary>The file's own wording of a rejection reason, mapped to the typed error.</summary>
    private static SecurityError ReasonToError(string reason) =>
        reason.StartsWith("control field") ? SecurityError.PinBlockControlField
        : reason.StartsWith("PIN length") ? SecurityError.PinLength
        : reason.StartsWith("PIN digits") ? SecurityError.PinDigits
        : reason.StartsWith("fill digits") ? SecurityError.PinBlockFill
        : throw new InvalidOperationException("unknown reason " + reason);

    /// <summary>Random bytes that make the encoder produce the given fill nibbles (format 1: low nibble; format 3: A + byte mod 6).</summary>
    private static FixedRandom FillSource(int format, string fillDigits) =>
        new(fillDigits.Select(ch => (byte)(format == 3 ? Convert.ToInt32(ch.ToString(), 16) - 0x0A : Convert.ToInt32(ch.ToString(), 16))).ToArray());

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Case(string id)
    {
        var c = SharedVectors.Cases(File).Single(e => e.Str("id") == id);
        var input = c.GetProperty("inputs");
        var expected = c.GetProperty("expected");
        var asserted = new HashSet<string>();
        int format = c.GetProperty("format").GetInt32();
        string pan = input.Has("pan") ? input.Str("pan") : null;
        switch (c.Str("operation"))
        {
            case "encode_and_decode" when format <= 3:
            {
                byte[] digits = Digits(input.Str("pin"));
                IRandomSource random = input.Has("fill_digits") ? FillSource(format, input.Str("fill_digits")) : null;
                byte[] block = PinBlock.Encode(format, digits, pan, random);
                Assert.All(digits, b => Assert.Equal(0, b));
                Field(expected, "clear_pin_block", block, asserted);
                Assert.Equal(input.Str("pin"), string.Concat(PinBlock.Decode(format, block, pan).Select(d => (char)('0' + d))));
                if (expected.Has("pin_field"))
                {
                    // Without the PAN xor, the block is the PIN field (formats 0 and 3: xor with the PAN field).
                    byte[] panField = Convert.FromHexString(expected.Str("pan_field"));
                    byte[] pinField = block.Zip(panField, (a, b) => (byte)(a ^ b)).ToArray();
                    Field(expected, "pin_field", pinField, asserted);
                    Assert.Equal("0000" + pan.Substring(pan.Length - 13, 12), expected.Str("pan_field"));
                    asserted.Add("pan_field");
                }
                break;
            }
            case "decode" when format <= 3:
            {
                byte[] block = input.Bytes("clear_pin_block");
                bool valid = expected.GetProperty("valid").GetBoolean();
                asserted.Add("valid");
                if (valid)
                {
                    Assert.Equal(expected.Str("pin"), string.Concat(PinBlock.Decode(format, block, pan).Select(d => (char)('0' + d))));
                    asserted.Add("pin");
                }
                else
                {
                    var ex = Assert.Throws<SecurityException>(() => PinBlock.Decode(format, block, pan));
                    Assert.Equal(ReasonToError(expected.Str("reason")), ex.Error);
                    asserted.Add("reason");
                }
                break;
            }
            case "pin_field":
            {
                byte[] digits = Digits(input.Str("pin"));
                byte[] field = PinBlockFormat4.PinField(digits, new FixedRandom(new byte[] { 0x5A }));
                Assert.All(digits, b => Assert.Equal(0, b));
                Field(expected, "pin_field_first_8_bytes", field.Take(8).ToArray(), asserted);
                Assert.All(field.Skip(8), b => Assert.Equal(0x5A, b));
                break;
            }
            case "pan_field":
                Field(expected, "pan_field", PinBlockFormat4.PanField(pan), asserted);
                break;
            case "encipher_and_decipher":
            {
                byte[] key = input.Bytes("key");
                byte[] digits = Digits(input.Str("pin"));
                byte[] block = PinBlockFormat4.Encipher(key, digits, pan, new FixedRandom(input.Bytes("random_fill")));
                Assert.All(digits, b => Assert.Equal(0, b));
                Field(expected, "enciphered_pin_block", block, asserted);
                byte[] pinField = PinBlockFormat4.DecipherPinField(key, block, pan);
                Field(expected, "pin_field", pinField, asserted);
                byte[] panField = PinBlockFormat4.PanField(pan);
                Field(expected, "pan_field", panField, asserted);
                // Intermediate blocks, with the BCL AES as oracle: A = AES(K, PIN field), B = A xor PAN field, block = AES(K, B).
                using var aes = System.Security.Cryptography.Aes.Create();
                aes.Key = key;
                byte[] a = aes.EncryptEcb(pinField, System.Security.Cryptography.PaddingMode.None);
                Field(expected, "intermediate_block_a", a, asserted);
                byte[] b = aes.DecryptEcb(block, System.Security.Cryptography.PaddingMode.None);
                Field(expected, "intermediate_block_b", b, asserted);
                Assert.Equal(Hex(a.Zip(panField, (x, y) => (byte)(x ^ y)).ToArray()), Hex(b));
                Assert.Equal(input.Str("pin"), string.Concat(PinBlockFormat4.Decipher(key, block, pan).Select(d => (char)('0' + d))));
                break;
            }
            case "decipher":
            {
                byte[] key = input.Bytes("key");
                byte[] block = input.Bytes("enciphered_pin_block");
                byte[] pinField = PinBlockFormat4.DecipherPinField(key, block, pan);
                Field(expected, "pin_field", pinField, asserted);
                asserted.Add("valid");
                if (expected.GetProperty("valid").GetBoolean())
                {
                    Assert.Equal(expected.Str("pin"), string.Concat(PinBlockFormat4.Decipher(key, block, pan).Select(d => (char)('0' + d))));
                    asserted.Add("pin");
                    Field(expected, "random_fill", pinField.Skip(8).ToArray(), asserted);
                }
                else
                {
                    var ex = Assert.Throws<SecurityException>(() => PinBlockFormat4.Decipher(key, block, pan));
                    Assert.Equal(ReasonToError(expected.Str("reason")), ex.Error);
                    asserted.Add("reason");
                }
                break;
            }
            case "decode_pin_field":
            {
                byte[] field = input.Bytes("pin_field");
                asserted.Add("valid");
                if (expected.GetProperty("valid").GetBoolean())
                {
                    Assert.Equal(expected.Str("pin"), string.Concat(PinBlockFormat4.DecodePinField(field).Select(d => (char)('0' + d))));
                    asserted.Add("pin");
                }
                else
                {
                    var ex = Assert.Throws<SecurityException>(() => PinBlockFormat4.DecodePinField(field));
                    Assert.Equal(ReasonToError(expected.Str("reason")), ex.Error);
                    asserted.Add("reason");
                }
                break;
            }
            default:
                throw new InvalidOperationException("unhandled operation " + c.Str("operation") + " format " + format);
        }
        AllAsserted(expected, asserted, id);
    }

    [SkippableFact]
    public void EveryVectorFileOfTheSecurityFoldersIsUsed()
    {
        Assert.Equal(new[] { "aes-x9.24-3.json", "tdes-x9.24-1.json" }, SharedVectors.FilesIn("dukpt"));
        Assert.Equal(new[] { "iso9564.json" }, SharedVectors.FilesIn("pinblock"));
    }
}
