using System.Text.Json;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Oda;
using Terminal.Tests.Capk;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Oda;

/// <summary>Steps shared by the ODA chain vector tests (inputs named as in the oda/*.json files).</summary>
internal static class OdaChainSteps
{
    /// <summary>The store loaded from the shipped test key file, after checking it holds the vector's CA key.</summary>
    public static CaPublicKeyStore ShippedStoreHolding(JsonElement ca)
    {
        var store = CapkTestData.ShippedTestStore();
        var key = store.Find(ca.Bytes("rid"), 0, ca.Bytes("index")[0]);
        Assert.NotNull(key);
        Assert.Equal(ca.Bytes("modulus"), key.Modulus);
        Assert.Equal(ca.Bytes("exponent"), key.Exponent);
        Assert.Equal(ca.Bytes("sha1_checksum"), key.Checksum);
        Assert.Equal(ca.GetProperty("modulus_bits").GetInt32(), key.ModulusLength * 8);
        return store;
    }

    /// <summary>Issuer certificate recovery (Book 2, 5.3) through the store, from a chain's inputs.</summary>
    public static IssuerPublicKeyCertificate RecoverIssuer(CaPublicKeyStore store, byte[] aidOrRid, byte caIndex,
        JsonElement input, byte[] pan, EmvDate date) =>
        IssuerPublicKeyCertificate.Recover(store, aidOrRid, caIndex, input.Bytes("issuer_public_key_certificate_90"),
            input.Bytes("issuer_public_key_remainder_92"), input.Bytes("issuer_public_key_exponent_9F32"), pan, date);

    /// <summary>A valid issuer certificate: recovered block, every field, hash (and its input when listed), key.</summary>
    public static void AssertValidIssuer(ExpectedFields e, IssuerPublicKeyCertificate issuer, JsonElement input)
    {
        Assert.Equal(OdaFailure.None, issuer.Failure);
        e.Equal("issuer_certificate_recovered", issuer.Recovered);
        e.Object("issuer_certificate_fields", OdaFieldMaps.Issuer(issuer));
        if (e.Has("issuer_certificate_hash_input")) e.Equal("issuer_certificate_hash_input", issuer.HashInput);
        Assert.Equal(issuer.HashResult, issuer.ComputedHash);
        e.Equal("issuer_certificate_hash_valid", issuer.IsValid);
        e.Equal("issuer_public_key_modulus", issuer.Modulus);
        Assert.Equal(input.Bytes("issuer_public_key_exponent_9F32"), issuer.Exponent);
    }

    /// <summary>A valid SDAD: recovered block, every field, hash input and hash.</summary>
    public static void AssertValidSdad(ExpectedFields e, SignedDynamicApplicationData sdad)
    {
        Assert.Equal(OdaFailure.None, sdad.Failure);
        e.Equal("sdad_recovered", sdad.Recovered);
        e.Object("sdad_fields", OdaFieldMaps.Sdad(sdad));
        e.Equal("sdad_hash_input", sdad.HashInput);
        Assert.Equal(sdad.HashResult, sdad.ComputedHash);
        e.Equal("sdad_hash_valid", sdad.IsValid);
    }
}
