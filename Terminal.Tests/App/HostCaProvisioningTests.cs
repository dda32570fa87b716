#nullable enable
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Tests.VirtualCards.Library;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// <c>set hostca &lt;base64 DER&gt;</c>: the host's CA certificate for boards that verify TLS with a CA certificate (the
/// ESP32). The certificates are made here by the BCL (CertificateRequest), independently of the code under test.
/// </summary>
public class HostCaProvisioningTests
{
    private static byte[] CaCertificate(int rsaBits = 2048)
    {
        using var key = RSA.Create(rsaBits);
        var request = new CertificateRequest("CN=Test Acquirer CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return cert.RawData;
    }

    private static ProvisioningConsole Console() => new(new TerminalConfiguration(), CardLibrary.Crypto);

    [Fact]
    public void A_der_certificate_in_base64_is_accepted_saved_and_shown_by_fingerprint()
    {
        byte[] der = CaCertificate();
        var console = Console();
        Assert.Equal("OK hostca " + der.Length + " bytes", Assert.Single(console.Execute("set hostca " + Convert.ToBase64String(der))));
        Assert.Equal(der, console.Configuration.HostCaCertificate);
        // The saved file carries it and replays to the same bytes.
        string saved = ProvisioningConsole.Serialize(console.Configuration);
        Assert.Contains("set hostca " + Convert.ToBase64String(der) + "\n", saved, StringComparison.Ordinal);
        Assert.Empty(ProvisioningConsole.LoadFile(saved, CardLibrary.Crypto, out TerminalConfiguration? again));
        Assert.Equal(der, again!.HostCaCertificate);
        // show: size and the first 8 bytes of the SHA-256 fingerprint (BCL SHA-256), TLS without a pin.
        string[] shown = ProvisioningConsole.Describe(console.Configuration, CardLibrary.Crypto);
        Assert.Contains("hostca " + der.Length + " bytes SHA-256 " + Convert.ToHexString(SHA256.HashData(der), 0, 8) + "...", shown);
        Assert.Contains(shown, l => l.StartsWith("host -:0 tls dialect", StringComparison.Ordinal));
        Assert.Equal("OK", Assert.Single(console.Execute("set hostca off")));
        Assert.Null(console.Configuration.HostCaCertificate);
    }

    [Fact]
    public void A_4096_bit_ca_certificate_fits_one_console_line()
    {
        byte[] der = CaCertificate(4096);
        string line = "set hostca " + Convert.ToBase64String(der);
        Assert.True(der.Length <= HostCaCertificate.MaxBytes);
        Assert.True(line.Length <= SerialProvisioningSession.MaxLineLength);
        Assert.StartsWith("OK hostca", Console().Execute(line)[0]);
    }

    [Fact]
    public void Malformed_certificates_are_refused_with_the_rule()
    {
        byte[] der = CaCertificate();
        string b64 = Convert.ToBase64String(der);
        var console = Console();
        Assert.Equal("ERROR: host CA certificate must be base64 (A-Z a-z 0-9 + /, '=' padding, length a multiple of 4)",
            console.Execute("set hostca " + b64[..^1])[0]);
        Assert.Equal("ERROR: host CA certificate must be base64 (A-Z a-z 0-9 + /, '=' padding, length a multiple of 4)",
            console.Execute("set hostca -----BEGIN")[0]);
        // 48 bytes of DER: under the minimum.
        Assert.Equal("ERROR: host CA certificate must be 64 to 2048 bytes of DER", console.Execute("set hostca " + Convert.ToBase64String(der, 0, 48))[0]);
        // 2049+ bytes: over the maximum (refused on the text length before decoding).
        Assert.Equal("ERROR: host CA certificate must be 64 to 2048 bytes of DER as one base64 line",
            console.Execute("set hostca " + Convert.ToBase64String(new byte[2100]))[0]);
        // Right size, not a certificate: the outer SEQUENCE cut short, then a SEQUENCE of one element.
        Assert.Equal("ERROR: host CA certificate is not a DER X.509 certificate (RFC 5280 4.1)",
            console.Execute("set hostca " + Convert.ToBase64String(der, 0, der.Length - 1))[0]);
        byte[] one = new byte[100];
        one[0] = 0x30; one[1] = 98; one[2] = 0x30; one[3] = 96;
        Assert.Equal("ERROR: host CA certificate is not a DER X.509 certificate (RFC 5280 4.1)", console.Execute("set hostca " + Convert.ToBase64String(one))[0]);
        Assert.Null(console.Configuration.HostCaCertificate);
    }
}
