using System;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Boards.Esp32
{
    /// <summary>Milliseconds since boot: Environment.TickCount64 (nanoFramework.Runtime.Native.txt).</summary>
    internal sealed class TickClock : IMonotonicClock
    {
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }

    /// <summary>
    /// Local time = UTC (set by SNTP when Wi-Fi connects with requiresDateTime) plus a fixed offset; mscorlib.txt:
    /// DateTime.UtcNow, AddHours(double).
    /// </summary>
    internal sealed class OffsetWallClock : IWallClock
    {
        private readonly int _utcOffsetHours;

        public OffsetWallClock(int utcOffsetHours)
        {
            _utcOffsetHours = utcOffsetHours;
        }

        public DateTime Now
        {
            get { return DateTime.UtcNow.AddHours(_utcOffsetHours); }
        }
    }
}
