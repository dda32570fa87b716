using System;
using System.Net.NetworkInformation;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Boards.Linux
{
    /// <summary>The OS network: the link is up when an interface other than loopback is up.</summary>
    public sealed class LinuxNetworkLink : INetworkLink
    {
        /// <inheritdoc/>
        public bool IsUp => NetworkInterface.GetIsNetworkAvailable();

        /// <summary>The OS brings the network up (Wi-Fi credentials are the OS's); this only reports whether it is.</summary>
        public bool Connect(string ssid, string password, int timeoutMs) => IsUp;
    }

    /// <summary>The system's local time.</summary>
    public sealed class SystemWallClock : IWallClock
    {
        /// <inheritdoc/>
        public DateTime Now => DateTime.Now;
    }
}
