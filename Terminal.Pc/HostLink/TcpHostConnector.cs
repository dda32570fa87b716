using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Pc.HostLink
{
    /// <summary>
    /// The PC and Linux board's <see cref="IHostConnector"/>: plain TCP, or TLS pinned to the provisioned SHA-256 of
    /// the host certificate's public key (SubjectPublicKeyInfo, the <c>set tlspin</c> value). With a pin the chain is
    /// not consulted: the pin is the trust decision, so a host behind a private CA or a self-signed certificate works.
    /// </summary>
    public sealed class TcpHostConnector : IHostConnector
    {
        /// <inheritdoc />
        public IHostConnection Open(string address, int port, byte[] tlsPin)
        {
            if (tlsPin == null) return new TcpHostConnection(address, port);
            if (tlsPin.Length != 32) throw new NotSupportedException("the TLS pin must be the 32-byte SHA-256 of the host public key");
            byte[] pin = (byte[])tlsPin.Clone();
            return new TcpHostConnection(address, port, new TlsOptions
            {
                ServerCertificateValidation = (sender, certificate, chain, errors) => Matches(certificate, pin),
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

        /// <summary>The pin of <paramref name="certificate"/>: what <c>set tlspin</c> takes for it.</summary>
        public static byte[] PinOf(X509Certificate2 certificate)
        {
            ArgumentNullException.ThrowIfNull(certificate);
            return SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo());
        }
    }
}
