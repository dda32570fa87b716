using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>
    /// Makes the connection to the provisioned acquirer endpoint (<c>set host</c>, <c>set tlspin</c>): the boot asks
    /// once with the configuration's values and the host session then connects and reconnects it per exchange.
    /// </summary>
    public interface IHostConnector
    {
        /// <summary>
        /// The (not yet connected) connection to <paramref name="address"/>:<paramref name="port"/>; TLS when
        /// <paramref name="tlsPin"/> (SHA-256 of the host's public key, 32 bytes) is not null, plain TCP otherwise.
        /// A board that cannot honour the request (for example TLS without its CA certificate) throws
        /// <see cref="System.NotSupportedException"/> naming what to provision.
        /// </summary>
        IHostConnection Open(string address, int port, byte[] tlsPin);
    }
}
