using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Terminal.HostSimulation
{
    /// <summary>TLS server certificates for the simulator: a self-signed one made at startup, or one read from a PFX file.</summary>
    public static class SelfSignedCertificate
    {
        /// <summary>A self-signed ECDSA P-256 certificate for "localhost" valid for a day (tests, local runs).</summary>
        public static X509Certificate2 Create(string subject = "CN=localhost")
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            CertificateRequest request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            SubjectAlternativeNameBuilder san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using X509Certificate2 cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
            // Re-import so that the private key is usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
        }

        /// <summary>Reads a PFX (PKCS#12) file with its password (null for none).</summary>
        public static X509Certificate2 Load(string path, string password)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
    }
}
