using System.Text.Json;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto;

/// <summary>
/// RSA recovery (EMV 4.4 Book 2, 5.3 and 6.3: X = S^e mod N) on the published ODA vectors in
/// shared/vectors/oda, with the CA public keys from shared/vectors/capk/test-keys.json. Only the modular
/// exponentiation is proved here: the recovered blocks must equal the files' recovered values and have the
/// 6A ... BC frame; field checks belong to the ODA tests.
/// </summary>
public class RsaOdaVectorTests
{
    public static TheoryData<string> OdaFiles() => new() { "oda/visa-test-94-sda-dda.json", "oda/mastercard-test-cda.json" };

    private static (byte[] Modulus, byte[] Exponent) CaKey(string rid, string index)
    {
        foreach (JsonElement k in SharedVectors.Cases("capk/test-keys.json"))
        {
            if (k.Str("rid") == rid && k.Str("index") == index) return (k.Bytes("modulus"), k.Bytes("exponent"));
        }
        throw new InvalidOperationException($"CA key {rid}/{index} not in capk/test-keys.json");
    }

    private static void AssertRecovers(byte[] modulus, byte[] exponent, byte[] signed, string expectedHex, byte format)
    {
        byte[] recovered = Rsa.PublicOperation(modulus, exponent, signed);
        Assert.Equal(modulus.Length, recovered.Length);
        Assert.Equal(0x6A, recovered[0]);
        Assert.Equal(format, recovered[1]);
        Assert.Equal(0xBC, recovered[^1]);
        Assert.Equal(expectedHex, Convert.ToHexString(recovered));
    }

    [SkippableFact]
    public void Visa_test_CAPK_94_recovers_the_issuer_certificate()
    {
        // The case named in the task: 1984-bit CA key, e = 3.
        JsonElement c = SharedVectors.Cases("oda/visa-test-94-sda-dda.json").First(x => x.Str("id") == "visa-test-94-sda-dda-openemv");
        JsonElement inputs = c.GetProperty("inputs");
        (byte[] n, byte[] e) = CaKey("A000000003", "94");
        Assert.Equal(248, n.Length);
        Assert.Equal(new byte[] { 3 }, e);
        AssertRecovers(n, e, inputs.Bytes("issuer_public_key_certificate_90"), c.GetProperty("expected").Str("issuer_certificate_recovered"), 0x02);
    }

    [SkippableTheory]
    [MemberData(nameof(OdaFiles))]
    public void Every_certificate_and_signature_in_the_chains_recovers(string file)
    {
        int recoveries = 0;
        foreach (JsonElement c in SharedVectors.Cases(file))
        {
            if (!c.Str("kind").Contains("chain")) continue;
            JsonElement inputs = c.GetProperty("inputs"), expected = c.GetProperty("expected");
            JsonElement ca = inputs.GetProperty("ca_public_key");
            (byte[] caModulus, byte[] caExponent) = CaKey(ca.Str("rid"), ca.Str("index"));
            Assert.Equal(ca.Bytes("modulus"), caModulus);

            AssertRecovers(caModulus, caExponent, inputs.Bytes("issuer_public_key_certificate_90"), expected.Str("issuer_certificate_recovered"), 0x02);
            byte[] issuerModulus = expected.Bytes("issuer_public_key_modulus");
            byte[] issuerExponent = inputs.Bytes("issuer_public_key_exponent_9F32");
            AssertRecovers(issuerModulus, issuerExponent, inputs.Bytes("icc_public_key_certificate_9F46"), expected.Str("icc_certificate_recovered"), 0x04);
            recoveries += 2;
            if (inputs.Has("signed_static_application_data_93"))
            {
                AssertRecovers(issuerModulus, issuerExponent, inputs.Bytes("signed_static_application_data_93"), expected.Str("ssad_recovered"), 0x03);
                recoveries++;
            }
            AssertRecovers(expected.Bytes("icc_public_key_modulus"), inputs.Bytes("icc_public_key_exponent_9F47"),
                inputs.Bytes("signed_dynamic_application_data_9F4B"), expected.Str("sdad_recovered"), 0x05);
            recoveries++;
        }
        Assert.True(recoveries >= 4, $"only {recoveries} recoveries found in {file}");
    }

    [SkippableFact]
    public void Altered_signature_recovers_to_the_published_invalid_block()
    {
        JsonElement c = SharedVectors.Cases("oda/mastercard-test-cda.json").First(x => x.Str("id") == "mastercard-test-f1-cda-openemv-invalid-sdad");
        JsonElement inputs = c.GetProperty("inputs");
        byte[] recovered = Rsa.PublicOperation(inputs.Bytes("icc_public_key_modulus"), inputs.Bytes("icc_public_key_exponent"),
            inputs.Bytes("signed_dynamic_application_data_9F4B"));
        Assert.Equal(c.GetProperty("expected").Str("recovered"), Convert.ToHexString(recovered));
    }
}
