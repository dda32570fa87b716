using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Terminal.Pc.HostLink
{
    /// <summary>TLS settings of a <see cref="TcpHostConnection"/>.</summary>
    public sealed class TlsOptions
    {
        /// <summary>Server name checked against the certificate; null: the host name connected to.</summary>
        public string TargetHost { get; set; }

        /// <summary>
        /// Certificate check; null: the system's default validation. Tests with a self-signed host certificate
        /// pin it here (compare the thumbprint), never accept everything in production.
        /// </summary>
        public RemoteCertificateValidationCallback ServerCertificateValidation { get; set; }

        /// <summary>Client certificate for mutual TLS, or null.</summary>
        public X509Certificate2 ClientCertificate { get; set; }
    }
}
