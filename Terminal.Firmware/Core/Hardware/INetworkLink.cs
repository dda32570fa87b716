namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The network interface (Wi-Fi on the ESP32, the OS network on a PC). The host connection
    /// itself comes from <see cref="IHostConnector"/>.</summary>
    public interface INetworkLink
    {
        /// <summary>True when the link is up with an address.</summary>
        bool IsUp { get; }
        /// <summary>
        /// Brings the link up: joins the provisioned Wi-Fi network <paramref name="ssid"/> with
        /// <paramref name="password"/> (both null when none is provisioned; boards whose network the operating
        /// system brings up ignore them). False when that failed within the timeout.
        /// </summary>
        bool Connect(string ssid, string password, int timeoutMs);
    }
}
