using System.Threading;
using nanoFramework.Networking;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// INetworkLink on the ESP32's Wi-Fi through nanoFramework.Networking.WifiNetworkHelper (System.Device.Wifi.txt:
    /// ConnectDhcp(string, string, WifiReconnectionKind, bool, int, CancellationToken), Status; System.Threading.txt:
    /// CancellationTokenSource(int)). The network comes from the provisioned configuration (<c>set wifi</c>), which the
    /// boot passes to <see cref="Connect"/>. requiresDateTime is true: TLS certificate checks need the SNTP time
    /// (nanoframework.md 3.7).
    /// </summary>
    internal sealed class WifiNetworkLink : INetworkLink
    {
        public bool IsUp
        {
            get { return WifiNetworkHelper.Status == NetworkHelperStatus.NetworkIsReady; }
        }

        public bool Connect(string ssid, string password, int timeoutMs)
        {
            if (IsUp) return true;
            // No Wi-Fi provisioned: stay offline-capable (check names it; the boot does not require it).
            if (ssid == null || password == null) return false;
            CancellationTokenSource cts = new CancellationTokenSource(timeoutMs);
            bool ok = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, cts.Token);
            cts.Dispose();
            return ok;
        }
    }
}
