using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Provisioning;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IHostConnector of the ESP32. nanoFramework's SslStream has no certificate-validation callback
    /// (nanoframework.md 3.8), so a TLS pin (SHA-256 of the host's public key) cannot be checked here: TLS needs the
    /// host's CA certificate, provisioned with <c>set hostca &lt;base64 DER&gt;</c>, which SslStream verifies the host
    /// against.
    /// - hostca set: TLS 1.2 verified against it (a pin set as well is not checked on this board);
    /// - only a pin: refused with NotSupportedException (the boot reports it as a configuration to fix);
    /// - neither: plain TCP.
    /// </summary>
    internal sealed class NanoHostConnector : IHostConnector
    {
        public IHostConnection Open(string address, int port, byte[] tlsPin, byte[] caCertificate)
        {
            // Portable rule (tested on the PC): the CA certificate, null for plain TCP, NotSupportedException for a pin alone.
            return new NanoHostConnection(address, port, HostCaCertificate.ForCaOnlyTls(caCertificate, tlsPin));
        }
    }
}
