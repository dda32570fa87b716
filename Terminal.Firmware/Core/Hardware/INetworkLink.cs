namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The network interface (Wi-Fi on the ESP32, the OS network on a PC). The host connection
    /// itself is <see cref="Terminal.Firmware.Core.HostLink.Transport.IHostConnection"/>.</summary>
    public interface INetworkLink
    {
        /// <summary>True when the link is up with an address.</summary>
        bool IsUp { get; }

        /// <summary>Brings the link up (joins the configured Wi-Fi); false when that failed within the timeout.</summary>
        bool Connect(int timeoutMs);
    }
}
