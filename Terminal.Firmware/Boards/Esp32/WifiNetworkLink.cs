using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// INetworkLink on the ESP32's Wi-Fi through nanoFramework.Networking.WifiNetworkHelper (System.Device.Wifi.txt:
    /// ConnectDhcp(string, string, WifiReconnectionKind, bool, int, CancellationToken), Status; System.Threading.txt:
    /// CancellationTokenSource(int)). requiresDateTime is true: TLS certificate checks need the SNTP time
    /// (nanoframework.md 3.7).
    /// </summary>
    internal sealed class WifiNetworkLink : INetworkLink
    {
        private readonly string _ssid;
        private readonly string _password;

        public WifiNetworkLink(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        public bool IsUp
        {
            get { return WifiNetworkHelper.Status == NetworkHelperStatus.NetworkIsReady; }
        }

        public bool Connect(int timeoutMs)
        {
            if (IsUp) return true;
            CancellationTokenSource cts = new CancellationTokenSource(timeoutMs);
            bool ok = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, true, 0, cts.Token);
            cts.Dispose();
            return ok;
        }
    }
}
