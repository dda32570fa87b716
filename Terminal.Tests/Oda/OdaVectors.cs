using System.Text.Json;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Oda;

/// <summary>Access to the ODA vector files and the list of files and cases the tests consume.</summary>
internal static class OdaVectors
{
    public const string Visa = "oda/visa-test-94-sda-dda.json";
    public const string Mastercard = "oda/mastercard-test-cda.json";
    public const string TestKeys = "capk/test-keys.json";

    /// <summary>Every vector file of oda/ and capk/ that a test reads, with the case ids it handles.</summary>
    public static readonly Dictionary<string, string[]> Consumed = new()
    {
        [Visa] = new[]
        {
            "visa-test-94-sda-dda-openemv", "visa-test-94-invalid-issuer_cert", "visa-test-94-invalid-ssad",
            "visa-test-94-invalid-icc_cert", "visa-test-94-invalid-sdad", "visa-test-94-issuer-cert-wrong-exponent",
            "visa-test-94-issuer-cert-expired",
        },
        [Mastercard] = new[]
        {
            "mastercard-test-f1-cda-openemv", "mastercard-test-f1-cda-openemv-invalid-sdad", "mastercard-test-ef-cda-binaryfoo",
        },
        [TestKeys] = null, // a key list: every record is checked against the shipped key file
    };

    public static JsonElement Case(string file, string id)
    {
        var c = SharedVectors.Cases(file).SingleOrDefault(e => e.Str("id") == id);
        Assert.True(c.ValueKind == JsonValueKind.Object, $"case {id} not found in {file}");
        return c;
    }
}
