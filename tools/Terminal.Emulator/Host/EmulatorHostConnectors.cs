using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Pc.HostLink;

namespace Terminal.Emulator.Host;

/// <summary>
/// The emulator's default <see cref="IHostConnector"/>: whatever endpoint the configuration names (<c>set host</c>,
/// <c>set tlspin</c>), the connection is the in-process host simulator's.
/// </summary>
public sealed class InProcessHostConnector(InProcessHostConnection connection) : IHostConnector
{
    /// <summary>Endpoint the boot asked for (shown for diagnosis; not used).</summary>
    public string Requested { get; private set; }

    /// <inheritdoc />
    public IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate)
    {
        Requested = address + ":" + port;
        return connection;
    }
}

/// <summary>
/// <c>--host host:port</c>: a TCP connection (<see cref="TcpHostConnector"/>) to that endpoint instead of the
/// provisioned <c>set host</c>; the provisioned TLS pin and CA certificate still apply (none: plain TCP).
/// </summary>
public sealed class OverriddenHostConnector(string address, int port) : IHostConnector
{
    private readonly TcpHostConnector _tcp = new();

    /// <inheritdoc />
    public IHostConnection Open(string provisionedAddress, int provisionedPort, byte[] tlsPin, byte[] caCertificate) =>
        _tcp.Open(address, port, tlsPin, caCertificate);
}
