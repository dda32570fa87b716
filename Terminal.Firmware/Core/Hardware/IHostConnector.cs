using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>
    /// Makes the connection to the provisioned acquirer endpoint (<c>set host</c>, <c>set tlspin</c>, <c>set hostca</c>): the boot asks
    /// once with the configuration's values and the host session then connects and reconnects it per exchange.
    /// </summary>
    public interface IHostConnector
    {
        /// <summary>
        /// The (not yet connected) connection to <paramref name="address"/>:<paramref name="port"/>; TLS when
        /// <paramref name="tlsPin"/> (SHA-256 of the host's public key, 32 bytes) or <paramref name="caCertificate"/>
        /// (DER of the CA that signed the host's certificate) is not null - the host must satisfy each one given -
        /// plain TCP otherwise. A board that cannot honour the request (for example a pin without a CA certificate on
        /// a board without a certificate callback) throws <see cref="System.NotSupportedException"/> naming what to
        /// provision.
        /// </summary>
        IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate);
    }
}
