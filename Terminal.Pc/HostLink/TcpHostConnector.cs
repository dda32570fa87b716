using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Pc.HostLink
{
    /// <summary>
    /// The PC and Linux board's <see cref="IHostConnector"/>: plain TCP, or TLS where the host must satisfy each
    /// provisioned check: the SHA-256 of its certificate's public key (SubjectPublicKeyInfo, <c>set tlspin</c>) and/or
    /// a chain to the provisioned CA certificate (<c>set hostca</c>, the only trust anchor, with the host name checked).
    /// </summary>
    public sealed class TcpHostConnector : IHostConnector
    {
        /// <inheritdoc />
        public IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate)
        {
            if (tlsPin == null && caCertificate == null) return new TcpHostConnection(address, port);
            if (tlsPin != null && tlsPin.Length != 32) throw new NotSupportedException("the TLS pin must be the 32-byte SHA-256 of the host public key");
            byte[] pin = tlsPin == null ? null : (byte[])tlsPin.Clone();
            X509Certificate2 ca = caCertificate == null ? null : X509CertificateLoader.LoadCertificate(caCertificate);
            return new TcpHostConnection(address, port, new TlsOptions
            {
                ServerCertificateValidation = (sender, certificate, chain, errors) =>
                    (pin == null || Matches(certificate, pin)) && (ca == null || ChainsTo(certificate, ca, errors)),
            });
        }

        /// <summary>True when the SHA-256 of <paramref name="certificate"/>'s SubjectPublicKeyInfo equals <paramref name="pin"/>.</summary>
        public static bool Matches(X509Certificate certificate, byte[] pin)
        {
            if (certificate == null || pin == null) return false;
            using var cert = new X509Certificate2(certificate);
            byte[] spki = cert.PublicKey.ExportSubjectPublicKeyInfo();
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(spki), pin);
        }

        /// <summary>
        /// True when the host name matched and <paramref name="certificate"/> chains to <paramref name="ca"/> alone
        /// (custom root trust: the system store is not consulted; revocation is not checked, a terminal has no CRL path).
        /// </summary>
        private static bool ChainsTo(X509Certificate certificate, X509Certificate2 ca, SslPolicyErrors errors)
        {
            if (certificate == null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
                return false;
            using var cert = new X509Certificate2(certificate);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(cert);
        }
    }
}
